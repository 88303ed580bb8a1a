import { describe, expect, it } from 'vitest';
import { ARTICLE_TARGETS_BLOCK } from '../../../language-server/src/fixes/rule-fixes.js';
import { applyFix } from './fix-harness.js';

const roadmap = (body: string) => `roadmap R {
  initiative CrmToErp {
    priority 1
${body}  }
}
`;

const COMPLETE = `    parallel-run 3 weeks\n    retrospective 30 days\n    ${ARTICLE_TARGETS_BLOCK}\n`;

describe('roadmap quick fixes', () => {
    it('adds parallel-run 3 weeks', async () => {
        const text = roadmap(`    retrospective 30 days\n    ${ARTICLE_TARGETS_BLOCK}\n`);
        const fixed = await applyFix(text, 'change/parallel-run', 'CrmToErp', 'Set parallel-run 3 weeks');
        expect(fixed).toBe(roadmap(`    retrospective 30 days\n    ${ARTICLE_TARGETS_BLOCK}\n    parallel-run 3 weeks\n`));
    });

    it('replaces a parallel run outside the policy range', async () => {
        const text = COMPLETE.replace('parallel-run 3 weeks', 'parallel-run 8 weeks');
        expect(await applyFix(roadmap(text), 'change/parallel-run', 'CrmToErp', 'Set parallel-run 3 weeks')).toBe(roadmap(COMPLETE));
    });

    it('picks a length inside a policy range that excludes 3 weeks', async () => {
        const text = `policy { parallel-run 5 to 6 weeks }\n${roadmap(COMPLETE)}`;
        const fixed = await applyFix(text, 'change/parallel-run', 'CrmToErp', 'Set parallel-run 5 weeks');
        expect(fixed).toContain('parallel-run 5 weeks');
    });

    it('adds retrospective 30 days when the parallel run is also missing', async () => {
        const text = roadmap(`    ${ARTICLE_TARGETS_BLOCK}\n`);
        const fixed = await applyFix(text, 'change/parallel-run', 'CrmToErp', 'Set retrospective 30 days', 'retrospective');
        expect(fixed).toBe(roadmap(`    ${ARTICLE_TARGETS_BLOCK}\n    retrospective 30 days\n`));
    });

    it("adds a targets block with the article's figures", async () => {
        const text = roadmap('    parallel-run 3 weeks\n    retrospective 30 days\n');
        const fixed = await applyFix(text, 'roi/targets', 'CrmToErp', "Add the article's ROI targets");
        expect(fixed).toBe(roadmap(COMPLETE));
        expect(ARTICLE_TARGETS_BLOCK).toBe('targets { manual-hours -50%  error-rate below 1%  report-time -75%  productivity +15%  downtime below 2 hours per month }');
    });

    it('replaces weaker targets', async () => {
        const text = roadmap(COMPLETE.replace(ARTICLE_TARGETS_BLOCK, 'targets { manual-hours -20% }'));
        expect(await applyFix(text, 'roi/targets', 'CrmToErp', "Use the article's ROI targets")).toBe(roadmap(COMPLETE));
    });

    it('adds a block to an initiative written without one', async () => {
        const text = 'roadmap R {\n  initiative CrmToErp\n}\n';
        const fixed = await applyFix(text, 'roi/targets', 'CrmToErp', "Add the article's ROI targets");
        expect(fixed).toBe(`roadmap R {\n  initiative CrmToErp { ${ARTICLE_TARGETS_BLOCK} }\n}\n`);
    });
});
