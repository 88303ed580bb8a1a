import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXPAND_ALL, type Box, type DiagramGraph, type DiagramLayout, type Point } from '../../../language-server/src/diagram/diagram-graph.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { DiagramLayouter, LayoutTimeoutError, WorkerLayoutRunner, type LayoutRunner } from '../../../language-server/src/diagram/layout.js';
import { displacement, fittedTitlePx, measureLayout } from '../../../language-server/src/diagram/layout-quality.js';
import { LAYOUT_TIMEOUT_NOTE, produceDiagram } from '../../../language-server/src/diagram/produce-diagram.js';
import type { ElkNode } from '../../../language-server/src/diagram/elk-types.js';
import { folderTexts, loadTexts } from '../helpers/workspace.js';
import { compoundElkGraph, compoundLayout } from '../../../language-server/src/diagram/compound-layout.js';
import { contextLayout } from '../../../language-server/src/diagram/context-layout.js';
import { EDGE_FONT_PX, textWidth } from '../../../language-server/src/diagram/text-metrics.js';
import { COMPOUND_UP_TO_EDGES, COMPOUND_UP_TO_NODES } from '../../../language-server/src/diagram/layout-size.js';
import { CountingRunner, denseEstate, departmentDeclarations, fixtureView, generatedEstate, generatedEstateView, loadReference, REFERENCE } from './helpers.js';
import { centre } from '../../../language-server/src/diagram/box-geometry.js';
import { DEFAULT_OPTIONS, generateEstate, scaledOptions } from '../../../scripts/gen-estate.js';
import { targetsMissed } from '../../../language-server/src/diagram/layout-choice.js';

function overlaps(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlaps(graph: DiagramGraph, boxes: Record<string, Box>): void {
    const placed = graph.nodes.map(node => [node.id, boxes[node.id]] as const);
    for (const [id, box] of placed) expect(box, id).toBeDefined();
    for (let i = 0; i < placed.length; i++) {
        for (let j = i + 1; j < placed.length; j++) {
            expect(overlaps(placed[i][1], placed[j][1]), `${placed[i][0]} overlaps ${placed[j][0]}`).toBe(false);
        }
    }
}

function inside(box: Box, outer: Box): boolean {
    return box.x >= outer.x && box.x + box.width <= outer.x + outer.width && box.y >= outer.y && box.y + box.height <= outer.y + outer.height;
}

/** How far `point` is from the outline of `box` (0 when on it). */
function distanceToOutline(point: Point, box: Box): number {
    const dx = Math.max(box.x - point.x, 0, point.x - (box.x + box.width));
    const dy = Math.max(box.y - point.y, 0, point.y - (box.y + box.height));
    if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
    return Math.min(point.x - box.x, box.x + box.width - point.x, point.y - box.y, box.y + box.height - point.y);
}

/** Four departments and a system without one, with more flows than get labels, some of them parallel. */
function crossDepartmentEstate(): string {
    return [
        generatedEstate(40, 4),
        'system Loose { kind custom }',
        'flow LooseIn : S3 -> Loose { style file }',
        'flow LooseOut : Loose -> S0 { style email }',
        'flow Twin1 : S1 -> S6 { style api }',
        'flow Twin2 : S1 -> S6 { style file }',
        'flow Back : S30 -> S2 { style api }'
    ].join('\n');
}

/** An unseen estate of `count` systems from the generator (five files, `seed`): its texts and the graph of one view. */
async function generatedView(count: number, seed: number, options: Parameters<typeof buildDiagramGraph>[2]): Promise<{ texts: Record<string, string>; graph: DiagramGraph }> {
    const texts = Object.fromEntries(generateEstate(scaledOptions(count, { files: 5, seed })).files.map(file => [file.name, file.text]));
    const { analysis } = await loadTexts(texts);
    return { texts, graph: buildDiagramGraph(analysis.estate, analysis.findings, options) };
}

describe('layout', () => {
    it('places every node of the reference estate without overlaps, in a worker thread', async () => {
        const { analysis } = await loadReference();
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const layouter = new DiagramLayouter(new WorkerLayoutRunner());
        try {
            const layout = await layouter.layout(graph);
            expectNoOverlaps(graph, layout.nodes);
            for (const node of graph.nodes) {
                const group = layout.groups[node.group!];
                const box = layout.nodes[node.id];
                expect(inside(box, group), `${node.id} inside its department`).toBe(true);
            }
            for (const edge of graph.edges) expect(layout.edges[edge.id].points.length).toBeGreaterThanOrEqual(2);
        } finally {
            layouter.dispose();
        }
    });

    it('serves an unchanged graph from the cache, also after an unrelated edit', async () => {
        const runner = new CountingRunner();
        const layouter = new DiagramLayouter(runner);
        const options = { view: { kind: 'estate' as const }, state: 'as-is' as const };
        const first = await loadReference();
        const graph = buildDiagramGraph(first.analysis.estate, first.analysis.findings, options);
        const layout = await layouter.layout(graph);
        const engineCalls = runner.calls;
        expect(await layouter.layout(graph)).toBe(layout);
        const edited = await loadTexts({ 'reference.integ': REFERENCE + '\n// an unrelated comment\n' });
        expect(await layouter.layout(buildDiagramGraph(edited.analysis.estate, edited.analysis.findings, options))).toBe(layout);
        expect(runner.calls).toBe(engineCalls);
        expect(layouter.runs).toBe(1);
        // Node labels do not move anything; sizes and connections do.
        const changed = await loadTexts({ 'reference.integ': REFERENCE + '\nsystem Payroll { kind payroll  department Finance }\n' });
        await layouter.layout(buildDiagramGraph(changed.analysis.estate, changed.analysis.findings, options));
        expect(layouter.runs).toBe(2);
    });

    it('falls back to the overview of departments when the layout times out', async () => {
        const { analysis } = await loadTexts({ 'big.integ': generatedEstate(60) });
        const slowForSystems: LayoutRunner = {
            async run(graph: ElkNode) {
                const hasSystems = JSON.stringify(graph).includes('"system:');
                if (hasSystems) throw new LayoutTimeoutError('layout took longer than it was given');
                return new CountingRunner().run(graph);
            },
            dispose() {}
        };
        const result = await produceDiagram(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] }, new DiagramLayouter(slowForSystems), { timeoutMs: 10_000 });
        expect(result.graph.notes[0]).toBe(LAYOUT_TIMEOUT_NOTE);
        expect(result.graph.aggregated).toBe(true);
        expect(result.graph.nodes.map(n => n.id).sort()).toEqual(['dept:D0', 'dept:D1', 'dept:D2']);
        expect(result.svg).toContain(LAYOUT_TIMEOUT_NOTE);
    });

    it('a worker that is too slow is stopped and reports a timeout', async () => {
        const { analysis } = await loadTexts({ 'big.integ': generatedEstate(40) });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const layouter = new DiagramLayouter(new WorkerLayoutRunner());
        try {
            await expect(layouter.layout(graph, { timeoutMs: 1 })).rejects.toBeInstanceOf(LayoutTimeoutError);
            // A fresh worker serves the next layout.
            const layout = await layouter.layout(graph, { timeoutMs: 60_000 });
            expectNoOverlaps(graph, layout.nodes);
        } finally {
            layouter.dispose();
        }
    });
});

