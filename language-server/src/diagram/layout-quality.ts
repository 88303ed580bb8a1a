/**
 * Readability of a laid-out diagram, measured on its geometry: what `npm run diagram:quality`
 * prints and what the layout tests hold as invariants. A reader's complaints, made countable:
 * lines hidden under other lines, crossings, bends, detours, things drawn over each other, labels
 * far from their line, a picture too thin or too large to read in a side panel, and a picture
 * that moves when one element is added.
 */
import { layoutTitleBoxes } from './node-sizing.js';
import type { Box, DiagramGraph, DiagramLayout, Point } from './diagram-graph.js';
import { REFERENCE_PANEL, type PanelSize } from './panel-shape.js';
import { LABEL_FONT_PX } from './text-metrics.js';
import { SpatialIndex } from './spatial-index.js';

/** The most a fit may zoom in (the preview's Fit zooms no further). */
export const MAX_FIT_ZOOM = 2;
/** The margin the renderer and the preview keep round the drawing. */
const FIT_MARGIN = 20;
/** Lines closer than this, and parallel, are drawn on top of each other. */
const COLLINEAR_PX = 0.5;
/** A line may touch a box's outline; it is "through" the box only this far inside. */
const INSIDE_PX = 1;

export interface LayoutQuality {
    nodes: number;
    edges: number;
    /** Flows of the graph with no drawn line, or a line that does not start on its source's outline and end on its target's. */
    undrawn: number;
    /** Pairs of segments of two different edges that cross, not at an end of either edge. */
    crossings: number;
    /** Share of the total edge length lying on an edge of another colour (edge class). */
    hiddenShare: number;
    /** Share of the total edge length lying on any other edge, whatever its colour. */
    hiddenShareAnyEdge: number;
    /** Turning per edge, in quarter turns (a right-angle bend is 1). */
    bendsPerEdge: number;
    /** Drawn length over the straight distance between an edge's ends: mean and worst. */
    detourMean: number;
    detourWorst: number;
    /** Segments passing through a node box that is neither end of the edge. */
    edgeThroughNode: number;
    /** Segments passing through a department box that holds neither end of the edge. */
    edgeThroughGroup: number;
    /** Segments crossing a department's title text, the edge's own departments' included. */
    edgeThroughTitle: number;
    nodeOverlaps: number;
    labelLabelOverlaps: number;
    labelNodeOverlaps: number;
    /** Segments of one edge passing through another edge's label. */
    edgeThroughLabel: number;
    /** Largest distance from a label to its own edge's line. */
    labelDistanceWorst: number;
    /** Long side over short side of the drawing. */
    aspect: number;
    /** Node-title font size once the drawing is fitted into the reference panel. */
    titlePx: number;
}

interface Segment { a: Point; b: Point; edge: number }

function length(a: Point, b: Point): number {
    // Not Math.hypot: the metrics and the line passes call this millions of times, and hypot (which
    // guards against overflow no picture comes near) took a sixth of straightening a large view.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    return Math.sqrt(dx * dx + dy * dy);
}

function polylineLength(points: readonly Point[]): number {
    let total = 0;
    for (let i = 1; i < points.length; i++) total += length(points[i - 1], points[i]);
    return total;
}

/** Quarter turns along a polyline: the sum of the turning angles over 90°. */
export function quarterTurns(points: readonly Point[]): number {
    let turning = 0;
    let previous: number | undefined;
    for (let i = 1; i < points.length; i++) {
        const dx = points[i].x - points[i - 1].x;
        const dy = points[i].y - points[i - 1].y;
        if (Math.hypot(dx, dy) < 1e-6) continue;
        const heading = Math.atan2(dy, dx);
        if (previous !== undefined) {
            let turn = Math.abs(heading - previous);
            if (turn > Math.PI) turn = 2 * Math.PI - turn;
            turning += turn;
        }
        previous = heading;
    }
    return turning / (Math.PI / 2);
}

