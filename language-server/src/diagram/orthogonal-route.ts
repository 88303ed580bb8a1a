/**
 * A line through a crowded picture: the cheapest path of horizontal and vertical runs between two
 * box sides, over the grid of channels the boxes in the way leave open. A run may not pass through a
 * box or lie on another line; each crossing of another line and each bend costs extra, so the path
 * found is short, crosses little and turns little. Used where no straight line fits between the
 * boxes a new flow links.
 */
import type { Box, Point } from './diagram-graph.js';
import { alongside, type Segment } from './box-geometry.js';
import { boxIndex, segmentIndex, type SpatialIndex } from './spatial-index.js';
import { crossingPoint, segmentThroughBox } from './layout-quality.js';

/** How far a line runs straight out of its box before it may turn. */
const STUB = 12;
const BEND_COST = 40;
const CROSSING_COST = 160;
/** Grid points searched before giving up: a bound on the time one line may take. */
const MAX_VISITS = 40_000;
/** The clock is read once per this many grid points searched. */
const TIME_CHECKED_EVERY = 1024;
/** A line or box farther than this from a step can neither block it nor be crossed by it (`alongside` counts lines 6 px apart as one). */
const NEAR = 8;

export interface RouteEnd {
    point: Point;
    /** The box the line leaves or enters at `point`. */
    box: Box;
}