describe('compound layout', () => {
    it('draws departments as boxes that hold their systems and do not overlap, routing flows across them as one graph', async () => {
        const { analysis } = await loadTexts({ 'cross.integ': crossDepartmentEstate() });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });
        expect(graph.edges.some(edge => graph.nodes.find(n => n.id === edge.source)!.group !== graph.nodes.find(n => n.id === edge.target)!.group)).toBe(true);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expectNoOverlaps(graph, layout.nodes);
        expectFlowLines(graph, layout);
        for (const node of graph.nodes) expect(inside(layout.nodes[node.id], layout.groups[node.group!]), `${node.id} inside ${node.group}`).toBe(true);
        const groups = Object.entries(layout.groups);
        expect(groups.length).toBe(5);
        for (let i = 0; i < groups.length; i++) {
            for (let j = i + 1; j < groups.length; j++) expect(overlaps(groups[i][1], groups[j][1]), `${groups[i][0]} overlaps ${groups[j][0]}`).toBe(false);
        }
    });

    it('gives parallel flows between the same two systems lines of their own', async () => {
        const { analysis } = await loadTexts({ 'cross.integ': crossDepartmentEstate() });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const [one, two] = ['flow:Twin1', 'flow:Twin2'].map(id => layout.edges[id].points);
        expect(one).not.toEqual(two);
        expect(measureLayout(graph, layout).hiddenShareAnyEdge).toBe(0);
    });

    it('draws a flow against the reading order as a short line pointing back, not a loop round the picture', async () => {
        const text = ['department A', 'department B',
            'system A1 { department A }', 'system A2 { department A }', 'system B1 { department B }', 'system B2 { department B }',
            'flow Down1 : A1 -> B1 { style api }', 'flow Down2 : A2 -> B2 { style api }', 'flow Down3 : A1 -> B2 { style api }', 'flow Up : B1 -> A2 { style manual }'].join('\n');
        const { analysis } = await loadTexts({ 'back.integ': text });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const up = layout.edges['flow:Up'].points;
        expect(distanceToOutline(up[up.length - 1], layout.nodes['system:A2'])).toBeLessThan(1.5);
        const length = up.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - up[i].x, p.y - up[i].y), 0);
        const straight = Math.hypot(up[up.length - 1].x - up[0].x, up[up.length - 1].y - up[0].y);
        expect(length / straight).toBeLessThan(1.5);
    });

    it('reads a process in the order of its steps: its first step starts the picture', async () => {
        const text = ['department D',
            'system S1 { department D }', 'system S2 { department D }', 'system S3 { department D }', 'system S4 { department D }',
            'flow Third : S3 -> S4 { style api }', 'flow First : S1 -> S2 { style api }', 'flow Second : S2 -> S3 { style api }', 'flow Back : S4 -> S1 { style manual }',
            'process P { steps First, Second, Third, Back }'].join('\n');
        const { analysis } = await loadTexts({ 'process.integ': text });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'process', name: 'P' }, state: 'as-is' });
        for (const panel of [{ width: 1600, height: 900 }, { width: 600, height: 1000 }]) {
            const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { panel });
            const along = (id: string) => layout.direction === 'DOWN' ? layout.nodes[id].y : layout.nodes[id].x;
            const order = ['system:S1', 'system:S2', 'system:S3', 'system:S4'].map(along);
            expect(order, `${layout.direction} for ${panel.width}x${panel.height}`).toEqual([...order].sort((a, b) => a - b));
        }
    });

    it('draws a step that brings in a system feeding an earlier step\'s system forward, its source before its target', async () => {
        // Stories, then pages, then the ad bookings into the pages: the bookings are drawn before the page plan.
        const text = ['system Cms { kind custom }', 'system Pages { kind custom }', 'system Ads { kind crm }', 'system Press { kind custom }',
            'flow Stories : Cms -> Pages { style api }', 'flow Bookings : Ads -> Pages { style api }', 'flow Plates : Pages -> Press { style file }',
            'process P { steps Stories, Bookings, Plates }'].join('\n');
        const { analysis } = await loadTexts({ 'process.integ': text });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'process', name: 'P' }, state: 'as-is' });
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const along = (id: string) => layout.direction === 'DOWN' ? centre(layout.nodes[id]).y : centre(layout.nodes[id]).x;
        for (const edge of graph.edges) expect(along(edge.source), edge.id).toBeLessThan(along(edge.target));
    });

    it('draws a department between a hub and a ring of satellites without a crossing, as Graphviz does (hub, department Sales)', async () => {
        const graph = await fixtureView('hub', { view: { kind: 'department', name: 'Sales' }, state: 'as-is' })();
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(measureLayout(graph, layout).crossings).toBe(0);
    });

    it('finds a picture without a crossing where the first start of crossing minimisation kept one, and keeps it after an edit (wholesale, department Sales)', async () => {
        const load = fixtureView('wholesale', { view: { kind: 'department', name: 'Sales' }, state: 'as-is' });
        const graph = await load();
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const layout = await layouter.layout(graph, { viewKey: 'Sales' });
        expect(measureLayout(graph, layout).crossings).toBe(0);
        expect(layout.seed, 'found with another seed than the usual').toBeDefined();
        // A system added to the department: the picture on screen guides the next, its seed tried first.
        const edited = await load('system Returns "Returns desk" { kind custom department Sales }\nflow ReturnNotes : Crm -> Returns { style api }');
        const after = await layouter.layout(edited, { viewKey: 'Sales' });
        expect(after.nodes['system:Returns']).toBeDefined();
        expect(measureLayout(edited, after).crossings).toBe(0);
        const moved = displacement(graph, layout, after);
        expect(moved.alignedMean).toBeLessThanOrEqual(0.5);
        expect(moved.alignedWorst).toBeLessThanOrEqual(2);
    });

    it('keeps the direction and the reading order of a view across an edit', async () => {
        const { analysis } = await loadTexts({ 'cross.integ': crossDepartmentEstate() });
        const options = { view: { kind: 'department' as const, name: 'D1' }, state: 'as-is' as const };
        const layouter = new DiagramLayouter(new CountingRunner());
        const before = await layouter.layout(buildDiagramGraph(analysis.estate, analysis.findings, options), { viewKey: 'D1' });
        const edited = await loadTexts({ 'cross.integ': crossDepartmentEstate() + '\nsystem New { kind custom  department D1 }\nflow ToNew : S1 -> New { style api }\n' });
        const graph = buildDiagramGraph(edited.analysis.estate, edited.analysis.findings, options);
        const after = await layouter.layout(graph, { viewKey: 'D1' });
        expect(after.direction).toBe(before.direction);
        const along = (layout: DiagramLayout, id: string) => layout.direction === 'DOWN' ? layout.nodes[id].y : layout.nodes[id].x;
        for (const edge of graph.edges.filter(e => before.edges[e.id])) {
            const wasForward = along(before, edge.source) <= along(before, edge.target);
            expect(along(after, edge.source) <= along(after, edge.target), `${edge.id} runs the way it did`).toBe(wasForward);
        }
    });
});

/**
 * Five departments in a line, each a short chain of its own, each feeding the next: laid out left to
 * right as one strip it is several times wider than tall and its titles shrink below 10 px in the panel.
 */
function chainEstate(): string {
    const departments = ['Intake', 'Planning', 'Making', 'Shipping', 'Billing'];
    const lines: string[] = [];
    departments.forEach((department, d) => {
        lines.push(`department ${department} "${department} team"`);
        for (let s = 0; s < 3; s++) lines.push(`system ${department}${s} "${department} system ${s}" { kind custom department ${department} }`);
        for (let s = 0; s < 2; s++) lines.push(`flow ${department}Step${s} "Step ${s} handover" : ${department}${s} -> ${department}${s + 1} { style ${s === 0 ? 'api' : 'manual'} }`);
        if (d > 0) lines.push(`flow Into${department} "Work into ${department}" : ${departments[d - 1]}2 -> ${department}0 { style batch }`);
    });
    return lines.join('\n');
}

describe('a long chain of departments', () => {
    const chain = async () => {
        const { analysis } = await loadTexts({ 'estate.integ': chainEstate() });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] }, '2026-12-01');
        expect(graph.nodes).toHaveLength(15);
        return graph;
    };
    const expectClean = (graph: DiagramGraph, layout: DiagramLayout) => {
        const quality = measureLayout(graph, layout);
        expect(quality.titlePx).toBeGreaterThanOrEqual(10);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expect(quality.hiddenShare).toBe(0);
        expect(quality.detourMean).toBeLessThanOrEqual(1.3);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
    };

    it('has its layers cut into rows where its departments cannot be set in rows, so that its titles stay readable in the panel', async () => {
        const graph = await chain();
        // No time to draw a grid's lines: the layered picture, cut.
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, 0).layout(graph);
        expect(layout.departmentGrid).toBeUndefined();
        expect(layout.wrap).toBeDefined();
        expectClean(graph, layout);
    });

    it('is set out as rows of departments, titles larger than cut into rows', async () => {
        const graph = await chain();
        const cut = await new DiagramLayouter(new CountingRunner(), 32, undefined, 0).layout(graph);
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, 20_000).layout(graph);
        expect(layout.departmentGrid).toBe(true);
        expectClean(graph, layout);
        expect(fittedTitlePx(layout)).toBeGreaterThan(fittedTitlePx(cut));
    });
});

describe('an overview in a side panel (acme, 900×1000)', () => {
    it('has its labels in up to three narrow lines, the row of labels side by side no longer wider than the panel', async () => {
        const { analysis } = await loadTexts(folderTexts('samples/acme'));
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' }, '2026-12-01');
        const panel = { width: 900, height: 1000 };
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { panel });
        expect(layout.narrowLabels).toBe(true);
        const labelled = Object.values(layout.edges).filter(geometry => geometry.label);
        expect(labelled.some(geometry => geometry.labelLines!.length === 3)).toBe(true);
        for (const geometry of labelled) for (const line of geometry.labelLines!) expect(textWidth(line, EDGE_FONT_PX)).toBeLessThanOrEqual(100);
        // The same view in two wide lines, as a wide panel has it.
        const input = compoundElkGraph(graph, { direction: 'DOWN', labelled: true });
        const wide = compoundLayout(graph, await new CountingRunner().run(input.root), input, 'DOWN');
        expect(fittedTitlePx(layout, panel)).toBeGreaterThan(fittedTitlePx(wide, panel) * 1.15);
        const quality = measureLayout(graph, layout);
        expect(quality.edgeThroughNode + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
    });

    it('keeps its labels in their narrow lines, and every box in place, after an edit', async () => {
        const files = folderTexts('samples/acme');
        const view = async (extra: string) => {
            const { analysis } = await loadTexts({ ...files, 'added.integ': extra });
            return buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' }, '2026-12-01');
        };
        const panel = { width: 900, height: 1000 };
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const before = await layouter.layout(await view(''), { panel, viewKey: 'overview' });
        // The new flow joins the bundle from Operations to Finance, whose label says so.
        const edited = await view('flow AddedFeed : Epicor -> SageIntacct { style file schedule nightly }');
        const after = await layouter.layout(edited, { panel, viewKey: 'overview' });
        expect(after.narrowLabels).toBe(true);
        const joined = 'agg:dept:Operations->dept:Finance';
        expect(after.edges[joined].labelLines).not.toEqual(before.edges[joined].labelLines);
        let kept = 0;
        for (const edge of edited.edges.filter(edge => edge.id !== joined && before.edges[edge.id]?.label)) {
            expect(after.edges[edge.id].labelLines, edge.id).toEqual(before.edges[edge.id].labelLines);
            kept++;
        }
        expect(kept).toBeGreaterThan(10);
        // Fitted into the picture the reader has: nothing moved.
        for (const [id, box] of Object.entries(before.nodes)) expect(after.nodes[id], id).toEqual(box);
    });
});

