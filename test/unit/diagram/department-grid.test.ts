import { describe, expect, it } from 'vitest';
import { EXPAND_ALL, type Box, type DiagramGraph, type DiagramLayout, type LayoutDirection } from '../../../language-server/src/diagram/diagram-graph.js';
import { compoundElkGraph, compoundLayout } from '../../../language-server/src/diagram/compound-layout.js';
import { departmentGrid, type PartLayout } from '../../../language-server/src/diagram/department-grid.js';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { displacement, fittedTitlePx, measureLayout, segmentThroughBox } from '../../../language-server/src/diagram/layout-quality.js';
import { groupTitleBox } from '../../../language-server/src/diagram/node-sizing.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { loadTexts } from '../helpers/workspace.js';
import { CountingRunner, denseEstate, fixtureView } from './helpers.js';

/** Time enough to draw every line on a slow machine: the tests judge the picture, not the clock. */
const GENEROUS_MS = 20_000;
const PANEL = { width: 1600, height: 900 };
const allOpen = fixtureView('utility', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });

function partLayout(labelled: boolean): PartLayout {
    const runner = new CountingRunner();
    return async (part: DiagramGraph, direction: LayoutDirection, unlinkedColumn?: boolean) => {
        const input = compoundElkGraph(part, { direction, labelled, unlinkedColumn });
        return compoundLayout(part, await runner.run(input.root), input, direction);
    };
}

function overlaps(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function oneAboveTheOther(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && !overlaps(a, b);
}

/** The departments row by row (by the top of their frames), left to right. */
function rowsOf(layout: DiagramLayout): string[][] {
    const rows = new Map<number, Array<[string, Box]>>();
    for (const [id, frame] of Object.entries(layout.groups)) {
        const top = Math.round(frame.y);
        rows.set(top, [...rows.get(top) ?? [], [id, frame]]);
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row.sort((a, b) => a[1].x - b[1].x).map(([id]) => id));
}

function expectReadable(graph: DiagramGraph, layout: DiagramLayout): void {
    const quality = measureLayout(graph, layout);
    expect(quality.undrawn).toBe(0);
    expect({
        edgeThroughNode: quality.edgeThroughNode, edgeThroughGroup: quality.edgeThroughGroup, edgeThroughTitle: quality.edgeThroughTitle,
        nodeOverlaps: quality.nodeOverlaps, labelLabel: quality.labelLabelOverlaps, labelNode: quality.labelNodeOverlaps, edgeThroughLabel: quality.edgeThroughLabel
    }).toEqual({ edgeThroughNode: 0, edgeThroughGroup: 0, edgeThroughTitle: 0, nodeOverlaps: 0, labelLabel: 0, labelNode: 0, edgeThroughLabel: 0 });
    expect(quality.hiddenShare).toBe(0);
    expect(quality.labelDistanceWorst).toBeLessThanOrEqual(10);
    const frames = Object.values(layout.groups);
    for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) expect(overlaps(frames[i], frames[j])).toBe(false);
    for (const node of graph.nodes) {
        const [box, frame] = [layout.nodes[node.id], layout.groups[node.group!]];
        expect(box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width && box.y + box.height <= frame.y + frame.height, node.id).toBe(true);
    }
}

/** A department `name` whose one system feeds two departments of the utility estate. */
function feeder(name: string): string {
    return `department ${name} "${name}"
        system ${name}Head { kind custom department ${name} }
        flow ${name}Reads : ${name}Head -> Scada { style api }
        flow ${name}Usage : ${name}Head -> Complaints { style file }`;
}

/** Lines keep this far from a department they do not belong to, and from above every department's title band. */
const KEPT_CLEAR = 5;

