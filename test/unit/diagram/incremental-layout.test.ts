import { describe, expect, it } from 'vitest';
import { EXPAND_ALL, emptyCounts, type Box, type DiagramGraph, type DiagramLayout, type Point } from '../../../language-server/src/diagram/diagram-graph.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { drawLinesInto, fitIntoPrevious } from '../../../language-server/src/diagram/incremental-layout.js';
import { DiagramLayouter, padToAspect } from '../../../language-server/src/diagram/layout.js';
import type { ElkNode } from '../../../language-server/src/diagram/elk-types.js';
import { displacement, measureLayout } from '../../../language-server/src/diagram/layout-quality.js';
import { targetsMissed } from '../../../language-server/src/diagram/layout-choice.js';
import { canLeave, orthogonalRoute } from '../../../language-server/src/diagram/orthogonal-route.js';
import { crossingPoint, segmentThroughBox } from '../../../language-server/src/diagram/layout-quality.js';
import { loadTexts } from '../helpers/workspace.js';
import type { Estate, Flow } from '../../../language-server/src/model/estate.js';
import { CountingRunner, fixtureView, generatedEstate, generatedEstateView } from './helpers.js';
import { compoundElkGraph, compoundLayout } from '../../../language-server/src/diagram/compound-layout.js';
import { withBandsClosed } from '../../../language-server/src/diagram/flow-compaction.js';
import { generateEstate, scaledOptions } from '../../../scripts/gen-estate.js';
import { pathLength } from '../../../language-server/src/diagram/box-geometry.js';

/** A department of a small chain with an outside feeder: enough room round it for a few more. */
const BASE = `
department Fin "Finance"
department Ops "Operations"
system Erp { kind erp department Ops }
system Ledger { kind finance department Fin }
system Payables { kind finance department Fin }
system Close { kind spreadsheet department Fin }
system Recon { kind finance department Fin }
flow Invoices : Erp -> Payables { style api }
flow Postings : Payables -> Ledger { style batch }
flow TrialBalance : Ledger -> Close { style manual }
flow Reconciled : Close -> Recon { style manual }
`;

const VIEW = { view: { kind: 'department' as const, name: 'Fin' }, state: 'as-is' as const };

/** The estate with one more live flow, `AddedFlow`, and the systems given (a new one among them, or the estate's). */
function withFlow(estate: Estate, source: string, target: string, style: Flow['style'], systems = estate.systems): Estate {
    const template = [...estate.flows.values()].find(flow => flow.status === 'live' && !flow.source.builtin)!;
    const added = { ...template, name: 'AddedFlow', title: 'Added flow', sourceSystem: source, targetSystem: target, twoWay: false, style, status: 'live' as const, effortHoursPerWeek: undefined };
    return { ...estate, systems, flows: new Map(estate.flows).set('AddedFlow', added) };
}

/** A department's view of the generated 150-system estate. */
async function generatedDepartment(name: string) {
    const estateFiles = generateEstate(scaledOptions(150, { files: 4, seed: 11 })).files;
    const { analysis } = await loadTexts(Object.fromEntries(estateFiles.map(file => [file.name, file.text])));
    const options = { view: { kind: 'department' as const, name }, state: 'as-is' as const };
    return { analysis, options, graph: buildDiagramGraph(analysis.estate, analysis.findings, options) };
}

/** Every box of `graph` where it was, the added flow drawn within 2.5 times the way between its ends, nothing drawn over anything. */
function expectFittedIn(graph: DiagramGraph, before: DiagramLayout, edited: DiagramGraph, after: DiagramLayout): void {
    for (const node of graph.nodes) expect(after.nodes[node.id], node.id).toEqual(before.nodes[node.id]);
    const line = after.edges[edited.edges.find(edge => edge.flows.includes('AddedFlow'))!.id].points;
    const [a, b] = [line[0], line[line.length - 1]];
    expect(pathLength(line)).toBeLessThanOrEqual(2.5 * Math.hypot(b.x - a.x, b.y - a.y));
    expectClean(edited, after);
}

async function graphOf(text: string): Promise<DiagramGraph> {
    const { analysis } = await loadTexts({ 'estate.integ': text });
    return buildDiagramGraph(analysis.estate, analysis.findings, VIEW, '2026-12-01');
}

function expectClean(graph: DiagramGraph, layout: DiagramLayout): void {
    const q = measureLayout(graph, layout);
    expect(q.undrawn).toBe(0);
    expect(q.edgeThroughNode + q.edgeThroughGroup + q.nodeOverlaps + q.labelLabelOverlaps + q.labelNodeOverlaps + q.edgeThroughLabel).toBe(0);
    expect(q.hiddenShareAnyEdge).toBe(0);
    expect(q.labelDistanceWorst).toBeLessThanOrEqual(10);
}

async function before(): Promise<{ graph: DiagramGraph; layout: DiagramLayout; layouter: DiagramLayouter }> {
    const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
    const graph = await graphOf(BASE);
    return { graph, layout: await layouter.layout(graph, { viewKey: 'fin' }), layouter };
}