describe('a department whose hub takes a score of labelled flows, in a tall side panel (700×1000)', () => {
    /** Marketing: a hub and four of its own systems; eight partners elsewhere; each flow named at length. */
    const view = async (extra = '') => {
        const lines = ['department Marketing "Marketing"', 'department Sales "Sales"', 'department Finance "Finance"',
            'system Hub "Marketing Cloud" { kind crm department Marketing }'];
        for (let i = 0; i < 4; i++) lines.push(`system Own${i} "Marketing tool ${i}" { kind custom department Marketing }`);
        for (let i = 0; i < 8; i++) lines.push(`system Partner${i} "Partner system ${i}" { kind custom department ${i % 2 === 0 ? 'Sales' : 'Finance'} }`);
        for (let i = 0; i < 4; i++) {
            lines.push(`flow OwnIn${i} "Campaign results of tool ${i} for the quarter" : Own${i} -> Hub { style api }`);
            lines.push(`flow OwnOut${i} "Audience lists sent to tool ${i} every night" : Hub -> Own${i} { style file schedule nightly }`);
        }
        for (let i = 0; i < 8; i++) lines.push(`flow PartnerIn${i} "Customer updates keyed again from partner ${i}" : Partner${i} -> Hub { style manual }`);
        const { analysis } = await loadTexts({ 'estate.integ': lines.join('\n'), 'added.integ': extra });
        return buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'department', name: 'Marketing' }, state: 'as-is' }, '2026-12-01');
    };
    const panel = { width: 700, height: 1000 };

    it('leaves the labels to the lines\' tooltips where no labelled picture reads, its titles then readable', async () => {
        const graph = await view();
        expect(graph.edges.length).toBeLessThanOrEqual(24);
        // The premise: labelled, the flows into the hub stand side by side and the titles do not read, either way the picture runs.
        for (const direction of ['DOWN', 'RIGHT'] as const) {
            const input = compoundElkGraph(graph, { direction, labelled: true });
            const labelled = compoundLayout(graph, await new CountingRunner().run(input.root), input, direction);
            expect(fittedTitlePx(labelled, panel), direction).toBeLessThan(10);
        }
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { panel });
        expect(layout.labelsLeftOut).toBe(true);
        expect(Object.values(layout.edges).filter(geometry => geometry.label)).toEqual([]);
        expect(fittedTitlePx(layout, panel)).toBeGreaterThanOrEqual(10);
        const quality = measureLayout(graph, layout);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps).toBe(0);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        // In a wide panel the labelled picture reads: the labels stay.
        const wide = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(wide.labelsLeftOut).toBeUndefined();
        expect(Object.values(wide.edges).every(geometry => geometry.label)).toBe(true);
    });

    it('keeps the labels out after an edit, the new line unlabelled too and every box in place', async () => {
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const before = await layouter.layout(await view(), { panel, viewKey: 'marketing' });
        const edited = await view('flow Added "One more feed of partner 0" : Partner0 -> Own0 { style api }');
        // Few enough lines to be labelled in a view opened afresh.
        expect(edited.edges.length).toBeLessThanOrEqual(18);
        const after = await layouter.layout(edited, { panel, viewKey: 'marketing' });
        expect(after.labelsLeftOut).toBe(true);
        expect(after.edges['flow:Added']).toBeDefined();
        expect(Object.values(after.edges).filter(geometry => geometry.label)).toEqual([]);
        // Fitted into the picture the reader has: nothing moved.
        for (const [id, box] of Object.entries(before.nodes)) expect(after.nodes[id], id).toEqual(box);
    });
});

/** Acme's context view of `system` (depth 1), with `extra` declarations added. */
async function acmeContext(system: string, extra = ''): Promise<DiagramGraph> {
    const { analysis } = await loadTexts({ ...folderTexts('samples/acme'), 'added.integ': extra });
    return buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'system', name: system, depth: 1 }, state: 'as-is' }, '2026-12-01');
}

describe('a system\'s context in a tall side panel (acme, system Salesforce, 700×1000)', () => {
    const view = (extra = '') => acmeContext('Salesforce', extra);
    const panel = { width: 700, height: 1000 };

    it('has its labels in up to three narrow lines, the gaps between its rows no wider than they need, its titles larger than in wide lines', async () => {
        const graph = await view();
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { panel });
        expect(layout.narrowLabels).toBe(true);
        const labelled = Object.values(layout.edges).filter(geometry => geometry.label);
        expect(labelled.some(geometry => geometry.labelLines!.length === 3)).toBe(true);
        for (const geometry of labelled) {
            expect(geometry.labelLines!.length).toBeLessThanOrEqual(3);
            for (const line of geometry.labelLines!) expect(textWidth(line, EDGE_FONT_PX)).toBeLessThanOrEqual(100);
        }
        const wide = contextLayout(graph, layout.direction!, true);
        expect(fittedTitlePx(layout, panel)).toBeGreaterThan(fittedTitlePx(wide, panel) * 1.1);
        const quality = measureLayout(graph, layout);
        expect(quality.edgeThroughNode + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expect(quality.labelDistanceWorst).toBeLessThanOrEqual(10);
        // A wide panel keeps the wide lines: there the narrow ones only make the picture taller.
        expect((await new DiagramLayouter(new CountingRunner()).layout(graph)).narrowLabels).toBeFalsy();
    });

    it('keeps its narrow labels after an edit', async () => {
        const layouter = new DiagramLayouter(new CountingRunner());
        await layouter.layout(await view(), { panel, viewKey: 'context' });
        const after = await layouter.layout(await view('flow AddedLeads : HubSpot -> Salesforce { style api }'), { panel, viewKey: 'context' });
        expect(after.narrowLabels).toBe(true);
        expect(after.edges['flow:AddedLeads']).toBeDefined();
    });
});

describe('a hub\'s context of some ninety flows in a tall side panel (generated 150-system estate, system CoreErp1, 700×1000)', () => {
    it('sets its partners in columns either side of it, where in rows above and below its titles do not read', async () => {
        const { graph } = await generatedView(150, 11, { view: { kind: 'system', name: 'CoreErp1', depth: 1 }, state: 'as-is' });
        expect(graph.edges.length).toBeGreaterThan(80);
        const panel = { width: 700, height: 1000 };
        // The premise: in rows, top to bottom, 1,166 px wide, the titles do not read in this panel.
        expect(fittedTitlePx(contextLayout(graph, 'DOWN', false), panel)).toBeLessThan(10);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { panel });
        expect(layout.direction).toBe('RIGHT');
        expect(fittedTitlePx(layout, panel)).toBeGreaterThanOrEqual(10);
        const quality = measureLayout(graph, layout);
        expect(targetsMissed(quality)).toBe(0);
        expect(quality.crossings).toBe(0);
        expectFlowLines(graph, layout);
    });
});

describe('a busy system\'s context in a tall side panel (acme, system Epicor, 700×1000)', () => {
    const view = (extra = '') => acmeContext('Epicor', extra);
    const panel = { width: 700, height: 1000 };

    it('leaves its labels to the lines\' tooltips, where its titles labelled do not read and unlabelled do; a wide panel keeps them', async () => {
        const graph = await view();
        // The premise: labelled, in narrow lines or wide, either way round, the titles do not read.
        for (const direction of ['DOWN', 'RIGHT'] as const) {
            for (const narrow of [false, true]) expect(fittedTitlePx(contextLayout(graph, direction, true, undefined, narrow), panel)).toBeLessThan(10);
        }
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { panel });
        expect(layout.labelsLeftOut).toBe(true);
        expect(Object.values(layout.edges).filter(geometry => geometry.label)).toEqual([]);
        expect(fittedTitlePx(layout, panel)).toBeGreaterThanOrEqual(10);
        const wide = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(wide.labelsLeftOut).toBeUndefined();
        expect(Object.values(wide.edges).every(geometry => geometry.label)).toBe(true);
    });

    it('keeps them out after an edit, the new line unlabelled too', async () => {
        const layouter = new DiagramLayouter(new CountingRunner());
        await layouter.layout(await view(), { panel, viewKey: 'context' });
        const edited = await view('flow AddedOrders : ShopifyStore -> Epicor { style api }');
        const after = await layouter.layout(edited, { panel, viewKey: 'context' });
        expect(after.labelsLeftOut).toBe(true);
        expect(after.edges['flow:AddedOrders']).toBeDefined();
        expect(Object.values(after.edges).filter(geometry => geometry.label)).toEqual([]);
        // And after the next edit too.
        const again = await layouter.layout(await view('flow AddedOrders : ShopifyStore -> Epicor { style api }\nflow AddedParts : ShopifyStore -> Epicor { style file }'), { panel, viewKey: 'context' });
        expect(again.labelsLeftOut).toBe(true);
        expect(Object.values(again.edges).filter(geometry => geometry.label)).toEqual([]);
    });
});

describe('a view too wide for a side panel (hospital, department Clinical, in a square panel)', () => {
    it('has its layers bounded to three boxes side by side, and its titles become readable there; the wide panel keeps the usual layers', async () => {
        const clinical = { view: { kind: 'department' as const, name: 'Clinical' }, state: 'as-is' as const };
        const load = fixtureView('hospital', clinical);
        const graph = await load();
        const square = { width: 1000, height: 1000 };
        const wide = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(wide.layerBound).toBeUndefined();
        expect(fittedTitlePx(wide, square)).toBeLessThan(10);
        const side = await new DiagramLayouter(new CountingRunner()).layout(graph, { panel: square });
        expect(side.layerBound).toBe(3);
        expect(fittedTitlePx(side, square)).toBeGreaterThanOrEqual(10);
        const quality = measureLayout(graph, side);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        // An edit keeps the bounded layers, as it keeps the direction.
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        await layouter.layout(graph, { panel: square, viewKey: 'clinical' });
        const after = await layouter.layout(await load('flow Added : BedBoard -> Theatre { style api }'), { panel: square, viewKey: 'clinical' });
        expect(after.layerBound).toBe(3);
    });
});