/** The length of `s` lying within COLLINEAR_PX of `t` and parallel to it, as an interval along `s`. */
export function sharedInterval(s: { a: Point; b: Point }, t: { a: Point; b: Point }): [number, number] | undefined {
    const len = length(s.a, s.b);
    if (len < 1e-6 || length(t.a, t.b) < 1e-6) return undefined;
    const ux = (s.b.x - s.a.x) / len;
    const uy = (s.b.y - s.a.y) / len;
    const offset = (p: Point) => Math.abs((p.x - s.a.x) * uy - (p.y - s.a.y) * ux);
    if (offset(t.a) > COLLINEAR_PX || offset(t.b) > COLLINEAR_PX) return undefined;
    const along = (p: Point) => (p.x - s.a.x) * ux + (p.y - s.a.y) * uy;
    const from = Math.max(0, Math.min(along(t.a), along(t.b)));
    const to = Math.min(len, Math.max(along(t.a), along(t.b)));
    return to - from > 1e-6 ? [from, to] : undefined;
}

function unionLength(intervals: Array<[number, number]>): number {
    if (intervals.length > 1) intervals.sort((p, q) => p[0] - q[0]);
    let total = 0;
    let start = Number.NEGATIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const interval of intervals) {
        if (interval[0] > end) {
            if (end > start) total += end - start;
            start = interval[0];
            end = interval[1];
        } else if (interval[1] > end) {
            end = interval[1];
        }
    }
    if (end > start) total += end - start;
    return total;
}

function cross(o: Point, a: Point, b: Point): number {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Where two segments properly cross (not when they only touch or run along each other). */
export function crossingPoint(s: { a: Point; b: Point }, t: { a: Point; b: Point }): Point | undefined {
    const d1 = cross(t.a, t.b, s.a);
    const d2 = cross(t.a, t.b, s.b);
    const d3 = cross(s.a, s.b, t.a);
    const d4 = cross(s.a, s.b, t.b);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        const k = d1 / (d1 - d2);
        return { x: s.a.x + (s.b.x - s.a.x) * k, y: s.a.y + (s.b.y - s.a.y) * k };
    }
    return undefined;
}

function shrink(box: Box, by: number): Box {
    return { x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by };
}

