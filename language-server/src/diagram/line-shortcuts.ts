/**
 * A line that still goes far out of its way after the other line passes. ELK leads a flow through
 * the layers between its ends and out round whatever fills them: a hub's flows leave it as a bundle
 * that runs down the free side of its department and fans out at the bottom, and a line whose
 * label slot sits at the end of a row bends out to it. Straightening keeps each line's own points
 * and cannot find the way round the other side of a box. Here each such line, worst first, is tried
 * as one run, or as two runs turning at a corner of something in its way (a box, a label, a title or
 * a foreign department, grown by the clearance), between points of its boxes' outlines. The shortest
 * way is kept that passes no box it does not end at, no other label, title or foreign department,
 * lies on no other line, ends apart from the other lines' ends, crosses no more lines than its old
 * route and keeps its label within reach (moving it beside the new way if need be). A line still far
 * out of its way in a small view (a flow from the end of one row of a wrapped picture back to another)
 * is then tried through the channels between the boxes, on the same terms; else it stays as it was.
 * A line that runs through a box, a label, a title or a foreign department (ELK's straight stretch
 * between the rows of a wrapped picture can) is tried the same way, and may take a longer clear way.
 * Nodes never move, so this costs the picture's stability nothing.
 */
import type { Box, DiagramLayout, EdgeGeometry, Point } from './diagram-graph.js';
import { alongside, crossingCount, detourOf, distanceToBox, distanceToRun, inflate, outlinePoints, overlaps, pathLength, segmentsOf, spanOf, spotsBeside, type Segment } from './box-geometry.js';
import { crossingPoint, segmentThroughBox } from './layout-quality.js';
import { SpatialIndex } from './spatial-index.js';
import { canLeave, orthogonalRoute } from './orthogonal-route.js';
import { surroundingsOf, type SmoothingContext } from './route-smoothing.js';
import { DETOUR_WORST } from './layout-choice.js';

/** Lines longer than this times the distance between their ends are tried; the target is a mean of 1.3. */
const WORTH_FIXING = 1.2;
/** A new way is taken only if it is at most this share of the old one's length. */
const GAIN = 0.85;
/** A line through something takes a clear way up to this many times its old length. */
const STRUCK_LONGER = 1.5;
/**
 * Above this many edges the search (every turn of every long line against every other line) costs
 * more than the layout, but for the lines farther out of their way than a picture's worst may be.
 */
const UP_TO_EDGES = 120;
const CLEARANCE = 6;
const ENDS_APART = 12;
const LABEL_REACH = 10;
/** Ends tried on each box for a way round a corner: its outline points nearest the corner. */
const NEAREST_ENDS = 3;
/** A run that passes something or lies on another line; else a run is judged by the lines it crosses. */
const BLOCKED = -1;
/** Ways tried per line, shortest first: past these the rest are rarely clear and cost more than the layout. */
const TRIES_PER_LINE = 400;
/** Lines a way may cross beyond those the old route crossed, for a line farther out of its way than `DETOUR_WORST`. */
const EXTRA_CROSSINGS = 2;
/** A line beyond `DETOUR_WORST` may cross this many times as many lines as a line of the picture does on average. */
const CROWDED_CROSSINGS = 2;
/** The last run carries the arrowhead; no run is shorter than this. */
const SHORTEST_RUN = 14;
/**
 * A line still this far out of its way after the straight tries is routed through the channels
 * between the boxes (a flow from the end of one row of a wrapped picture back to the start of
 * another); only in views this small, where the search is cheap.
 */
const CHANNEL_WORTH = 1.6;
const CHANNEL_UP_TO_EDGES = 40;
/** Outline points a channel route may start and end at on each box: those nearest the other box that a line can leave by. */
const CHANNEL_ENDS = 4;
const CHANNEL_CLEARANCE = 10;

/** The layout with every line it can shortened (nodes untouched), or the layout itself. */
export function shortenDetours(layout: DiagramLayout, context: SmoothingContext): DiagramLayout {
    const ids = Object.keys(layout.edges);
    // A view of more lines has only its lines far out of their way tried: a few, each costing a search.
    const many = ids.length > UP_TO_EDGES;
    const worth = many ? DETOUR_WORST : WORTH_FIXING;
    const struck = new Set(many ? [] : ids.filter(throughSomething(layout, context)));
    const long = ids.filter(id => struck.has(id) || (layout.edges[id].points.length > 2 && detourOf(layout.edges[id].points) >= worth))
        .sort((p, q) => detourOf(layout.edges[q].points) - detourOf(layout.edges[p].points));
    if (long.length === 0) return layout;
    const edges: DiagramLayout['edges'] = { ...layout.edges };
    let perLine: number | undefined;
    const crossingsPerLine = () => perLine ??= meanCrossings(layout.edges);
    for (const id of long) {
        const shorter = shortcut(id, layout, edges, context, struck.has(id), crossingsPerLine);
        if (shorter) edges[id] = shorter;
    }
    return { ...layout, edges };
}