describe('an edit fitted into the picture the reader has', () => {
    it('keeps every box exactly in place when a flow is added between two shown systems, and draws the flow clear of everything', async () => {
        const { graph, layout, layouter } = await before();
        const edited = await graphOf(`${BASE}\nflow Fixes : Recon -> Ledger { style api }`);
        const after = await layouter.layout(edited, { viewKey: 'fin' });
        for (const node of graph.nodes) expect(after.nodes[node.id], node.id).toEqual(layout.nodes[node.id]);
        const added = edited.edges.find(edge => edge.flows.includes('Fixes'))!;
        expect(after.edges[added.id].points.length).toBeGreaterThanOrEqual(2);
        expect(after.edges[added.id].label).toBeDefined();
        expectClean(edited, after);
    });

    it('gives a new system a free spot beside the system it is linked to, inside its department', async () => {
        const { graph, layout, layouter } = await before();
        const edited = await graphOf(`${BASE}\nsystem Tax { kind finance department Fin }\nflow TaxRates : Tax -> Ledger { style api }`);
        const after = await layouter.layout(edited, { viewKey: 'fin' });
        for (const node of graph.nodes) expect(after.nodes[node.id], node.id).toEqual(layout.nodes[node.id]);
        const tax = edited.nodes.find(node => node.name === 'Tax')!;
        const box = after.nodes[tax.id];
        const department = after.groups[tax.group!];
        expect(box.x >= department.x && box.y >= department.y && box.x + box.width <= department.x + department.width && box.y + box.height <= department.y + department.height).toBe(true);
        expectClean(edited, after);
    });

    it('gives a new system the next free spot when the nearest leaves no room for its line and label (a wrapped estate)', async () => {
        const load = fixtureView('freight', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });
        // Its layers cut into rows, labelled and padded as the layouter shows a view too wide for its
        // panel (laid out by the layouter here, it now leaves the labels out: a row's label could find
        // no spot but on its own box).
        const graph = await load();
        const input = compoundElkGraph(graph, { direction: 'RIGHT', labelled: true, wrap: 1.4 * 1600 / 900 });
        const layout = padToAspect(withBandsClosed(graph, compoundLayout(graph, await new CountingRunner().run(input.root), input, 'RIGHT')));
        expect(Object.values(layout.edges).every(edge => edge.label)).toBe(true);
        const edited = await load('\nsystem Billing2 "Billing two" { kind finance department Finance }\nflow Added : Billing2 -> Invoicing { style batch }\n');
        const fitted = fitIntoPrevious(edited, layout, true);
        expect(fitted).toBeDefined();
        for (const node of graph.nodes) expect(fitted!.nodes[node.id], node.id).toEqual(layout.nodes[node.id]);
        expectClean(edited, fitted!);
    });

    it('opens no row that would swing a line across a label (unseen 150-system estate, a system added to a busy department)', async () => {
        const options = { seed: 704, systems: 150, departments: 10, flows: 170, entities: 53, processes: 6, initiatives: 6, files: 3 };
        const { graph, withAdded } = await generatedEstateView(options, { view: { kind: 'department', name: 'CustomerService' }, state: 'as-is' });
        const layout = await new DiagramLayouter(new CountingRunner(), 32, 60_000).layout(graph, { viewKey: 'cs' });
        // A new system whose line runs to the portal, in a row of boxes with the hub's slanting lines above it.
        const after = await withAdded('system Added4 "Added system 4" { kind custom  department CustomerService }\nflow AddedFlow4 "Added flow 4" : Added4 -> CustomerServicePortal { style manual  carries Lead.name }');
        const fitted = fitIntoPrevious(after, layout, true, 1000);
        expect(fitted).toBeDefined();
        expectClean(after, fitted!);
    });

    it('links two systems that stood side by side in a row of unlinked ones by a line round the gap between them, its label beside it (unseen estate)', async () => {
        const options = { seed: 64, systems: 50, departments: 8, flows: 50, entities: 10, processes: 8, initiatives: 6, files: 3 };
        const { graph, withAdded } = await generatedEstateView(options, { view: { kind: 'department', name: 'Finance' }, state: 'as-is' });
        const layout = await new DiagramLayouter(new CountingRunner(), 32, 60_000).layout(graph, { viewKey: 'finance' });
        const [ledger, receivables] = [layout.nodes['system:FinanceLedger2'], layout.nodes['system:FinanceReceivables']];
        // The premise: side by side, less than a label's width apart.
        expect(Math.abs(ledger.y - receivables.y)).toBeLessThan(1);
        expect(receivables.x - (ledger.x + ledger.width)).toBeLessThan(60);
        const after = await withAdded('flow AddedFlow4 "Added flow 4" : FinanceLedger2 -> FinanceReceivables { style api  carries Lead.name }');
        const fitted = fitIntoPrevious(after, layout, true, 10_000);
        expect(fitted).toBeDefined();
        for (const node of graph.nodes) expect(fitted!.nodes[node.id], node.id).toEqual(layout.nodes[node.id]);
        expect(fitted!.edges['flow:AddedFlow4'].label).toBeDefined();
        expectClean(after, fitted!);
        expect(measureLayout(after, fitted!).detourWorst).toBeLessThanOrEqual(2.5);
    });

    it('grows a closed department about its middle when its text grows, every other box and line in place', async () => {
        // D2 has 8 systems and a spreadsheet: one more makes its box's "10 systems · 1 shadow IT" wider.
        const options = { view: { kind: 'estate' as const }, state: 'as-is' as const };
        const text = `${generatedEstate(26, 3)}\nsystem Sheet { kind spreadsheet  department D2 }`;
        const base = await loadTexts({ 'estate.integ': text });
        const graph = buildDiagramGraph(base.analysis.estate, base.analysis.findings, options);
        const runner = new CountingRunner();
        const layouter = new DiagramLayouter(runner, 32, 60_000);
        const layout = await layouter.layout(graph, { viewKey: 'estate' });
        const grownText = await loadTexts({ 'estate.integ': `${text}\nsystem Extra { kind custom  department D2 }` });
        const edited = buildDiagramGraph(grownText.analysis.estate, grownText.analysis.findings, options);
        const [was, now] = [graph, edited].map(g => g.nodes.find(node => node.id === 'dept:D2')!);
        expect(now.width).toBeGreaterThan(was.width);
        const calls = runner.calls;
        const after = await layouter.layout(edited, { viewKey: 'estate' });
        expect(runner.calls, 'no layout run').toBe(calls);
        for (const node of graph.nodes.filter(node => node.id !== 'dept:D2')) expect(after.nodes[node.id], node.id).toEqual(layout.nodes[node.id]);
        const [before, grown] = [layout.nodes['dept:D2'], after.nodes['dept:D2']];
        expect(grown.width).toBeCloseTo(Math.max(before.width, now.width), 5);
        expect(grown.x + grown.width / 2).toBeCloseTo(before.x + before.width / 2, 5);
        for (const edge of graph.edges) expect(after.edges[edge.id].points, edge.id).toEqual(layout.edges[edge.id].points);
        expectClean(edited, after);
    });

    describe('in the utility estate with Customer and billing open (cut into rows)', () => {
        const load = fixtureView('utility', { view: { kind: 'estate' }, state: 'as-is', expand: ['Cust'] });
        /** The view as the reader has it, and the layouter that remembers it. */
        const pictured = async () => {
            // No time for a grid of its departments, whose drawing takes longer on a slow machine: the picture cut into rows.
            const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000, 0);
            const graph = await load();
            return { layouter, graph, layout: await layouter.layout(graph, { viewKey: 'cust' }) };
        };

        it('draws a new flow the way that leaves room for its label when the shortest way leaves none, every box in place', async () => {
            const { layouter, graph, layout } = await pictured();
            const edited = await load('\nflow Callbacks : Crm -> Complaints { style manual }\n');
            const after = await layouter.layout(edited, { viewKey: 'cust' });
            for (const node of graph.nodes) expect(after.nodes[node.id], node.id).toEqual(layout.nodes[node.id]);
            expectClean(edited, after);
        });

        it('keeps every box when a flow joins a bundle between closed departments, its longer label written beside the bundle', async () => {
            const { layouter, graph, layout } = await pictured();
            const bundle = graph.edges.find(edge => edge.source === 'dept:Assets' && edge.target === 'dept:Fin')!;
            expect(bundle.label).toBe('Costs');
            const edited = await load('\nflow Valuation : Gis -> Erp { style manual }\n');
            const after = await layouter.layout(edited, { viewKey: 'cust' });
            const grown = edited.edges.find(edge => edge.id === bundle.id)!;
            expect(grown.label).toMatch(/^2 flows/);
            for (const node of graph.nodes) expect(after.nodes[node.id], node.id).toEqual(layout.nodes[node.id]);
            expect(after.edges[bundle.id].points).toEqual(layout.edges[bundle.id].points);
            expect(after.edges[bundle.id].label!.width).toBeGreaterThan(layout.edges[bundle.id].label!.width);
            expectClean(edited, after);
        });

        it('gives a new system room beside its linked system where no spot is free, the rest moving less than two box widths', async () => {
            const { layouter, layout } = await pictured();
            const edited = await load('\nsystem Forms "Complaint forms" { kind spreadsheet department Cust }\nflow Keyed : Forms -> Complaints { style manual }\n');
            const after = await layouter.layout(edited, { viewKey: 'cust' });
            const moved = displacement(edited, layout, after);
            expect(moved.alignedWorst).toBeLessThanOrEqual(2);
            expect(moved.alignedMean).toBeLessThanOrEqual(0.5);
            expectClean(edited, after);
        });
    });

    it('leaves a larger edit to a fresh layout', async () => {
        const { layout } = await before();
        const many = await graphOf(`${BASE}\n${['A', 'B', 'C', 'D'].map(n => `flow More${n} : Recon -> Payables { style api }`).join('\n')}`);
        expect(fitIntoPrevious(many, layout, true)).toBeUndefined();
        const moved = await graphOf(BASE.replace('system Close { kind spreadsheet department Fin }', 'system Close { kind spreadsheet department Ops }'));
        expect(fitIntoPrevious(moved, layout, true)).toBeUndefined();
    });
});

