import { beforeAll, describe, expect, it } from 'vitest';
import { dataLineage, type Lineage } from '../../../language-server/src/analysis/data-lineage.js';
import { loadFiles } from '../../../language-server/src/cli/load-files.js';
import { EXPAND_ALL } from '../../../language-server/src/diagram/diagram-graph.js';
import { flowLens, roadmapMarks, systemLens, type LensContext } from '../../../language-server/src/diagram/element-lens.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { indexEstate } from '../../../language-server/src/model/estate-index.js';
import type { Estate } from '../../../language-server/src/model/estate.js';
import type { Finding } from '../../../language-server/src/rules/finding.js';
import { runCliIn } from '../helpers/cli-run.js';

let estate: Estate;
let findings: Finding[];
/** The lineage of every classified field of acme, keyed `Entity.field`. */
const lineages = new Map<string, Lineage>();

beforeAll(async () => {
    ({ estate, findings } = (await loadFiles(['samples/acme'], process.cwd())).analysis);
    for (const entity of estate.entities.values()) {
        for (const field of entity.fields) {
            if (field.classification) lineages.set(`${entity.name}.${field.name}`, dataLineage(estate, { entity: entity.name, field: field.name }, findings));
        }
    }
});

const sorted = (names: Iterable<string>) => [...names].sort();

describe('the follow-the-data lens lights exactly what the lineage lists (every classified field of samples/acme)', () => {
    it('over the whole estate: the systems and flows the lens marks followed are the lineage\'s systems and hops', () => {
        expect(lineages.size).toBeGreaterThan(50);
        const index = indexEstate(estate);
        const roadmap = roadmapMarks(estate, '2026-01-01');
        const systems = [...estate.systems.values()].filter(system => !system.source.builtin);
        const flows = [...estate.flows.values()].filter(flow => !flow.source.builtin);
        for (const [name, lineage] of lineages) {
            const context: LensContext = { estate, index, roadmap, followed: { entity: lineage.entity, field: lineage.field } };
            expect(sorted(systems.filter(system => systemLens(context, system).followed).map(system => system.name)), name)
                .toEqual(sorted(lineage.systems.map(system => system.name)));
            expect(sorted(flows.filter(flow => flowLens(context, flow).followed).map(flow => flow.name)), name)
                .toEqual(sorted(lineage.hops.map(hop => hop.flow)));
        }
    });

    it('the lineage\'s own picture draws its systems and hops, every one lit, nothing dimmed', () => {
        for (const [name, lineage] of lineages) {
            const graph = buildDiagramGraph(estate, findings, {
                view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL], follow: name,
                only: { title: `Lineage of ${name}`, systems: lineage.systems.map(system => system.name), flows: lineage.hops.map(hop => hop.flow) }
            }, '2026-01-01');
            expect(graph.title).toBe(`Lineage of ${name}`);
            expect(sorted(graph.nodes.map(node => node.id)), name).toEqual(sorted(lineage.systems.map(system => `system:${system.name}`)));
            expect(sorted(graph.edges.flatMap(edge => edge.flows)), name).toEqual(sorted(lineage.hops.map(hop => hop.flow)));
            expect([...graph.nodes, ...graph.edges].every(element => element.lens.followed === true), name).toBe(true);
        }
    });

    it('agrees with the rules: every finding on a current flow carrying the field, or on a system holding it, is on that hop or system of the lineage', () => {
        let checked = 0;
        for (const [name, lineage] of lineages) {
            const hops = new Map(lineage.hops.map(hop => [hop.flow, hop]));
            const systems = new Map(lineage.systems.map(system => [system.name, system]));
            for (const finding of findings) {
                if (finding.element.kind === 'flow') {
                    const flow = estate.flows.get(finding.element.name)!;
                    const carries = flow.status !== 'retired' && flow.carries.some(c => c.entity === lineage.entity && c.fields.includes(lineage.field!));
                    if (!carries) continue;
                    expect(hops.get(flow.name)?.findings, `${name}: ${finding.ruleId} on ${flow.name}`).toContain(finding);
                    checked++;
                } else if (finding.element.kind === 'system' && systems.has(finding.element.name)) {
                    expect(systems.get(finding.element.name)!.findings, `${name}: ${finding.ruleId} on ${finding.element.name}`).toContain(finding);
                    checked++;
                }
            }
        }
        expect(checked).toBeGreaterThan(100);
    });
});

describe('integ lineage --format svg', () => {
    it('draws the lineage of Payment.cardNumber: the phone sheet, Stripe and the systems that store it, the keying hop, under its own title', async () => {
        const { code, stdout } = await runCliIn(process.cwd(), 'lineage', 'Payment.cardNumber', 'samples/acme', '--format', 'svg');
        expect(code).toBe(0);
        expect(stdout.startsWith('<svg ')).toBe(true);
        expect(stdout).toContain('<title>Lineage of Payment.cardNumber</title>');
        const lineage = lineages.get('Payment.cardNumber')!;
        const drawn = (kind: string) => sorted([...stdout.matchAll(new RegExp(`data-id='${kind}:([^']+)'`, 'g'))].map(match => match[1]));
        expect(drawn('system')).toEqual(sorted(lineage.systems.map(system => system.name)));
        expect(drawn('flow')).toEqual(['CardKeying']);
        expect(stdout).not.toMatch(/class='[^']*\bdim\b/);
    });
});
