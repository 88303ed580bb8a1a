import { describe, expect, it } from 'vitest';
import { loadTexts } from '../helpers/workspace.js';

async function findings(body: string) {
    const workspace = await loadTexts({ 'a.integ': `roadmap R {\n  initiative CrmToErp { ${body} }\n}` });
    return workspace.analysis.findings.filter(f => f.ruleId === 'roi/targets');
}

describe('roi/targets', () => {
    it('fires for an initiative without targets', async () => {
        const found = await findings('priority 1');
        expect(found.map(f => f.message)).toEqual([
            "CrmToErp sets no ROI targets; the article's are manual hours −50 %, error rate below 1 % (roi/targets)"
        ]);
        expect(found[0].range.start.line).toBe(1);
        expect(found[0].severity).toBe('warning');
    });

    it('fires for targets weaker than the article', async () => {
        const found = await findings('targets { manual-hours -30%  error-rate below 5% }');
        expect(found.map(f => f.message)).toEqual([
            "CrmToErp targets are weaker than the article's: manual hours -30 % (the article: −50 % or more); error rate below 5 % (the article: below 1 %) (roi/targets)"
        ]);
        expect(found[0].property).toBe('targets');
    });

    it('fires when a target the article sets is left out', async () => {
        const found = await findings('targets { manual-hours -60% }');
        expect(found.map(f => f.message)).toEqual([
            "CrmToErp targets are weaker than the article's: no error-rate target (the article: below 1 %) (roi/targets)"
        ]);
    });

    it("does not fire for the article's targets or stronger", async () => {
        expect(await findings('targets { manual-hours -50%  error-rate below 1% }')).toEqual([]);
        expect(await findings('targets { manual-hours -70%  error-rate below 0.5% }')).toEqual([]);
    });
});