function expectRouteBetween(route: Point[] | undefined, start: Point, end: Point, wall: Box): void {
    expect(route).toBeDefined();
    expect(route![0]).toEqual(start);
    expect(route![route!.length - 1]).toEqual(end);
    expect(route!.slice(1).some((b, i) => segmentThroughBox(route![i], b, wall))).toBe(false);
}

describe('a line through the channels between boxes', () => {
    it('runs round a box in the way in horizontal and vertical runs, from one box side to the other', () => {
        const from: Box = { x: 0, y: 0, width: 100, height: 40 };
        const to: Box = { x: 0, y: 200, width: 100, height: 40 };
        const wall: Box = { x: -40, y: 90, width: 180, height: 40 };
        const route = orthogonalRoute({ point: { x: 50, y: 40 }, box: from }, { point: { x: 50, y: 200 }, box: to }, [wall], [])!;
        expect(route).toBeDefined();
        expect(route[0]).toEqual({ x: 50, y: 40 });
        expect(route[route.length - 1]).toEqual({ x: 50, y: 200 });
        for (let i = 1; i < route.length; i++) {
            const [a, b] = [route[i - 1], route[i]];
            expect(a.x === b.x || a.y === b.y, `run ${i} is straight across or down`).toBe(true);
            expect(segmentThroughBox(a, b, wall)).toBe(false);
        }
    });

    it('goes round a crowd of lines at the usual cost of a crossing, and across it when crossings cost little', () => {
        const from: Box = { x: 0, y: 200, width: 100, height: 40 };
        const to: Box = { x: 600, y: 200, width: 100, height: 40 };
        // Ten long lines down between the two boxes, from a box above to a box below.
        const crowd = Array.from({ length: 10 }, (_, i) => ({ a: { x: 200 + 30 * i, y: -400 }, b: { x: 200 + 30 * i, y: 840 } }));
        const walls: Box[] = [from, to, { x: 150, y: -440, width: 400, height: 40 }, { x: 150, y: 840, width: 400, height: 40 }];
        const ends = [{ point: { x: 100, y: 220 }, box: from }, { point: { x: 600, y: 220 }, box: to }] as const;
        const crossed = (route: Point[]) => crowd.filter(line => route.slice(1).some((b, i) => crossingPoint({ a: route[i], b }, line))).length;
        const round = orthogonalRoute(...ends, walls, crowd)!;
        expect(crossed(round)).toBe(0);
        expect(pathLength(round)).toBeGreaterThan(1000);
        const across = orthogonalRoute(...ends, walls, crowd, { crossingCost: 20 })!;
        expect(crossed(across)).toBe(10);
        expect(pathLength(across)).toBeLessThan(520);
    });

    it('given several ends on each box, takes the cheapest route between any of them in one search', () => {
        const from: Box = { x: 0, y: 0, width: 100, height: 40 };
        const to: Box = { x: 0, y: 200, width: 100, height: 40 };
        const wall: Box = { x: -40, y: 90, width: 180, height: 40 };
        // Leaving by the top means going all the way round A first; the bottom end is the one to take.
        const route = orthogonalRoute(
            [{ point: { x: 50, y: 0 }, box: from }, { point: { x: 50, y: 40 }, box: from }],
            [{ point: { x: 50, y: 240 }, box: to }, { point: { x: 50, y: 200 }, box: to }],
            [wall, from, to], []
        )!;
        expectRouteBetween(route, { x: 50, y: 40 }, { x: 50, y: 200 }, wall);
    });

    it('finds its way from ends that lie off the half-pixel grid of the channels', () => {
        const from: Box = { x: 0.3, y: 0.31, width: 100, height: 40 };
        const to: Box = { x: 0.7, y: 200.2, width: 100, height: 40 };
        const wall: Box = { x: -40, y: 90, width: 180, height: 40 };
        const route = orthogonalRoute({ point: { x: 50.28, y: 40.31 }, box: from }, { point: { x: 50.95, y: 200.2 }, box: to }, [wall], [])!;
        expectRouteBetween(route, { x: 50.28, y: 40.31 }, { x: 50.95, y: 200.2 }, wall);
    });

    it('leaves a box only where its first stretch out passes nothing: not up through a title right above it', () => {
        const box: Box = { x: 100, y: 100, width: 120, height: 40 };
        const title: Box = { x: 90, y: 80, width: 110, height: 16 };
        expect(canLeave({ point: { x: 160, y: 100 }, box }, [title], [])).toBe(false);
        expect(canLeave({ point: { x: 220, y: 120 }, box }, [title], [])).toBe(true);
        expect(canLeave({ point: { x: 160, y: 140 }, box }, [title], [{ a: { x: 160, y: 150 }, b: { x: 160, y: 300 } }])).toBe(false);
    });

    it('finds no way through a closed wall and does not lie on another line', () => {
        const from: Box = { x: 0, y: 0, width: 100, height: 40 };
        const to: Box = { x: 0, y: 200, width: 100, height: 40 };
        const walls: Box[] = [
            { x: -60, y: 150, width: 220, height: 20 }, { x: -60, y: 290, width: 220, height: 20 },
            { x: -60, y: 150, width: 20, height: 160 }, { x: 140, y: 150, width: 20, height: 160 }
        ];
        expect(orthogonalRoute({ point: { x: 50, y: 40 }, box: from }, { point: { x: 50, y: 200 }, box: to }, walls, [])).toBeUndefined();
        const other = { a: { x: 50, y: 60 }, b: { x: 50, y: 180 } };
        const route = orthogonalRoute({ point: { x: 50, y: 40 }, box: from }, { point: { x: 50, y: 200 }, box: to }, [], [other]);
        expect(route).toBeUndefined();
    });

    it('runs down the middle of a gap when asked and the gap\'s edges each lie on another line', () => {
        // A ring of walls round the target, open by one 30 px gap whose two edge channels are taken.
        const from: Box = { x: 300, y: 300, width: 50, height: 40 };
        const to: Box = { x: -150, y: 0, width: 50, height: 40 };
        const walls: Box[] = [
            { x: -300, y: -100, width: 800, height: 20 }, { x: -300, y: -100, width: 20, height: 300 }, { x: 480, y: -100, width: 20, height: 300 },
            { x: -300, y: 180, width: 400, height: 20 }, { x: 130, y: 180, width: 370, height: 20 }
        ];
        const taken = [{ a: { x: 103, y: 170 }, b: { x: 103, y: 210 } }, { a: { x: 127, y: 170 }, b: { x: 127, y: 210 } }];
        const ends = [{ point: { x: 325, y: 300 }, box: from }, { point: { x: -125, y: 40 }, box: to }] as const;
        expect(orthogonalRoute(...ends, walls, taken)).toBeUndefined();
        const route = orthogonalRoute(...ends, walls, taken, { centres: true })!;
        expect(route).toBeDefined();
        const runs = route.slice(1).map((b, i) => ({ a: route[i], b }));
        expect(runs.some(({ a, b }) => a.x === 115 && b.x === 115 && Math.min(a.y, b.y) < 180 && Math.max(a.y, b.y) > 200)).toBe(true);
        expect(runs.some(({ a, b }) => walls.some(wall => segmentThroughBox(a, b, wall)))).toBe(false);
    });
});