/** Every run that passes within `KEPT_CLEAR` of a foreign department or of a title band (from above or the side). */
function huggingRuns(graph: DiagramGraph, layout: DiagramLayout): string[] {
    const groupOf = new Map(graph.nodes.map(node => [node.id, node.group]));
    const found: string[] = [];
    for (const edge of graph.edges) {
        const own = new Set([groupOf.get(edge.source), groupOf.get(edge.target)]);
        const near = graph.groups.flatMap(group => {
            const frame = layout.groups[group.id];
            const title = groupTitleBox(frame, group, layout.titleShifts?.[group.id], layout.titleWidths?.[group.id]);
            const band = { x: title.x - KEPT_CLEAR, y: title.y - KEPT_CLEAR, width: title.width + 2 * KEPT_CLEAR, height: title.height + KEPT_CLEAR };
            const outer = { x: frame.x - KEPT_CLEAR, y: frame.y - KEPT_CLEAR, width: frame.width + 2 * KEPT_CLEAR, height: frame.height + 2 * KEPT_CLEAR };
            return own.has(group.id) ? [[group.id, band] as const] : [[group.id, outer] as const];
        });
        const points = layout.edges[edge.id].points;
        for (let i = 1; i < points.length; i++) {
            for (const [id, box] of near) if (segmentThroughBox(points[i - 1], points[i], box)) found.push(`${edge.id} by ${id}`);
        }
    }
    return found;
}

