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

    it('fires for an accept naming an unknown rule', async () => {
        const found = (await findings('accept "security/oauth" on Sync "typo"', '2027-01-01')).filter(f => f.ruleId === 'waiver/expired');
        expect(found.map(f => f.message)).toEqual(['accept names unknown rule "security/oauth"; it waives nothing (waiver/expired)']);
        expect(found[0].property).toBe('rule');
        expect(found[0].range.start.character).toBe(7);
    });

    it('does not fire for a known rule before its until date', async () => {
        const all = await findings('accept "security/oauth2" on Sync "Vendor API only offers API keys" { until 2027-06-30 }', '2027-06-30');
        expect(all.filter(f => f.ruleId === 'waiver/expired')).toEqual([]);
        expect(all.find(f => f.ruleId === 'security/oauth2')?.accepted?.reason).toBe('Vendor API only offers API keys');
    });
});
