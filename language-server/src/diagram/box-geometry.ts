/**
 * The small geometry the line passes share: boxes grown or overlapping, a polyline's runs, the side
 * of a box that faces a point, and the spots beside a run where a label can sit.
 */
import type { Box, DiagramLayout, EdgeGeometry, Point } from './diagram-graph.js';
import { crossingPoint, sharedInterval } from './layout-quality.js';

export interface Segment { a: Point; b: Point }

/** Lines leaving a box start no nearer its corner than this. */
const CORNER_MARGIN = 10;
const LABEL_GAP = 3;
/** Where along a box's side a line may leave it, after the point facing the other end. */
const SIDE_FRACTIONS = [0.5, 0.35, 0.65, 0.2, 0.8];
/** Lines nearer than this side by side read as one. */
const LINE_GAP = 6;
/** Runs within this angle (its sine) of each other count as side by side. */
const PARALLEL_SINE = 0.17;
/** Where along a run a label may sit, best first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];

/** `layout` with every box, department frame, line and label moved by (`dx`, `dy`); its size as it was. */
export function movedBy(layout: DiagramLayout, dx: number, dy: number): DiagramLayout {
    const move = (box: Box): Box => ({ ...box, x: box.x + dx, y: box.y + dy });
    const edges: Record<string, EdgeGeometry> = {};
    for (const [id, edge] of Object.entries(layout.edges)) {
        edges[id] = { ...edge, points: edge.points.map(p => ({ x: p.x + dx, y: p.y + dy })), label: edge.label && move(edge.label) };
    }
    return {
        ...layout, edges,
        nodes: Object.fromEntries(Object.entries(layout.nodes).map(([id, box]) => [id, move(box)])),
        groups: Object.fromEntries(Object.entries(layout.groups).map(([id, box]) => [id, move(box)]))
    };
}

/** The box round everything `layout` draws: boxes, department frames, lines and labels. */
export function drawnExtent(layout: DiagramLayout): { left: number; top: number; right: number; bottom: number } {
    const boxes = [...Object.values(layout.nodes), ...Object.values(layout.groups), ...Object.values(layout.edges).flatMap(edge => edge.label ? [edge.label] : [])];
    const points = Object.values(layout.edges).flatMap(edge => edge.points);
    return {
        left: Math.min(...boxes.map(box => box.x), ...points.map(p => p.x)),
        top: Math.min(...boxes.map(box => box.y), ...points.map(p => p.y)),
        right: Math.max(...boxes.map(box => box.x + box.width), ...points.map(p => p.x)),
        bottom: Math.max(...boxes.map(box => box.y + box.height), ...points.map(p => p.y))
    };
}

