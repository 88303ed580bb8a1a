import { describe, expect, it } from 'vitest';
import { scheduleRoadmaps } from '../../../language-server/src/analysis/roadmap-schedule.js';
import { loadTexts } from '../helpers/workspace.js';
import { ARTICLE_ROADMAP, SMALL_ESTATE } from './fixtures.js';

async function schedule(text: string, today = '2027-03-10') {
    const workspace = await loadTexts({ 'a.integ': text });
    return scheduleRoadmaps(workspace.analysis.estate, today);
}

describe('roadmap schedule', () => {
    it('places months relative to the start across a year boundary', async () => {
        const result = await schedule(SMALL_ESTATE, '2027-01-20');
        const sheet = result.initiatives.find(i => i.name === 'SheetToErp')!;
        // start 2026-11, months 2 to 4 → 2026-12 … 2027-02
        expect([result.months[sheet.startIndex].label, result.months[sheet.endIndex].label]).toEqual(['2026-12', '2027-02']);
        expect(result.months.map(m => m.label)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03']);
        expect(result.today).toBe('2027-01');
        expect(result.todayIndex).toBe(1);
    });

    it("shades months 3 to 6 of the article's six-priority roadmap at the default WIP limit of 2", async () => {
        const result = await schedule(ARTICLE_ROADMAP);
        expect(result.wipLimit).toBe(2);
        expect(result.months.filter(m => m.overLimit).map(m => m.label)).toEqual(['2027-03', '2027-04', '2027-05', '2027-06']);
        expect(result.months.find(m => m.label === '2027-03')!.inFlight).toEqual(['CrmToErp', 'ErpToFinance', 'HrToPayroll']);
        expect(result.months.find(m => m.label === '2027-07')!.inFlight).toEqual(['SupplyChainToErp', 'AnalyticsLayer']);
        expect(result.initiatives.map(i => i.name)).toEqual(['CrmToErp', 'ErpToFinance', 'HrToPayroll', 'MarketingToCrm', 'SupplyChainToErp', 'AnalyticsLayer']);
    });

    it('follows the policy wip-limit', async () => {
        const result = await schedule(`policy { wip-limit 3 }\n${ARTICLE_ROADMAP}`);
        expect(result.months.filter(m => m.overLimit)).toEqual([]);
    });

    it('reports an initiative that starts before one it depends on ends', async () => {
        const result = await schedule(`
roadmap R { start 2027-01
  initiative A { months 1 to 3 }
  initiative B { months 3 to 4  depends-on A }
  initiative C { months 4 to 5  depends-on A }
}`);
        expect(result.dependencyProblems).toEqual([{ initiative: 'B', dependsOn: 'A', starts: '2027-03', dependencyEnds: '2027-03' }]);
    });

    it('lists initiatives it cannot place and leaves today unmarked outside the calendar', async () => {
        const result = await schedule(`roadmap R { initiative A { months 1 to 2 } }\nroadmap S { start 2027-01  initiative B { priority 1 }  initiative C { months 1 to 1 } }`, '2030-01-01');
        expect(result.unscheduled.map(u => [u.name, u.reason])).toEqual([
            ['A', 'roadmap R has no `start`'], ['B', 'no `months` written']
        ]);
        expect(result.initiatives.map(i => i.name)).toEqual(['C']);
        expect(result.todayIndex).toBeUndefined();
    });
});
