/**
 * A line through a crowded picture: the cheapest path of horizontal and vertical runs between two
 * box sides, over the grid of channels the boxes in the way leave open. A run may not pass through a
 * box or lie on another line; each crossing of another line and each bend costs extra, so the path
 * found is short, crosses little and turns little. Used where no straight line fits between the
 * boxes a new flow links.
 */
import type { Box, Point } from './diagram-graph.js';
import { alongside, type Segment } from './box-geometry.js';
import { crossingPoint, segmentThroughBox } from './layout-quality.js';

/** How far a line runs straight out of its box before it may turn. */
const STUB = 12;
const BEND_COST = 40;
const CROSSING_COST = 160;
/** Grid points searched before giving up: a bound on the time one line may take. */
const MAX_VISITS = 40_000;

export interface RouteEnd {
    point: Point;
    /** The box the line leaves or enters at `point`. */
    box: Box;
}

/** Which way a point on a box's outline faces out of it. */
function outward(end: RouteEnd): Point {
    const { point: p, box } = end;
    const distances: Array<[number, Point]> = [
        [Math.abs(p.y - box.y), { x: 0, y: -1 }],
        [Math.abs(p.y - (box.y + box.height)), { x: 0, y: 1 }],
        [Math.abs(p.x - box.x), { x: -1, y: 0 }],
        [Math.abs(p.x - (box.x + box.width)), { x: 1, y: 0 }]
    ];
    return distances.sort((p1, p2) => p1[0] - p2[0])[0][1];
}

/** Where a line leaving (or entering) a box at `end` may first turn. */
function stubEnd(end: RouteEnd): Point {
    const out = outward(end);
    return { x: end.point.x + out.x * STUB, y: end.point.y + out.y * STUB };
}

function blockedBy(obstacles: readonly Box[], others: readonly Segment[]): (a: Point, b: Point) => boolean {
    return (a, b) => obstacles.some(box => segmentThroughBox(a, b, box)) || others.some(segment => alongside({ a, b }, segment));
}

/** Whether a line can leave its box at `end` at all: its first stretch straight out passes nothing. */
export function canLeave(end: RouteEnd, obstacles: readonly Box[], others: readonly Segment[]): boolean {
    return !blockedBy(obstacles, others)(end.point, stubEnd(end));
}

/** The route from one box side to another, or undefined when the channels are closed. */
export function orthogonalRoute(from: RouteEnd, to: RouteEnd, obstacles: readonly Box[], others: readonly Segment[], crossingCost = CROSSING_COST): Point[] | undefined {
    const [n1, n2] = [outward(from), outward(to)];
    const [start, goal] = [stubEnd(from), stubEnd(to)];
    const blocked = blockedBy(obstacles, others);
    if (blocked(from.point, start) || blocked(goal, to.point)) return undefined;

    const xs = sortedUnique([start.x, goal.x, ...obstacles.flatMap(box => [box.x - 1, box.x + box.width + 1])]);
    const ys = sortedUnique([start.y, goal.y, ...obstacles.flatMap(box => [box.y - 1, box.y + box.height + 1])]);
    const [sx, sy, gx, gy] = [xs.indexOf(onGrid(start.x)), ys.indexOf(onGrid(start.y)), xs.indexOf(onGrid(goal.x)), ys.indexOf(onGrid(goal.y))];
    const moves = [[1, 0], [-1, 0], [0, 1], [0, -1]] as const;
    /** State: grid point and the direction of the run that reached it (4 = none yet). */
    const key = (i: number, j: number, d: number) => (i * ys.length + j) * 5 + d;
    const cost = new Map<number, number>();
    const came = new Map<number, number>();
    const queue = new MinQueue();
    const first = moves.findIndex(([dx, dy]) => dx === n1.x && dy === n1.y);
    cost.set(key(sx, sy, first), 0);
    queue.push(key(sx, sy, first), 0);
    let visits = 0;
    while (queue.size > 0 && visits++ < MAX_VISITS) {
        const { item: state, priority } = queue.pop();
        if (priority > (cost.get(state) ?? Number.POSITIVE_INFINITY)) continue;
        const d = state % 5;
        const cell = (state - d) / 5;
        const [i, j] = [Math.floor(cell / ys.length), cell % ys.length];
        // Arriving while heading away from the target box would turn back onto the same run.
        if (i === gx && j === gy && (d === 4 || moves[d][0] !== n2.x || moves[d][1] !== n2.y)) return path(state, came, xs, ys, from.point, to.point);
        moves.forEach(([dx, dy], direction) => {
            const [ni, nj] = [i + dx, j + dy];
            if (ni < 0 || nj < 0 || ni >= xs.length || nj >= ys.length) return;
            if (d !== 4 && moves[d][0] === -dx && moves[d][1] === -dy) return;
            const a = { x: xs[i], y: ys[j] };
            const b = { x: xs[ni], y: ys[nj] };
            if (blocked(a, b)) return;
            const crossings = others.filter(segment => crossingPoint({ a, b }, segment)).length;
            const step = Math.abs(b.x - a.x) + Math.abs(b.y - a.y) + crossings * crossingCost + (d !== 4 && d !== direction ? BEND_COST : 0);
            const next = key(ni, nj, direction);
            const total = priority + step;
            if (total < (cost.get(next) ?? Number.POSITIVE_INFINITY)) {
                cost.set(next, total);
                came.set(next, state);
                queue.push(next, total);
            }
        });
    }
    return undefined;
}