export function inflate(box: Box, by: number): Box {
    return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

export function overlaps(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function segmentsOf(points: readonly Point[]): Segment[] {
    return points.slice(1).map((b, i) => ({ a: points[i], b }));
}

/** Drawn length over the straight distance between a line's ends. */
export function detourOf(points: readonly Point[]): number {
    const [a, b] = [points[0], points[points.length - 1]];
    return pathLength(points) / Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
}

/** How many times `runs` cross `others` (touching at an end is not crossing). */
export function crossingCount(runs: readonly Segment[], others: readonly Segment[]): number {
    let count = 0;
    for (const run of runs) for (const other of others) if (crossingPoint(run, other)) count++;
    return count;
}

/** The box a run spans, grown by `by`: what lies outside it cannot touch the run. */
export function spanOf({ a, b }: Segment, by = 0): Box {
    return inflate({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) }, by);
}

export function pathLength(points: readonly Point[]): number {
    return segmentsOf(points).reduce((sum, { a, b }) => sum + Math.hypot(b.x - a.x, b.y - a.y), 0);
}

/** How far a point lies outside a box (0 inside or on its outline). */
export function distanceToBox(p: Point, box: Box): number {
    const dx = Math.max(box.x - p.x, 0, p.x - (box.x + box.width));
    const dy = Math.max(box.y - p.y, 0, p.y - (box.y + box.height));
    return Math.hypot(dx, dy);
}

export function centre(box: Box): Point {
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Points of the side of `box` that faces `towards`: where the line from its centre leaves it, then along that side. */
export function facingPoints(box: Box, towards: Point): Point[] {
    const c = centre(box);
    const [dx, dy] = [towards.x - c.x, towards.y - c.y];
    const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
    if (Math.abs(dy) * box.width >= Math.abs(dx) * box.height) {
        const y = dy > 0 ? box.y + box.height : box.y;
        const hit = c.x + (dy === 0 ? 0 : dx * (box.height / 2) / Math.abs(dy));
        return [hit, ...SIDE_FRACTIONS.map(f => box.x + box.width * f)].map(x => ({ x: clamp(x, box.x + CORNER_MARGIN, box.x + box.width - CORNER_MARGIN), y }));
    }
    const x = dx > 0 ? box.x + box.width : box.x;
    const hit = c.y + dy * (box.width / 2) / Math.abs(dx);
    return [hit, ...SIDE_FRACTIONS.map(f => box.y + box.height * f)].map(y => ({ x, y: clamp(y, box.y + CORNER_MARGIN, box.y + box.height - CORNER_MARGIN) }));
}

/** Points of a box's outline where a line may meet it: along each of its four sides. */
export function outlinePoints(box: Box): Point[] {
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const far = Math.max(box.width, box.height) * 10;
    return [{ x: cx, y: box.y - far }, { x: cx, y: box.y + box.height + far }, { x: box.x - far, y: cy }, { x: box.x + box.width + far, y: cy }]
        .flatMap(towards => facingPoints(box, towards));
}

/** How far a label lies from a run: the nearest of points along the run. */
export function distanceToRun(label: Box, run: Segment): number {
    const steps = Math.max(1, Math.ceil(Math.hypot(run.b.x - run.a.x, run.b.y - run.a.y) / 4));
    let nearest = Number.POSITIVE_INFINITY;
    for (let k = 0; k <= steps; k++) nearest = Math.min(nearest, distanceToBox({ x: run.a.x + (run.b.x - run.a.x) * k / steps, y: run.a.y + (run.b.y - run.a.y) * k / steps }, label));
    return nearest;
}

/** Spots for a label beside a run (or centred on a flat one), best first. */
export function spotsBeside(a: Point, b: Point, size: { width: number; height: number }): Box[] {
    const steep = Math.abs(b.y - a.y) > Math.abs(b.x - a.x);
    const spots: Box[] = [];
    for (const t of ALONG) {
        const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
        const corners = steep
            ? [{ x: p.x + LABEL_GAP, y: p.y - size.height / 2 }, { x: p.x - LABEL_GAP - size.width, y: p.y - size.height / 2 }]
            : [{ x: p.x - size.width / 2, y: p.y - LABEL_GAP - size.height }, { x: p.x - size.width / 2, y: p.y + LABEL_GAP }];
        for (const corner of corners) spots.push({ ...corner, width: size.width, height: size.height });
    }
    return spots;
}

/**
 * Whether a run would lie on or so close beside another line, in the same direction, that a reader
 * would see one line.
 */
export function alongside(run: Segment, other: Segment): boolean {
    if (sharedInterval(run, other)) return true;
    const length = Math.hypot(run.b.x - run.a.x, run.b.y - run.a.y);
    const otherLength = Math.hypot(other.b.x - other.a.x, other.b.y - other.a.y);
    if (length < 1e-6 || otherLength < 1e-6) return false;
    const u = { x: (run.b.x - run.a.x) / length, y: (run.b.y - run.a.y) / length };
    const sine = Math.abs(u.x * (other.b.y - other.a.y) - u.y * (other.b.x - other.a.x)) / otherLength;
    if (sine > PARALLEL_SINE) return false;
    const offset = (p: Point) => Math.abs((p.x - run.a.x) * u.y - (p.y - run.a.y) * u.x);
    if (Math.min(offset(other.a), offset(other.b)) >= LINE_GAP) return false;
    const along = (p: Point) => (p.x - run.a.x) * u.x + (p.y - run.a.y) * u.y;
    const from = Math.max(0, Math.min(along(other.a), along(other.b)));
    const to = Math.min(length, Math.max(along(other.a), along(other.b)));
    return to - from > 2;
}
