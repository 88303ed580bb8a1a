import { describe, expect, it } from 'vitest';
import type { DiagramLayout } from '../../../language-server/src/diagram/diagram-graph.js';
import { contextLayout } from '../../../language-server/src/diagram/context-layout.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { measureLayout } from '../../../language-server/src/diagram/layout-quality.js';
import { loadTexts } from '../helpers/workspace.js';
import { generatedEstateView } from './helpers.js';

const HUB = [
    'department D',
    'system Hub "The hub" { department D }',
    ...['In1', 'In2', 'In3', 'Out1', 'Out2', 'Both'].map(name => `system ${name} { department D }`),
    'flow A : In1 -> Hub { style api }', 'flow B : In2 -> Hub { style manual  effort 2 hours per week }', 'flow C : In3 -> Hub { style batch }',
    'flow D : Hub -> Out1 { style api }', 'flow E : Hub -> Out2 { style file }',
    'flow F : Hub -> Both { style api }', 'flow G : Both -> Hub { style api }',
    'flow Side : In1 -> In2 { style api }'
].join('\n');

async function hub(text = HUB) {
    const { analysis } = await loadTexts({ 'hub.integ': text });
    return buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'system', name: 'Hub', depth: 1 }, state: 'as-is' });
}

const centre = (layout: DiagramLayout, id: string, axis: 'x' | 'y') => layout.nodes[id][axis] + (axis === 'x' ? layout.nodes[id].width : layout.nodes[id].height) / 2;

describe('context layout', () => {
    for (const direction of ['RIGHT', 'DOWN'] as const) {
        it(`puts what feeds the system on one side and what it feeds on the other, with straight lines (${direction})`, async () => {
            const graph = await hub();
            const layout = contextLayout(graph, direction, true);
            const axis = direction === 'RIGHT' ? 'x' : 'y';
            const focus = centre(layout, 'system:Hub', axis);
            for (const feeder of ['In1', 'In2', 'In3']) expect(centre(layout, `system:${feeder}`, axis)).toBeLessThan(focus);
            for (const fed of ['Out1', 'Out2', 'Both']) expect(centre(layout, `system:${fed}`, axis)).toBeGreaterThan(focus);
            const quality = measureLayout(graph, layout);
            expect(quality).toMatchObject({ crossings: 0, bendsPerEdge: 0, detourWorst: 1, edgeThroughNode: 0, labelLabelOverlaps: 0, labelNodeOverlaps: 0, edgeThroughLabel: 0, nodeOverlaps: 0 });
            expect(quality.labelDistanceWorst).toBe(0);
            // Two flows between the hub and one neighbour: two lines, apart.
            expect(layout.edges['flow:F'].points).not.toEqual(layout.edges['flow:G'].points.slice().reverse());
        });
    }

    it('leaves a flow between two neighbours out of the picture, and says so', async () => {
        const graph = await hub();
        expect(graph.edges.map(edge => edge.id)).not.toContain('flow:Side');
        expect(graph.notes.join(' ')).toMatch(/1 flow between the systems around it is not drawn/);
    });

    it('names a flow of the system to itself, which has no side to go to, instead of counting it among the flows around it', async () => {
        const graph = await hub(`${HUB}\nflow Recheck : Hub -> Hub { style manual }`);
        expect(graph.edges.map(edge => edge.id)).not.toContain('flow:Recheck');
        expect(graph.notes).toContain("'Recheck' runs from a system to itself: the department view draws it.");
        expect(graph.notes.filter(note => note.includes('around it'))).toEqual(['1 flow between the systems around it is not drawn: the department and estate views show it.']);
    });

    it('keeps a system linked both ways on the side it was on before', async () => {
        const graph = await hub();
        const before = contextLayout(graph, 'RIGHT', true);
        const moved = { ...before, nodes: { ...before.nodes, 'system:Both': { ...before.nodes['system:Both'], x: -500 } } };
        const after = contextLayout(graph, 'RIGHT', true, moved);
        expect(centre(after, 'system:Both', 'x')).toBeLessThan(centre(after, 'system:Hub', 'x'));
        expect(centre(contextLayout(graph, 'RIGHT', true), 'system:Both', 'x')).toBeGreaterThan(centre(before, 'system:Hub', 'x'));
    });

    it('steps a one-line label down from a two-line one by the taller label, so the two never touch (unseen estate, a flow added)', async () => {
        // An unseen 40-system estate in twelve departments: Logistics Scm's context top to bottom, its
        // labels of two lines (title, hours a week) in tiers; the added flow's label has one line.
        const options = { seed: 607, systems: 40, departments: 12, flows: 90, entities: 16, processes: 5, initiatives: 5, files: 4 };
        const estate = await generatedEstateView(options, { view: { kind: 'system', name: 'LogisticsScm', depth: 1 }, state: 'as-is' });
        const before = contextLayout(estate.graph, 'DOWN', true);
        const graph = await estate.withAdded('flow AddedFlow1 "Added flow 1" : LogisticsScm -> SalesCrm { style manual }');
        const after = contextLayout(graph, 'DOWN', true, before);
        const added = after.edges['flow:AddedFlow1'];
        expect(added.labelLines).toEqual(['Added flow 1']);
        // The premise: its label shares the gap with labels of two lines, tiered.
        const tops = new Set(Object.values(after.edges).filter(edge => edge.label && edge.labelLines?.length === 2 && edge.label.y < added.label!.y + added.label!.height).map(edge => edge.label!.y));
        expect(tops.size).toBeGreaterThan(1);
        expect(measureLayout(graph, after)).toMatchObject({ labelLabelOverlaps: 0, labelNodeOverlaps: 0, edgeThroughLabel: 0, edgeThroughNode: 0, crossings: 0 });
    });
});