/** How many other lines a line of the picture crosses on average. */
function meanCrossings(edges: DiagramLayout['edges']): number {
    const runs = Object.entries(edges).flatMap(([id, { points }]) => segmentsOf(points).map(run => ({ id, run })));
    const near = new SpatialIndex(runs, ({ run }) => ({ run }));
    let crossings = 0;
    for (const { id, run } of runs) for (const other of near.nearRun(run, 0)) if (other.id !== id && crossingPoint(run, other.run)) crossings++;
    // Each crossing was found from both its lines.
    return crossings / Math.max(1, Object.keys(edges).length);
}

/**
 * Whether a line runs through a box it does not end at, another line's label, a title or a
 * department it does not belong to (ELK's straight stretch between the rows of a wrapped picture can).
 */
function throughSomething(layout: DiagramLayout, context: SmoothingContext): (id: string) => boolean {
    const nodes = Object.entries(layout.nodes);
    const labels = Object.entries(layout.edges).flatMap(([id, geometry]) => geometry.label ? [[id, geometry.label] as const] : []);
    return id => {
        const [source, target] = context.ends(id);
        const boxes = [
            ...nodes.filter(([node]) => node !== source && node !== target).map(([, box]) => box),
            ...labels.filter(([other]) => other !== id).map(([, label]) => label),
            ...context.barriers(id)
        ];
        return segmentsOf(layout.edges[id].points).some(({ a, b }) => boxes.some(box => segmentThroughBox(a, b, box)));
    };
}

/**
 * The line's shortest clear way with its label, if one is short enough to be worth taking; a line
 * that runs through something takes a clear way even if it is longer.
 */
function shortcut(
    id: string, layout: DiagramLayout, edges: DiagramLayout['edges'], context: SmoothingContext, struck: boolean, crossingsPerLine: () => number
): EdgeGeometry | undefined {
    const [source, target] = context.ends(id);
    const [from, to] = [layout.nodes[source], layout.nodes[target]];
    if (!from || !to || source === target) return undefined;
    const current = edges[id];
    const { otherSegments, otherSpans, otherEnds, obstacles, insides } = surroundingsOf(id, layout, edges, context, CLEARANCE);
    const labelTaken = [...obstacles, from, to];
    const limit = pathLength(current.points) * (struck ? STRUCK_LONGER : GAIN);
    const [start, end] = [current.points[0], current.points[current.points.length - 1]];
    const apart = (p: Point) => otherEnds.every(other => Math.abs(other.x - p.x) >= ENDS_APART || Math.abs(other.y - p.y) >= ENDS_APART || Math.hypot(other.x - p.x, other.y - p.y) >= ENDS_APART);
    const starts = [start, ...outlinePoints(from).filter(apart)];
    const ends = [end, ...outlinePoints(to).filter(apart)];

    const ways: Point[][] = [];
    for (const a of starts) for (const b of nearest(ends, a)) ways.push([a, b]);
    // Round a corner, from the few outline points nearest to it (the shortest ways there); a corner
    // farther from the boxes than the old line is long is not tried.
    for (const box of obstacles) {
        for (const turn of corners(inflate(box, 1))) {
            if (distanceToBox(turn, from) + distanceToBox(turn, to) > limit) continue;
            for (const a of nearest(starts, turn)) for (const b of nearest(ends, turn)) ways.push([a, turn, b]);
        }
    }
    const before = crossingCount(segmentsOf(current.points), otherSegments);
    const candidates = ways.map(points => ({ points, length: pathLength(points) }))
        .filter(way => way.length <= limit)
        .sort((p, q) => p.length - q.length)
        .slice(0, TRIES_PER_LINE);
    // Candidates share their runs (a start to a turn, a turn to an end, the same point objects):
    // each run is judged once, as blocked or by the lines it crosses.
    const judged = new Map<Point, Map<Point, number>>();
    const judge = (a: Point, b: Point): number => {
        const row = judged.get(a) ?? judged.set(a, new Map()).get(a)!;
        let verdict = row.get(b);
        if (verdict === undefined) {
            const run = { a, b };
            const reach = spanOf(run, CLEARANCE);
            const near = otherSegments.filter((_, i) => overlaps(reach, otherSpans[i]));
            const blocked = Math.hypot(b.x - a.x, b.y - a.y) < SHORTEST_RUN
                || obstacles.some(box => overlaps(reach, box) && segmentThroughBox(a, b, box)) || insides.some(box => segmentThroughBox(a, b, box))
                || near.some(other => alongside(run, other));
            verdict = blocked ? BLOCKED : crossingCount([run], near);
            row.set(b, verdict);
        }
        return verdict;
    };
    // A line beyond the worst detour a picture may have takes the shortest way that crosses a line or
    // two more where none crosses no more: one line far out of its way misses a target, a crossing does
    // not. In a picture whose lines each cross dozens (the overview of a 1,000-system estate), it may
    // cross up to twice as many as a line of the picture does on average: its old way crossed few only
    // because it ran round the picture's side, and a straight line is followed through crossings.
    const allowed = detourOf(current.points) > DETOUR_WORST ? Math.max(before + EXTRA_CROSSINGS, CROWDED_CROSSINGS * crossingsPerLine()) : before;
    let fallback: { taken: EdgeGeometry; crossed: number } | undefined;
    for (const { points } of candidates) {
        let crossed = 0;
        for (let i = 1; i < points.length && crossed <= allowed; i++) {
            const verdict = judge(points[i - 1], points[i]);
            crossed = verdict === BLOCKED ? Number.POSITIVE_INFINITY : crossed + verdict;
        }
        if (crossed > allowed || (fallback && crossed >= fallback.crossed)) continue;
        const taken = withLabel(current, points, layout, labelTaken, otherSegments);
        if (!taken) continue;
        if (crossed <= before) return taken;
        fallback = { taken, crossed };
    }
    if (fallback) return fallback.taken;
    if (Object.keys(edges).length > CHANNEL_UP_TO_EDGES || (!struck && detourOf(current.points) < CHANNEL_WORTH)) return undefined;
    // Channels keep as far from what they pass as lines keep from boxes, not a pixel off a department's border.
    const walls = [...obstacles.map(box => inflate(box, CHANNEL_CLEARANCE)), from, to];
    const leaving = (points: readonly Point[], box: Box, other: Box) => points
        .filter(point => canLeave({ point, box }, walls, otherSegments))
        .sort((p, q) => distanceToBox(p, other) - distanceToBox(q, other))
        .slice(0, CHANNEL_ENDS)
        .map(point => ({ point, box }));
    const route = orthogonalRoute(leaving(starts, from, to), leaving(ends, to, from), walls, otherSegments);
    return route && pathLength(route) <= limit && crossingCount(segmentsOf(route), otherSegments) <= before ? withLabel(current, route, layout, labelTaken, otherSegments) : undefined;
}

