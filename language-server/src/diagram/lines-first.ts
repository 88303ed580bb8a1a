/**
 * A second reading of ELK's answer: lines first, labels after. ELK reserves a slot for each label in
 * the band between two layers and bends every line out to its slot; where a band holds a row of
 * labels, lines cross the picture to reach theirs, and no line can be straightened without passing
 * through another's label. Here the nodes stay where ELK put them, every line that goes out of its
 * way is made one straight run between the sides its boxes turn to each other (clear of boxes, on
 * no other line, crossing no more lines than before), and only then does each label take a free
 * spot beside its own line. The layout chooser keeps whichever reading reads better.
 */
import type { Box, DiagramLayout, Point } from './diagram-graph.js';
import { crossingPoint, segmentThroughBox, sharedInterval } from './layout-quality.js';
import type { SmoothingContext } from './route-smoothing.js';
import { centre, crossingCount, detourOf, facingPoints, inflate, overlaps, pathLength, segmentsOf, spotsBeside } from './box-geometry.js';

/** Above this many edges the search (every end pair of every line against every other line) costs more than the layout. */
const UP_TO_EDGES = 120;
const CLEARANCE = 6;
const DETOUR_WORTH_FIXING = 1.12;
const ENDS_APART = 12;

/** The layout with its lines straightened regardless of labels, then its labels set beside their lines; undefined where a label finds no spot. */
export function linesFirst(layout: DiagramLayout, context: SmoothingContext): DiagramLayout | undefined {
    const ids = Object.keys(layout.edges);
    if (ids.length === 0 || ids.length > UP_TO_EDGES || !ids.some(id => layout.edges[id].label)) return undefined;
    const edges: DiagramLayout['edges'] = Object.fromEntries(ids.map(id => [id, { ...layout.edges[id] }]));
    const nodes = Object.entries(layout.nodes).map(([id, box]) => ({ id, box: inflate(box, CLEARANCE) }));
    const detour = (id: string) => detourOf(edges[id].points);
    const detouring = () => ids.filter(id => edges[id].points.length > 2 && detour(id) >= DETOUR_WORTH_FIXING).sort((p, q) => detour(q) - detour(p));
    for (const id of detouring()) {
        const run = straightRun(id, edges, ids, nodes, layout, context, new Set());
        if (run) edges[id] = { ...edges[id], points: run };
    }
    // Lines that each go out of their way to a row of labels block one another: each straight run
    // crosses the others' old routes. They are straightened together, and kept only if the picture
    // as a whole crosses no more lines than before.
    const together = new Set(detouring());
    if (together.size > 1) {
        const before = { ...edges };
        for (const id of together) {
            const run = straightRun(id, edges, ids, nodes, layout, context, together);
            if (run) edges[id] = { ...edges[id], points: run };
        }
        if (crossingsAmong(edges, ids) > crossingsAmong(before, ids)) Object.assign(edges, before);
    }
    // A line left as it was keeps ELK's spot for its label where no new line runs through it; the
    // others, longest first (a short line has fewer spots), take a spot beside their line, or go back
    // to ELK's route and spot when none is free.
    const moved = (id: string) => edges[id].points !== layout.edges[id].points;
    const labelled = ids.filter(id => edges[id].label);
    const order = [...labelled.filter(id => !moved(id)), ...labelled.filter(moved).sort((p, q) => pathLength(edges[q].points) - pathLength(edges[p].points))];
    const placed: Box[] = [];
    const crossedByOthers = (id: string, box: Box) => ids.some(other => other !== id && segmentsOf(edges[other].points).some(({ a, b }) => segmentThroughBox(a, b, box)));
    const free = (id: string, box: Box) => box.x >= 0 && box.y >= 0 && box.x + box.width <= layout.width && box.y + box.height <= layout.height
        && !nodes.some(node => overlaps(node.box, box))
        && !placed.some(other => overlaps(inflate(other, 2), box))
        && !context.barriers(id).some(other => overlaps(other, box))
        && !crossedByOthers(id, box);
    for (const id of order) {
        const elkSpot = layout.edges[id].label!;
        let spot = !moved(id) && free(id, elkSpot) ? elkSpot : undefined;
        if (!spot) {
            const own = segmentsOf(edges[id].points).sort((s, t) => Math.hypot(t.b.x - t.a.x, t.b.y - t.a.y) - Math.hypot(s.b.x - s.a.x, s.b.y - s.a.y));
            spot = own.flatMap(({ a, b }) => spotsBeside(a, b, elkSpot)).find(box => free(id, box));
        }
        if (!spot && moved(id)) {
            const back = layout.edges[id];
            if (!free(id, elkSpot) || segmentsOf(back.points).some(({ a, b }) => placed.some(box => segmentThroughBox(a, b, box)))) return undefined;
            edges[id] = { ...back };
            spot = elkSpot;
        }
        if (!spot) return undefined;
        edges[id] = { ...edges[id], label: spot };
        placed.push(spot);
    }
    return { ...layout, edges };
}

/** Crossings between the lines, and whether any two lie on each other (which counts as worse than any crossing). */
function crossingsAmong(edges: DiagramLayout['edges'], ids: readonly string[]): number {
    let count = 0;
    for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
            for (const s of segmentsOf(edges[ids[i]].points)) {
                for (const t of segmentsOf(edges[ids[j]].points)) {
                    if (sharedInterval(s, t)) return Number.POSITIVE_INFINITY;
                    if (crossingPoint(s, t)) count++;
                }
            }
        }
    }
    return count;
}

/**
 * The shortest straight run for a line that keeps clear of boxes and other lines and crosses no
 * more of them; `movingTogether`: lines straightened at the same time, whose present routes do not count.
 */
function straightRun(id: string, edges: DiagramLayout['edges'], ids: readonly string[], nodes: ReadonlyArray<{ id: string; box: Box }>,
    layout: DiagramLayout, context: SmoothingContext, movingTogether: ReadonlySet<string>): Point[] | undefined {
    const [source, target] = context.ends(id);
    const sourceBox = layout.nodes[source];
    const targetBox = layout.nodes[target];
    if (!sourceBox || !targetBox) return undefined;
    const others = ids.filter(other => other !== id);
    const otherSegments = others.filter(other => !movingTogether.has(other)).flatMap(other => segmentsOf(edges[other].points));
    const otherEnds = others.flatMap(other => [edges[other].points[0], edges[other].points[edges[other].points.length - 1]]);
    const inWay = [...nodes.filter(node => node.id !== source && node.id !== target).map(node => node.box), ...context.barriers(id)];
    const before = crossingCount(segmentsOf(edges[id].points), otherSegments);
    const points = edges[id].points;
    const apart = (p: Point) => otherEnds.every(end => Math.hypot(end.x - p.x, end.y - p.y) >= ENDS_APART);
    const runs: Array<[Point, Point]> = [[points[0], points[points.length - 1]]];
    const starts = facingPoints(sourceBox, centre(targetBox)).filter(apart);
    const ends = facingPoints(targetBox, centre(sourceBox)).filter(apart);
    runs.push(...starts.flatMap(a => ends.map((b): [Point, Point] => [a, b]))
        .sort((p, q) => Math.hypot(p[1].x - p[0].x, p[1].y - p[0].y) - Math.hypot(q[1].x - q[0].x, q[1].y - q[0].y)));
    for (const [a, b] of runs) {
        if (inWay.some(box => segmentThroughBox(a, b, box))) continue;
        if (otherSegments.some(segment => sharedInterval({ a, b }, segment))) continue;
        if (crossingCount([{ a, b }], otherSegments) > before) continue;
        return [a, b];
    }
    return undefined;
}
