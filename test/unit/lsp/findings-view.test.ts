import { describe, expect, it } from 'vitest';
import { findingsGroups, FIX_FIRST_COUNT } from '../../../language-server/src/lsp/findings-groups.js';
import type { FindingItem, FindingsQuery } from '../../../language-server/src/lsp/protocol.js';
import { findingTotals } from '../../../language-server/src/analysis/findings-totals.js';
import { fixFirst } from '../../../language-server/src/analysis/fix-first.js';
import { answerFindingsRequest, findingsQuery } from '../../../language-server/src/lsp/findings-request.js';
import type { Finding } from '../../../language-server/src/rules/finding.js';
import { lspWorkspace } from './lsp-workspace.js';

const ESTATE = `department Sales
department Finance
entity Customer { master Crm  field email: PII  field segment }
system Crm "Sales Cloud" { kind crm  department Sales }
system Erp { kind erp  department Finance  stores Customer }
system Sheet { kind spreadsheet  department Sales  owner "Ana" }
system Mail { kind marketing }
flow Rekey "Re-keying" : Crm -> Sheet { carries Customer.email  style manual  schedule weekly  effort 12 hours per week }
flow Typing : Erp -> Crm { carries Customer.segment  style manual  schedule weekly  effort 3 hours per week }
flow Sync : Crm -> Erp { carries Customer.*  style api  auth oauth2  tls 1.2  monitored }
flow Copy : Erp -> Mail { carries Customer.segment  style file  auth basic  tls 1.2  secrets vault }
process Billing { rank 1  steps Sync }
accept "security/audit-log" on Sync "logged by the platform"
`;

async function analysed() {
    const { integ } = await lspWorkspace({ 'a.integ': ESTATE });
    return integ.analysis.WorkspaceAnalysis;
}

const query = (change: Partial<FindingsQuery> = {}): FindingsQuery => ({ groupBy: 'rule', sortBy: 'severity', ...change });
const keyOf = (finding: Pick<Finding, 'ruleId' | 'range'> & { element: { kind: string; name: string } }) => `${finding.ruleId} ${finding.element.kind}:${finding.element.name} ${finding.range.start.line}:${finding.range.start.character}`;
const keysOf = (items: readonly FindingItem[]) => items.map(keyOf);