function boxesOverlap(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a segment passes through the inside of a box (Liang–Barsky clipping). */
export function segmentThroughBox(a: Point, b: Point, box: Box): boolean {
    if (box.width <= 0 || box.height <= 0) return false;
    let t0 = 0;
    let t1 = 1;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    // The four sides (left, right, top, bottom) in turn, with nothing allocated: routing tests
    // hundreds of thousands of runs against boxes.
    for (let side = 0; side < 4; side++) {
        const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
        const q = side === 0 ? a.x - box.x : side === 1 ? box.x + box.width - a.x : side === 2 ? a.y - box.y : box.y + box.height - a.y;
        if (Math.abs(p) < 1e-9) {
            if (q <= 0) return false;
            continue;
        }
        const r = q / p;
        if (p < 0) { if (r > t1) return false; if (r > t0) t0 = r; } else { if (r < t0) return false; if (r < t1) t1 = r; }
    }
    return t1 - t0 > 1e-9;
}

function pointToSegment(p: Point, a: Point, b: Point): number {
    const len2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len2));
    return length(p, { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
}

/** Distance from a box to a segment: 0 when they touch. */
function boxToSegment(box: Box, a: Point, b: Point): number {
    if (segmentThroughBox(a, b, box)) return 0;
    const corners = [
        { x: box.x, y: box.y }, { x: box.x + box.width, y: box.y },
        { x: box.x + box.width, y: box.y + box.height }, { x: box.x, y: box.y + box.height }
    ];
    let best = Math.min(...corners.map(c => pointToSegment(c, a, b)));
    for (const p of [a, b]) {
        const dx = Math.max(box.x - p.x, 0, p.x - (box.x + box.width));
        const dy = Math.max(box.y - p.y, 0, p.y - (box.y + box.height));
        best = Math.min(best, Math.hypot(dx, dy));
    }
    return best;
}

/** Node-title size when the drawing is fitted into the reference panel (zoom capped as the preview caps it). */
export function fittedTitlePx(layout: Pick<DiagramLayout, 'width' | 'height'>, panel: PanelSize = REFERENCE_PANEL): number {
    const scale = Math.min(MAX_FIT_ZOOM, panel.width / (layout.width + 2 * FIT_MARGIN), panel.height / (layout.height + 2 * FIT_MARGIN));
    return LABEL_FONT_PX * scale;
}

/** How far off its box's outline a line may end (half pixels of rounding either way). */
const OUTLINE_PX = 1.5;

/** Whether `point` lies on the outline of `box`, within `OUTLINE_PX`. */
export function onOutline(point: Point, box: Box): boolean {
    const dx = Math.max(box.x - point.x, 0, point.x - (box.x + box.width));
    const dy = Math.max(box.y - point.y, 0, point.y - (box.y + box.height));
    if (dx > 0 || dy > 0) return Math.hypot(dx, dy) <= OUTLINE_PX;
    return Math.min(point.x - box.x, box.x + box.width - point.x, point.y - box.y, box.y + box.height - point.y) <= OUTLINE_PX;
}

function onItsEnds(layout: DiagramLayout, id: string, source: string, target: string): boolean {
    const points = layout.edges[id].points;
    const [from, to] = [layout.nodes[source] ?? layout.groups[source], layout.nodes[target] ?? layout.groups[target]];
    return from !== undefined && to !== undefined && onOutline(points[0], from) && onOutline(points[points.length - 1], to);
}

/** Segments drawn between the same two points (either way round): the run's members, and the flows and colours drawn along it. */
interface SameRun { members: number[]; edges: Set<number>; classes: Set<string> }

function sameRuns(segments: readonly Segment[], classOf: (edge: number) => string): SameRun[] {
    const byEnds = new Map<string, SameRun>();
    segments.forEach(({ a, b, edge }, k) => {
        const [p, q] = a.x < b.x || (a.x === b.x && a.y <= b.y) ? [a, b] : [b, a];
        const key = `${p.x},${p.y},${q.x},${q.y}`;
        const run = byEnds.get(key) ?? byEnds.set(key, { members: [], edges: new Set(), classes: new Set() }).get(key)!;
        run.members.push(k);
        run.edges.add(edge);
        run.classes.add(classOf(edge));
    });
    return [...byEnds.values()];
}

export function measureLayout(graph: DiagramGraph, layout: DiagramLayout): LayoutQuality {
    const drawn = graph.edges.filter(edge => (layout.edges[edge.id]?.points.length ?? 0) >= 2);
    const segments: Segment[] = [];
    const ends: Point[][] = [];
    let totalLength = 0;
    let turns = 0;
    const detours: number[] = [];
    drawn.forEach((edge, index) => {
        const points = layout.edges[edge.id].points;
        for (let i = 1; i < points.length; i++) segments.push({ a: points[i - 1], b: points[i], edge: index });
        ends.push([points[0], points[points.length - 1]]);
        const drawnLength = polylineLength(points);
        totalLength += drawnLength;
        turns += quarterTurns(points);
        // A flow from a system to itself has no straight way to compare its loop with.
        if (edge.source === edge.target) return;
        const straight = length(points[0], points[points.length - 1]);
        detours.push(straight > 1 ? drawnLength / straight : 1);
    });

    const hiddenOther = segments.map(() => [] as Array<[number, number]>);
    const hiddenAny = segments.map(() => [] as Array<[number, number]>);
    let crossings = 0;
    const atEnd = (p: Point, edge: number) => ends[edge].some(end => length(end, p) <= INSIDE_PX);
    // Flows bundled into one line (a department's trunk in a large view) draw the same run many
    // times over: each run is compared once, and what it finds holds for every flow drawn along it.
    const runs = sameRuns(segments, edge => drawn[edge].edgeClass);
    const memberOf = (k: number) => runs[k].members;
    // Only runs near each other can lie on or cross one another: each is compared with those the
    // index finds near it, not with every run of a large view.
    const near = new SpatialIndex(runs.map((_, k) => k), k => ({ run: segments[runs[k].members[0]] }));
    const spans = runs.map(({ members }) => {
        const { a, b } = segments[members[0]];
        return { left: Math.min(a.x, b.x), right: Math.max(a.x, b.x), top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) };
    });
    const apart = (p: typeof spans[number], q: typeof spans[number]) => p.left > q.right + COLLINEAR_PX || q.left > p.right + COLLINEAR_PX || p.top > q.bottom + COLLINEAR_PX || q.top > p.bottom + COLLINEAR_PX;
    const lengths = runs.map(({ members }) => length(segments[members[0]].a, segments[members[0]].b));
    /** Marks each segment of `onto` as lying, over `interval`, on a segment of another flow drawn along `under`. */
    const hide = (onto: readonly number[], under: SameRun, interval: [number, number]) => {
        for (const i of onto) {
            const edge = segments[i].edge;
            if (under.edges.size === 1 && under.edges.has(edge)) continue;
            hiddenAny[i].push(interval);
            // A flow of another colour is another flow: its colour alone says so.
            if (under.classes.size > 1 || !under.classes.has(drawn[edge].edgeClass)) hiddenOther[i].push(interval);
        }
    };
    for (let i = 0; i < runs.length; i++) {
        const own = memberOf(i);
        if (own.length > 1) hide(own, runs[i], [0, lengths[i]]);
        for (const j of near.nearRun(segments[own[0]], COLLINEAR_PX + 1)) {
            if (j <= i || apart(spans[i], spans[j])) continue;
            const s = segments[own[0]];
            const t = segments[memberOf(j)[0]];
            // Runs at an angle lie on each other nowhere: both ends of one within the tolerance of
            // the other's line need their directions within twice the tolerance across the longer.
            const turned = Math.abs((s.b.x - s.a.x) * (t.b.y - t.a.y) - (s.b.y - s.a.y) * (t.b.x - t.a.x));
            // ...and parallel runs side by side, not on one line, none either.
            const parallel = turned <= 2 * COLLINEAR_PX * Math.max(lengths[i], lengths[j])
                && (Math.abs(cross(s.a, s.b, t.a)) <= COLLINEAR_PX * lengths[i] || Math.abs(cross(t.a, t.b, s.a)) <= COLLINEAR_PX * lengths[j]);
            // Each side measured along itself: a long line nearly parallel to a short one can lie on
            // it within the tolerance one way and not the other.
            const shared = parallel ? sharedInterval(s, t) : undefined;
            const back = parallel ? sharedInterval(t, s) : undefined;
            if (shared || back) {
                if (shared) hide(own, runs[j], shared);
                if (back) hide(memberOf(j), runs[i], back);
                continue;
            }
            const at = crossingPoint(s, t);
            if (!at) continue;
            for (const m of own) {
                const edge = segments[m].edge;
                if (atEnd(at, edge)) continue;
                for (const n of memberOf(j)) if (segments[n].edge !== edge && !atEnd(at, segments[n].edge)) crossings++;
            }
        }
    }
    const hiddenLength = (lists: Array<Array<[number, number]>>) => lists.reduce((sum, list) => list.length > 0 ? sum + unionLength(list) : sum, 0);

    const nodeIds = new Set(graph.nodes.map(node => node.id));
    const nodeBoxes = graph.nodes.map(node => ({ id: node.id, group: node.group, box: layout.nodes[node.id] })).filter(entry => entry.box);
    const groupIds = new Set(graph.groups.map(group => group.id));
    let edgeThroughNode = 0;
    let edgeThroughGroup = 0;
    let edgeThroughTitle = 0;
    const titles = layoutTitleBoxes(layout, graph.groups);
    const nodeIndex = new SpatialIndex(nodeBoxes, entry => ({ box: entry.box }));
    const groupOfNode = new Map(graph.nodes.map(node => [node.id, node.group]));
    // A bundle between departments ends at their boxes; a flow ends at systems inside theirs.
    const endGroups = drawn.map(edge => [edge.source, edge.target].map(id => (groupIds.has(id) ? id : groupOfNode.get(id))));
    const groupBoxes = graph.groups.flatMap(group => layout.groups[group.id] ? [{ id: group.id, inner: shrink(layout.groups[group.id], INSIDE_PX) }] : []);
    for (const segment of segments) {
        const edge = drawn[segment.edge];
        for (const { id, box } of nodeIndex.nearRun(segment, 0)) {
            if (id === edge.source || id === edge.target) continue;
            if (segmentThroughBox(segment.a, segment.b, shrink(box, INSIDE_PX))) edgeThroughNode++;
        }
        for (const { id, inner } of groupBoxes) {
            if (!endGroups[segment.edge].includes(id) && segmentThroughBox(segment.a, segment.b, inner)) edgeThroughGroup++;
        }
        for (const title of titles) if (segmentThroughBox(segment.a, segment.b, title)) edgeThroughTitle++;
    }

    let nodeOverlaps = 0;
    for (let i = 0; i < nodeBoxes.length; i++) {
        for (let j = i + 1; j < nodeBoxes.length; j++) if (boxesOverlap(nodeBoxes[i].box, nodeBoxes[j].box)) nodeOverlaps++;
    }

    const labels = drawn.map((edge, index) => ({ index, box: layout.edges[edge.id].label })).filter((entry): entry is { index: number; box: Box } => entry.box !== undefined);
    let labelLabelOverlaps = 0;
    let labelNodeOverlaps = 0;
    let edgeThroughLabel = 0;
    let labelDistanceWorst = 0;
    for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) if (boxesOverlap(labels[i].box, labels[j].box)) labelLabelOverlaps++;
        for (const { box } of nodeBoxes) if (boxesOverlap(labels[i].box, box)) labelNodeOverlaps++;
        const inner = shrink(labels[i].box, COLLINEAR_PX);
        let nearest = Number.POSITIVE_INFINITY;
        for (const segment of segments) {
            if (segment.edge === labels[i].index) nearest = Math.min(nearest, boxToSegment(labels[i].box, segment.a, segment.b));
            else if (segmentThroughBox(segment.a, segment.b, inner)) edgeThroughLabel++;
        }
        labelDistanceWorst = Math.max(labelDistanceWorst, nearest);
    }

    const long = Math.max(layout.width, layout.height);
    const short = Math.max(1, Math.min(layout.width, layout.height));
    return {
        nodes: graph.nodes.filter(node => nodeIds.has(node.id)).length,
        edges: graph.edges.length,
        undrawn: graph.edges.length - drawn.filter(edge => onItsEnds(layout, edge.id, edge.source, edge.target)).length,
        crossings,
        hiddenShare: totalLength > 0 ? hiddenLength(hiddenOther) / totalLength : 0,
        hiddenShareAnyEdge: totalLength > 0 ? hiddenLength(hiddenAny) / totalLength : 0,
        bendsPerEdge: drawn.length > 0 ? turns / drawn.length : 0,
        detourMean: detours.length > 0 ? detours.reduce((a, b) => a + b, 0) / detours.length : 1,
        detourWorst: detours.reduce((worst, detour) => Math.max(worst, detour), 1),
        edgeThroughNode,
        edgeThroughGroup,
        edgeThroughTitle,
        nodeOverlaps,
        labelLabelOverlaps,
        labelNodeOverlaps,
        edgeThroughLabel,
        labelDistanceWorst: Number.isFinite(labelDistanceWorst) ? labelDistanceWorst : 0,
        aspect: long / short,
        titlePx: fittedTitlePx(layout)
    };
}