describe('four boxes in a tall side panel (pharma, department Supply chain, in a 900×1000 panel)', () => {
    it('are laid out top to bottom, titles twice the size of the row across the panel, though that row misses no target', async () => {
        const graph = await fixtureView('pharma', { view: { kind: 'department', name: 'Supply' }, state: 'as-is' })();
        const tall = { width: 900, height: 1000 };
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { panel: tall });
        expect(layout.direction).toBe('DOWN');
        expect(fittedTitlePx(layout, tall)).toBeGreaterThanOrEqual(15);
        const quality = measureLayout(graph, layout);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        // In the wide panel the row reads as well: it stays.
        expect((await new DiagramLayouter(new CountingRunner()).layout(graph)).direction).toBe('RIGHT');
    });
});

describe('an estate of ten small departments opened in full, its titles just short of readable (council, all open)', () => {
    it('laid out in layers (no grid tried), has its labels put in the layers with room for them instead of columns of their own, and its titles reach 10 px', async () => {
        const graph = await fixtureView('council', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] })();
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, 0).layout(graph);
        expect(layout.packedLabels).toBe(true);
        const quality = measureLayout(graph, layout);
        expect(quality.titlePx).toBeGreaterThanOrEqual(10);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expect(quality.labelDistanceWorst).toBeLessThanOrEqual(10);
    });
});

describe('a tall picture whose titles fall short in the panel (retail, Marketing open: one department opened among eight closed)', () => {
    it('is set as a grid of departments, its titles readable, each line crossed at most once on average and nothing drawn over anything', async () => {
        const graph = await fixtureView('retail', { view: { kind: 'estate' }, state: 'as-is', expand: ['Marketing'] })();
        // Time enough to draw every line of the grid on a slow machine: the test judges the picture.
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, 20_000).layout(graph);
        const quality = measureLayout(graph, layout);
        expect(layout.departmentGrid).toBe(true);
        expect(quality.titlePx).toBeGreaterThanOrEqual(10);
        expect(quality.crossings).toBeLessThanOrEqual(graph.edges.length / 2);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
    });
});

describe('a hub whose twelve partners stand in one department, beside a system with three flows to itself (corner-cases, all open)', () => {
    it('is set as a grid, the partners in a column facing the hub: titles readable, no line more than 2.5 times its way', async () => {
        const graph = await fixtureView('corner-cases', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] })();
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, 20_000).layout(graph);
        const quality = measureLayout(graph, layout);
        expect(layout.departmentGrid).toBe(true);
        expect(quality.titlePx).toBeGreaterThanOrEqual(10);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        expect(quality.crossings).toBeLessThanOrEqual(graph.edges.length / 2);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        const leaves = graph.nodes.filter(node => /^L\d+$/.test(node.name)).map(node => layout.nodes[node.id]);
        expect(leaves.length).toBe(12);
        // One above another: a vertical line passes through every one of them.
        expect(Math.max(...leaves.map(box => box.x))).toBeLessThan(Math.min(...leaves.map(box => box.x + box.width)));
    });
});

describe('a department\'s own view with a hub it both feeds and is fed by (hub estate, department Sales)', () => {
    it('sets the hub on the other side from its partners\' ladder, where its lines cross far fewer', async () => {
        // Sales' systems hand a chain back and forth with Ops' systems (a ladder on one side) and most
        // of them send to SAP, which sends to two: on the side its flows point to, SAP's six lines
        // crossed the ladder's rungs 13 times.
        const graph = await fixtureView('hub', { view: { kind: 'department', name: 'Sales' }, state: 'as-is' })();
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const quality = measureLayout(graph, layout);
        expect(quality.crossings).toBeLessThanOrEqual(5);
        expect(quality.titlePx).toBeGreaterThanOrEqual(10);
        const [hub, frame, ladder] = [layout.nodes['system:Hub'], layout.groups['group:Sales'], layout.nodes['system:S4']];
        const along = layout.direction === 'RIGHT' ? (box: Box) => box.x + box.width / 2 : (box: Box) => box.y + box.height / 2;
        expect(Math.sign(along(hub) - along(frame))).toBe(-Math.sign(along(ladder) - along(frame)));
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
    });
});

describe('a view too busy to lay out both ways', () => {
    it('runs left to right when it shows systems: a hub\'s feeds on its left, what it feeds on its right, no line far out of its way', async () => {
        // A hub fed by 30 systems of its own department, feeding 20 systems in four others: 51 boxes.
        const lines = ['department D0 "Zero"', 'system Hub { kind erp  department D0 }'];
        for (let s = 1; s <= 30; s++) lines.push(`system S${s} { kind custom  department D0 }`, `flow F${s} : S${s} -> Hub { style ${s % 3 === 0 ? 'manual' : 'api'} }`);
        for (let d = 1; d <= 4; d++) {
            lines.push(`department D${d} "Dept ${d}"`);
            for (let t = 1; t <= 5; t++) lines.push(`system T${d}x${t} { kind custom  department D${d} }`, `flow G${d}x${t} : Hub -> T${d}x${t} { style file }`);
        }
        const { analysis } = await loadTexts({ 'busy.integ': lines.join('\n') });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'department', name: 'D0' }, state: 'as-is' });
        expect(graph.nodes).toHaveLength(51);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(layout.direction).toBe('RIGHT');
        const hub = layout.nodes['system:Hub'];
        for (let s = 1; s <= 30; s++) expect(layout.nodes[`system:S${s}`].x + layout.nodes[`system:S${s}`].width, `S${s} left of the hub`).toBeLessThanOrEqual(hub.x);
        for (let d = 1; d <= 4; d++) for (let t = 1; t <= 5; t++) expect(layout.nodes[`system:T${d}x${t}`].x, `T${d}x${t} right of the hub`).toBeGreaterThanOrEqual(hub.x + hub.width);
        const quality = measureLayout(graph, layout);
        expect(quality.detourMean).toBeLessThanOrEqual(1.3);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        expect(quality.hiddenShare).toBe(0);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps).toBe(0);
    });

    it('runs top to bottom when it shows departments alone, as a page', async () => {
        // Twelve departments that all trade with each other: 132 bundles.
        const lines: string[] = [];
        for (let d = 0; d < 12; d++) lines.push(`department D${d} "Dept ${d}"`, `system S${d} { kind custom  department D${d} }`);
        for (let a = 0; a < 12; a++) for (let b = 0; b < 12; b++) if (a !== b) lines.push(`flow F${a}to${b} : S${a} -> S${b} { style api }`);
        const { analysis } = await loadTexts({ 'overview.integ': lines.join('\n') });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', aggregateAbove: 0 });
        expect(graph.nodes.every(node => node.kind === 'department')).toBe(true);
        expect(graph.edges.length).toBeGreaterThan(80);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(layout.direction).toBe('DOWN');
    });

    it('draws an overview of hundreds of lines with short straight runs, none through a box', async () => {
        // Seventeen departments that all trade with each other: 272 bundles, laid out department by department.
        const lines: string[] = [];
        for (let d = 0; d < 17; d++) lines.push(`department D${d} "Dept ${d}"`, `system S${d} { kind custom  department D${d} }`);
        for (let a = 0; a < 17; a++) for (let b = 0; b < 17; b++) if (a !== b) lines.push(`flow F${a}to${b} : S${a} -> S${b} { style ${(a + b) % 3 === 0 ? 'manual' : 'api'} }`);
        const { analysis } = await loadTexts({ 'overview.integ': lines.join('\n') });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', aggregateAbove: 0 });
        expect(graph.edges.length).toBeGreaterThan(COMPOUND_UP_TO_EDGES);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expectFlowLines(graph, layout);
        const quality = measureLayout(graph, layout);
        expect(quality.hiddenShare).toBe(0);
        expect(quality.bendsPerEdge).toBeLessThanOrEqual(2);
        expect(quality.detourMean).toBeLessThanOrEqual(1.3);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        expect(quality.edgeThroughNode + quality.nodeOverlaps).toBe(0);
    });
});

describe('a chain of departments whose rows would loop lines from one row\'s end round to the next row\'s start (insurer, all open)', () => {
    it('is not cut into rows: larger titles are not worth a line more than 2.5 times longer than the way between its ends', async () => {
        const graph = await fixtureView('insurer', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] })();
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const quality = measureLayout(graph, layout);
        expect(layout.wrap).toBeUndefined();
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        expect(quality.detourMean).toBeLessThanOrEqual(1.3);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
    });
});