/** Channel coordinates are kept to half pixels, so that two boxes with the same edge share one channel. */
function onGrid(value: number): number {
    return Math.round(value * 2) / 2;
}

function sortedUnique(values: number[]): number[] {
    return [...new Set(values.map(onGrid))].sort((a, b) => a - b);
}

/** The grid path back from the goal, its straight stretches merged, with the two ends on their boxes. */
function path(goal: number, came: Map<number, number>, xs: number[], ys: number[], start: Point, end: Point): Point[] {
    const cells: Point[] = [];
    for (let state: number | undefined = goal; state !== undefined; state = came.get(state)) {
        const cell = (state - (state % 5)) / 5;
        cells.push({ x: xs[Math.floor(cell / ys.length)], y: ys[cell % ys.length] });
    }
    const points = [start, ...cells.reverse(), end];
    const merged: Point[] = [points[0]];
    for (let k = 1; k < points.length - 1; k++) {
        const [p, q, r] = [merged[merged.length - 1], points[k], points[k + 1]];
        const straight = (p.x === q.x && q.x === r.x) || (p.y === q.y && q.y === r.y);
        if (!straight) merged.push(q);
    }
    merged.push(points[points.length - 1]);
    return merged;
}

/** A binary heap of numbers by priority. */
class MinQueue {
    private readonly items: Array<{ item: number; priority: number }> = [];

    get size(): number {
        return this.items.length;
    }

    push(item: number, priority: number): void {
        const items = this.items;
        items.push({ item, priority });
        let k = items.length - 1;
        while (k > 0) {
            const parent = (k - 1) >> 1;
            if (items[parent].priority <= items[k].priority) break;
            [items[parent], items[k]] = [items[k], items[parent]];
            k = parent;
        }
    }

    pop(): { item: number; priority: number } {
        const items = this.items;
        const top = items[0];
        const last = items.pop()!;
        if (items.length > 0) {
            items[0] = last;
            let k = 0;
            for (;;) {
                const [l, r] = [2 * k + 1, 2 * k + 2];
                let least = k;
                if (l < items.length && items[l].priority < items[least].priority) least = l;
                if (r < items.length && items[r].priority < items[least].priority) least = r;
                if (least === k) break;
                [items[least], items[k]] = [items[k], items[least]];
                k = least;
            }
        }
        return top;
    }
}
