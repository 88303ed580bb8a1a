import { describe, expect, it } from 'vitest';
import { answerRoadmapRequest } from '../../../language-server/src/lsp/roadmap-request.js';
import type { WorkspaceAnalysis } from '../../../language-server/src/workspace/workspace-analysis.js';
import { loadTexts, uri } from '../helpers/workspace.js';
import { ARTICLE_ROADMAP } from './fixtures.js';

async function analysisOf(text: string): Promise<WorkspaceAnalysis> {
    const workspace = await loadTexts({ 'plan.integ': text });
    return { result: workspace.analysis } as unknown as WorkspaceAnalysis;
}

describe('integ/roadmap request', () => {
    it('answers with the schedule, the rendered body and where each initiative is declared', async () => {
        const result = answerRoadmapRequest({ today: '2027-04-15' }, await analysisOf(ARTICLE_ROADMAP), false);
        expect(result.report.schedule.today).toBe('2027-04');
        expect(result.report.schedule.todayIndex).toBe(3);
        expect(result.fragment.match(/<g class="bar p\d" data-initiative="/g)).toHaveLength(6);
        expect(result.locations.HrToPayroll).toEqual({
            uri: uri('plan.integ'),
            range: { start: { line: 5, character: 13 }, end: { line: 5, character: 24 } }
        });
        expect(result.hasErrors).toBe(false);
        // The result crosses the wire as JSON: nothing may be lost on the way.
        expect(JSON.parse(JSON.stringify(result.report))).toEqual(result.report);
    });

    it("ignores a malformed today and uses the server's date", async () => {
        const result = answerRoadmapRequest({ today: '<script>' } as never, await analysisOf(ARTICLE_ROADMAP), true);
        expect(result.report.schedule.today).toBe(new Date().toISOString().slice(0, 7));
        expect(result.hasErrors).toBe(true);
    });
});
