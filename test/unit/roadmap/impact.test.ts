import { describe, expect, it } from 'vitest';
import { applyInitiatives, roadmapImpact } from '../../../language-server/src/analysis/roadmap-impact.js';
import { loadTexts } from '../helpers/workspace.js';
import { SMALL_ESTATE } from './fixtures.js';

async function impactOf(text: string) {
    const workspace = await loadTexts({ 'a.integ': text });
    const { estate, findings } = workspace.analysis;
    return { estate, impact: roadmapImpact(estate, { today: '2027-01-15', findings }) };
}

describe('roadmap impact', () => {
    it('counts the effort of the replaced manual flows as hours eliminated, 15 h/week where none is written', async () => {
        const { impact } = await impactOf(SMALL_ESTATE);
        const [sheet, ledger] = impact.initiatives;
        expect(sheet.name).toBe('SheetToErp');
        expect(sheet.hoursPerWeek).toBe(12);
        expect(sheet.replaced).toEqual([expect.objectContaining({ name: 'SheetKeying', hoursPerWeek: 12, estimated: false })]);
        expect(ledger.hoursPerWeek).toBe(15);
        expect(ledger.replaced[0].estimated).toBe(true);
        expect(impact.totals.hoursPerWeek).toBe(27);
        expect(impact.totals.hoursPerYear).toBe(27 * 52);
        expect(impact.totals.estimatedFlows).toBe(1);
    });

    it('computes integration coverage before and after the roadmap', async () => {
        // Before: automated live flows touch Crm and Erp only → 2 of 4 systems = 50 %.
        // After: SheetApi (Sheet–Erp) and LedgerApi (Erp–Ledger) go live → all 4 systems = 100 %.
        const { impact } = await impactOf(SMALL_ESTATE);
        expect(impact.totals.coverageBefore).toEqual({ integrated: 2, total: 4, percent: 50 });
        expect(impact.totals.coverageAfter).toEqual({ integrated: 4, total: 4, percent: 100 });
        // Manual data movement: 12 + 15 (estimated) h/week before, none after.
        expect(impact.totals.manualHoursBefore.hoursPerWeek).toBe(27);
        expect(impact.totals.manualHoursAfter.hoursPerWeek).toBe(0);
        expect(impact.totals.roi.find(r => r.metric === 'manual-hours')).toMatchObject({ meets: true, modelled: '-100% (27 → 0 h/week)' });
    });

    it('retires replaced flows and makes delivered flows live in the to-be estate, leaving the estate as it was', async () => {
        const { estate } = await impactOf(SMALL_ESTATE);
        const toBe = applyInitiatives(estate, estate.initiatives.values());
        expect(toBe.flows.get('SheetKeying')!.status).toBe('retired');
        expect(toBe.flows.get('SheetApi')!.status).toBe('live');
        expect(estate.flows.get('SheetKeying')!.status).toBe('live');
        expect(estate.flows.get('SheetApi')!.status).toBe('planned');
    });

    it('lists the gap findings an initiative closes', async () => {
        const { impact } = await impactOf(SMALL_ESTATE);
        const closes = impact.initiatives[0].closes;
        expect(closes.some(gap => gap.ruleId === 'gap/no-integration' && gap.element.name === 'SheetKeying')).toBe(true);
        expect(closes.every(gap => gap.element.name !== 'LedgerMail')).toBe(true);
        expect(impact.totals.findingsAfter.gaps).toBeLessThan(impact.totals.findingsBefore.gaps);
    });

    it('reports champions, parallel run, retrospective date and targets against the article', async () => {
        const { impact } = await impactOf(SMALL_ESTATE);
        const sheet = impact.initiatives[0];
        expect(sheet.departments).toEqual([
            { name: 'Sales', title: 'Sales', champions: ['Ana Ruiz', 'Li Wei'], enoughChampions: true },
            { name: 'Finance', title: 'Finance', champions: ['Eva Novak'], enoughChampions: false }
        ]);
        expect(sheet.parallelRunWeeks).toBe(3);
        expect(sheet.parallelRunWithinPolicy).toBe(true);
        // ends 2027-02 (month 4 from 2026-11): last day 2027-02-28 + 30 days.
        expect(sheet.retrospectiveDate).toBe('2027-03-30');
        expect(sheet.targets.find(t => t.metric === 'manual-hours')).toMatchObject({ written: '-60%', meets: true });
        expect(sheet.targets.find(t => t.metric === 'error-rate')).toMatchObject({ written: 'below 2%', meets: false });
        expect(sheet.targets.find(t => t.metric === 'report-time')!.meets).toBeUndefined();
    });

    it('computes savings and payback from cost and the policy hourly cost', async () => {
        const text = SMALL_ESTATE.replace('priority 1  months 2 to 4', 'priority 1  months 2 to 4  cost 31200 USD') + '\npolicy { hourly-cost 50 USD }\n';
        const { impact } = await impactOf(text);
        // 12 h/week × 52 × 50 USD = 31,200 USD a year → payback in 12 months.
        expect(impact.initiatives[0].savingsPerYear).toEqual({ amount: 31200, currency: 'USD' });
        expect(impact.initiatives[0].paybackMonths).toBe(12);
    });
});
