/**
 * Lines drawn as straight as the picture allows. ELK routes each flow through its own port and
 * round the label slots of its layer, which leaves jogs a reader has to follow and, where a layer's
 * labels stand in a row, detours out to the label. Two passes, each keeping every line clear of the
 * boxes it does not end at, of other labels and of departments it does not belong to, and never
 * adding a crossing:
 * 1. each line keeps its ends and the point beside its label and takes the longest straight runs
 *    between them (line of sight over its own points), so it never gets longer or leaves its label;
 * 2. a line that still goes out of its way becomes one straight run if a free spot for its label lies
 *    on or beside that run.
 */
import type { Box, DiagramGraph, DiagramLayout, Point } from './diagram-graph.js';
import { groupTitleBox } from './node-sizing.js';
import { segmentThroughBox } from './layout-quality.js';
import { crossingCount, distanceToBox, inflate, overlaps, spanOf, spotsBeside, type Segment } from './box-geometry.js';

/** Clearance kept between a straightened line and any box it passes. */
const CLEARANCE = 6;
/** Above this many edges the crossing checks cost more than the layout (quadratic in segments). */
const MAX_EDGES = 400;
/** Lines longer than this times the distance between their ends are tried as one straight run. */
const DETOUR_WORTH_FIXING = 1.12;

export interface SmoothingContext {
    /** The two node ids an edge links. */
    ends(edgeId: string): [string, string];
    /** Boxes an edge must keep out of beside the nodes and labels: department titles, departments it does not belong to. */
    barriers(edgeId: string): readonly Box[];
}

/**
 * What the line passes keep a view's lines out of: every department's title text, and the
 * departments a line does not belong to (it ends in neither).
 */
export function lineContext(graph: DiagramGraph, layout: Pick<DiagramLayout, 'groups'>): { context: SmoothingContext; titles: Box[] } {
    const ends = new Map(graph.edges.map(edge => [edge.id, [edge.source, edge.target] as [string, string]]));
    const groupOf = new Map(graph.nodes.map(node => [node.id, node.group]));
    const groups = graph.groups.map(group => ({ id: group.id, box: layout.groups[group.id] })).filter((group): group is { id: string; box: Box } => group.box !== undefined);
    const groupById = new Map(graph.groups.map(group => [group.id, group]));
    const titles = groups.map(({ id, box }) => groupTitleBox(box, groupById.get(id)!));
    const context: SmoothingContext = {
        ends: id => ends.get(id)!,
        barriers: id => {
            const own = new Set(ends.get(id)!.map(node => groupOf.get(node)));
            return [...titles, ...groups.filter(group => !own.has(group.id)).map(group => group.box)];
        }
    };
    return { context, titles };
}

/** What a line moved by one of the line passes must keep clear of, and may not lie on. */
export interface Surroundings {
    /** The other lines' runs, and each run's span (for a quick test of what lies near a new run). */
    otherSegments: Segment[];
    otherSpans: Box[];
    /** Where the other lines start and end: a moved end keeps apart from them. */
    otherEnds: Point[];
    /** The boxes the line does not end at (grown by `clearance`), the other labels, its barriers. */
    obstacles: Box[];
    /** The insides of the line's own two boxes: it meets them at their outline only. */
    insides: Box[];
}

export function surroundingsOf(id: string, layout: DiagramLayout, edges: DiagramLayout['edges'], context: SmoothingContext, clearance: number): Surroundings {
    const [source, target] = context.ends(id);
    const others = Object.keys(edges).filter(other => other !== id);
    const otherSegments = others.flatMap(other => segmentsOf(edges[other].points));
    return {
        otherSegments,
        otherSpans: otherSegments.map(segment => spanOf(segment, 0.01)),
        otherEnds: others.flatMap(other => [edges[other].points[0], edges[other].points[edges[other].points.length - 1]]),
        obstacles: [
            ...Object.entries(layout.nodes).filter(([node]) => node !== source && node !== target).map(([, box]) => inflate(box, clearance)),
            ...others.flatMap(other => edges[other].label ? [inflate(edges[other].label!, 2)] : []),
            ...context.barriers(id)
        ],
        insides: [layout.nodes[source], layout.nodes[target]].map(box => inflate(box, -1))
    };
}

/** The route with the point nearest its label added as a vertex, and that vertex's index. */
function withAnchor(points: Point[], label: Box | undefined): { points: Point[]; anchor?: number } {
    if (!label) return { points };
    let best = { index: 1, point: points[0], distance: Number.POSITIVE_INFINITY };
    for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1], points[i]];
        const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2));
        for (let k = 0; k <= steps; k++) {
            const point = { x: a.x + (b.x - a.x) * k / steps, y: a.y + (b.y - a.y) * k / steps };
            const distance = distanceToBox(point, label);
            if (distance < best.distance - 1e-6) best = { index: i, point, distance };
        }
    }
    const route = [...points.slice(0, best.index), best.point, ...points.slice(best.index)];
    return { points: route, anchor: best.index };
}