describe('a new system with no free spot beside its linked box', () => {
    const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
    const node = (id: string) => ({ id, kind: 'system' as const, name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40 });
    // Five rows 40 px apart, all full but for A's: above, beside and below A there is no room for a box and its gaps.
    const rows: Record<string, Box> = {};
    for (const row of [0, 1, 3, 4]) for (let i = 0; i < 5; i++) rows[`r${row}c${i}`] = { x: 12 + 128 * i, y: 12 + 80 * row, width: 100, height: 40 };
    const previous: DiagramLayout = {
        width: 640, height: 384, direction: 'DOWN', groups: {}, edges: {},
        nodes: { ...rows, L: { x: 140, y: 172, width: 100, height: 40 }, A: { x: 268, y: 172, width: 100, height: 40 }, R: { x: 396, y: 172, width: 100, height: 40 } }
    };
    const graph: DiagramGraph = {
        title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, groups: [], notes: [],
        nodes: [...Object.keys(previous.nodes), 'New'].map(node),
        edges: [{ id: 'A->New', source: 'A', target: 'New', label: '', title: 'A to New', flows: ['AToNew'], edgeClass: 'realtime', twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens }]
    };

    it('opens a row after the linked box\'s row: the rows beyond move on together, the new box sits in the opened row', () => {
        const fitted = fitIntoPrevious(graph, previous, false)!;
        expect(fitted).toBeDefined();
        for (const id of ['L', 'A', 'R', 'r0c0', 'r1c4']) expect(fitted.nodes[id], id).toEqual(previous.nodes[id]);
        // 56 px of gap, the 40 px box and 20 px of room.
        for (const id of ['r3c0', 'r3c4', 'r4c2']) expect(fitted.nodes[id], id).toEqual({ ...rows[id], y: rows[id].y + 116 });
        const box = fitted.nodes.New;
        expect(box.y).toBeGreaterThanOrEqual(212);
        expect(box.y + box.height).toBeLessThanOrEqual(252 + 116);
        expect(fitIntoPrevious(graph, { ...previous, nodes: { ...previous.nodes, L: { ...previous.nodes.L, x: 12 } } }, false)?.nodes.r3c0).toEqual(rows.r3c0);
        expectClean(graph, fitted);
    });
});

