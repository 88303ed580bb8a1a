import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InitiativeGaps, disappeared } from '../../../language-server/src/analysis/initiative-gaps.js';
import { applyInitiatives } from '../../../language-server/src/analysis/roadmap-impact.js';
import type { Estate } from '../../../language-server/src/model/estate.js';
import { GAP_RULES } from '../../../language-server/src/rules/gap-rules.js';
import { findingOn, type Rule } from '../../../language-server/src/rules/rule-kit.js';
import { runRules } from '../../../language-server/src/rules/run-rules.js';
import { sampleWorkspaces } from '../robustness/fuzz-inputs.js';
import { loadTexts } from '../helpers/workspace.js';

const TODAY = '2027-01-15';

/** What the roadmap said before it was made linear: every gap rule over the whole estate once per initiative. */
function closedByRerunning(estate: Estate, rules: readonly Rule[], name: string): string[] {
    const before = runRules(estate, { rules, today: TODAY });
    const after = runRules(applyInitiatives(estate, [estate.initiatives.get(name)!]), { rules, today: TODAY });
    return disappeared(before, after).map(f => f.message);
}

function closedByChecking(estate: Estate, rules: readonly Rule[]): (name: string) => string[] {
    const gaps = new InitiativeGaps(estate, rules, TODAY);
    return name => gaps.closedBy(estate.initiatives.get(name)!).map(f => f.message);
}

async function estateOf(files: Record<string, string>): Promise<Estate> {
    return (await loadTexts(files)).analysis.estate;
}

function expectSameAsRerunning(estate: Estate, rules: readonly Rule[] = GAP_RULES): void {
    const checking = closedByChecking(estate, rules);
    for (const name of estate.initiatives.keys()) expect(checking(name), name).toEqual(closedByRerunning(estate, rules, name));
}

describe('the gaps each initiative closes, checking only what it changes', () => {
    test.each([...sampleWorkspaces()].map(([folder, files]) => [folder, files] as const))('samples/%s: the same findings, in the same order, as re-running every rule', async (_folder, files) => {
        const estate = await estateOf(Object.fromEntries(Object.entries(files).map(([uri, text]) => [uri.replace(/^file:\/\/\/samples\//, '').replace(/\//g, '_'), text])));
        expect(estate.initiatives.size).toBeGreaterThan(0);
        expectSameAsRerunning(estate);
    });

    test('a delivered flow closes a one-way gap on another flow, and a planned system going live changes who stores an entity', async () => {
        const estate = await estateOf({
            'a.integ': `entity Order { field id }
entity Lead { master Crm  field id }
system Crm { kind crm  stores Order, Lead  edits Lead }
system Erp { kind erp  stores Order  edits Order }
system Lake { kind analytics  status planned  stores Order }
flow Push : Crm -> Erp { carries Order.id  style api  monitored  owner "Ops" }
flow Back : Erp -> Crm { carries Order.id  style api  monitored  owner "Ops"  status planned }
flow Fill : Erp -> Lake { carries Order.id  style batch  status planned }
flow Leads : Erp -> Crm { carries Lead.id  style manual }
roadmap R { start 2027-01
  initiative CloseLoop { months 1  delivers Back }
  initiative Lake { months 2  delivers Fill }
  initiative Retire { months 3  replaces Leads, Push }
}`
        });
        const checking = closedByChecking(estate, GAP_RULES);
        expect(checking('CloseLoop')).toEqual([expect.stringContaining('Erp edits Order, but no flow carries Order back from Erp to Crm')]);
        expectSameAsRerunning(estate);
    });

    test('a gap rule over the whole estate is run again per initiative', async () => {
        const flows: Rule = {
            id: 'gap/lonely-flow',
            *run({ estate }) {
                const live = [...estate.flows.values()].filter(flow => flow.status === 'live');
                if (live.length === 1) yield findingOn('gap/lonely-flow', live[0], `${live[0].name} is the only live flow`);
            }
        };
        const estate = await estateOf({
            'a.integ': 'system A { kind crm }\nsystem B { kind erp }\nflow F : A -> B { style manual }\nflow G : B -> A { style api  status planned }\nroadmap R { initiative I { delivers G } }'
        });
        expect(closedByChecking(estate, [...GAP_RULES, flows])('I')).toEqual(['F is the only live flow (gap/lonely-flow)']);
        expectSameAsRerunning(estate, [...GAP_RULES, flows]);
    });
});

const STYLES = ['manual', 'email', 'file', 'batch', 'api', 'script', 'shared-db'];
const STATUSES = ['live', 'planned', 'retired'];

/** Small random estates: systems that edit and store, flows of every style and status, initiatives that replace and deliver. */
const randomEstate = fc.record({
    systems: fc.array(fc.record({ planned: fc.boolean(), kind: fc.constantFrom('crm', 'erp', 'spreadsheet'), department: fc.constantFrom('Sales', 'Ops'), edits: fc.subarray(['E0', 'E1']), stores: fc.subarray(['E0', 'E1']) }), { minLength: 2, maxLength: 5 }),
    masters: fc.array(fc.nat({ max: 4 }), { maxLength: 2 }),
    flows: fc.array(fc.record({ from: fc.nat({ max: 4 }), to: fc.nat({ max: 4 }), twoWay: fc.boolean(), entity: fc.constantFrom('E0', 'E1'), style: fc.constantFrom(...STYLES), status: fc.constantFrom(...STATUSES), monitored: fc.boolean() }), { maxLength: 8 }),
    initiatives: fc.array(fc.record({ replaces: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7]), delivers: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7]) }), { minLength: 1, maxLength: 4 })
}).map(({ systems, masters, flows, initiatives }) => {
    const system = (i: number) => `S${i % systems.length}`;
    const lines = [
        'department Sales', 'department Ops',
        `entity E0 { ${masters.map(m => `master ${system(m)}`).join(' ')} freshness 1 hour  field id: PII }`, 'entity E1 { field id }',
        ...systems.map((s, i) => `system S${i} { kind ${s.kind}  department ${s.department}${s.planned ? '  status planned' : ''}${s.stores.length ? `  stores ${s.stores.join(', ')}` : ''}${s.edits.length ? `  edits ${s.edits.join(', ')}` : ''} }`),
        ...flows.map((f, i) => `flow F${i} : ${system(f.from)} ${f.twoWay ? '<->' : '->'} ${system(f.to)} { carries ${f.entity}.id  style ${f.style}  schedule daily  status ${f.status}${f.monitored ? '  monitored' : ''} }`),
        'roadmap R {',
        ...initiatives.map((init, i) => {
            const names = (list: number[]) => list.filter(n => n < flows.length).map(n => `F${n}`).join(', ');
            return `  initiative I${i} {${names(init.replaces) ? ` replaces ${names(init.replaces)}` : ''}${names(init.delivers) ? ` delivers ${names(init.delivers)}` : ''} }`;
        }),
        '}'
    ];
    return lines.join('\n');
});

describe('property: on random estates the closed gaps are those of re-running every rule', () => {
    test('random estates', async () => {
        let closing = 0;
        await fc.assert(fc.asyncProperty(randomEstate, async text => {
            const estate = await estateOf({ 'a.integ': text });
            expectSameAsRerunning(estate);
            if ([...estate.initiatives.keys()].some(name => closedByRerunning(estate, GAP_RULES, name).length > 0)) closing++;
        }), { numRuns: 60, seed: 20261205 });
        // Most estates have an initiative that closes something: the comparison is not between empty lists.
        expect(closing).toBeGreaterThan(15);
    }, 120_000);
});
