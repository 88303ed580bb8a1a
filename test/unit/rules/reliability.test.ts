import { describe, expect, it } from 'vitest';
import { loadTexts } from '../helpers/workspace.js';

async function findings(text: string) {
    const workspace = await loadTexts({ 'a.integ': text });
    return workspace.analysis.findings.filter(f => f.ruleId === 'reliability/downtime');
}

const model = (downtime: string, extra = '') => `${extra}
system Crm { kind crm }
system Erp { kind erp }
flow Sync : Crm -> Erp { style api  downtime ${downtime} }
`;

describe('reliability/downtime', () => {
    it('fires when downtime exceeds the default budget of 2 h/month', async () => {
        const found = await findings(model('3 hours per month'));
        expect(found.map(f => f.message)).toEqual(['Sync is down 3 h/month; the downtime budget is 2 h/month (reliability/downtime)']);
        expect(found[0].range.start.line).toBe(3);
        expect(found[0].property).toBe('downtime');
        expect(found[0].severity).toBe('warning');
    });

    it('converts other rates to hours per month', async () => {
        const found = await findings(model('1 hour per week'));
        // A month is 30 days: 1 h/week is 30/7 h/month.
        expect(found.map(f => f.message)).toEqual(['Sync is down 4.3 h/month; the downtime budget is 2 h/month (reliability/downtime)']);
    });

    it('does not fire within the budget', async () => {
        expect(await findings(model('2 hours per month'))).toEqual([]);
    });

    it('follows the policy downtime budget', async () => {
        expect(await findings(model('3 hours per month', 'policy { downtime-budget 4 hours per month }'))).toEqual([]);
    });

    it('ignores retired flows', async () => {
        expect(await findings(model('3 hours per month  status retired'))).toEqual([]);
    });
});