/** Which way a point on a box's outline faces out of it. */
export function outward(end: RouteEnd): Point {
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

export interface RouteOptions {
    /** What crossing another line costs, in pixels of length. */
    crossingCost?: number;
    /**
     * Where no way runs along the boxes' edges (in a crowd, each such channel lies on another line's
     * bend), also search down the middle of every channel between them: four times the grid, so
     * only where a route is rare and worth it.
     */
    centres?: boolean;
    /** When to give up (`performance.now()`): no route is found after it. */
    deadline?: number;
}

/**
 * The route from one box side to another, or undefined when the channels are closed. Given several
 * ends on either side, the cheapest route between any of them, found in one search.
 */
export function orthogonalRoute(
    from: RouteEnd | readonly RouteEnd[], to: RouteEnd | readonly RouteEnd[], obstacles: readonly Box[], others: readonly Segment[], options: RouteOptions = {}
): Point[] | undefined {
    const blocked = blockedBy(obstacles, others);
    const open = (ends: RouteEnd | readonly RouteEnd[], leaving: boolean) => (Array.isArray(ends) ? ends as readonly RouteEnd[] : [ends as RouteEnd])
        .map(end => ({ end, stub: stubEnd(end), out: outward(end) }))
        .filter(({ end, stub }) => !(leaving ? blocked(end.point, stub) : blocked(stub, end.point)));
    const [starts, goals] = [open(from, true), open(to, false)];
    if (starts.length === 0 || goals.length === 0) return undefined;

    const xs = sortedUnique([...starts, ...goals].map(({ stub }) => stub.x).concat(obstacles.flatMap(box => [box.x - 1, box.x + box.width + 1])));
    const ys = sortedUnique([...starts, ...goals].map(({ stub }) => stub.y).concat(obstacles.flatMap(box => [box.y - 1, box.y + box.height + 1])));
    const { obstacleIndex, otherIndex } = indexesOf(obstacles, others);
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    const search = (xs: number[], ys: number[]) => cheapestPath(starts, goals, xs, ys, obstacleIndex, otherIndex, options.crossingCost ?? CROSSING_COST, deadline);
    return search(xs, ys) ?? (options.centres ? search(withCentres(xs), withCentres(ys)) : undefined);
}

interface OpenEnd { end: RouteEnd; stub: Point; out: Point }

interface Indexes { obstacleIndex: SpatialIndex<Box>; otherIndex: SpatialIndex<Segment> }

/**
 * The picture's boxes and runs filed once for every route searched among the same ones (a new line
 * tries several pairs of ends): callers pass the same arrays, unchanged, for the same picture.
 */
const filed = new WeakMap<readonly Box[], WeakMap<readonly Segment[], Indexes>>();

function indexesOf(obstacles: readonly Box[], others: readonly Segment[]): Indexes {
    const byOthers = filed.get(obstacles) ?? filed.set(obstacles, new WeakMap()).get(obstacles)!;
    let indexes = byOthers.get(others);
    if (!indexes) {
        indexes = { obstacleIndex: boxIndex(obstacles), otherIndex: segmentIndex(others) };
        byOthers.set(others, indexes);
    }
    return indexes;
}

function cheapestPath(
    starts: readonly OpenEnd[], goals: readonly OpenEnd[], xs: number[], ys: number[], obstacles: SpatialIndex<Box>, others: SpatialIndex<Segment>, crossingCost: number, deadline: number
): Point[] | undefined {
    const cellOf = (p: Point) => xs.indexOf(onGrid(p.x)) * ys.length + ys.indexOf(onGrid(p.y));
    const moves = [[1, 0], [-1, 0], [0, 1], [0, -1]] as const;
    /** State: grid point and the direction of the run that reached it (4 = none yet). */
    const key = (i: number, j: number, d: number) => (i * ys.length + j) * 5 + d;
    // Arrays, not maps, by state: a search visits thousands of states, each looked up several times.
    const states = xs.length * ys.length * 5;
    const cost = new Float64Array(states).fill(Number.POSITIVE_INFINITY);
    const came = new Int32Array(states).fill(-1);
    const startAt = new Map<number, Point>();
    const goalsAt = new Map<number, Array<{ point: Point; out: Point }>>();
    for (const { end, stub, out } of goals) {
        const cell = cellOf(stub);
        (goalsAt.get(cell) ?? goalsAt.set(cell, []).get(cell)!).push({ point: end.point, out });
    }
    // A*: no way to a goal is shorter than the straight runs across and along to it, measured between
    // grid points as the steps are (a state's priority must come out the same each time).
    const goalPoints = goals.map(({ stub }) => ({ x: onGrid(stub.x), y: onGrid(stub.y) }));
    const toGoal = (x: number, y: number) => {
        let nearest = Number.POSITIVE_INFINITY;
        for (const goal of goalPoints) nearest = Math.min(nearest, Math.abs(goal.x - x) + Math.abs(goal.y - y));
        return nearest;
    };
    const queue = new MinQueue();
    for (const { end, stub, out } of starts) {
        const state = cellOf(stub) * 5 + moves.findIndex(([dx, dy]) => dx === out.x && dy === out.y);
        if (cost[state] === 0) continue;
        cost[state] = 0;
        startAt.set(state, end.point);
        queue.push(state, toGoal(onGrid(stub.x), onGrid(stub.y)));
    }
    // Each step of the grid is judged once, whichever way and from whichever start it is taken, and
    // only against what lies near it: a step back along it is the same run.
    const stepCost = new Float64Array(states).fill(-1);
    const judge = (i: number, j: number, direction: number, a: Point, b: Point) => {
        const step = direction === 1 ? key(i - 1, j, 0) : direction === 3 ? key(i, j - 1, 2) : key(i, j, direction);
        let judged = stepCost[step];
        if (judged < 0) {
            const near = obstacles.someNear({ a, b }, NEAR, box => segmentThroughBox(a, b, box)) ? undefined : others.nearRun({ a, b }, NEAR);
            judged = !near || near.some(segment => alongside({ a, b }, segment)) ? Number.POSITIVE_INFINITY : near.filter(segment => crossingPoint({ a, b }, segment)).length * crossingCost;
            stepCost[step] = judged;
        }
        return judged;
    };
    let visits = 0;
    while (queue.size > 0 && visits++ < MAX_VISITS) {
        if (visits % TIME_CHECKED_EVERY === 0 && performance.now() > deadline) return undefined;
        const { item: state, priority } = queue.pop();
        const d = state % 5;
        const cell = (state - d) / 5;
        const [i, j] = [Math.floor(cell / ys.length), cell % ys.length];
        const spent = cost[state];
        if (priority > spent + toGoal(xs[i], ys[j]) + 1e-9) continue;
        // Arriving while heading away from the target box would turn back onto the same run.
        const goal = goalsAt.get(cell)?.find(({ out }) => d === 4 || moves[d][0] !== out.x || moves[d][1] !== out.y);
        if (goal) return path(state, came, startAt, xs, ys, goal.point);
        moves.forEach(([dx, dy], direction) => {
            const [ni, nj] = [i + dx, j + dy];
            if (ni < 0 || nj < 0 || ni >= xs.length || nj >= ys.length) return;
            if (d !== 4 && moves[d][0] === -dx && moves[d][1] === -dy) return;
            const extra = judge(i, j, direction, { x: xs[i], y: ys[j] }, { x: xs[ni], y: ys[nj] });
            if (extra === Number.POSITIVE_INFINITY) return;
            const step = Math.abs(xs[ni] - xs[i]) + Math.abs(ys[nj] - ys[j]) + extra + (d !== 4 && d !== direction ? BEND_COST : 0);
            const next = key(ni, nj, direction);
            const total = spent + step;
            if (total < cost[next]) {
                cost[next] = total;
                came[next] = state;
                queue.push(next, total + toGoal(xs[ni], ys[nj]));
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

/** The grid's coordinates with the middle of each gap between two of them added. */
function withCentres(values: number[]): number[] {
    return sortedUnique(values.concat(values.slice(1).map((value, k) => (value + values[k]) / 2)));
}

/** The grid path back from the goal, its straight stretches merged, with the two ends on their boxes. */
function path(goal: number, came: Int32Array, startAt: Map<number, Point>, xs: number[], ys: number[], end: Point): Point[] {
    const cells: Point[] = [];
    let first = goal;
    for (let state = goal; state >= 0; state = came[state]) {
        const cell = (state - (state % 5)) / 5;
        cells.push({ x: xs[Math.floor(cell / ys.length)], y: ys[cell % ys.length] });
        first = state;
    }
    const points = [startAt.get(first)!, ...cells.reverse(), end];
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
            const above = items[parent];
            items[parent] = items[k];
            items[k] = above;
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
                const below = items[least];
                items[least] = items[k];
                items[k] = below;
                k = least;
            }
        }
        return top;
    }
}
