import { describe, expect, it } from 'vitest';
import type { Box, DiagramLayout, Point } from '../../../language-server/src/diagram/diagram-graph.js';
import { straighten, straightenLayout } from '../../../language-server/src/diagram/route-smoothing.js';

const length = (points: Point[]) => points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i].x, p.y - points[i].y), 0);

describe('route smoothing', () => {
    const zigzag: Point[] = [{ x: 0, y: 0 }, { x: 0, y: 50 }, { x: 100, y: 50 }, { x: 100, y: 100 }];

    it('takes the straight run between the ends when nothing is in the way', () => {
        expect(straighten(zigzag, [], [])).toEqual([zigzag[0], zigzag[3]]);
    });

    it('keeps a box out of the way and never makes the line longer', () => {
        const box: Box = { x: 40, y: 40, width: 20, height: 20 };
        const route = straighten(zigzag, [box], []);
        expect(route[0]).toEqual(zigzag[0]);
        expect(route.at(-1)).toEqual(zigzag[3]);
        expect(length(route)).toBeLessThanOrEqual(length(zigzag) + 1e-9);
        expect(route.length).toBeGreaterThan(2);
    });

    it('adds no crossing with other lines', () => {
        // The diagonal would cross this line; the route it replaces does not.
        const other = [{ a: { x: 30, y: 45 }, b: { x: 45, y: 30 } }];
        const route = straighten(zigzag, [], other);
        expect(route.length).toBeGreaterThan(2);
    });

    it('keeps the line beside its label', () => {
        const label: Box = { x: 103, y: 60, width: 60, height: 16 };
        const route = straighten(zigzag, [], [], label);
        const near = route.some(p => Math.abs(p.x - 100) < 1e-6 && p.y >= 60 && p.y <= 76);
        expect(near).toBe(true);
    });

    it('moves a label with its line when the line can go straight and the label finds a free spot', () => {
        const layout: DiagramLayout = {
            width: 400, height: 300, groups: {},
            nodes: { a: { x: 0, y: 0, width: 80, height: 40 }, b: { x: 0, y: 240, width: 80, height: 40 } },
            edges: { e: { points: [{ x: 40, y: 40 }, { x: 300, y: 120 }, { x: 40, y: 240 }], label: { x: 303, y: 112, width: 60, height: 16 } } }
        };
        const smooth = straightenLayout(layout, { ends: () => ['a', 'b'], barriers: () => [] });
        expect(smooth.edges.e.points).toEqual([{ x: 40, y: 40 }, { x: 40, y: 240 }]);
        const label = smooth.edges.e.label!;
        expect(Math.min(Math.abs(label.x - 40), Math.abs(label.x + label.width - 40))).toBeLessThanOrEqual(3);
    });
});