describe('a view that passes the number of lines that carry labels by one', () => {
    it('keeps its labels and every box in place, the new line labelled too (pharma, all open: 24 lines, then 25)', async () => {
        const load = fixtureView('pharma', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const graph = await load();
        expect(graph.edges).toHaveLength(24);
        const layout = await layouter.layout(graph, { viewKey: 'all' });
        const edited = await load('flow Faults : Cmms -> Scada { style api }');
        const after = await layouter.layout(edited, { viewKey: 'all' });
        // The picture may move as a whole, where the new label lies beyond its edge: no box moves against the others.
        const first = graph.nodes[0].id;
        const [dx, dy] = [after.nodes[first].x - layout.nodes[first].x, after.nodes[first].y - layout.nodes[first].y];
        for (const node of graph.nodes) expect(after.nodes[node.id], node.id).toEqual({ ...layout.nodes[node.id], x: layout.nodes[node.id].x + dx, y: layout.nodes[node.id].y + dy });
        for (const edge of edited.edges) expect(after.edges[edge.id].label, edge.id).toBeDefined();
        expect(Object.values(layout.edges).every(edge => edge.label)).toBe(true);
        expect((await new DiagramLayouter(new CountingRunner()).layout(edited)).edges[edited.edges[0].id].label).toBeUndefined();
    });
});

describe('stable positions after an edit', () => {
    it('keeps the systems of Hire to retire within two node widths of their place whichever new flow between two of them becomes a step', async () => {
        const files = Object.fromEntries(readdirSync('samples/acme').filter(name => name.endsWith('.integ')).map(name => [name, readFileSync(join('samples/acme', name), 'utf8')]));
        const { analysis } = await loadTexts(files);
        const { estate } = analysis;
        const options = { view: { kind: 'process' as const, name: 'HireToRetire' }, state: 'as-is' as const };
        const today = '2026-12-01';
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const graph = buildDiagramGraph(estate, analysis.findings, options, today);
        const systems = graph.nodes.map(node => node.name);
        const process = estate.processes.get('HireToRetire')!;
        const template = estate.flows.get('TimeToPayroll')!;
        const moved: string[] = [];
        for (const source of systems) {
            for (const target of systems) {
                if (source === target) continue;
                const before = await layouter.layout(graph, { viewKey: 'HireToRetire' });
                const added = { ...template, name: 'Added', title: 'Added flow', sourceSystem: source, targetSystem: target };
                const edited = {
                    ...estate,
                    flows: new Map([...estate.flows, [added.name, added]]),
                    processes: new Map([...estate.processes, [process.name, { ...process, steps: [...process.steps, added.name] }]])
                };
                const after = await layouter.layout(buildDiagramGraph(edited, analysis.findings, options, today), { viewKey: 'HireToRetire' });
                const worst = displacement(graph, before, after).alignedWorst;
                if (worst > 2) moved.push(`${source} -> ${target}: ${worst.toFixed(2)}`);
            }
        }
        expect(moved).toEqual([]);
    });
});

describe('layout timeouts are remembered', () => {
    it('does not retry a graph that timed out unless given more time', async () => {
        let calls = 0;
        const slow: LayoutRunner = {
            async run() { calls++; throw new LayoutTimeoutError('too slow'); },
            dispose() {}
        };
        const { analysis } = await loadReference();
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const layouter = new DiagramLayouter(slow);
        await expect(layouter.layout(graph, { timeoutMs: 100 })).rejects.toBeInstanceOf(LayoutTimeoutError);
        await expect(layouter.layout(graph, { timeoutMs: 100 })).rejects.toBeInstanceOf(LayoutTimeoutError);
        expect(calls).toBe(1);
        await expect(layouter.layout(graph, { timeoutMs: 1_000 })).rejects.toBeInstanceOf(LayoutTimeoutError);
        expect(calls).toBe(2);
    });
});

/** Records the graphs it is given and lays them out in this thread. */
class RecordingRunner extends CountingRunner {
    readonly graphs: ElkNode[] = [];
    released = 0;

    override async run(graph: ElkNode): Promise<ElkNode> {
        this.graphs.push(JSON.parse(JSON.stringify(graph)) as ElkNode);
        return super.run(graph);
    }

    release(): void {
        this.released++;
    }
}

function expectFlowLines(graph: DiagramGraph, layout: { nodes: Record<string, Box>; edges: Record<string, { points: Point[] }> }): void {
    for (const edge of graph.edges) {
        const points = layout.edges[edge.id]?.points ?? [];
        expect(points.length, edge.id).toBeGreaterThanOrEqual(2);
        expect(distanceToOutline(points[0], layout.nodes[edge.source]), `${edge.id} starts at ${edge.source}`).toBeLessThan(1.5);
        expect(distanceToOutline(points[points.length - 1], layout.nodes[edge.target]), `${edge.id} ends at ${edge.target}`).toBeLessThan(1.5);
    }
}

describe('views too large for one compound graph, laid out department by department', () => {
    const collapsedOptions = (expand: string[]) => ({ view: { kind: 'estate' as const }, state: 'as-is' as const, aggregateAbove: 0, expand });

    it('draw every flow from its source to its target, densely linked collapsed departments in few rows, nothing overlapping', async () => {
        const { analysis } = await loadTexts({ 'dense.integ': denseEstate(30, 4) });
        for (const expand of [[], ['D2', 'D5']]) {
            const graph = buildDiagramGraph(analysis.estate, analysis.findings, collapsedOptions(expand));
            const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
            expectNoOverlaps(graph, layout.nodes);
            expectFlowLines(graph, layout);
            const collapsed = graph.nodes.filter(node => node.kind === 'department');
            for (const node of collapsed) {
                for (const box of Object.values(layout.groups)) expect(overlaps(layout.nodes[node.id], box), `${node.id} overlaps a department box`).toBe(false);
            }
            // One row (or column, left to right) per layer. Given the flows' own directions, these need a layer per department or nearly.
            const layerOf = (box: Box) => Math.round(layout.direction === 'RIGHT' ? box.x : box.y);
            const rows = new Set(collapsed.map(node => layerOf(layout.nodes[node.id]))).size;
            expect(rows, `${collapsed.length} collapsed departments in ${rows} layers`).toBeLessThanOrEqual(collapsed.length / 2);
        }
    });

    it('never run a flow along a line of another kind, and keep the ends at a busy system apart', async () => {
        // Two departments of 45 systems open: too large for one compound graph. Every system of D0
        // feeds its hub S0x0 and a system of D1, in four kinds of flow.
        const styles = ['api', 'manual', 'file', 'script'];
        const lines = departmentDeclarations(3, 45);
        for (let s = 1; s < 45; s++) lines.push(`flow H${s} : S0x${s} -> S0x0 { style ${styles[s % 2]} }`);
        for (let s = 0; s < 45; s++) lines.push(`flow C${s} : S0x${s} -> S1x${s % 5} { style ${styles[s % 4]} }`);
        lines.push('flow Back : S1x0 -> S2x0 { style manual }');
        const { analysis } = await loadTexts({ 'kinds.integ': lines.join('\n') });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, collapsedOptions(['D0', 'D1']));
        expect(graph.nodes.length).toBeGreaterThan(COMPOUND_UP_TO_NODES);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expectNoOverlaps(graph, layout.nodes);
        expectFlowLines(graph, layout);
        const quality = measureLayout(graph, layout);
        expect(quality.hiddenShare).toBe(0);
        expect(quality.edgeThroughTitle + quality.edgeThroughGroup).toBe(0);
        // Flows of one kind between the two departments run together, as one bundle of that colour.
        expect(quality.hiddenShareAnyEdge).toBeGreaterThan(0);
        const hub = layout.nodes['system:S0x0'];
        const ends = graph.edges.filter(edge => edge.target === 'system:S0x0').map(edge => layout.edges[edge.id].points.at(-1)!);
        expect(ends).toHaveLength(44);
        expect(ends.every(end => Math.abs(end.x - hub.x) < 1.5), 'every feed ends on the hub\'s left side').toBe(true);
        const ys = ends.map(end => end.y).sort((a, b) => a - b);
        expect(Math.min(...ys.slice(1).map((y, i) => y - ys[i])), 'closest two ends on the hub').toBeGreaterThanOrEqual(11.5);
    });

    /** Twelve departments of 22 systems, each a chain with hubs, trading with most others. */
    const tradingEstate = () => {
        const styles = ['api', 'manual', 'file', 'script'];
        const lines = departmentDeclarations(12, 22);
        for (let d = 0; d < 12; d++) {
            for (let s = 1; s < 22; s++) lines.push(`flow F${d}x${s} : S${d}x${s} -> S${d}x${s % 4 === 0 ? 0 : s - 1} { style ${styles[s % 2]} }`);
            for (let k = 1; k < 12; k++) if ((d * 7 + k * 3) % 5 !== 0) lines.push(`flow G${d}to${(d + k) % 12} : S${d}x${(k * 5) % 22} -> S${(d + k) % 12}x${(k * 3) % 22} { style ${styles[(d + k) % 4]} }`);
        }
        return loadTexts({ 'trading.integ': lines.join('\n') });
    };

    it('run the lines between closed departments and opened ones straight, into the opened boxes', async () => {
        const { analysis } = await tradingEstate();
        for (const expand of [['D0', 'D1', 'D2', 'D3'], ['D4', 'D5', 'D6', 'D7']]) {
            const graph = buildDiagramGraph(analysis.estate, analysis.findings, collapsedOptions(expand));
            const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
            expect(layout.byDepartment).toBe(true);
            expectNoOverlaps(graph, layout.nodes);
            expectFlowLines(graph, layout);
            const quality = measureLayout(graph, layout);
            expect(quality.hiddenShare).toBe(0);
            expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle).toBe(0);
            // As ELK draws them (through a port on the box's top, round its gutter): 3.4 quarter-turns
            // a line, mean detour 1.3, worst 4.4; straightened: 1.2 quarter-turns, 1.2, worst 3.7.
            expect(quality.bendsPerEdge, expand.join(', ')).toBeLessThan(2);
            expect(quality.detourMean, expand.join(', ')).toBeLessThan(1.3);
            expect(quality.detourWorst, expand.join(', ')).toBeLessThan(4);
        }
    });

    it('lead a flow between two opened boxes out of the side of one that faces the other and into the side of the other that faces it', async () => {
        const { analysis } = await tradingEstate();
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, collapsedOptions(['D0', 'D1', 'D2', 'D3']));
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(layout.byDepartment).toBe(true);
        const groupOf = new Map(graph.nodes.map(node => [node.id, node.group]));
        const stacked = graph.edges.flatMap(edge => {
            const [from, to] = [groupOf.get(edge.source), groupOf.get(edge.target)].map(group => group && layout.groups[group]);
            if (!from || !to || from === to) return [];
            const [upper, lower] = from.y < to.y ? [from, to] : [to, from];
            return upper.y + upper.height < lower.y ? [{ edge, upper, downwards: upper === from }] : [];
        });
        expect(stacked.filter(line => line.downwards).length).toBeGreaterThan(5);
        expect(stacked.filter(line => !line.downwards).length).toBeGreaterThan(2);
        // Out of the top of its box, a flow to the box below went up and round its own box first;
        // into the top of the box above, a flow from below went round that box.
        for (const { edge, upper } of stacked) expect(Math.min(...layout.edges[edge.id].points.map(p => p.y)), edge.id).toBeGreaterThan(upper.y);
        expect(measureLayout(graph, layout).bendsPerEdge).toBeLessThan(2);
    });

    it('do not lay out again a department opened before, when one it has no flow with is opened next to it', async () => {
        // Two departments of 40 systems open: too large for one compound graph. D3 trades with D2, not
        // with D1: D2's flows to D3 now leave its box on the side that faces D3, D1's box is as it was.
        const { analysis } = await loadTexts({ 'dense.integ': denseEstate(10, 40) });
        const runner = new RecordingRunner();
        const layouter = new DiagramLayouter(runner);
        await layouter.layout(buildDiagramGraph(analysis.estate, analysis.findings, collapsedOptions(['D1', 'D2'])));
        runner.graphs.length = 0;
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, collapsedOptions(['D1', 'D2', 'D3']));
        const layout = await layouter.layout(graph);
        const boxesLaidOut = runner.graphs.flatMap(run => (run.children ?? []).filter(child => (child.children ?? []).length > 0).map(child => child.id));
        expect(boxesLaidOut).toEqual(['group:D2', 'group:D3']);
        expectNoOverlaps(graph, layout.nodes);
        expectFlowLines(graph, layout);
    });
});

