import { describe, expect, it } from 'vitest';
import { monthsInFlight } from '../../../language-server/src/model/roadmap-months.js';
import { loadTexts } from '../helpers/workspace.js';

async function findings(text: string, ruleId: string) {
    const workspace = await loadTexts({ 'a.integ': text });
    const errors = [...workspace.diagnostics.values()].flat().filter(d => d.severity === 1 && !String(d.code ?? '').includes('/'));
    expect(errors.map(e => e.message)).toEqual([]);
    return workspace.analysis.findings.filter(f => f.ruleId === ruleId);
}

const ARTICLE_ROADMAP = (wipLimit = '') => `
${wipLimit}
roadmap Article {
  start 2027-01
  initiative CrmToErp { priority 1  months 1 to 3 }
  initiative ErpToFinance { priority 2  months 2 to 4 }
  initiative HrToPayroll { priority 3  months 3 to 5 }
  initiative MarketingToCrm { priority 4  months 4 to 6 }
  initiative SupplyChainToErp { priority 5  months 5 to 8 }
  initiative AnalyticsLayer { priority 6  months 6 to 10 }
}
`;

describe('roadmap/wip-limit', () => {
    it("flags exactly months 3, 4, 5 and 6 of the article's roadmap under the default limit of 2", async () => {
        const found = await findings(ARTICLE_ROADMAP(), 'roadmap/wip-limit');
        expect(found.map(f => f.data?.month)).toEqual(['2027-03', '2027-04', '2027-05', '2027-06']);
        expect(found[0].message).toBe('3 initiatives in flight in 2027-03 (CrmToErp, ErpToFinance, HrToPayroll); the policy allows 2 (roadmap/wip-limit)');
        expect(found.map(f => f.element.name)).toEqual(['HrToPayroll', 'MarketingToCrm', 'SupplyChainToErp', 'AnalyticsLayer']);
        // Shown on the `months` of the initiative that starts latest: line 7 is HrToPayroll.
        expect(found[0].range.start.line).toBe(6);
        expect(found[0].severity).toBe('warning');
    });

    it('does not fire when the policy allows three in flight', async () => {
        expect(await findings(ARTICLE_ROADMAP('policy { wip-limit 3 }'), 'roadmap/wip-limit')).toEqual([]);
    });

    it('labels months by number when the roadmap has no start', async () => {
        const found = await findings(`roadmap R {
  initiative A { months 1 to 2 }
  initiative B { months 1 to 2 }
  initiative C { months 2 }
}`, 'roadmap/wip-limit');
        expect(found.map(f => f.message)).toEqual(['3 initiatives in flight in month 2 (A, B, C); the policy allows 2 (roadmap/wip-limit)']);
    });
});

describe('roadmap months', () => {
    it("counts the initiatives in flight in each month of the article's roadmap", async () => {
        const workspace = await loadTexts({ 'a.integ': ARTICLE_ROADMAP() });
        const { estate } = workspace.analysis;
        const roadmap = estate.roadmaps.get('Article');
        if (!roadmap) throw new Error('roadmap not built');
        const months = monthsInFlight(estate, roadmap);
        expect(months.map(m => [m.label, m.initiatives.length])).toEqual([
            ['2027-01', 1], ['2027-02', 2], ['2027-03', 3], ['2027-04', 3], ['2027-05', 3],
            ['2027-06', 3], ['2027-07', 2], ['2027-08', 2], ['2027-09', 1], ['2027-10', 1]
        ]);
    });
});

describe('roadmap/dependency-order', () => {
    const model = (months: string) => `roadmap R {
  start 2027-01
  initiative CrmToErp { months ${months}  depends-on ErpToFinance }
  initiative ErpToFinance { months 2 to 4 }
}`;

    it('fires when an initiative starts before its dependency ends', async () => {
        const found = await findings(model('1 to 3'), 'roadmap/dependency-order');
        expect(found.map(f => f.message)).toEqual(['CrmToErp starts in 2027-01 but depends on ErpToFinance, which runs until 2027-04 (roadmap/dependency-order)']);
        expect(found[0].severity).toBe('error');
        expect(found[0].range.start.line).toBe(2);
    });

    it('fires when it starts in the month its dependency ends', async () => {
        expect(await findings(model('4 to 6'), 'roadmap/dependency-order')).toHaveLength(1);
    });

    it('does not fire when it starts after the dependency ends', async () => {
        expect(await findings(model('5 to 6'), 'roadmap/dependency-order')).toEqual([]);
    });
});

