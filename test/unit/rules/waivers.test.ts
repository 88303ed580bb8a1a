import { describe, expect, it } from 'vitest';
import { runRules } from '../../../language-server/src/rules/run-rules.js';
import { loadTexts } from '../helpers/workspace.js';

const MODEL = `
system Crm { kind crm }
system Erp { kind erp }
flow Sync : Crm -> Erp { style api  auth api-key  tls 1.2 }
`;

async function findings(waiver: string, today: string) {
    const workspace = await loadTexts({ 'a.integ': `${MODEL}${waiver}\n` });
    return runRules(workspace.analysis.estate, { today });
}

describe('waiver/expired', () => {
    it('fires for an accept past its until date', async () => {
        const all = await findings('accept "security/oauth2" on Sync "Vendor API only offers API keys" { ticket "OPS-12"  until 2027-06-30 }', '2027-07-01');
        const found = all.filter(f => f.ruleId === 'waiver/expired');
        expect(found.map(f => f.message)).toEqual([
            'accept of security/oauth2 on Sync expired on 2027-06-30 (ticket OPS-12); the finding counts again (waiver/expired)'
        ]);
        expect(found[0].range.start.line).toBe(4);
        expect(found[0].property).toBe('until');
        // The waived finding is no longer accepted.
        expect(all.find(f => f.ruleId === 'security/oauth2')?.accepted).toBeUndefined();
    });

    it('reads a year-month until as the end of that month', async () => {
        const waiver = 'accept "security/oauth2" on Sync "Vendor API" { until 2027-06 }';
        expect((await findings(waiver, '2027-06-30')).filter(f => f.ruleId === 'waiver/expired')).toEqual([]);
        expect((await findings(waiver, '2027-07-01')).filter(f => f.ruleId === 'waiver/expired')).toHaveLength(1);
    });

    it('does not fire for a known rule before its until date', async () => {
        const all = await findings('accept "security/oauth2" on Sync "Vendor API only offers API keys" { until 2027-06-30 }', '2027-06-30');
        expect(all.filter(f => f.ruleId === 'waiver/expired')).toEqual([]);
        expect(all.find(f => f.ruleId === 'security/oauth2')?.accepted?.reason).toBe('Vendor API only offers API keys');
    });
});

describe('waiver/unknown-rule', () => {
    it('fires on the rule id of an accept naming an unknown rule, with the nearest rule', async () => {
        const all = await findings('accept "security/oauth" on Sync "typo"', '2027-01-01');
        const found = all.filter(f => f.ruleId === 'waiver/unknown-rule');
        expect(found.map(f => f.message)).toEqual(['accept names unknown rule "security/oauth"; it waives nothing. Did you mean "security/oauth2"? (waiver/unknown-rule)']);
        expect(found[0].severity).toBe('warning');
        expect(found[0].property).toBe('rule');
        expect(found[0].range).toEqual({ start: { line: 4, character: 7 }, end: { line: 4, character: 23 } });
        expect(found[0].data).toMatchObject({ suggestion: 'security/oauth2' });
        expect(all.filter(f => f.ruleId === 'waiver/expired')).toEqual([]);
        expect(all.find(f => f.ruleId === 'security/oauth2')?.accepted).toBeUndefined();
    });

    it('offers no rule when none is close', async () => {
        const found = (await findings('accept "nonsense" on Sync "typo"', '2027-01-01')).filter(f => f.ruleId === 'waiver/unknown-rule');
        expect(found.map(f => f.message)).toEqual(['accept names unknown rule "nonsense"; it waives nothing (waiver/unknown-rule)']);
    });

    it('finds a rule named without its area', async () => {
        const found = (await findings('accept "least-privilege" on Sync "no area"', '2027-01-01')).filter(f => f.ruleId === 'waiver/unknown-rule');
        expect(found[0].data).toMatchObject({ suggestion: 'security/least-privilege' });
    });
});

describe('waiver/duplicate', () => {
    const first = 'accept "security/oauth2" on Sync "Vendor API only offers API keys" { until 2027-06-30 }';
    const second = 'accept "security/oauth2" on Sync "Renewed for the next contract" { ticket "OPS-99"  until 2028-06-30 }';

    it('fires on the second accept of the same finding, on its target, naming the first', async () => {
        const all = await findings(`${first}\n${second}`, '2027-01-01');
        const found = all.filter(f => f.ruleId === 'waiver/duplicate');
        expect(found.map(f => f.message)).toEqual(['accept of security/oauth2 on Sync repeats the one at a.integ:5; keep one decision (the first in force applies) (waiver/duplicate)']);
        expect(found[0].range.start).toEqual({ line: 5, character: 28 });
        expect(found[0].related?.map(r => r.range.start.line)).toEqual([4]);
        expect(all.find(f => f.ruleId === 'security/oauth2')?.accepted?.reason).toBe('Vendor API only offers API keys');
    });

    it('applies the first waiver still in force: a renewal written as a second accept keeps the finding accepted', async () => {
        const all = await findings(`${first}\n${second}`, '2027-08-01');
        expect(all.find(f => f.ruleId === 'security/oauth2')?.accepted?.reason).toBe('Renewed for the next contract');
        expect(all.filter(f => f.ruleId === 'waiver/duplicate')).toHaveLength(1);
        expect(all.filter(f => f.ruleId === 'waiver/expired')).toHaveLength(1);
    });

    it('does not fire for waivers of different rules or elements', async () => {
        const other = 'accept "security/tls" on Sync "Legacy endpoint"';
        expect((await findings(`${first}\n${other}`, '2027-01-01')).filter(f => f.ruleId === 'waiver/duplicate')).toEqual([]);
    });
});
