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

describe('roadmap/unaddressed-gap builds on the gap findings of the same run', () => {
    it('reports the gaps the gap rules of the run reported, without running them again', async () => {
        const { analysis } = await loadTexts({ 'a.integ': ESTATE });
        const alone = runRules(analysis.estate, { rules: [unaddressedGap], today: '2026-11-26' });
        const gapsAlone = alone.flatMap(f => f.data?.gaps as string[]);
        expect(gapsAlone.length).toBeGreaterThan(0);
        expect(runRules(analysis.estate, { rules: ALL_RULES, today: '2026-11-26' }).filter(f => f.ruleId === unaddressedGap.id)).toEqual(alone);

        // A stand-in for the first gap rule that fires reports nothing: if unaddressed-gap re-ran the
        // real rule it would still name that gap.
        const silenced = gapsAlone[0];
        const runs = new Map<string, number>();
        const rules: Rule[] = [
            ...GAP_RULES.map(rule => ({
                id: rule.id,
                run: (context: Parameters<Rule['run']>[0]) => {
                    runs.set(rule.id, (runs.get(rule.id) ?? 0) + 1);
                    return rule.id === silenced ? [] : rule.run(context);
                }
            })),
            unaddressedGap
        ];
        const together = runRules(analysis.estate, { rules, today: '2026-11-26' }).filter(f => f.ruleId === unaddressedGap.id);
        expect(together.flatMap(f => f.data?.gaps as string[]).sort()).toEqual(gapsAlone.filter(gap => gap !== silenced).sort());
        expect([...runs.values()]).toEqual(GAP_RULES.map(() => 1));
    });
});