export interface Displacement {
    /** Nodes present in both layouts. */
    compared: number;
    /** Mean and worst movement of their centres, in median node widths of the earlier layout. */
    mean: number;
    worst: number;
    /**
     * The same once the whole picture is moved back by the median movement: the preview keeps the
     * nodes a reader had on screen where they were (a picture that grew on one side moves as a whole).
     */
    alignedMean: number;
    alignedWorst: number;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)] : 0;
}

/** How far the nodes both layouts share moved between them. */
export function displacement(graph: DiagramGraph, before: DiagramLayout, after: DiagramLayout): Displacement {
    const unit = median(graph.nodes.map(node => before.nodes[node.id]?.width).filter((w): w is number => w !== undefined)) || 1;
    const moves: Point[] = [];
    for (const [id, box] of Object.entries(before.nodes)) {
        const next = after.nodes[id];
        if (next) moves.push({ x: next.x + next.width / 2 - box.x - box.width / 2, y: next.y + next.height / 2 - box.y - box.height / 2 });
    }
    const shift = { x: median(moves.map(m => m.x)), y: median(moves.map(m => m.y)) };
    const raw = moves.map(m => Math.hypot(m.x, m.y) / unit);
    const aligned = moves.map(m => Math.hypot(m.x - shift.x, m.y - shift.y) / unit);
    const mean = (values: number[]) => values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    return {
        compared: moves.length,
        mean: mean(raw),
        worst: Math.max(0, ...raw),
        alignedMean: mean(aligned),
        alignedWorst: Math.max(0, ...aligned)
    };
}
