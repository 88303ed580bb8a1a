/**
 * Boxes and line runs of a picture filed by the square cells of a grid they touch, so that what lies
 * near a run is found without testing everything in the picture: a new line in a view of 150 systems
 * is tried along thousands of ways, each against hundreds of boxes and thousands of runs. A run is
 * filed, and looked up, by the cells along it, not by the box it spans: a long slanting run spans
 * hundreds of cells and passes through a few dozen.
 */
import type { Box } from './diagram-graph.js';
import type { Segment } from './box-geometry.js';

/** The side of a cell: about a box's width, so that a short run touches a few cells. */
const CELL = 128;

type Shape = { box: Box } | { run: Segment };

export class SpatialIndex<T> {
    private readonly cells = new Map<number, number[]>();
    private readonly items: T[] = [];
    private offered = new Int32Array(16);
    private walks = 0;

    /** Files each item by the cells its box covers, or those along its run. */
    constructor(items: readonly T[], private readonly shapeOf: (item: T) => Shape) {
        for (const item of items) this.add(item);
    }

    /** Files one more item (a line's new runs while the lines are smoothed one by one). */
    add(item: T): void {
        const index = this.items.length;
        this.items.push(item);
        if (index >= this.offered.length) {
            const grown = new Int32Array(this.offered.length * 2);
            grown.set(this.offered);
            this.offered = grown;
        }
        const shape = this.shapeOf(item);
        const file = (key: number) => {
            const list = this.cells.get(key);
            if (!list) this.cells.set(key, [index]);
            else if (list[list.length - 1] !== index) list.push(index);
            return false;
        };
        if ('box' in shape) cellsOver(shape.box.x, shape.box.y, shape.box.x + shape.box.width, shape.box.y + shape.box.height, file);
        else cellsAlong(shape.run, 0, file);
    }

    /**
     * Each item that may lie within `margin` of the run, once: all that do, and some that lie in the
     * same cells but farther (the caller's own test tells them apart).
     */
    nearRun(run: Segment, margin: number): T[] {
        const found: T[] = [];
        this.walk(run, margin, item => {
            found.push(item);
            return false;
        });
        return found;
    }

    /** Whether `test` holds for an item near the run (as `nearRun`), looking no further than the first that does. */
    someNear(run: Segment, margin: number, test: (item: T) => boolean): boolean {
        return this.walk(run, margin, test);
    }

    /** Whether `test` holds for an item that may lie in the box (as `someNear`). */
    someIn(box: Box, test: (item: T) => boolean): boolean {
        const walk = ++this.walks;
        return cellsOver(box.x, box.y, box.x + box.width, box.y + box.height, key => this.offer(key, walk, test));
    }

    /** Offers each item near the run to `take`, once, until it returns true; whether it did. */
    private walk(run: Segment, margin: number, take: (item: T) => boolean): boolean {
        // An item in several cells is offered once: marked with the number of the walk that offered
        // it (a set per query made most of the cost, in garbage).
        const walk = ++this.walks;
        return cellsAlong(run, margin, key => this.offer(key, walk, take));
    }

    /** Offers the items of one cell not yet offered in this walk to `take` until it returns true; whether it did. */
    private offer(key: number, walk: number, take: (item: T) => boolean): boolean {
        const list = this.cells.get(key);
        if (!list) return false;
        for (const index of list) {
            if (this.offered[index] === walk) continue;
            this.offered[index] = walk;
            if (take(this.items[index])) return true;
        }
        return false;
    }
}

/** Runs of lines, filed along themselves. */
export function segmentIndex(segments: readonly Segment[]): SpatialIndex<Segment> {
    return new SpatialIndex(segments, run => ({ run }));
}

/** Boxes, filed by the cells they cover. */
export function boxIndex(boxes: readonly Box[]): SpatialIndex<Box> {
    return new SpatialIndex(boxes, box => ({ box }));
}

/** Cells are keyed by one number: a picture is far less than 2^20 cells wide. */
function cellKey(i: number, j: number): number {
    return (i + 0x80000) * 0x100000 + (j + 0x80000);
}

/** Offers the cells a box covers to `visit` until it returns true; whether it did. */
function cellsOver(left: number, top: number, right: number, bottom: number, visit: (key: number) => boolean): boolean {
    // A span without end has no cells to walk (the walk would never stop); nothing is filed there.
    if (!Number.isFinite(left + top + right + bottom)) return false;
    // Zero-size spans (a level or upright run) are grown a hair so that the cells they lie on count.
    const x1 = Math.floor((right + 0.5) / CELL);
    const y0 = Math.floor((top - 0.5) / CELL);
    const y1 = Math.floor((bottom + 0.5) / CELL);
    for (let i = Math.floor((left - 0.5) / CELL); i <= x1; i++) for (let j = y0; j <= y1; j++) if (visit(cellKey(i, j))) return true;
    return false;
}

/** The cells within `margin` of a run, from its start, each once. */
function cellsAlong({ a, b }: Segment, margin: number, visit: (key: number) => boolean): boolean {
    // A level or upright run (most of an orthogonal picture's) covers just the cells of its span.
    if (a.x === b.x || a.y === b.y) return cellsOver(Math.min(a.x, b.x) - margin, Math.min(a.y, b.y) - margin, Math.max(a.x, b.x) + margin, Math.max(a.y, b.y) + margin, visit);
    if (!Number.isFinite(a.x + a.y + b.x + b.y)) return false;
    // A slanting one, column by column: the cells between the heights it passes at in the column,
    // grown by the margin measured across the run (squares round points along it offered each cell
    // two or three times, and the items in it as often).
    const slope = (b.y - a.y) / (b.x - a.x);
    const grow = margin * Math.sqrt(1 + slope * slope) + 0.5;
    const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [top, bottom] = [Math.min(a.y, b.y) - margin - 0.5, Math.max(a.y, b.y) + margin + 0.5];
    const [first, last] = [Math.floor((left - margin - 0.5) / CELL), Math.floor((right + margin + 0.5) / CELL)];
    for (let n = 0; n <= last - first; n++) {
        const i = a.x < b.x ? first + n : last - n;
        const from = Math.min(Math.max(i * CELL, left), right);
        const to = Math.min(Math.max((i + 1) * CELL, left), right);
        const [y0, y1] = [a.y + (from - a.x) * slope, a.y + (to - a.x) * slope];
        const j0 = Math.floor(Math.max(top, Math.min(y0, y1) - grow) / CELL);
        const j1 = Math.floor(Math.min(bottom, Math.max(y0, y1) + grow) / CELL);
        for (let m = 0; m <= j1 - j0; m++) if (visit(cellKey(i, a.y < b.y ? j0 + m : j1 - m))) return true;
    }
    return false;
}