describe('a new system whose opened row is crossed by lines right below its linked box', () => {
    const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
    const node = (id: string) => ({ id, kind: 'system' as const, name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40 });
    const edge = (source: string, target: string) => ({ id: `${source}->${target}`, source, target, label: '', title: `${source} to ${target}`, flows: [`${source}To${target}`], edgeClass: 'realtime' as const, twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens });
    // The rows of the test above; L, A and R each feed the box below them, straight down: the spots
    // in the opened row below A, and one box either side of it, all lie on one of those lines.
    const rows: Record<string, Box> = {};
    for (const row of [0, 1, 3, 4]) for (let i = 0; i < 5; i++) rows[`r${row}c${i}`] = { x: 12 + 128 * i, y: 12 + 80 * row, width: 100, height: 40 };
    const down = (x: number) => ({ points: [{ x, y: 212 }, { x, y: 252 }] });
    const previous: DiagramLayout = {
        width: 640, height: 384, direction: 'DOWN', groups: {},
        nodes: { ...rows, L: { x: 140, y: 172, width: 100, height: 40 }, A: { x: 268, y: 172, width: 100, height: 40 }, R: { x: 396, y: 172, width: 100, height: 40 } },
        edges: { 'L->r3c1': down(190), 'A->r3c2': down(318), 'R->r3c3': down(446) }
    };
    const graph: DiagramGraph = {
        title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, groups: [], notes: [],
        nodes: [...Object.keys(previous.nodes), 'New'].map(node),
        edges: [edge('L', 'r3c1'), edge('A', 'r3c2'), edge('R', 'r3c3'), edge('A', 'New')]
    };

    it('takes the gap between those lines nearest its linked box, in the opened row: no fresh layout', () => {
        const fitted = fitIntoPrevious(graph, previous, false)!;
        expect(fitted).toBeDefined();
        for (const id of ['L', 'A', 'R', 'r0c0', 'r1c4']) expect(fitted.nodes[id], id).toEqual(previous.nodes[id]);
        for (const id of ['r3c0', 'r4c2']) expect(fitted.nodes[id], id).toEqual({ ...rows[id], y: rows[id].y + 116 });
        const box = fitted.nodes.New;
        expect(box.y).toBeGreaterThanOrEqual(212);
        expect(box.y + box.height).toBeLessThanOrEqual(252 + 116);
        // In a gap between two of those lines, clear of each by the clearance lines keep, as near below A as that.
        for (const x of [190, 318, 446]) expect(x < box.x - 6 || x > box.x + box.width + 6, `line at x = ${x}`).toBe(true);
        expect(Math.abs(box.x + box.width / 2 - 318)).toBeLessThanOrEqual(70);
        expectClean(graph, fitted);
    });
});