describe('layout runs', () => {
    it('lays out a graph asked for twice at the same time once', async () => {
        const { analysis } = await loadReference();
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const runner = new RecordingRunner();
        const layouter = new DiagramLayouter(runner);
        const [first, second] = await Promise.all([layouter.layout(graph), layouter.layout(graph)]);
        expect(second).toBe(first);
        expect(layouter.runs).toBe(1);
    });

    it('releases the layout engine after a view of hundreds of nodes, not after a small one', async () => {
        const small = (await loadReference()).analysis;
        const big = (await loadTexts({ 'big.integ': generatedEstate(320, 8) })).analysis;
        const runner = new RecordingRunner();
        const layouter = new DiagramLayouter(runner);
        await layouter.layout(buildDiagramGraph(small.estate, small.findings, { view: { kind: 'estate' }, state: 'as-is' }));
        expect(runner.released).toBe(0);
        await layouter.layout(buildDiagramGraph(big.estate, big.findings, { view: { kind: 'estate' }, state: 'as-is', aggregateAbove: 1_000 }), { timeoutMs: 60_000 });
        expect(runner.released).toBe(1);
    });
});

describe('an estate too large for one compound graph, every department open', () => {
    it('draws the flows between two departments as one line per direction, each flow inside a department as its own, and no line on another', async () => {
        const text = [
            generatedEstate(120, 6),
            'flow Across1 : S0 -> S1 { style manual }',
            'flow Across2 : S6 -> S7 { style file }',
            'flow Back1 : S1 -> S0 { style api }',
            'flow Twin1 : S0 -> S6 { style api }',
            'flow Twin2 : S0 -> S6 { style file }'
        ].join('\n');
        const { analysis } = await loadTexts({ 'large.integ': text });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });
        expect(graph.nodes).toHaveLength(120);
        const departmentOf = (id: string) => graph.nodes.find(node => node.id === id)?.group;
        const between = graph.edges.filter(edge => edge.source.startsWith('group:'));
        // S0 and S6 are in D0, S1 and S7 in D1; F0…F118 join S(i) in D(i mod 6) to S(i+1) in the next.
        expect(between.find(edge => edge.source === 'group:D0' && edge.target === 'group:D1')?.flows.sort()).toEqual(
            ['Across1', 'Across2', ...Array.from({ length: 20 }, (_, k) => `F${6 * k}`)].sort());
        expect(between.find(edge => edge.source === 'group:D1' && edge.target === 'group:D0')?.flows).toEqual(['Back1']);
        expect(new Set(between.map(edge => `${edge.source}>${edge.target}`)).size).toBe(between.length);
        const inside = graph.edges.filter(edge => !edge.source.startsWith('group:'));
        expect(inside.map(edge => edge.id).sort()).toEqual(['flow:Twin1', 'flow:Twin2']);
        expect(inside.every(edge => departmentOf(edge.source) === departmentOf(edge.target))).toBe(true);
        expect(graph.notes.some(note => note.includes('one line per pair of departments'))).toBe(true);

        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expectNoOverlaps(graph, layout.nodes);
        for (const edge of graph.edges) {
            const points = layout.edges[edge.id]?.points ?? [];
            const end = (id: string) => layout.nodes[id] ?? layout.groups[id];
            expect(distanceToOutline(points[0], end(edge.source)), `${edge.id} starts at ${edge.source}`).toBeLessThan(1.5);
            expect(distanceToOutline(points[points.length - 1], end(edge.target)), `${edge.id} ends at ${edge.target}`).toBeLessThan(1.5);
        }
        const quality = measureLayout(graph, layout);
        expect(quality.hiddenShareAnyEdge).toBe(0);
        expect(quality.edgeThroughNode).toBe(0);
    });
});

describe('an estate of 40 systems whose eight departments trade with each other, every department open', () => {
    /** Eight departments of five systems, each department's four feeding its first; `across` flows between departments. */
    const estate = (across: number) => {
        const lines: string[] = [];
        for (let d = 0; d < 8; d++) {
            lines.push(`department D${d} "Department ${d}"`);
            for (let s = 0; s < 5; s++) lines.push(`system S${d}x${s} { kind custom department D${d} }`);
            for (let s = 1; s < 5; s++) lines.push(`flow F${d}x${s} : S${d}x${s} -> S${d}x0 { style api }`);
        }
        const pairs = Array.from({ length: 8 }, (_, a) => Array.from({ length: 8 }, (_, b) => [a, b])).flat().filter(([a, b]) => a !== b);
        for (const [a, b] of pairs.slice(0, across)) lines.push(`flow G${a}to${b} : S${a}x${1 + (b % 4)} -> S${b}x${1 + (a % 4)} { style file }`);
        return lines.join('\n');
    };
    const view = async (across: number) => {
        const { analysis } = await loadTexts({ 'estate.integ': estate(across) });
        return buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });
    };

    it('with 56 flows between departments, is laid out department by department, those flows one line per pair of departments', async () => {
        const graph = await view(56);
        expect(graph.nodes).toHaveLength(40);
        expect(graph.reduced?.betweenDepartments).toBe(true);
        const between = graph.edges.filter(edge => edge.source.startsWith('group:'));
        expect(between).toHaveLength(56);
        expect(between.every(edge => edge.target.startsWith('group:') && edge.flows.length === 1)).toBe(true);
        expect(graph.edges.filter(edge => edge.id.startsWith('flow:'))).toHaveLength(32);
        expect(graph.notes.some(note => note.includes('56 flows between departments') && note.includes('one line per pair of departments'))).toBe(true);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(layout.byDepartment).toBe(true);
        expectNoOverlaps(graph, layout.nodes);
        const quality = measureLayout(graph, layout);
        expect(quality.edgeThroughNode + quality.nodeOverlaps).toBe(0);
        expect(quality.hiddenShareAnyEdge).toBe(0);
        expect(quality.bendsPerEdge).toBeLessThanOrEqual(2);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
    });

    it('with 48, stays one compound graph, each flow a line of its own', async () => {
        const graph = await view(48);
        expect(graph.reduced?.betweenDepartments).toBe(false);
        expect(graph.edges.every(edge => edge.id.startsWith('flow:'))).toBe(true);
        expect(graph.edges).toHaveLength(80);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(layout.byDepartment).toBeUndefined();
    });
});

describe('an estate of 60 systems in twelve departments, every department open (generated, seed 7)', () => {
    it('is laid out left to right where top to bottom, as a page, one line runs far round it', async () => {
        const estate = generateEstate({ ...DEFAULT_OPTIONS, systems: 60, departments: 12, flows: 120, entities: 20, processes: 4, initiatives: 4, files: 3, seed: 7 });
        const { analysis } = await loadTexts(Object.fromEntries(estate.files.map(file => [file.name, file.text])));
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });
        expect(graph.reduced?.betweenDepartments).toBe(false);
        // The premise: too large to be laid out both ways, and top to bottom one line more than 2.5 times its way.
        expect(graph.nodes.length > 40 || graph.edges.length > 80).toBe(true);
        const input = compoundElkGraph(graph, { direction: 'DOWN', labelled: false });
        const page = compoundLayout(graph, await new CountingRunner().run(input.root), input, 'DOWN');
        expect(measureLayout(graph, page).detourWorst).toBeGreaterThan(2.5);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(layout.direction).toBe('RIGHT');
        const quality = measureLayout(graph, layout);
        expect(targetsMissed(quality)).toBe(0);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
    });
});

describe('a busy department whose labels lead its lines out of their way (unseen generated estate, seed 602)', () => {
    it('leaves the labels to the lines\' tooltips where every labelled picture misses a target and the bare one meets them all', async () => {
        const options = { seed: 602, systems: 35, departments: 6, flows: 110, entities: 14, processes: 5, initiatives: 5, files: 4 };
        const { graph } = await generatedEstateView(options, { view: { kind: 'department', name: 'Finance' }, state: 'as-is' });
        expect(graph.nodes.length).toBeLessThanOrEqual(20);
        // The premise: labelled, either way, the lines run out to their labels and back (bends or detour beyond the targets).
        for (const direction of ['DOWN', 'RIGHT'] as const) {
            const input = compoundElkGraph(graph, { direction, labelled: true });
            const labelled = measureLayout(graph, compoundLayout(graph, await new CountingRunner().run(input.root), input, direction));
            expect(labelled.bendsPerEdge > 2 || labelled.detourMean > 1.3, direction).toBe(true);
        }
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(layout.labelsLeftOut).toBe(true);
        expect(Object.values(layout.edges).filter(geometry => geometry.label)).toEqual([]);
        const quality = measureLayout(graph, layout);
        expect(targetsMissed(quality)).toBe(0);
        expect(quality.undrawn).toBe(0);
        expect(fittedTitlePx(layout)).toBeGreaterThanOrEqual(10);
    });

    it('keeps the labels of a department whose labelled picture meets every target', async () => {
        const { analysis } = await loadReference();
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'department', name: 'Finance' }, state: 'as-is' });
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        expect(targetsMissed(measureLayout(graph, layout))).toBe(0);
        expect(layout.labelsLeftOut).toBeUndefined();
        expect(Object.values(layout.edges).every(geometry => geometry.label)).toBe(true);
    });
});