function segmentsOf(points: readonly Point[], from = 0, to = points.length - 1): Segment[] {
    const list: Segment[] = [];
    for (let i = from + 1; i <= to; i++) list.push({ a: points[i - 1], b: points[i] });
    return list;
}

function length(points: readonly Point[]): number {
    let total = 0;
    for (let i = 1; i < points.length; i++) total += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    return total;
}

/** Straightens one route between its fixed points, clear of `obstacles`, crossing no more of `others`. */
export function straighten(points: readonly Point[], obstacles: readonly Box[], others: readonly Segment[], label?: Box): Point[] {
    if (points.length <= 2) return [...points];
    const { points: route, anchor } = withAnchor([...points], label);
    const clear = (a: Point, b: Point) => obstacles.every(box => !segmentThroughBox(a, b, box));
    const result: Point[] = [route[0]];
    let i = 0;
    while (i < route.length - 1) {
        let next = i + 1;
        const stop = anchor !== undefined && anchor > i ? anchor : route.length - 1;
        for (let j = stop; j >= i + 2; j--) {
            const shortcut = { a: route[i], b: route[j] };
            if (clear(shortcut.a, shortcut.b) && crossingCount([shortcut], others) <= crossingCount(segmentsOf(route, i, j), others)) {
                next = j;
                break;
            }
        }
        result.push(route[next]);
        i = next;
    }
    return result;
}

/**
 * Every edge of a layout straightened in turn, against the others as they stand; then the lines
 * that still go out of their way made straight where their labels can follow.
 */
export function straightenLayout(layout: DiagramLayout, context: SmoothingContext): DiagramLayout {
    const ids = Object.keys(layout.edges);
    if (ids.length > MAX_EDGES) return layout;
    const nodes = Object.entries(layout.nodes).map(([id, box]) => ({ id, box: inflate(box, CLEARANCE) }));
    const edges: DiagramLayout['edges'] = { ...layout.edges };
    const labels = ids.filter(id => edges[id].label).map(id => ({ id, box: inflate(edges[id].label!, 2) }));
    for (const id of ids) {
        const [source, target] = context.ends(id);
        const obstacles = [
            ...nodes.filter(node => node.id !== source && node.id !== target).map(node => node.box),
            ...labels.filter(label => label.id !== id).map(label => label.box),
            ...context.barriers(id)
        ];
        const others = ids.filter(other => other !== id).flatMap(other => segmentsOf(edges[other].points));
        edges[id] = { ...edges[id], points: straighten(edges[id].points, obstacles, others, edges[id].label) };
    }
    for (const id of ids) relaxLine(id, { width: layout.width, height: layout.height, ids, edges, nodes, context });
    return { ...layout, edges };
}

interface Relaxing {
    /** The picture's size: a label set beside a line stays inside it. */
    width: number;
    height: number;
    ids: readonly string[];
    edges: DiagramLayout['edges'];
    nodes: ReadonlyArray<{ id: string; box: Box }>;
    context: SmoothingContext;
}

/**
 * A line that goes out of its way made one straight run with its label beside it, if the run is
 * clear of boxes and labels, adds no crossing and the label finds a free spot; else it stays.
 */
function relaxLine(id: string, state: Relaxing): void {
    const { ids, edges, nodes, context } = state;
    const points = edges[id].points;
    if (points.length <= 2) return;
    const [a, b] = [points[0], points[points.length - 1]];
    const straight = Math.hypot(b.x - a.x, b.y - a.y);
    if (straight < 1 || length(points) / straight < DETOUR_WORTH_FIXING) return;
    const [source, target] = context.ends(id);
    const others = ids.filter(other => other !== id);
    const otherLabels = others.filter(other => edges[other].label).map(other => inflate(edges[other].label!, 2));
    const otherSegments = others.flatMap(other => segmentsOf(edges[other].points));
    const inWay = [...nodes.filter(node => node.id !== source && node.id !== target).map(node => node.box), ...otherLabels, ...context.barriers(id)];
    if (inWay.some(box => segmentThroughBox(a, b, box))) return;
    if (crossingCount([{ a, b }], otherSegments) > crossingCount(segmentsOf(points), otherSegments)) return;
    const label = edges[id].label;
    if (!label) {
        edges[id] = { ...edges[id], points: [a, b] };
        return;
    }
    const taken = [...nodes.map(node => node.box), ...otherLabels, ...context.barriers(id)];
    const inPicture = (box: Box) => box.x >= 0 && box.y >= 0 && box.x + box.width <= state.width && box.y + box.height <= state.height;
    const spot = spotsBeside(a, b, label).find(box => inPicture(box) && !taken.some(other => overlaps(other, box)) && !otherSegments.some(segment => segmentThroughBox(segment.a, segment.b, box)));
    if (spot) edges[id] = { ...edges[id], points: [a, b], label: spot };
}
