/**
 * A flow from a system to itself. ELK draws it as a loop a few pixels tall off one side of the box,
 * and the line passes, which treat it as any other line, cut its corner: what is left reads as a
 * stray tick. It is drawn again here, after those passes, as a bracket over the middle of that side,
 * as far out as ELK left room for it (its label sits beyond).
 */
import type { Box, DiagramGraph, DiagramLayout, Point } from './diagram-graph.js';
import { crossingCount, inflate, segmentsOf } from './box-geometry.js';
import { segmentThroughBox } from './layout-quality.js';

/** The share of its box's side a loop spans. */
const LOOP_SPAN = 0.5;
/** How far out a loop runs where ELK's ran less far (its arrowhead needs this much). */
const LEAST_OUT = 10;

/**
 * `final` with each flow to itself drawn as a bracket on the side ELK chose (`elk` holds its loops);
 * where the bracket would meet a box, a label or cross more lines than ELK's loop, ELK's loop is kept.
 */
export function withOpenLoops(graph: DiagramGraph, final: DiagramLayout, elk: DiagramLayout): DiagramLayout {
    const loops = graph.edges.filter(edge => edge.source === edge.target && final.edges[edge.id] && elk.edges[edge.id] && final.nodes[edge.source]);
    if (loops.length === 0) return final;
    const edges = { ...final.edges };
    for (const edge of loops) {
        const box = final.nodes[edge.source];
        const kept = elk.edges[edge.id].points;
        const bracket = bracketOn(box, kept);
        if (!bracket) continue;
        const others = Object.entries(edges).filter(([id]) => id !== edge.id).flatMap(([, geometry]) => segmentsOf(geometry.points));
        const inWay = [
            ...Object.entries(final.nodes).filter(([id]) => id !== edge.source).map(([, other]) => other),
            ...Object.values(edges).flatMap(geometry => geometry.label ? [inflate(geometry.label, 1)] : [])
        ];
        const runs = segmentsOf(bracket);
        if (runs.some(({ a, b }) => inWay.some(other => segmentThroughBox(a, b, other)))) {
            edges[edge.id] = { ...edges[edge.id], points: kept };
            continue;
        }
        edges[edge.id] = { ...edges[edge.id], points: crossingCount(runs, others) <= crossingCount(segmentsOf(kept), others) ? bracket : kept };
    }
    return { ...final, edges };
}

/** The outward directions of a box's four sides: left, right, top, bottom. */
const SIDES: readonly Point[] = [{ x: -1, y: 0 }, { x: 1, y: 0 }, { x: 0, y: -1 }, { x: 0, y: 1 }];

/** A bracket on each side of `box`, as a flow to itself added by an edit may take. */
export function bracketsAround(box: Box): Point[][] {
    return SIDES.map(out => bracket(box, out, LEAST_OUT));
}

/** The bracket over the middle of the side of `box` that ELK's loop leaves from; none for a loop off no side. */
function bracketOn(box: Box, loop: readonly Point[]): Point[] | undefined {
    if (loop.length < 2) return undefined;
    const start = loop[0];
    const gaps = [Math.abs(start.x - box.x), Math.abs(start.x - (box.x + box.width)), Math.abs(start.y - box.y), Math.abs(start.y - (box.y + box.height))];
    const out = SIDES[gaps.indexOf(Math.min(...gaps))];
    // How far ELK's loop went out of that side: the room it kept free of its label.
    const reach = Math.max(LEAST_OUT, ...loop.map(point => out.x !== 0 ? Math.abs(point.x - start.x) : Math.abs(point.y - start.y)));
    return bracket(box, out, reach);
}

function bracket(box: Box, out: Point, reach: number): Point[] {
    const across = out.x !== 0;
    const side = across ? (out.x < 0 ? box.x : box.x + box.width) : (out.y < 0 ? box.y : box.y + box.height);
    const [centre, length] = across ? [box.y + box.height / 2, box.height] : [box.x + box.width / 2, box.width];
    const [from, to] = [centre - length * LOOP_SPAN / 2, centre + length * LOOP_SPAN / 2];
    const beyond = side + (across ? out.x : out.y) * reach;
    const at = (along: number, off: number): Point => across ? { x: off, y: along } : { x: along, y: off };
    return [at(from, side), at(from, beyond), at(to, beyond), at(to, side)];
}