describe('the findings view (integ/findings)', () => {
    it('by rule: every finding once, the counts of each group and of all as the report counts them', async () => {
        const analysis = await analysed();
        const { findings } = analysis.result;
        const answer = answerFindingsRequest(query(), analysis, false);
        const listed = answer.groups.flatMap(group => keysOf(group.findings));
        expect(listed.sort()).toEqual(findings.map(keyOf).sort());
        const { total } = findingTotals(findings);
        expect(answer.total).toEqual({ error: total.errors, warning: total.warnings, info: total.infos, accepted: total.accepted });
        for (const group of answer.groups) {
            expect(group.findings.every(item => item.ruleId === group.key)).toBe(true);
            expect(group.counts.error + group.counts.warning + group.counts.info + group.counts.accepted).toBe(group.findings.length);
        }
        expect(answer.groups.find(group => group.key === 'gap/no-integration')).toMatchObject({
            label: 'gap/no-integration — Manual re-entry between systems', hoursPerWeek: 15, counts: { warning: 2 }
        });
        expect(answer.hasErrors).toBe(false);
    });

    it('"fix first" is the report\'s ranking: the first rows of fixFirst, in its order', async () => {
        const analysis = await analysed();
        const { estate, findings } = analysis.result;
        const answer = answerFindingsRequest(query(), analysis, false);
        const report = fixFirst(estate, findings, FIX_FIRST_COUNT).map(row => keyOf(row.finding));
        expect(keysOf(answer.fixFirst.findings)).toEqual(report);
        expect(answer.fixFirst.findings[0]).toMatchObject({ ruleId: 'gap/no-integration', element: { name: 'Rekey' }, hoursPerWeek: 12 });
        expect(answer.fixFirst.findings.some(item => item.state === 'accepted')).toBe(false);
        // Whatever the grouping or the sort, the same rows.
        expect(keysOf(answerFindingsRequest(query({ groupBy: 'system', sortBy: 'hours' }), analysis, false).fixFirst.findings)).toEqual(report);
    });

    it('by system: a flow\'s finding under both its ends; findings on no system last', async () => {
        const analysis = await analysed();
        const { groups } = answerFindingsRequest(query({ groupBy: 'system' }), analysis, false);
        const rekey = (key: string) => groups.find(group => group.key === key)!.findings.some(item => item.element.name === 'Rekey' && item.ruleId === 'gap/no-integration');
        expect(rekey('Crm') && rekey('Sheet')).toBe(true);
        expect(groups.find(group => group.key === 'Crm')!.label).toBe('Sales Cloud');
        const none = groups.findIndex(group => group.key === '');
        if (none >= 0) expect(none).toBe(groups.length - 1);
    });

    it('by department and by regulation', async () => {
        const analysis = await analysed();
        const byDepartment = answerFindingsRequest(query({ groupBy: 'department' }), analysis, false).groups.map(group => group.key);
        expect(byDepartment).toEqual(expect.arrayContaining(['Sales', 'Finance']));
        const byRegulation = answerFindingsRequest(query({ groupBy: 'regulation' }), analysis, false).groups;
        const gdpr = byRegulation.find(group => group.key === 'GDPR')!;
        expect(gdpr.findings.some(item => item.element.name === 'Rekey')).toBe(true);
        expect(gdpr.findings.some(item => item.element.name === 'Copy')).toBe(false);
    });

    it('sorts groups by hours or by severity, and findings inside the same way', async () => {
        const analysis = await analysed();
        const byHours = answerFindingsRequest(query({ groupBy: 'area', sortBy: 'hours' }), analysis, false).groups;
        expect(byHours[0].key).toBe('gap');
        expect(byHours.map(group => group.hoursPerWeek)).toEqual([...byHours.map(group => group.hoursPerWeek)].sort((a, b) => b - a));
        const bySeverity = answerFindingsRequest(query({ groupBy: 'area', sortBy: 'severity' }), analysis, false).groups;
        const errors = bySeverity.filter(group => group.key !== '').map(group => group.counts.error);
        expect(errors).toEqual([...errors].sort((a, b) => b - a));
        const gap = byHours[0].findings.map(item => item.hoursPerWeek);
        expect(gap).toEqual([...gap].sort((a, b) => b - a));
    });

    it('filters by severity (accepted apart) and by text, fix-first included', async () => {
        const analysis = await analysed();
        const accepted = answerFindingsRequest(query({ states: ['accepted'] }), analysis, false);
        expect(accepted.groups.flatMap(group => group.findings).map(item => [item.ruleId, item.element.name, item.acceptedReason]))
            .toEqual([['security/audit-log', 'Sync', 'logged by the platform']]);
        expect(accepted.total).toEqual({ error: 0, warning: 0, info: 0, accepted: 1 });
        expect(accepted.fixFirst.findings).toEqual([]);
        const text = answerFindingsRequest(query({ text: 'typing' }), analysis, false);
        expect(text.groups.flatMap(group => group.findings).every(item => item.element.name === 'Typing' || item.message.toLowerCase().includes('typing'))).toBe(true);
        expect(text.fixFirst.findings.length).toBeGreaterThan(0);
        expect(text.fixFirst.findings.every(item => item.element.name === 'Typing')).toBe(true);
        const errors = answerFindingsRequest(query({ states: ['error'] }), analysis, false);
        expect(errors.groups.flatMap(group => group.findings).every(item => item.state === 'error')).toBe(true);
    });

    it('answers a malformed query as an invalid request', () => {
        expect(findingsQuery(undefined)).toEqual({ groupBy: 'rule', sortBy: 'severity', states: [], text: '' });
        expect(() => findingsQuery({ groupBy: 'colour' })).toThrow(/groupBy/);
        expect(() => findingsQuery({ sortBy: 'name' })).toThrow(/sortBy/);
        expect(() => findingsQuery({ states: ['fatal'] })).toThrow(/states/);
        expect(() => findingsQuery({ text: 3 })).toThrow(/text/);
    });

    it('is the same pure function the request answers with', async () => {
        const analysis = await analysed();
        const { estate, findings } = analysis.result;
        const { hasErrors, ...answer } = answerFindingsRequest(query({ groupBy: 'department' }), analysis, true);
        expect(hasErrors).toBe(true);
        expect(answer).toEqual(findingsGroups(estate, findings, query({ groupBy: 'department' })));
    });
});