describe('a system added to a busy department (unseen generated estate, seed 64)', () => {
    it('is fitted in beside the system it is linked to, its line round the gap between them, and no box moves', async () => {
        const options = { seed: 64, systems: 50, departments: 8, flows: 50, entities: 10, processes: 8, initiatives: 6, files: 3 };
        const { graph, withAdded } = await generatedEstateView(options, { view: { kind: 'department', name: 'Operations' }, state: 'as-is' });
        // Time for the fit whatever the machine's load.
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const before = await layouter.layout(graph, { viewKey: 'operations' });
        expect(targetsMissed(measureLayout(graph, before))).toBe(0);
        const after = await withAdded('system Added0 "Added system 0" { kind erp  department Operations }\nflow AddedFlow0 "Added flow 0" : OperationsErp -> Added0 { style batch  carries Lead.name }');
        // The premise: laid out afresh, the view moves the reader's boxes far.
        const afresh = await new DiagramLayouter(new CountingRunner()).layout(after);
        expect(displacement(graph, before, afresh).alignedWorst).toBeGreaterThan(2);
        const layout = await layouter.layout(after, { viewKey: 'operations' });
        expect(displacement(graph, before, layout).alignedWorst).toBeLessThanOrEqual(0.5);
        const quality = measureLayout(after, layout);
        expect(quality.undrawn).toBe(0);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.edgeThroughTitle + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        expect(targetsMissed(quality)).toBe(0);
        const [box, linked] = [layout.nodes['system:Added0'], layout.nodes['system:OperationsErp']];
        expect(Math.hypot(centre(box).x - centre(linked).x, centre(box).y - centre(linked).y)).toBeLessThan(2 * linked.width);
    });
});

describe('an edit to an estate too large for one compound graph', () => {
    /** Every box of `graph` where it was, the picture at most moved as a whole (a line led round its edge widens it). */
    function expectSameArrangement(graph: DiagramGraph, before: DiagramLayout, after: DiagramLayout): void {
        const first = graph.nodes[0].id;
        const [dx, dy] = [after.nodes[first].x - before.nodes[first].x, after.nodes[first].y - before.nodes[first].y];
        for (const node of graph.nodes) {
            expect(after.nodes[node.id].x - before.nodes[node.id].x, node.id).toBeCloseTo(dx, 6);
            expect(after.nodes[node.id].y - before.nodes[node.id].y, node.id).toBeCloseTo(dy, 6);
        }
    }

    it('is fitted into the picture: a new bundle between two departments and a new system leave every box where it was', async () => {
        // F(i) joins S(i) in D(i mod 6) to S(i+1) in the next department: D0 and D2 have no bundle yet.
        const base = generatedEstate(120, 6);
        const options = { view: { kind: 'estate' as const }, state: 'as-is' as const, expand: [EXPAND_ALL] };
        const load = async (text: string) => {
            const { analysis } = await loadTexts({ 'large.integ': text });
            return buildDiagramGraph(analysis.estate, analysis.findings, options);
        };
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const graph = await load(base);
        const before = await layouter.layout(graph, { viewKey: 'all' });
        const bundled = await load(`${base}\nflow Skip : S0 -> S2 { style file }`);
        const bundle = bundled.edges.find(edge => edge.flows.includes('Skip'))!;
        expect([bundle.source, bundle.target]).toEqual(['group:D0', 'group:D2']);
        expect(graph.edges.some(edge => edge.id === bundle.id)).toBe(false);
        const after = await layouter.layout(bundled, { viewKey: 'all' });
        expectSameArrangement(graph, before, after);
        const points = after.edges[bundle.id].points;
        expect(distanceToOutline(points[0], after.groups['group:D0'])).toBeLessThan(1.5);
        expect(distanceToOutline(points[points.length - 1], after.groups['group:D2'])).toBeLessThan(1.5);
        const quality = measureLayout(bundled, after);
        expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.nodeOverlaps).toBe(0);

        const grown = await load(`${base}\nflow Skip : S0 -> S2 { style file }\nsystem Extra { kind custom department D3 }\nflow ToExtra : S3 -> Extra { style api }`);
        const last = await layouter.layout(grown, { viewKey: 'all' });
        expectSameArrangement(graph, before, last);
        const extra = grown.nodes.find(node => node.name === 'Extra')!;
        expect(inside(last.nodes[extra.id], last.groups['group:D3'])).toBe(true);
        const grownQuality = measureLayout(grown, last);
        expect(grownQuality.edgeThroughNode + grownQuality.edgeThroughGroup + grownQuality.nodeOverlaps).toBe(0);
        for (const edge of grown.edges) {
            const line = last.edges[edge.id].points;
            const end = (id: string) => last.nodes[id] ?? last.groups[id];
            expect(distanceToOutline(line[0], end(edge.source)), `${edge.id} starts at ${edge.source}`).toBeLessThan(1.5);
            expect(distanceToOutline(line[line.length - 1], end(edge.target)), `${edge.id} ends at ${edge.target}`).toBeLessThan(1.5);
        }
    });
});

describe('a view of a few boxes and a hundred lines', () => {
    it('sets its layers closer where that makes the titles readable, meeting every target, and keeps them so after an edit', async () => {
        // An unseen 200-system estate's overview: 14 departments, 111 bundles. At ELK's spacing 1,765 × 1,469 px: titles 7.8 px.
        const options = { view: { kind: 'estate' as const }, state: 'as-is' as const };
        const { texts, graph } = await generatedView(200, 404, options);
        expect(graph.nodes.length).toBeLessThanOrEqual(20);
        expect(graph.edges.length).toBeGreaterThan(100);
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const layout = await layouter.layout(graph, { viewKey: 'estate' });
        expect(layout.closeLayers).toBe(true);
        expect(fittedTitlePx(layout)).toBeGreaterThanOrEqual(10);
        expect(targetsMissed(measureLayout(graph, layout))).toBe(0);
        expectNoOverlaps(graph, layout.nodes);
        // A system added to a department: the overview keeps its close layers.
        const edited = await loadTexts({ ...texts, 'added.integ': 'system Added { kind custom  department Sales }' });
        const after = await layouter.layout(buildDiagramGraph(edited.analysis.estate, edited.analysis.findings, options), { viewKey: 'estate' });
        expect(after.closeLayers).toBe(true);
        expect(displacement(graph, layout, after).alignedWorst).toBeLessThanOrEqual(2);
    });

    it('sets the lines of a layer closer too: the overview of the roadmap\'s to-be state reads as well', async () => {
        // The same estate's to-be overview (114 bundles): with only the layers closer, 2,088 px wide,
        // titles 9.8 px and a line 2.54 times the way between its ends; at ELK's spacing 7.1 px.
        const { graph } = await generatedView(200, 404, { view: { kind: 'estate' }, state: 'to-be' });
        expect(graph.nodes.length).toBeLessThanOrEqual(20);
        const layout = await new DiagramLayouter(new CountingRunner(), 32, 60_000).layout(graph);
        expect(layout.closeLayers).toBe(true);
        expect(fittedTitlePx(layout)).toBeGreaterThanOrEqual(10);
        expect(targetsMissed(measureLayout(graph, layout))).toBe(0);
        expectNoOverlaps(graph, layout.nodes);
        expect(measureLayout(graph, layout).hiddenShare).toBe(0);
    });
});

