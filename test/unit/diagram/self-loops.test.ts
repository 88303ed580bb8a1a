import { describe, expect, it } from 'vitest';
import { EXPAND_ALL } from '../../../language-server/src/diagram/diagram-graph.js';
import { compoundElkGraph, compoundLayout } from '../../../language-server/src/diagram/compound-layout.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { fitIntoPrevious } from '../../../language-server/src/diagram/incremental-layout.js';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { measureLayout } from '../../../language-server/src/diagram/layout-quality.js';
import { loadTexts } from '../helpers/workspace.js';
import { CountingRunner, fixtureView } from './helpers.js';

const ESTATE = `
department Ops "Operations"
system Planner "Production planner" { kind custom department Ops }
system Mes "Shop floor system" { kind custom department Ops }
system Sheets "Shift sheets" { kind spreadsheet department Ops }
flow Orders : Planner -> Mes { style api }
flow Shifts : Sheets -> Planner { style manual effort 2 hours per week }
flow Replan : Planner -> Planner { style manual effort 3 hours per week }
`;

describe('a flow from a system to itself', () => {
    it('is drawn as a bracket over the middle of one side of its box, out and back in, nothing drawn over anything', async () => {
        const { analysis } = await loadTexts({ 'estate.integ': ESTATE });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'department', name: 'Ops' }, state: 'as-is' }, '2026-12-01');
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const loop = graph.edges.find(edge => edge.flows.includes('Replan'))!;
        expect(loop.source).toBe(loop.target);
        const box = layout.nodes[loop.source];
        const points = layout.edges[loop.id].points;
        expect(points).toHaveLength(4);
        const [a, out, back, b] = points;
        const onLeftOrRight = a.x === b.x && (a.x === box.x || a.x === box.x + box.width);
        const onTopOrBottom = a.y === b.y && (a.y === box.y || a.y === box.y + box.height);
        expect(onLeftOrRight || onTopOrBottom).toBe(true);
        // Out of the side far enough for its arrowhead, and over half of the side, not a tick at a corner.
        const [reach, span, side] = onLeftOrRight ? [Math.abs(out.x - a.x), Math.abs(b.y - a.y), box.height] : [Math.abs(out.y - a.y), Math.abs(b.x - a.x), box.width];
        expect(reach).toBeGreaterThanOrEqual(10);
        expect(span).toBeGreaterThanOrEqual(side * 0.5 - 0.5);
        expect(onLeftOrRight ? out.y === a.y && back.y === b.y && out.x === back.x : out.x === a.x && back.x === b.x && out.y === back.y).toBe(true);
        const quality = measureLayout(graph, layout);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expect(quality.labelDistanceWorst).toBeLessThanOrEqual(10);
    });

    it('added by an edit, is fitted into the picture: every box in place, a bracket on a free side of its box, labelled', async () => {
        const view = { view: { kind: 'department' as const, name: 'Ops' }, state: 'as-is' as const };
        const graphOf = async (text: string) => {
            const { analysis } = await loadTexts({ 'estate.integ': text });
            return buildDiagramGraph(analysis.estate, analysis.findings, view, '2026-12-01');
        };
        const graph = await graphOf(ESTATE.replace(/^flow Replan.*$/m, ''));
        const before = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const edited = await graphOf(ESTATE);
        const fitted = fitIntoPrevious(edited, before, true)!;
        expect(fitted).toBeDefined();
        // The picture may move as a whole (a label left of the box moves it clear of the left edge); no box moves against another.
        const first = graph.nodes[0].id;
        const shift = { x: fitted.nodes[first].x - before.nodes[first].x, y: fitted.nodes[first].y - before.nodes[first].y };
        for (const node of graph.nodes) expect(fitted.nodes[node.id], node.id).toEqual({ ...before.nodes[node.id], x: before.nodes[node.id].x + shift.x, y: before.nodes[node.id].y + shift.y });
        const loop = edited.edges.find(edge => edge.flows.includes('Replan'))!;
        const box = fitted.nodes[loop.source];
        const geometry = fitted.edges[loop.id];
        expect(geometry.points).toHaveLength(4);
        const [a, , , b] = geometry.points;
        const sameSide = (a.x === b.x && (a.x === box.x || a.x === box.x + box.width)) || (a.y === b.y && (a.y === box.y || a.y === box.y + box.height));
        expect(sameSide).toBe(true);
        expect(geometry.label).toBeDefined();
        const quality = measureLayout(edited, fitted);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expect(quality.labelDistanceWorst).toBeLessThanOrEqual(10);
    });

    it('three on one side are nested, none on a run of another, and count no detour (corner-cases estate, department B)', async () => {
        const graph = await fixtureView('corner-cases', { view: { kind: 'department', name: 'B' }, state: 'as-is' })();
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const loops = graph.edges.filter(edge => edge.source === edge.target);
        expect(loops).toHaveLength(3);
        const quality = measureLayout(graph, layout);
        expect(quality.hiddenShareAnyEdge).toBe(0);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        // Each farther loop spans more of the side than the one inside it.
        const spans = loops.map(edge => layout.edges[edge.id].points).map(([a, , , b]) => Math.hypot(b.x - a.x, b.y - a.y)).sort((p, q) => p - q);
        expect(new Set(spans).size).toBe(3);
    });

    it('three on one box in a picture that runs right are drawn on sides of their own, no loop through another\'s label (corner-cases, department B laid out alone)', async () => {
        // Running right, ELK sets the loops on the top side and stacks their labels outward, each as
        // wide as the box: nested, the outer loops crossed the inner ones' labels.
        const full = await fixtureView('corner-cases', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] })();
        const nodes = full.nodes.filter(node => node.group === 'group:B').map(node => ({ ...node, group: undefined }));
        const ids = new Set(nodes.map(node => node.id));
        const graph = { ...full, groups: [], nodes, edges: full.edges.filter(edge => ids.has(edge.source) && ids.has(edge.target)) };
        const input = compoundElkGraph(graph, { direction: 'RIGHT', labelled: true });
        const layout = compoundLayout(graph, await new CountingRunner().run(input.root), input, 'RIGHT');
        const loops = graph.edges.filter(edge => edge.source === edge.target);
        expect(loops).toHaveLength(3);
        const quality = measureLayout(graph, layout);
        expect(quality.edgeThroughLabel + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughNode).toBe(0);
        expect(quality.labelDistanceWorst).toBeLessThanOrEqual(10);
        const box = layout.nodes[loops[0].source];
        const sideOf = (id: string) => {
            const [a, , , b] = layout.edges[id].points;
            return a.x === b.x ? (a.x === box.x ? 'left' : 'right') : (a.y === box.y ? 'top' : 'bottom');
        };
        expect(new Set(loops.map(edge => sideOf(edge.id))).size).toBe(3);
    });
});
