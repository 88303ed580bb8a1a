import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../language-server/src/rules/all-rules.js';
import { GAP_RULES } from '../../../language-server/src/rules/gap-rules.js';
import { unaddressedGap } from '../../../language-server/src/rules/roadmap-rules.js';
import type { Rule } from '../../../language-server/src/rules/rule-kit.js';
import { runRules } from '../../../language-server/src/rules/run-rules.js';
import { loadTexts } from '../helpers/workspace.js';

const ESTATE = `
system Crm { kind crm  users 20 }
system Erp { kind erp  users 30 }
system Sheet { kind spreadsheet  shadow  users 2 }
entity Order { master Erp  field id  field total }
flow ErpToSheet : Erp -> Sheet { carries Order.*  style manual  effort 3 hours per week }
flow CrmToErp : Crm -> Erp { carries Order.id  style file  schedule daily }
`;

const TODAY = '2026-11-26';

describe('roadmap/unaddressed-gap builds on the gap findings of the same run', () => {
    it('names, per flow, the gap rules that reported on that flow in the run', async () => {
        const { analysis } = await loadTexts({ 'a.integ': ESTATE });
        const findings = runRules(analysis.estate, { today: TODAY });
        const gapsOn = (flow: string) => findings.filter(f => f.ruleId.startsWith('gap/') && f.element.name === flow).map(f => f.ruleId);
        const unaddressed = findings.filter(f => f.ruleId === unaddressedGap.id);
        expect(unaddressed.map(f => f.element.name).sort()).toEqual(['CrmToErp', 'ErpToSheet']);
        for (const finding of unaddressed) {
            expect(finding.data?.gaps).toEqual([...new Set(gapsOn(finding.element.name))]);
            expect(finding.message).toContain(`${finding.element.name} has `);
        }
        expect(runRules(analysis.estate, { rules: [unaddressedGap], today: TODAY })).toEqual([]);
    });

    it('does not run the gap rules again: a silenced stand-in leaves its gap out', async () => {
        const { analysis } = await loadTexts({ 'a.integ': ESTATE });
        const full = runRules(analysis.estate, { rules: ALL_RULES, today: TODAY }).filter(f => f.ruleId === unaddressedGap.id);
        const silenced = (full[0].data?.gaps as string[])[0];
        const calls = new Map<string, number>();
        const rules: Rule[] = [
            ...GAP_RULES.map((rule): Rule => ({
                id: rule.id,
                each: (rule.each ?? []).map(part => ({
                    ...part,
                    check(element: never, context: never, report: never) {
                        calls.set(rule.id, (calls.get(rule.id) ?? 0) + 1);
                        if (rule.id !== silenced) (part.check as (e: never, c: never, r: never) => void)(element, context, report);
                    }
                })) as Rule['each'] & object
            })),
            unaddressedGap
        ];
        const together = runRules(analysis.estate, { rules, today: TODAY }).filter(f => f.ruleId === unaddressedGap.id);
        expect(together.flatMap(f => f.data?.gaps as string[]).sort())
            .toEqual(full.flatMap(f => f.data?.gaps as string[]).filter(gap => gap !== silenced).sort());
        const elements = { flow: analysis.estate.flows.size, system: analysis.estate.systems.size, entity: analysis.estate.entities.size };
        expect(Object.fromEntries(calls)).toEqual(Object.fromEntries(GAP_RULES.map(rule => [rule.id, elements[rule.each![0].kind]])));
    });
});