describe('a department opened among eight closed ones, linked nearly every one to every other (unseen 90-system estate, Payroll open)', () => {
    it('sets the closed departments in a column either side of it, titles readable, every flow drawn, and keeps them so after an edit', async () => {
        // Layered in one chain (the flows between closed departments put each in a layer of its own)
        // the picture was 3,000 px wide, titles 6–7 px.
        const options = { view: { kind: 'estate' as const }, state: 'as-is' as const, expand: ['Payroll'] };
        const { texts, graph } = await generatedView(90, 505, options);
        expect(graph.nodes.length).toBeLessThanOrEqual(20);
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const layout = await layouter.layout(graph, { viewKey: 'payroll' });
        expect(layout.sided).toBe(true);
        expect(fittedTitlePx(layout)).toBeGreaterThanOrEqual(10);
        expect(targetsMissed(measureLayout(graph, layout))).toBe(0);
        expectNoOverlaps(graph, layout.nodes);
        expectFlowLines(graph, layout);
        const frame = layout.groups[graph.groups[0].id];
        const closed = graph.nodes.filter(node => node.kind === 'department').map(node => layout.nodes[node.id]);
        const [before, after] = [closed.filter(box => box.x + box.width < frame.x), closed.filter(box => box.x > frame.x + frame.width)];
        expect(before.length + after.length).toBe(closed.length);
        expect(Math.abs(before.length - after.length)).toBeLessThanOrEqual(1);
        // A system added to Payroll with a flow from a closed department: nothing the reader knows moves far.
        const payroll = graph.nodes.find(node => node.group === graph.groups[0].id)!.name;
        const source = Object.values(texts).flatMap(text => [...text.matchAll(/^system (\w+)[^{]*\{[^}]*department Sales\b/gm)].map(match => match[1]))[0];
        expect(source).toBeDefined();
        const edited = await loadTexts({ ...texts, 'added.integ': `system Added { kind custom  department Payroll }\nflow AddedIn : ${source} -> Added { style api }\nflow AddedOut : Added -> ${payroll} { style api }` });
        const editedGraph = buildDiagramGraph(edited.analysis.estate, edited.analysis.findings, options);
        const next = await layouter.layout(editedGraph, { viewKey: 'payroll' });
        expect(next.sided).toBe(true);
        expectFlowLines(editedGraph, next);
        const moved = displacement(graph, layout, next);
        expect(moved.alignedMean).toBeLessThanOrEqual(0.5);
        expect(moved.alignedWorst).toBeLessThanOrEqual(2);
    });
});

describe('a department opened among closed ones whose top-to-bottom picture wins over left to right (unseen 100-system estate, Sales open)', () => {
    it('is also set in columns left to right, where its titles read', async () => {
        // In columns top to bottom (the direction that won) 9.5 px, 90 crossings; left to right 10.5 px, 90 crossings.
        const { graph } = await generatedView(100, 101, { view: { kind: 'estate' }, state: 'as-is', expand: ['Sales'] });
        expect(graph.nodes.length).toBeLessThanOrEqual(20);
        const layout = await new DiagramLayouter(new CountingRunner(), 32, 60_000).layout(graph);
        expect(layout.sided).toBe(true);
        expect(layout.direction).toBe('RIGHT');
        expect(fittedTitlePx(layout)).toBeGreaterThanOrEqual(10);
        expect(targetsMissed(measureLayout(graph, layout))).toBe(0);
        expectNoOverlaps(graph, layout.nodes);
        expectFlowLines(graph, layout);
    });
});

describe('an overview of a few departments and a hundred and fifty lines between them', () => {
    it('places its closer layers by network simplex, in the direction that keeps its lines within their detours: titles readable, every target met', async () => {
        // An unseen 300-system estate: 17 departments, 149 bundles. Top to bottom 2,777 × 2,065 px, 5.6 px
        // titles; with closer layers placed by Brandes–Köpf 8.9 px, the lines round the sides of its wide
        // layers far out of their way (mean 1.33, worst 3.48), and three departments a layer 8.4 px, one
        // line 2.86 times its way. Network simplex top to bottom: 12.8 px, one line 3.92 times its way.
        const { graph } = await generatedView(300, 404, { view: { kind: 'estate' }, state: 'as-is' });
        expect(graph.nodes.length).toBeLessThanOrEqual(20);
        expect(graph.edges.length).toBeGreaterThan(140);
        const layout = await new DiagramLayouter(new CountingRunner(), 32, 60_000).layout(graph);
        expect(layout.closeLayers).toBe(true);
        expect(layout.direction).toBe('RIGHT');
        expect(fittedTitlePx(layout)).toBeGreaterThanOrEqual(10);
        const quality = measureLayout(graph, layout);
        expect(targetsMissed(quality)).toBe(0);
        expect(quality.detourWorst).toBeLessThanOrEqual(2.5);
        expect(quality.hiddenShare).toBe(0);
        expect(quality.edgeThroughNode + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
        expectNoOverlaps(graph, layout.nodes);
        expectFlowLines(graph, layout);
    });
});

describe('an edit that a fresh layout of the view would reshuffle', () => {
    /** ELK in process, each run taking `msPerRun` on a clock the test keeps (Date only). */
    class TimedRunner extends CountingRunner {
        constructor(private readonly msPerRun: number) { super(); }
        override async run(graph: ElkNode): Promise<ElkNode> {
            const result = await super.run(graph);
            vi.setSystemTime(Date.now() + this.msPerRun);
            return result;
        }
    }

    it('tries ELK\'s other seeds past the edit\'s time budget until one keeps what the reader knows within two box widths', async () => {
        // An unseen 30-system estate in ten departments, every one open (30 boxes, 73 lines): a system
        // added beside its warehouse does not fit the picture and the view is laid out again.
        const options = { seed: 52, systems: 30, departments: 10, flows: 90, entities: 12, processes: 5, initiatives: 5, files: 3 };
        const texts = Object.fromEntries(generateEstate({ ...DEFAULT_OPTIONS, ...options }).files.map(file => [file.name, file.text]));
        const allOpen = { view: { kind: 'estate' as const }, state: 'as-is' as const, expand: [EXPAND_ALL] };
        const base = await loadTexts(texts);
        const graph = buildDiagramGraph(base.analysis.estate, base.analysis.findings, allOpen);
        expect(graph.nodes.length).toBe(30);
        const edited = await loadTexts({ ...texts, 'added.integ': 'system Added2 { kind analytics  department Logistics }\nflow AddedFlow2 : Added2 -> DataWarehouse1 { style batch }' });
        const edit = async (layouter: DiagramLayouter) => {
            const layout = await layouter.layout(graph, { viewKey: 'all' });
            const editedGraph = buildDiagramGraph(edited.analysis.estate, edited.analysis.findings, { ...allOpen, before: layouter.formOf('all') });
            return { layout, editedGraph, after: await layouter.layout(editedGraph, { viewKey: 'all' }) };
        };
        vi.useFakeTimers({ toFake: ['Date'] });
        try {
            // The premise: with no time for a second seed, the usual seed's picture moves a box more than two box widths.
            const first = await edit(new DiagramLayouter(new TimedRunner(250), 32, 0));
            expect(displacement(graph, first.layout, first.after).alignedWorst).toBeGreaterThan(2);
            // Each layout taking 250 ms of a 300 ms budget: the next seeds are tried all the same.
            const { layout, editedGraph, after } = await edit(new DiagramLayouter(new TimedRunner(250)));
            expect(after.nodes[editedGraph.nodes.find(node => node.name === 'Added2')!.id]).toBeDefined();
            expect(displacement(graph, layout, after).alignedWorst).toBeLessThanOrEqual(2);
            const quality = measureLayout(editedGraph, after);
            expect(quality.edgeThroughNode + quality.edgeThroughGroup + quality.nodeOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel).toBe(0);
            expectFlowLines(editedGraph, after);
        } finally {
            vi.useRealTimers();
        }
    });
});

describe('a view at a size threshold', () => {
    const allOpen = { view: { kind: 'estate' as const }, state: 'as-is' as const, expand: [EXPAND_ALL] };

    it('keeps one compound layout when a system added takes it one past the limit, and keeps the systems where they were', async () => {
        // Four departments of 20 systems, each a chain with two hubs, and a few flows between departments.
        const lines = departmentDeclarations(4, COMPOUND_UP_TO_NODES / 4);
        for (let d = 0; d < 4; d++) {
            for (let s = 1; s < COMPOUND_UP_TO_NODES / 4; s++) lines.push(`flow F${d}x${s} : S${d}x${s} -> S${d}x${s % 3 === 0 ? 0 : s - 1} { style ${s % 2 ? 'api' : 'file'} }`);
            lines.push(`flow Out${d} : S${d}x5 -> S${(d + 1) % 4}x7 { style manual }`);
        }
        const text = lines.join('\n');
        const base = await loadTexts({ 'estate.integ': text });
        const grown = await loadTexts({ 'estate.integ': `${text}\nsystem Extra { kind custom  department D1 }\nflow ToExtra : S1x3 -> Extra { style file }` });
        const layouter = new DiagramLayouter(new CountingRunner(), 32, 60_000);
        const viewKey = 'estate, every department open';
        const before = await produceDiagram(base.analysis.estate, base.analysis.findings, allOpen, layouter, { timeoutMs: 60_000, viewKey });
        expect(before.layout.byDepartment).toBeFalsy();
        const after = await produceDiagram(grown.analysis.estate, grown.analysis.findings, allOpen, layouter, { timeoutMs: 60_000, viewKey });
        expect(after.graph.nodes.length).toBe(COMPOUND_UP_TO_NODES + 1);
        expect(after.layout.byDepartment, 'laid out as one graph still').toBeFalsy();
        expect(after.graph.edges.filter(edge => edge.source.startsWith('group:') || edge.target.startsWith('group:')), 'no line per pair of departments').toEqual([]);
        expectFlowLines(after.graph, after.layout);
        const moved = displacement(before.graph, before.layout, after.layout);
        expect(moved.alignedMean).toBeLessThanOrEqual(0.5);
        expect(moved.alignedWorst).toBeLessThanOrEqual(2);
        // Opened afresh, the same estate is past the limit: laid out department by department.
        const fresh = await produceDiagram(grown.analysis.estate, grown.analysis.findings, allOpen, new DiagramLayouter(new CountingRunner()), { timeoutMs: 60_000, viewKey });
        expect(fresh.layout.byDepartment).toBe(true);
        expect(fresh.graph.edges.some(edge => edge.source.startsWith('group:'))).toBe(true);
    });

    it('keeps an estate of systems when one more system would make it an overview, and the overview when one fewer would not', async () => {
        const estate = { view: { kind: 'estate' as const }, state: 'as-is' as const };
        const twelve = (await loadTexts({ 'estate.integ': generatedEstate(12, 3) })).analysis;
        const thirteen = (await loadTexts({ 'estate.integ': generatedEstate(13, 3) })).analysis;
        const layouter = new DiagramLayouter(new CountingRunner());
        const small = await produceDiagram(twelve.estate, twelve.findings, estate, layouter, { viewKey: 'estate' });
        expect(small.graph.aggregated).toBe(false);
        const grown = await produceDiagram(thirteen.estate, thirteen.findings, estate, layouter, { viewKey: 'estate' });
        expect(grown.graph.aggregated).toBe(false);
        expect(grown.graph.nodes).toHaveLength(13);
        const overview = await produceDiagram(thirteen.estate, thirteen.findings, estate, layouter, { viewKey: 'another estate' });
        expect(overview.graph.aggregated).toBe(true);
        const shrunk = await produceDiagram(twelve.estate, twelve.findings, estate, layouter, { viewKey: 'another estate' });
        expect(shrunk.graph.aggregated).toBe(true);
    });
});
