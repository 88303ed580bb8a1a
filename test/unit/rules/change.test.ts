import { describe, expect, it } from 'vitest';
import { loadTexts } from '../helpers/workspace.js';

async function findings(text: string, ruleId: string) {
    const workspace = await loadTexts({ 'a.integ': text });
    return workspace.analysis.findings.filter(f => f.ruleId === ruleId);
}

describe('change/champions', () => {
    const model = (financeChampions: string) => `
department Sales { champions "Ana Ruiz", "Li Wei" }
department Finance { ${financeChampions} }
roadmap R {
  initiative CrmToErp { departments Sales, Finance  parallel-run 3 weeks  retrospective 30 days }
}`;

    it('fires for a department of an initiative with fewer champions than the policy', async () => {
        const found = await findings(model('champions "Jo Park"'), 'change/champions');
        expect(found.map(f => f.message)).toEqual([
            'Finance has 1 champion (Jo Park) for CrmToErp; the policy asks for 2–3 per department (change/champions)'
        ]);
        expect(found[0].range.start.line).toBe(4);
        expect(found[0].property).toBe('departments');
    });

    it('says so when a department has none', async () => {
        const found = await findings(model(''), 'change/champions');
        expect(found.map(f => f.message)).toEqual(['Finance has no champions for CrmToErp; the policy asks for 2–3 per department (change/champions)']);
    });

    it('does not fire with two champions', async () => {
        expect(await findings(model('champions "Jo Park", "Sam Lee"'), 'change/champions')).toEqual([]);
    });

    it('follows the policy minimum', async () => {
        expect(await findings(`policy { champions 1 per department }\n${model('champions "Jo Park"')}`, 'change/champions')).toEqual([]);
    });
});

describe('change/parallel-run', () => {
    const model = (body: string) => `roadmap R {
  initiative CrmToErp { ${body} }
}`;

    it('fires when the parallel run and the retrospective are missing', async () => {
        const found = await findings(model('priority 1'), 'change/parallel-run');
        expect(found.map(f => f.message)).toEqual([
            'CrmToErp plans no parallel run; run old and new side by side for 2–4 weeks (change/parallel-run)',
            'CrmToErp plans no retrospective; hold one within 30 days of go-live (change/parallel-run)'
        ]);
        expect(found[0].range.start.line).toBe(1);
    });

    it('fires when the parallel run is outside 2–4 weeks or the retrospective later than 30 days', async () => {
        const found = await findings(model('parallel-run 1 week  retrospective 60 days'), 'change/parallel-run');
        expect(found.map(f => f.message)).toEqual([
            'CrmToErp runs in parallel for 1 weeks; the policy asks for 2–4 weeks (change/parallel-run)',
            'CrmToErp holds its retrospective after 60 days; the article asks for one within 30 days (change/parallel-run)'
        ]);
        expect(found.map(f => f.property)).toEqual(['parallelRun', 'retrospective']);
    });

    it('does not fire for a 3-week parallel run and a 30-day retrospective', async () => {
        expect(await findings(model('parallel-run 3 weeks  retrospective 30 days'), 'change/parallel-run')).toEqual([]);
    });
});