describe('department grid', () => {
    it('shows an opened estate whose departments chain into a strip as rows of departments, titles readable in the panel', async () => {
        // Six departments, each feeding the next: laid out in layers the picture is a strip at 8 px a title.
        const graph = await allOpen();
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, GENEROUS_MS).layout(graph, { panel: PANEL });
        expect(layout.departmentGrid).toBe(true);
        expectReadable(graph, layout);
        expect(fittedTitlePx(layout, PANEL)).toBeGreaterThanOrEqual(10);
        expect(huggingRuns(graph, layout)).toEqual([]);
        const rows = rowsOf(layout);
        expect(rows.length).toBeGreaterThan(1);
        expect(rows.some(row => row.length > 1)).toBe(true);
    });

    it('puts the department the flows start from in the first row', async () => {
        const graph = await allOpen(feeder('Origin'));
        const layout = (await departmentGrid(graph, partLayout(true), PANEL, true, GENEROUS_MS))!;
        expect(rowsOf(layout)[0]).toContain('group:Origin');
    });

    it('sets a department above the one in the next row it trades flows with, not at the far end of its row', async () => {
        // Customer service and Claims send each other three flows; in reading order Customer service
        // came last in the first row, its lines crossing the whole picture to Claims at the start of the next.
        const graph = await fixtureView('insurer', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] })();
        const layout = (await departmentGrid(graph, partLayout(false), PANEL, false, GENEROUS_MS))!;
        const [service, claims] = [layout.groups['group:Service'], layout.groups['group:Claims']];
        expect(service.y + service.height).toBeLessThan(claims.y);
        expect(service.x < claims.x + claims.width && claims.x < service.x + service.width).toBe(true);
    });

    it('turns a department over where its systems then face the departments they trade with', async () => {
        // People's payroll pays through Finance, its on-call rota feeds Field operations' dispatch board.
        // Laid out alone, the department puts payroll first; set between the two, the rota faces Field
        // operations and payroll faces Finance, and the two lines no longer cross.
        const graph = await allOpen();
        const layout = (await departmentGrid(graph, partLayout(true), PANEL, true, GENEROUS_MS))!;
        expectReadable(graph, layout);
        const [field, people, finance] = ['group:Field', 'group:People', 'group:Fin'].map(id => layout.groups[id]);
        expect(rowsOf(layout).find(row => row.includes('group:People'))).toEqual(expect.arrayContaining(['group:Field', 'group:Fin']));
        expect(field.x < people.x && people.x < finance.x).toBe(true);
        expect(layout.nodes['system:Rota'].x).toBeLessThan(layout.nodes['system:Payroll'].x);
        const alone = await partLayout(true)({ ...graph, groups: [], nodes: graph.nodes.filter(node => node.group === 'group:People').map(node => ({ ...node, group: undefined })), edges: [] }, layout.direction!);
        expect(alone.nodes['system:Payroll'].x).toBeLessThan(alone.nodes['system:Rota'].x);
    });

    it('draws a line again once all are in where, drawn early, it crossed one drawn after it', async () => {
        // Freight's bookings line, drawn before the positions line, took the channel the latter then had to cross.
        const graph = await fixtureView('freight', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] })();
        const layout = (await departmentGrid(graph, partLayout(true), PANEL, true, GENEROUS_MS))!;
        expectReadable(graph, layout);
        expect(measureLayout(graph, layout).crossings).toBe(0);
    });

    it('moves departments between rows where their lines then cross less', async () => {
        // Council's departments in reading order, each row in its best order: 10 crossings for 18 lines.
        // Swapped between rows, a department sits near those it trades with: 1.
        const graph = await fixtureView('council', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] })();
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, GENEROUS_MS).layout(graph, { panel: PANEL });
        expect(layout.departmentGrid).toBe(true);
        expectReadable(graph, layout);
        expect(2 * measureLayout(graph, layout).crossings).toBeLessThanOrEqual(graph.edges.length);
        expect(fittedTitlePx(layout, PANEL)).toBeGreaterThanOrEqual(10);
    });

    it('sets a department whose systems all trade outside it as a column, its lines reaching it from one side', async () => {
        // Airline's NDC gateway and website each send only to Reservations: in a grid of three columns
        // they sat side by side, with the lines to and from them crossing six times in the picture.
        const graph = await fixtureView('airline', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] })();
        const layout = (await departmentGrid(graph, partLayout(true), PANEL, true, GENEROUS_MS))!;
        expectReadable(graph, layout);
        expect(oneAboveTheOther(layout.nodes['system:Ndc'], layout.nodes['system:Web'])).toBe(true);
        expect(measureLayout(graph, layout).crossings).toBeLessThanOrEqual(3);
        expect(fittedTitlePx(layout, PANEL)).toBeGreaterThanOrEqual(10);
    });

    it('keeps a department in its column after an edit elsewhere, every box within two box widths of its place', async () => {
        const load = fixtureView('airline', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] });
        const before = await load();
        const previous = (await departmentGrid(before, partLayout(true), PANEL, true, GENEROUS_MS))!;
        const after = await load('flow Spares : Parts -> Ledger { style batch schedule nightly }');
        const layout = (await departmentGrid(after, partLayout(true), PANEL, true, GENEROUS_MS, previous))!;
        expect(oneAboveTheOther(previous.nodes['system:Ndc'], previous.nodes['system:Web'])).toBe(true);
        expect(oneAboveTheOther(layout.nodes['system:Ndc'], layout.nodes['system:Web'])).toBe(true);
        expectReadable(after, layout);
        const moved = displacement(after, previous, layout);
        expect(moved.alignedMean).toBeLessThanOrEqual(0.5);
        expect(moved.alignedWorst).toBeLessThanOrEqual(2);
    });

    it('keeps the layers where the grid\'s lines would be crossed more than once each on average', async () => {
        // Six departments, each one's head system trading with most others: as a grid 25 crossings for 30 lines.
        const { analysis } = await loadTexts({ 'dense.integ': denseEstate(6, 2) });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] }, '2026-12-01');
        const grid = (await departmentGrid(graph, partLayout(true), PANEL, true, GENEROUS_MS))!;
        expect(2 * measureLayout(graph, grid).crossings).toBeGreaterThan(graph.edges.length);
        expect(fittedTitlePx(grid, PANEL)).toBeGreaterThan(10);
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, GENEROUS_MS).layout(graph, { panel: PANEL });
        expect(layout.departmentGrid).toBeFalsy();
        expect(measureLayout(graph, layout).crossings).toBeLessThan(measureLayout(graph, grid).crossings);
    });

    it('leaves a department\'s own view to the layers: what feeds it on one side, what it feeds on the other', async () => {
        const graph = await fixtureView('utility', { view: { kind: 'department', name: 'Cust' }, state: 'as-is' })();
        expect(graph.groups.length).toBe(1);
        expect(await departmentGrid(graph, partLayout(true), PANEL, true, GENEROUS_MS)).toBeUndefined();
    });

    it('sets one department opened in the estate among the closed ones, in rows readable in a side panel', async () => {
        // Customer and billing opened: in layers a strip of closed departments beside its frame, 7 px a title at 900×1000.
        const graph = await fixtureView('utility', { view: { kind: 'estate' }, state: 'as-is', expand: ['Cust'] })();
        expect(graph.groups.map(group => group.id)).toEqual(['group:Cust']);
        const side = { width: 900, height: 1000 };
        const layout = await new DiagramLayouter(new CountingRunner(), 32, undefined, GENEROUS_MS).layout(graph, { panel: side });
        expect(layout.departmentGrid).toBe(true);
        expect(fittedTitlePx(layout, side)).toBeGreaterThanOrEqual(10);
        const quality = measureLayout(graph, layout);
        expect(quality.undrawn + quality.edgeThroughNode + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel + quality.edgeThroughTitle).toBe(0);
        expect(2 * quality.crossings).toBeLessThanOrEqual(graph.edges.length);
        const frame = layout.groups['group:Cust'];
        for (const node of graph.nodes.filter(node => !node.group)) expect(overlaps(layout.nodes[node.id], frame), node.id).toBe(false);
        expect(layout.labelsLeftOut).toBeUndefined();
        expect(Object.values(layout.edges).some(geometry => geometry.label)).toBe(true);
        // Without the grid, the titles read only with the flows' labels left to their tooltips.
        const layers = await new DiagramLayouter(new CountingRunner(), 32, undefined, 0).layout(graph, { panel: side });
        expect(layers.labelsLeftOut).toBe(true);
    });

    it('turns over only departments: every closed department\'s box keeps its place in its row', async () => {
        let grids = 0;
        // Turned over as a department is, a box outside every department left its place for the one before it.
        for (const [estate, department] of [['airline', 'Fin'], ['pharma', 'Lab'], ['council', 'Housing']]) {
            const graph = await fixtureView(estate, { view: { kind: 'estate' }, state: 'as-is', expand: [department] })();
            for (const panel of [PANEL, { width: 1000, height: 1000 }]) {
                const layout = await departmentGrid(graph, partLayout(true), panel, true, GENEROUS_MS);
                if (!layout) continue;
                grids++;
                expect(measureLayout(graph, layout).nodeOverlaps, `${estate} ${panel.width}`).toBe(0);
            }
        }
        expect(grids).toBeGreaterThanOrEqual(3);
    });

    it('after an edit, keeps every department in its row and place; a new one starts a row at the end', async () => {
        const before = await allOpen();
        const previous = (await departmentGrid(before, partLayout(true), PANEL, true, GENEROUS_MS))!;
        // A new department that feeds two others: laid out afresh, it would come first and push every row along.
        const after = await allOpen(feeder('Meters'));
        const fresh = (await departmentGrid(after, partLayout(true), PANEL, true, GENEROUS_MS))!;
        expect(rowsOf(fresh)[0]).toContain('group:Meters');
        const layout = (await departmentGrid(after, partLayout(true), PANEL, true, GENEROUS_MS, previous))!;
        expect(rowsOf(layout)).toEqual([...rowsOf(previous), ['group:Meters']]);
        expectReadable(after, layout);
        const moved = displacement(after, previous, layout);
        expect(moved.alignedMean).toBeLessThanOrEqual(0.5);
        expect(moved.alignedWorst).toBeLessThanOrEqual(2);
    });

    it('gives up, for the layers, where the lines between departments cannot all be drawn in time', async () => {
        const graph = await allOpen();
        expect(await departmentGrid(graph, partLayout(true), PANEL, true, 0)).toBeUndefined();
    });
});