describe('a new system of an opened department whose linked box is a closed department beyond another box', () => {
    const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
    const node = (id: string, kind: 'system' | 'department' = 'system', group?: string) => ({ id, kind, name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40, group });
    // Frame A holds two systems on its left; the closed department X lies right of it, beyond Y: beside
    // X the frame would have to grow over Y (or X), and a row opened for the new box moves what lies below.
    const previous: DiagramLayout = {
        width: 724, height: 324, direction: 'RIGHT', edges: {},
        groups: { 'group:A': { x: 12, y: 12, width: 400, height: 300 } },
        nodes: {
            a1: { x: 32, y: 72, width: 100, height: 40 }, a2: { x: 32, y: 212, width: 100, height: 40 },
            Y: { x: 462, y: 12, width: 100, height: 120 }, X: { x: 612, y: 122, width: 100, height: 40 }, Z: { x: 462, y: 212, width: 100, height: 40 }
        }
    };
    const graph: DiagramGraph = {
        title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: true, notes: [],
        groups: [{ id: 'group:A', label: 'A', department: 'A', collapsible: true, findings: emptyCounts(), findingList: [], lens }],
        nodes: [node('a1', 'system', 'group:A'), node('a2', 'system', 'group:A'), node('New', 'system', 'group:A'), node('X', 'department'), node('Y', 'department'), node('Z', 'department')],
        edges: [{ id: 'X->New', source: 'X', target: 'New', label: '', title: 'X to New', flows: ['XToNew'], edgeClass: 'realtime', twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens }]
    } as unknown as DiagramGraph;

    it('takes a free spot inside its department\'s frame, nearest the linked box: nothing moves, the frame does not grow', () => {
        const fitted = fitIntoPrevious(graph, previous, false)!;
        expect(fitted).toBeDefined();
        expect(fitted.nodes).toMatchObject(previous.nodes);
        expect(fitted.groups['group:A']).toEqual(previous.groups['group:A']);
        const box = fitted.nodes.New;
        const frame = previous.groups['group:A'];
        expect(box.x).toBeGreaterThanOrEqual(frame.x);
        expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
        expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
        // On the frame's side facing X, not by a1 and a2.
        expect(box.x).toBeGreaterThan(212);
        expectClean(graph, fitted);
    });
});

describe('a new system in a picture cut into rows, with no free spot beside its linked box', () => {
    const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
    const node = (id: string) => ({ id, kind: 'system' as const, name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40 });
    // Left to right, five rows of seven boxes 20 px apart, every other row shifted half a box: no
    // column is free from the first box to the last, and there is no room beside, above or below A.
    const boxes: Record<string, Box> = {};
    for (let row = 0; row < 5; row++) for (let i = 0; i < 7; i++) boxes[row === 2 && i === 3 ? 'A' : `r${row}c${i}`] = { x: 12 + 120 * i + (row % 2) * 60, y: 12 + 80 * row, width: 100, height: 40 };
    const previous: DiagramLayout = { width: 916, height: 384, direction: 'RIGHT', groups: {}, edges: {}, nodes: boxes };
    const graph: DiagramGraph = {
        title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, groups: [], notes: [],
        nodes: [...Object.keys(boxes), 'New'].map(node),
        edges: [{ id: 'A->New', source: 'A', target: 'New', label: '', title: 'A to New', flows: ['AToNew'], edgeClass: 'realtime', twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens }]
    };

    it('opens room across the flow, after the linked box\'s row: the rows below move down together, nothing moves sideways', () => {
        const fitted = fitIntoPrevious(graph, previous, false)!;
        expect(fitted).toBeDefined();
        for (const id of ['A', 'r0c0', 'r1c6', 'r2c2', 'r2c4']) expect(fitted.nodes[id], id).toEqual(boxes[id]);
        // 28 px of gap across the flow, the 40 px box and 20 px of room.
        for (const id of ['r3c0', 'r3c6', 'r4c3']) expect(fitted.nodes[id], id).toEqual({ ...boxes[id], y: boxes[id].y + 88 });
        const box = fitted.nodes.New;
        expect(box.y).toBeGreaterThanOrEqual(212);
        expect(box.y + box.height).toBeLessThanOrEqual(252 + 88);
        expectClean(graph, fitted);
    });
});

