import { describe, expect, it } from 'vitest';
import type { Box } from '../../../language-server/src/diagram/diagram-graph.js';
import { alongside, type Segment } from '../../../language-server/src/diagram/box-geometry.js';
import { crossingPoint, segmentThroughBox, sharedInterval } from '../../../language-server/src/diagram/layout-quality.js';
import { boxIndex, segmentIndex } from '../../../language-server/src/diagram/spatial-index.js';

/** A seeded stream of numbers in [0, 1): the same cases on every run. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return state / 2_147_483_648;
    };
}

/** Runs like a picture's: level, upright and slanting, short and thousands of pixels long, some on a shared line. */
function runs(next: () => number, count: number): Segment[] {
    return Array.from({ length: count }, () => {
        const a = { x: Math.round(next() * 4000) - 500, y: Math.round(next() * 3000) - 500 };
        const long = next() < 0.3 ? 2500 : 300;
        const kind = next();
        const b = kind < 0.35 ? { x: a.x + (next() - 0.5) * long, y: a.y } : kind < 0.7 ? { x: a.x, y: a.y + (next() - 0.5) * long } : { x: a.x + (next() - 0.5) * long, y: a.y + (next() - 0.5) * long };
        return { a, b };
    });
}

describe('the spatial index of a picture', () => {
    it('finds every run that crosses a run, lies on it or beside it within the margin, and every box a run passes through', () => {
        const next = random(7);
        const segments = runs(next, 600);
        // Runs that share a line with another: the hidden-line test must see them.
        segments.push(...segments.slice(0, 40).map(({ a, b }) => ({ a: { x: a.x + (b.x - a.x) * 0.25, y: a.y + (b.y - a.y) * 0.25 }, b })));
        const boxes: Box[] = Array.from({ length: 200 }, () => ({ x: next() * 4000 - 500, y: next() * 3000 - 500, width: 40 + next() * 200, height: 30 + next() * 60 }));
        const [byRun, byBox] = [segmentIndex(segments), boxIndex(boxes)];
        for (const run of runs(next, 150)) {
            const near = new Set(byRun.nearRun(run, 8));
            for (const other of segments) {
                if (crossingPoint(run, other) || sharedInterval(run, other) || sharedInterval(other, run) || alongside(run, other)) expect(near.has(other)).toBe(true);
            }
            const passed = new Set(byBox.nearRun(run, 0));
            for (const box of boxes) if (segmentThroughBox(run.a, run.b, box)) expect(passed.has(box)).toBe(true);
        }
    });

    it('finds a box in a cell the run only clips at a corner, between two of the points taken along it', () => {
        // The run crosses the corner of the cell below and left of x = y = 128 without a point taken there.
        const box = { x: 120, y: 120, width: 6, height: 6 };
        const run = { a: { x: 100, y: 150 }, b: { x: 150, y: 100 } };
        expect(segmentThroughBox(run.a, run.b, box)).toBe(true);
        expect(boxIndex([box]).nearRun(run, 0)).toEqual([box]);
    });

    it('finds runs filed after it was built, past its first capacity, and every run that passes through a box', () => {
        const next = random(11);
        const segments = runs(next, 400);
        const index = segmentIndex(segments.slice(0, 3));
        for (const run of segments.slice(3)) index.add(run);
        for (const run of runs(next, 60)) {
            const near = new Set(index.nearRun(run, 0));
            for (const other of segments) if (crossingPoint(run, other)) expect(near.has(other)).toBe(true);
        }
        for (let k = 0; k < 60; k++) {
            const box = { x: next() * 4000 - 500, y: next() * 3000 - 500, width: 20 + next() * 300, height: 20 + next() * 300 };
            const through = segments.filter(({ a, b }) => segmentThroughBox(a, b, box));
            const offered = new Set<Segment>();
            expect(index.someIn(box, run => { offered.add(run); return false; })).toBe(false);
            for (const run of through) expect(offered.has(run)).toBe(true);
            expect(index.someIn(box, run => segmentThroughBox(run.a, run.b, box))).toBe(through.length > 0);
        }
    });

    it('files nothing, and finds nothing, where a coordinate has no end (and does not walk for ever)', () => {
        const endless = { a: { x: 0, y: 0 }, b: { x: Number.POSITIVE_INFINITY, y: 5 } };
        const index = segmentIndex([endless, { a: { x: 0, y: 10 }, b: { x: 100, y: 10 } }]);
        expect(index.nearRun({ a: { x: 50, y: 0 }, b: { x: 50, y: 20 } }, 0)).toEqual([{ a: { x: 0, y: 10 }, b: { x: 100, y: 10 } }]);
        expect(index.nearRun({ a: { x: 0, y: 0 }, b: { x: 10, y: Number.NaN } }, 0)).toEqual([]);
        expect(boxIndex([{ x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 10 }]).someIn({ x: 0, y: 0, width: 10, height: 10 }, () => true)).toBe(false);
    });

    it('gives each item once, however many cells it lies in', () => {
        const long = { a: { x: 0, y: 0 }, b: { x: 5000, y: 3000 } };
        const found = segmentIndex([long]).nearRun({ a: { x: 0, y: 3000 }, b: { x: 5000, y: 0 } }, 8);
        expect(found).toEqual([long]);
    });
});
