/**
 * A flow from a system to itself. ELK draws it as a loop a few pixels tall off one side of the box,
 * and the line passes, which treat it as any other line, cut its corner: what is left reads as a
 * stray tick. It is drawn again here, after those passes, as a bracket over the middle of that side,
 * as far out as ELK left room for it (its label sits beyond). Several loops on one side are nested:
 * ELK sets them out one beyond the other's label, and each farther one spans a little more of the
 * side, so that no two share a run.
 */
import type { Box, DiagramGraph, DiagramLayout, Point } from './diagram-graph.js';
import { crossingCount, inflate, segmentsOf } from './box-geometry.js';
import { segmentThroughBox } from './layout-quality.js';

/** The share of its box's side a loop spans. */
const LOOP_SPAN = 0.5;
/** How far out a loop runs where ELK's ran less far (its arrowhead needs this much). */
const LEAST_OUT = 10;
/** How much more of the side each loop farther out spans, at either end. */
const NESTED = 4;
/** A loop's ends keep this far from its box's corners. */
const CORNER = 2;

/** The outward directions of a box's four sides: left, right, top, bottom. */
const SIDES: readonly Point[] = [{ x: -1, y: 0 }, { x: 1, y: 0 }, { x: 0, y: -1 }, { x: 0, y: 1 }];

/**
 * `final` with each flow to itself drawn as a bracket on the side ELK chose (`elk` holds its loops);
 * where the bracket would meet a box, a label or cross more lines than ELK's loop, ELK's loop is kept.
 */
export function withOpenLoops(graph: DiagramGraph, final: DiagramLayout, elk: DiagramLayout): DiagramLayout {
    const loops = graph.edges.filter(edge => edge.source === edge.target && final.edges[edge.id] && (elk.edges[edge.id]?.points.length ?? 0) >= 2 && final.nodes[edge.source]);
    if (loops.length === 0) return final;
    const planned = loops.map(edge => ({ edge, ...sideOf(final.nodes[edge.source], elk.edges[edge.id].points) }));
    // Every bracket is drawn first, so that each is judged against the others as they will stand.
    const edges = { ...final.edges };
    for (const { edge, side, reach } of planned) {
        // How many loops on the same side lie nearer the box (ties in the order of their ids).
        const nearer = planned.filter(other => other.edge !== edge && other.edge.source === edge.source && other.side === side
            && (other.reach < reach || (other.reach === reach && other.edge.id < edge.id))).length;
        edges[edge.id] = { ...edges[edge.id], points: bracket(final.nodes[edge.source], SIDES[side], reach, nearer) ?? elk.edges[edge.id].points };
    }
    for (const { edge } of planned) {
        const kept = elk.edges[edge.id].points;
        const others = Object.entries(edges).filter(([id]) => id !== edge.id).flatMap(([, geometry]) => segmentsOf(geometry.points));
        const inWay = [
            ...Object.entries(final.nodes).filter(([id]) => id !== edge.source).map(([, other]) => other),
            ...Object.values(edges).flatMap(geometry => geometry.label ? [inflate(geometry.label, 1)] : [])
        ];
        const runs = segmentsOf(edges[edge.id].points);
        const clear = !runs.some(({ a, b }) => inWay.some(other => segmentThroughBox(a, b, other)));
        if (!clear || crossingCount(runs, others) > crossingCount(segmentsOf(kept), others)) edges[edge.id] = { ...edges[edge.id], points: kept };
    }
    return { ...final, edges };
}

/** A bracket on each side of `box`, as a flow to itself added by an edit may take. */
export function bracketsAround(box: Box): Point[][] {
    return SIDES.map(out => bracket(box, out, LEAST_OUT, 0)!);
}

/** Which side of `box` ELK's loop leaves from (an index into SIDES), and how far out it went: the room it kept free of its label. */
function sideOf(box: Box, loop: readonly Point[]): { side: number; reach: number } {
    const start = loop[0];
    const gaps = [Math.abs(start.x - box.x), Math.abs(start.x - (box.x + box.width)), Math.abs(start.y - box.y), Math.abs(start.y - (box.y + box.height))];
    const side = gaps.indexOf(Math.min(...gaps));
    const across = SIDES[side].x !== 0;
    return { side, reach: Math.max(LEAST_OUT, ...loop.map(point => across ? Math.abs(point.x - start.x) : Math.abs(point.y - start.y))) };
}

/** The bracket `reach` out of one side of `box`, the `nearer`-th of its loops there; none where the side is too short to nest it. */
function bracket(box: Box, out: Point, reach: number, nearer: number): Point[] | undefined {
    const across = out.x !== 0;
    const side = across ? (out.x < 0 ? box.x : box.x + box.width) : (out.y < 0 ? box.y : box.y + box.height);
    const [centre, length] = across ? [box.y + box.height / 2, box.height] : [box.x + box.width / 2, box.width];
    const half = length * LOOP_SPAN / 2 + nearer * NESTED;
    if (half > length / 2 - CORNER) return undefined;
    const beyond = side + (across ? out.x : out.y) * reach;
    const at = (along: number, off: number): Point => across ? { x: off, y: along } : { x: along, y: off };
    return [at(centre - half, side), at(centre - half, beyond), at(centre + half, beyond), at(centre + half, side)];
}
