/**
 * Lines drawn as straight as the picture allows. ELK routes each flow through its own port and
 * round the label slots of its layer, which leaves jogs a reader has to follow and, where a layer's
 * labels stand in a row, detours out to the label. Two passes, each keeping every line clear of the
 * boxes it does not end at, of other labels and of departments it does not belong to, never adding a
 * crossing and never lying on a line of another kind:
 * 1. each line keeps its ends and the point beside its label and takes the longest straight runs
 *    between them (line of sight over its own points), so it never gets longer or leaves its label;
 * 2. a line that still goes out of its way becomes one straight run if a free spot for its label lies
 *    on or beside that run.
 */
import type { Box, DiagramGraph, DiagramLayout, EdgeGeometry, Point } from './diagram-graph.js';
import { groupTitleBox } from './node-sizing.js';
import { crossingPoint, quarterTurns, segmentThroughBox, sharedInterval } from './layout-quality.js';
import { SpatialIndex } from './spatial-index.js';
import { distanceToBox, inflate, overlaps, pathLength, segmentsOf, spanOf, spotsBeside, type Segment } from './box-geometry.js';

/** Clearance kept between a straightened line and any box it passes. */
const CLEARANCE = 6;
/** Lines longer than this times the distance between their ends are tried as one straight run. */
const DETOUR_WORTH_FIXING = 1.12;

export interface SmoothingContext {
    /** The two node ids an edge links. */
    ends(edgeId: string): [string, string];
    /** Boxes an edge must keep out of beside the nodes and labels: department titles, departments it does not belong to. */
    barriers(edgeId: string): readonly Box[];
    /** The kind of flow an edge is drawn as (its colour): lines of one kind may share a stretch, read as one bundle. */
    kind(edgeId: string): string;
}

/**
 * What the line passes keep a view's lines out of: every department's title text, and the
 * departments a line does not belong to (it ends in neither).
 */
export function lineContext(graph: DiagramGraph, layout: Pick<DiagramLayout, 'groups'>): { context: SmoothingContext; titles: Box[] } {
    const ends = new Map(graph.edges.map(edge => [edge.id, [edge.source, edge.target] as [string, string]]));
    const kinds = new Map(graph.edges.map(edge => [edge.id, edge.edgeClass]));
    const groupOf = new Map(graph.nodes.map(node => [node.id, node.group]));
    const groups = graph.groups.map(group => ({ id: group.id, box: layout.groups[group.id] })).filter((group): group is { id: string; box: Box } => group.box !== undefined);
    const groupById = new Map(graph.groups.map(group => [group.id, group]));
    const titles = groups.map(({ id, box }) => groupTitleBox(box, groupById.get(id)!));
    const context: SmoothingContext = {
        ends: id => ends.get(id)!,
        kind: id => kinds.get(id)!,
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
        insides: insidesOf(layout, source, target)
    };
}