describe('a system with no flows that gets its first one', () => {
    it('keeps the picture: the new system takes a spot beside it, joined by the short run even where that crosses a line', async () => {
        // The generated 150-system estate's Human Resources department: its lake has no flows, and a
        // line runs right under the lake's row, so every way round that line is a long detour.
        const { analysis, options, graph } = await generatedDepartment('HumanResources');
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const layout = await layouter.layout(graph, { viewKey: 'hr' });
        const estate = analysis.estate;
        const lake = estate.systems.get('HumanResourcesLake')!;
        expect(graph.edges.some(edge => [edge.source, edge.target].some(end => end.endsWith('HumanResourcesLake')))).toBe(false);
        const systems = new Map(estate.systems).set('Added', { ...lake, name: 'Added', title: 'Added system', shadow: false, status: 'live', stores: [], edits: [] });
        const edited = buildDiagramGraph(withFlow(estate, 'Added', lake.name, 'manual', systems), analysis.findings, options);
        expectFittedIn(graph, layout, edited, await layouter.layout(edited, { viewKey: 'hr' }));
    });
});

describe('a flow added across a crowded department', () => {
    it('is drawn down the middle of a channel whose edges are taken, every box in place (no fresh layout)', async () => {
        // The generated 150-system estate's Payroll department: a hub whose lines bend in every
        // channel along the boxes' edges between its rows; a flow from a gateway under the hub up to a
        // system above the department has no way along them.
        const { analysis, options, graph } = await generatedDepartment('Payroll');
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { viewKey: 'payroll' });
        const edited = buildDiagramGraph(withFlow(analysis.estate, 'PayrollGateway', 'CustomerServiceCrm', 'manual'), analysis.findings, options);
        // Time enough for a slow machine: the budget is not what is tested here.
        const fitted = fitIntoPrevious(edited, layout, false, 60_000)!;
        expect(fitted).toBeDefined();
        expectFittedIn(graph, layout, edited, fitted);
    });
});

describe('an edit to a view that was slow to lay out', () => {
    it('is fitted in with up to half that time, where the edit\'s own budget is far shorter', async () => {
        // Each layout waits 600 ms; the edit's budget is 2 ms (1 ms to fit), far too short to draw
        // the flow through the channels (the test above): the fit takes up to half the 600 ms instead.
        class SlowRunner extends CountingRunner {
            override async run(graph: ElkNode): Promise<ElkNode> {
                await new Promise(resolve => setTimeout(resolve, 600));
                return super.run(graph);
            }
        }
        const { analysis, options, graph } = await generatedDepartment('Payroll');
        const runner = new SlowRunner();
        const layouter = new DiagramLayouter(runner, 32, 2);
        const layout = await layouter.layout(graph, { viewKey: 'payroll' });
        const runs = runner.calls;
        const edited = buildDiagramGraph(withFlow(analysis.estate, 'PayrollGateway', 'CustomerServiceCrm', 'manual'), analysis.findings, options);
        const after = await layouter.layout(edited, { viewKey: 'payroll' });
        expect(runner.calls, 'layouts run after the edit').toBe(runs);
        expectFittedIn(graph, layout, edited, after);
    });
});

describe('an edit to a large view', () => {
    // The generated 1,000-system estate's overview with four departments opened (160 systems), laid
    // out department by department: an edit is fitted into it, not laid out afresh, and the fitted
    // picture misses no more targets than the one before.
    const load = async () => {
        const { analysis } = await loadTexts(Object.fromEntries(generateEstate().files.map(file => [file.name, file.text])));
        const opened = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' }).nodes
            .filter(node => node.kind === 'department').map(node => node.id).slice(0, 4);
        const view = { view: { kind: 'estate' as const }, state: 'as-is' as const, expand: opened };
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, view);
        return { analysis, view, graph, members: graph.nodes.filter(node => node.kind === 'system').map(node => node.name) };
    };

    it('keeps every box and runs no layout when the fitted picture misses no target the picture before met', async () => {
        const { analysis, view, graph, members } = await load();
        const runner = new CountingRunner();
        const layouter = new DiagramLayouter(runner, 32, 60_000);
        const before = await layouter.layout(graph, { viewKey: 'opened', timeoutMs: 60_000 });
        const edited = buildDiagramGraph(withFlow(analysis.estate, members[21], members[26], 'api'), analysis.findings, view);
        const runs = runner.calls;
        const after = await layouter.layout(edited, { viewKey: 'opened', timeoutMs: 60_000 });
        expect(runner.calls).toBe(runs);
        const measuredBefore = measureLayout(graph, before);
        expect(targetsMissed(measureLayout(edited, after), measuredBefore)).toBeLessThanOrEqual(targetsMissed(measuredBefore));
        for (const node of graph.nodes) expect(after.nodes[node.id], node.id).toEqual(before.nodes[node.id]);
        expect(after.edges[edited.edges.find(edge => edge.flows.includes('AddedFlow'))!.id]).toBeDefined();
    }, 60_000);

    it('is laid out afresh when fitting it in runs out of time', async () => {
        const { analysis, view, graph, members } = await load();
        const before = await new DiagramLayouter(new CountingRunner()).layout(graph, { timeoutMs: 60_000 });
        const edited = buildDiagramGraph(withFlow(analysis.estate, members[21], members[26], 'api'), analysis.findings, view);
        expect(fitIntoPrevious(edited, before, false, 60_000)).toBeDefined();
        expect(fitIntoPrevious(edited, before, false, 0)).toBeUndefined();
    }, 60_000);
});