/**
 * The line on its new way, its label moved beside it if need be; undefined where the label finds no
 * spot. `taken`: what a label may not lie on, the line's own boxes included (a spot beside a run
 * that leaves a box lies on that box).
 */
function withLabel(current: EdgeGeometry, points: Point[], layout: DiagramLayout, taken: readonly Box[], otherSegments: readonly Segment[]): EdgeGeometry | undefined {
    const label = labelFor(current.label, segmentsOf(points), layout, taken, otherSegments);
    if (label === null) return undefined;
    return label ? { ...current, points, label } : { ...current, points };
}

/**
 * Where the label goes with the new way: where it is if that is within reach, else the first free
 * spot beside one of its runs (longest first); undefined for a line without a label, null where no spot is free.
 */
function labelFor(label: Box | undefined, runs: readonly Segment[], layout: DiagramLayout, taken: readonly Box[], otherSegments: readonly Segment[]): Box | undefined | null {
    if (!label) return undefined;
    const crossedBy = (segments: readonly Segment[], box: Box) => segments.some(({ a, b }) => segmentThroughBox(a, b, box));
    if (Math.min(...runs.map(run => distanceToRun(label, run))) <= LABEL_REACH && !crossedBy(runs, label)) return label;
    const inPicture = (box: Box) => box.x >= 0 && box.y >= 0 && box.x + box.width <= layout.width && box.y + box.height <= layout.height;
    const longestFirst = [...runs].sort((s, t) => Math.hypot(t.b.x - t.a.x, t.b.y - t.a.y) - Math.hypot(s.b.x - s.a.x, s.b.y - s.a.y));
    return longestFirst.flatMap(({ a, b }) => spotsBeside(a, b, label))
        .find(box => inPicture(box) && !taken.some(other => overlaps(other, box)) && !crossedBy(otherSegments, box) && !crossedBy(runs, box)) ?? null;
}

function corners(box: Box): Point[] {
    const [right, bottom] = [box.x + box.width, box.y + box.height];
    return [{ x: box.x, y: box.y }, { x: right, y: box.y }, { x: box.x, y: bottom }, { x: right, y: bottom }];
}

/** The `NEAREST_ENDS` points nearest to `turn`. */
function nearest(points: readonly Point[], turn: Point): Point[] {
    const chosen: Array<{ point: Point; distance: number }> = [];
    for (const point of points) {
        const distance = Math.hypot(point.x - turn.x, point.y - turn.y);
        if (chosen.length === NEAREST_ENDS && distance >= chosen[NEAREST_ENDS - 1].distance) continue;
        const at = chosen.findIndex(other => distance < other.distance);
        chosen.splice(at < 0 ? chosen.length : at, 0, { point, distance });
        if (chosen.length > NEAREST_ENDS) chosen.pop();
    }
    return chosen.map(({ point }) => point);
}