/** The insides of a line's own two boxes: it meets them at their outline only. */
function insidesOf(layout: Pick<DiagramLayout, 'nodes'>, source: string, target: string): Box[] {
    return [layout.nodes[source], layout.nodes[target]].filter(box => box !== undefined).map(box => inflate(box, -1));
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

/** What one line is straightened against: whether a run is clear, and how many other lines some runs cross. */
interface LineSurroundings {
    /**
     * How many other lines a run would cross; undefined where it passes something, lies on a line of
     * another kind or crosses more than `most()` lines (the search stops there; asked only for a run
     * clear of every box, as most long runs are not). A `strict` run also lies on no other line and
     * keeps out of the line's own two boxes.
     */
    judge(a: Point, b: Point, most: () => number, strict?: boolean): number | undefined;
    /** How many other lines the runs cross. */
    crossings(runs: readonly Segment[]): number;
}

/** Straightens one route between its fixed points, clear of what is in its way, crossing no more other lines. */
function straighten(points: readonly Point[], around: LineSurroundings, label?: Box): Point[] {
    if (points.length <= 2) return [...points];
    const { points: route, anchor } = withAnchor([...points], label);
    // The lines each run of the route crosses, counted when first needed: a shortcut may cross no more than the runs it replaces.
    const runs = segmentsOf(route);
    const crossedBy: Array<number | undefined> = runs.map(() => undefined);
    const crossedBetween = (from: number, to: number) => {
        let sum = 0;
        for (let k = from; k < to; k++) sum += crossedBy[k] ??= around.crossings([runs[k]]);
        return sum;
    };
    const result: Point[] = [route[0]];
    let i = 0;
    while (i < route.length - 1) {
        let next = i + 1;
        const stop = anchor !== undefined && anchor > i ? anchor : route.length - 1;
        for (let j = stop; j >= i + 2; j--) {
            if (around.judge(route[i], route[j], () => crossedBetween(i, j)) !== undefined) {
                next = j;
                break;
            }
        }
        const turn = next === i + 1 ? oneTurnTo(route, i, stop, around, crossedBetween) : undefined;
        if (turn) {
            result.push(turn.corner);
            next = turn.to;
        }
        result.push(route[next]);
        i = next;
    }
    return result;
}

/**
 * Where no straight run is clear, the furthest point the route reaches from point `from` by two
 * runs at a right angle: a staircase that zigzags down a department between its systems (five
 * turns between a port and a box) becomes one turn where the corner's two runs are clear. Taken
 * only where it turns less, is no longer, crosses no more lines than the stretch it replaces, lies
 * on no other line (a corner would fold parallel flows into one) and keeps out of its own boxes; at
 * the line's ends the run keeps the way it leaves or enters its box.
 */
function oneTurnTo(route: readonly Point[], from: number, stop: number, around: LineSurroundings, crossedBetween: (from: number, to: number) => number): { corner: Point; to: number } | undefined {
    const last = route.length - 1;
    const a = route[from];
    const before = from > 0 ? [route[from - 1]] : [];
    for (let to = stop; to >= from + 3; to--) {
        const b = route[to];
        if (Math.abs(a.x - b.x) < 0.5 || Math.abs(a.y - b.y) < 0.5) continue;
        const stretch = route.slice(from, to + 1);
        if (Math.abs(b.x - a.x) + Math.abs(b.y - a.y) > pathLength(stretch) + 0.5) continue;
        const after = to < last ? [route[to + 1]] : [];
        const turnsNow = quarterTurns([...before, ...stretch, ...after]);
        for (const corner of [{ x: b.x, y: a.y }, { x: a.x, y: b.y }]) {
            if (from === 0 && !sameHeading(a, corner, route[1])) continue;
            if (to === last && !sameHeading(corner, b, b, route[last - 1])) continue;
            if (quarterTurns([...before, a, corner, b, ...after]) > turnsNow - 0.5) continue;
            const first = around.judge(a, corner, () => crossedBetween(from, to), true);
            if (first === undefined) continue;
            if (around.judge(corner, b, () => crossedBetween(from, to) - first, true) !== undefined) return { corner, to };
        }
    }
    return undefined;
}

/** Whether the run p → q heads the way of p → r (or, given `s`, the way s → r). */
function sameHeading(p: Point, q: Point, r: Point, s: Point = p): boolean {
    const [u, v] = [{ x: q.x - p.x, y: q.y - p.y }, { x: r.x - s.x, y: r.y - s.y }];
    return Math.abs(u.x * v.y - u.y * v.x) < 0.5 * Math.hypot(u.x, u.y) && u.x * v.x + u.y * v.y > 0;
}

/** A run of a line, filed with the line it belongs to; a run the line no longer has is dropped. */
interface OwnedRun { line: string; kind: string; run: Segment; dropped: boolean }

/**
 * The lines of a picture as they stand while they are straightened one by one, filed by where they
 * run: a line is checked against the runs and boxes near it, not against every run of the picture
 * (thousands in an estate view, for each way tried).
 */
class LinesAsTheyStand {
    private readonly runs = new SpatialIndex<OwnedRun>([], owned => ({ run: owned.run }));
    private readonly current = new Map<string, OwnedRun[]>();
    /** The labelled lines' labels: few or none in a view of hundreds of lines. */
    private readonly labels = new Map<string, Box>();
    /** The picture's boxes grown by the clearance lines keep from them. */
    readonly grownBoxes: Box[];
    private readonly boxes: SpatialIndex<{ node: string; box: Box }>;

    constructor(private readonly layout: DiagramLayout, readonly edges: DiagramLayout['edges'], private readonly context: SmoothingContext) {
        for (const [id, edge] of Object.entries(edges)) this.file(id, edge);
        const grown = Object.entries(layout.nodes).map(([node, box]) => ({ node, box: inflate(box, CLEARANCE) }));
        this.grownBoxes = grown.map(entry => entry.box);
        this.boxes = new SpatialIndex(grown, entry => ({ box: entry.box }));
    }

    /** The line's new route, in place of its old one. */
    redraw(id: string, geometry: EdgeGeometry): void {
        this.edges[id] = geometry;
        this.file(id, geometry);
    }

    /** What line `id` passes: boxes it does not end at, other lines' labels, its barriers, and the other lines. */
    around(id: string): LineSurroundings & { inWay: Box[]; runsThrough(box: Box): boolean } {
        const [source, target] = this.context.ends(id);
        const kind = this.context.kind(id);
        const labels = [...this.labels].filter(([other]) => other !== id).map(([, label]) => inflate(label, 2));
        const inWay = [...labels, ...this.context.barriers(id)];
        const insides = insidesOf(this.layout, source, target);
        const others = (run: Segment, take: (other: Segment) => boolean) => this.runs.someNear(run, 0, owned => !owned.dropped && owned.line !== id && take(owned.run));
        return {
            inWay,
            judge: (a, b, most, strict = false) => {
                if (inWay.some(box => segmentThroughBox(a, b, box))) return undefined;
                if (strict && insides.some(box => segmentThroughBox(a, b, box))) return undefined;
                if (this.boxes.someNear({ a, b }, 0, entry => entry.node !== source && entry.node !== target && segmentThroughBox(a, b, entry.box))) return undefined;
                // A run on top of a line of another kind would hide it (in a view laid out department by
                // department stubs of every kind run side by side down to their box's ports).
                const run = { a, b };
                const limit = most();
                let crossed = 0;
                const hides = this.runs.someNear(run, 0, owned => {
                    if (owned.dropped || owned.line === id) return false;
                    if ((strict || owned.kind !== kind) && sharedInterval(run, owned.run) !== undefined) return true;
                    if (crossingPoint(run, owned.run)) crossed++;
                    return crossed > limit;
                });
                return hides ? undefined : crossed;
            },
            crossings: runs => {
                let count = 0;
                for (const run of runs) {
                    others(run, other => {
                        if (crossingPoint(run, other)) count++;
                        return false;
                    });
                }
                return count;
            },
            runsThrough: box => this.runs.someIn(box, owned => !owned.dropped && owned.line !== id && segmentThroughBox(owned.run.a, owned.run.b, box))
        };
    }

    private file(id: string, { points, label }: EdgeGeometry): void {
        if (label) this.labels.set(id, label);
        for (const old of this.current.get(id) ?? []) old.dropped = true;
        const kind = this.context.kind(id);
        const runs = segmentsOf(points).map(run => ({ line: id, kind, run, dropped: false }));
        for (const run of runs) this.runs.add(run);
        this.current.set(id, runs);
    }
}

/**
 * Every edge of a layout straightened in turn, against the others as they stand; then the lines
 * that still go out of their way made straight where their labels can follow.
 */
export function straightenLayout(layout: DiagramLayout, context: SmoothingContext): DiagramLayout {
    const ids = Object.keys(layout.edges);
    const lines = new LinesAsTheyStand(layout, { ...layout.edges }, context);
    for (const id of ids) {
        const edge = lines.edges[id];
        const points = straighten(edge.points, lines.around(id), edge.label);
        if (points.some((p, k) => p !== edge.points[k]) || points.length !== edge.points.length) lines.redraw(id, { ...edge, points });
    }
    for (const id of ids) relaxLine(id, lines, layout);
    return { ...layout, edges: lines.edges };
}

/**
 * A line that goes out of its way made one straight run with its label beside it, if the run is
 * clear of boxes and labels, adds no crossing and the label finds a free spot; else it stays.
 */
function relaxLine(id: string, lines: LinesAsTheyStand, picture: { width: number; height: number }): void {
    const edge = lines.edges[id];
    const points = edge.points;
    if (points.length <= 2) return;
    const [a, b] = [points[0], points[points.length - 1]];
    const straight = Math.hypot(b.x - a.x, b.y - a.y);
    if (straight < 1 || pathLength(points) / straight < DETOUR_WORTH_FIXING) return;
    const around = lines.around(id);
    if (around.judge(a, b, () => around.crossings(segmentsOf(points))) === undefined) return;
    const label = edge.label;
    if (!label) {
        lines.redraw(id, { ...edge, points: [a, b] });
        return;
    }
    const inPicture = (box: Box) => box.x >= 0 && box.y >= 0 && box.x + box.width <= picture.width && box.y + box.height <= picture.height;
    const taken = [...lines.grownBoxes, ...around.inWay];
    const spot = spotsBeside(a, b, label).find(box => inPicture(box) && !taken.some(other => overlaps(other, box)) && !around.runsThrough(box));
    if (spot) lines.redraw(id, { ...edge, points: [a, b], label: spot });
}