describe('roadmap/dependency-cycle', () => {
    const cycle = `roadmap R {
  initiative A { depends-on C }
  initiative B { depends-on A }
  initiative C { depends-on B }
  initiative D { depends-on A }
}`;

    it('fires once per cycle, without months, on the first initiative of the cycle, naming the way round', async () => {
        const found = await findings(cycle, 'roadmap/dependency-cycle');
        expect(found.map(f => f.message)).toEqual(['A, B and C depend on each other (A → C → B → A); none of them can start first (roadmap/dependency-cycle)']);
        expect(found[0].severity).toBe('error');
        expect(found[0].element).toEqual({ kind: 'initiative', name: 'A' });
        expect(found[0].range).toEqual({ start: { line: 1, character: 28 }, end: { line: 1, character: 29 } });
        expect(found[0].related?.map(r => r.message)).toEqual(['B is in the cycle', 'C is in the cycle']);
    });

    it('says neither for two, and leaves their months to it: no dependency-order finding inside a cycle', async () => {
        const text = `roadmap R {
  start 2027-01
  initiative A { months 1 to 2  depends-on B }
  initiative B { months 2 to 3  depends-on A }
}`;
        expect((await findings(text, 'roadmap/dependency-cycle')).map(f => f.message)).toEqual(['A and B depend on each other (A → B → A); neither can start first (roadmap/dependency-cycle)']);
        expect(await findings(text, 'roadmap/dependency-order')).toEqual([]);
    });

    it('finds a cycle as long as the roadmap without a recursion as deep', async () => {
        const count = 20_000;
        const lines = Array.from({ length: count }, (_, i) => `  initiative I${i} { depends-on I${(i + 1) % count} }`);
        const found = await findings(`roadmap R {\n${lines.join('\n')}\n}`, 'roadmap/dependency-cycle');
        expect(found).toHaveLength(1);
        expect((found[0].data as { path: string[] }).path).toHaveLength(count + 1);
        expect(found[0].related).toHaveLength(count - 1);
    });

    it('does not fire for a chain or a diamond', async () => {
        const text = `roadmap R {
  initiative A
  initiative B { depends-on A }
  initiative C { depends-on A }
  initiative D { depends-on B, C }
}`;
        expect(await findings(text, 'roadmap/dependency-cycle')).toEqual([]);
    });
});

const GAP_ESTATE = `
department Sales
system Crm { kind crm  department Sales  owner "Ana" }
system Erp { kind erp  department Sales  owner "Ana" }
entity Order { master Crm  field id }
flow OrderReentry : Crm -> Erp { carries Order.id  style manual  effort 12 hours per week }
flow OrderFax : Crm -> Erp { carries Order.id  style email  effort 30 hours per week }
`;

describe('roadmap/unaddressed-gap', () => {
    it('fires on a live gap flow that no initiative replaces', async () => {
        const found = await findings(`${GAP_ESTATE}
roadmap R { initiative Fix { replaces OrderReentry } }`, 'roadmap/unaddressed-gap');
        expect(found.map(f => f.message)).toEqual(['OrderFax has gap/no-integration; no roadmap initiative replaces it (roadmap/unaddressed-gap)']);
        expect(found[0].severity).toBe('info');
        expect(found[0].range.start.line).toBe(6);
    });

    it('does not fire when every gap flow is replaced', async () => {
        expect(await findings(`${GAP_ESTATE}
roadmap R { initiative Fix { replaces OrderReentry, OrderFax } }`, 'roadmap/unaddressed-gap')).toEqual([]);
    });

    it('lists every gap of the flow and leaves out an accepted one', async () => {
        const model = `${GAP_ESTATE}
system Sheet { kind spreadsheet  department Sales }
flow Push : Crm -> Sheet { carries Order.id  style script  auth oauth2  tls 1.2  monitored  owner "Ops" }
roadmap R { initiative Fix { replaces OrderReentry, OrderFax } }`;
        const found = await findings(model, 'roadmap/unaddressed-gap');
        expect(found.map(f => f.message)).toEqual(['Push has gap/fragile and gap/excel-export; no roadmap initiative replaces it (roadmap/unaddressed-gap)']);
        const accepted = await findings(`${model}
accept "gap/fragile" on Push "Rewrite planned" { until 2999-01-01 }
accept "gap/excel-export" on Push "Finance insists" { until 2999-01-01 }`, 'roadmap/unaddressed-gap');
        expect(accepted).toEqual([]);
    });

    it('does not count a gap rule the policy turns off', async () => {
        expect(await findings(`${GAP_ESTATE}
policy { rule "gap/no-integration" off }
roadmap R { initiative Fix { replaces OrderReentry } }`, 'roadmap/unaddressed-gap')).toEqual([]);
    });
});

describe('roadmap/priority-order', () => {
    const model = (faxPriority: number) => `${GAP_ESTATE}
roadmap R {
  initiative Reentry { priority 1  replaces OrderReentry }
  initiative Fax { priority ${faxPriority}  replaces OrderFax }
}`;

    it('fires when a lower priority saves more hours per week', async () => {
        const found = await findings(model(2), 'roadmap/priority-order');
        expect(found.map(f => f.message)).toEqual([
            'Fax saves 30 h/week but has priority 2, after Reentry (priority 1, 12 h/week); the article orders by business impact (roadmap/priority-order)'
        ]);
        expect(found[0].element.name).toBe('Fax');
        expect(found[0].range.start.line).toBe(10);
    });

    it('does not fire when priority follows the hours saved', async () => {
        const text = model(2).replace('priority 1  replaces OrderReentry', 'priority 3  replaces OrderReentry');
        expect(await findings(text, 'roadmap/priority-order')).toEqual([]);
    });
});