describe('a department grown for a new system', () => {
    const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
    const node = (id: string, group?: string) => ({ id, kind: 'system' as const, name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40, group });
    const edge = (id: string, source: string, target: string) => ({ id, source, target, label: '', title: id, flows: [id], edgeClass: 'realtime' as const, twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens });

    it('is not grown up where its title would move onto a line of its own systems', () => {
        // A in department g; A's line to B above leaves A's left side and runs up past the department's top-left corner.
        const previous: DiagramLayout = {
            width: 420, height: 420, direction: 'DOWN', edges: { ab: { points: [{ x: 20, y: 270 }, { x: 10, y: 270 }, { x: 10, y: 40 }] } },
            groups: { g: { x: 0, y: 200, width: 400, height: 200 } },
            nodes: { A: { x: 20, y: 250, width: 100, height: 40 }, B: { x: 0, y: 0, width: 100, height: 40 } }
        };
        const graph: DiagramGraph = {
            title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, notes: [],
            groups: [{ id: 'g', department: 'Finance', label: 'Finance' }],
            nodes: [node('A', 'g'), node('B'), node('New', 'g')],
            edges: [edge('ab', 'A', 'B'), edge('newa', 'New', 'A')]
        };
        const fitted = fitIntoPrevious(graph, previous, false)!;
        expect(fitted).toBeDefined();
        // The spot right above A (New feeds A) would grow the frame up to y 116, its title across the line.
        expect(measureLayout(graph, fitted).edgeThroughTitle).toBe(0);
        expect(fitted.nodes.New.x + fitted.nodes.New.width).toBeLessThan(fitted.nodes.A.x);
        expectClean(graph, fitted);
    });
});

describe('a new line whose box faces the other across a gap other lines run along', () => {
    it('leaves by another side and turns: the picture is kept, not laid out afresh', () => {
        const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
        const node = (id: string) => ({ id, kind: 'system' as const, name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40 });
        const edge = (id: string, source: string, target: string) => ({ id, source, target, label: '', title: id, flows: [id], edgeClass: 'realtime' as const, twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens });
        // A, B and C in a row; five lines from D far above to E far below fill the gap between B and C.
        const down = [290, 300, 310, 320, 330];
        const previous: DiagramLayout = {
            width: 460, height: 1000, direction: 'DOWN',
            nodes: {
                A: { x: 20, y: 480, width: 100, height: 40 }, B: { x: 180, y: 480, width: 100, height: 40 }, C: { x: 340, y: 480, width: 100, height: 40 },
                D: { x: 240, y: 20, width: 100, height: 40 }, E: { x: 240, y: 940, width: 100, height: 40 }
            },
            groups: {},
            edges: Object.fromEntries(down.map((x, i) => [`de${i}`, { points: [{ x, y: 60 }, { x, y: 940 }] }]))
        };
        const graph: DiagramGraph = {
            title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, notes: [], groups: [],
            nodes: ['A', 'B', 'C', 'D', 'E'].map(node),
            edges: [...down.map((_, i) => edge(`de${i}`, 'D', 'E')), edge('ca', 'C', 'A')]
        };
        const fitted = fitIntoPrevious(graph, previous, false)!;
        expect(fitted).toBeDefined();
        for (const id of Object.keys(previous.nodes)) expect(fitted.nodes[id], id).toEqual(previous.nodes[id]);
        const line = fitted.edges.ca.points;
        // It leaves C by its top or bottom, not by its side facing A.
        expect([480, 520]).toContain(line[0].y);
        expectClean(graph, fitted);
    });
});

describe('a line drawn between two boxes that touch', () => {
    it('is drawn round them or not at all: never a line of no length, and nothing throws', () => {
        const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
        const node = (id: string) => ({ id, kind: 'system' as const, name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40 });
        const graph: DiagramGraph = {
            title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, nodes: [node('a'), node('b')], groups: [], notes: [],
            edges: [{ id: 'ab', source: 'a', target: 'b', label: 'ab', title: 'ab', flows: ['ab'], edgeClass: 'realtime', twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens }]
        };
        // b's left side is a's right side: the nearest ends of the two are one spot.
        const partial: DiagramLayout = { width: 240, height: 80, nodes: { a: { x: 20, y: 20, width: 100, height: 40 }, b: { x: 120, y: 20, width: 100, height: 40 } }, groups: {}, edges: {} };
        const drawn = drawLinesInto(graph, partial, false, 10_000);
        if (drawn) expect(pathLength(drawn.edges.ab.points)).toBeGreaterThan(1);
    });
});
