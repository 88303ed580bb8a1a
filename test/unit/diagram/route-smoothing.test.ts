import { describe, expect, it } from 'vitest';
import type { Box, DiagramLayout, Point } from '../../../language-server/src/diagram/diagram-graph.js';
import { straightenLayout } from '../../../language-server/src/diagram/route-smoothing.js';
import { crossingPoint, quarterTurns, segmentThroughBox, sharedInterval } from '../../../language-server/src/diagram/layout-quality.js';

const length = (points: Point[]) => points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i].x, p.y - points[i].y), 0);

describe('route smoothing', () => {
    const zigzag: Point[] = [{ x: 0, y: 0 }, { x: 0, y: 50 }, { x: 100, y: 50 }, { x: 100, y: 100 }];
    /** Line e follows `zigzag` from box a (above its start) to box b (below its end), beside whatever else is drawn. */
    const straightened = (more: { nodes?: DiagramLayout['nodes']; edges?: DiagramLayout['edges']; label?: Box; kind?: (id: string) => string } = {}) => {
        const layout: DiagramLayout = {
            width: 400, height: 300, groups: {},
            nodes: { a: { x: -20, y: -40, width: 40, height: 40 }, b: { x: 80, y: 100, width: 40, height: 40 }, ...more.nodes },
            edges: { e: { points: zigzag, label: more.label }, ...more.edges }
        };
        const ends = (id: string): [string, string] => id === 'e' ? ['a', 'b'] : ['far', 'away'];
        return straightenLayout(layout, { ends, barriers: () => [], kind: more.kind ?? (id => id) }).edges.e.points;
    };

    it('takes the straight run between the ends when nothing is in the way', () => {
        expect(straightened()).toEqual([zigzag[0], zigzag[3]]);
    });

    it('keeps a box out of the way and never makes the line longer', () => {
        const route = straightened({ nodes: { c: { x: 40, y: 40, width: 20, height: 20 } } });
        expect(route[0]).toEqual(zigzag[0]);
        expect(route.at(-1)).toEqual(zigzag[3]);
        expect(length(route)).toBeLessThanOrEqual(length(zigzag) + 1e-9);
        expect(route.length).toBeGreaterThan(2);
    });

    it('adds no crossing with other lines', () => {
        // The diagonal would cross this line; the route it replaces does not.
        const route = straightened({ edges: { f: { points: [{ x: 30, y: 45 }, { x: 45, y: 30 }] } } });
        expect(route.length).toBeGreaterThan(2);
    });

    it('never lays a run on top of a line of another kind, but may join one of its own kind', () => {
        // Line f lies where e's straight run would go.
        const f = { points: [{ x: 20, y: 20 }, { x: 60, y: 60 }] };
        const route = straightened({ edges: { f } });
        expect(route.length).toBeGreaterThan(2);
        expect(route.slice(1).some((b, i) => sharedInterval({ a: route[i], b }, { a: f.points[0], b: f.points[1] }))).toBe(false);
        expect(straightened({ edges: { f }, kind: () => 'manual' })).toEqual([zigzag[0], zigzag[3]]);
    });

    it('keeps the line beside its label', () => {
        // No free spot beside the straight run: the label stays, and the line keeps to it.
        const route = straightened({ label: { x: 103, y: 60, width: 60, height: 16 }, nodes: { c: { x: 20, y: 20, width: 60, height: 60 } } });
        const near = route.some(p => Math.abs(p.x - 100) < 1e-6 && p.y >= 60 && p.y <= 76);
        expect(near).toBe(true);
    });

    it('moves a label with its line when the line can go straight and the label finds a free spot', () => {
        const layout: DiagramLayout = {
            width: 400, height: 300, groups: {},
            nodes: { a: { x: 0, y: 0, width: 80, height: 40 }, b: { x: 0, y: 240, width: 80, height: 40 } },
            edges: { e: { points: [{ x: 40, y: 40 }, { x: 300, y: 120 }, { x: 40, y: 240 }], label: { x: 303, y: 112, width: 60, height: 16 } } }
        };
        const smooth = straightenLayout(layout, { ends: () => ['a', 'b'], barriers: () => [], kind: id => id });
        expect(smooth.edges.e.points).toEqual([{ x: 40, y: 40 }, { x: 40, y: 240 }]);
        const label = smooth.edges.e.label!;
        expect(Math.min(Math.abs(label.x - 40), Math.abs(label.x + label.width - 40))).toBeLessThanOrEqual(3);
    });

    describe('a staircase between boxes', () => {
        // Down and across four times from a (above) to b (to the right of the last step); a box sits in
        // each step's inside corner and beside each outside corner, so that no slanted run is clear.
        const stairs: Point[] = [0, 1, 2, 3].flatMap(k => [{ x: 50 * k, y: 50 * k }, { x: 50 * k, y: 50 * k + 50 }]).concat([{ x: 200, y: 200 }]);
        const steppedAround = (more: { nodes?: DiagramLayout['nodes']; edges?: DiagramLayout['edges'] } = {}) => {
            const nodes: DiagramLayout['nodes'] = { a: { x: -20, y: -40, width: 40, height: 40 }, b: { x: 200, y: 180, width: 40, height: 40 }, ...more.nodes };
            for (const k of [0, 1, 2, 3]) {
                nodes[`inside${k}`] = { x: 50 * k + 20, y: 50 * k + 15, width: 10, height: 10 };
                nodes[`outside${k}`] = { x: 50 * k + 15, y: 50 * k + 68, width: 10, height: 10 };
            }
            const layout: DiagramLayout = { width: 400, height: 300, groups: {}, nodes, edges: { e: { points: stairs }, ...more.edges } };
            return straightenLayout(layout, { ends: id => id === 'e' ? ['a', 'b'] : ['far', 'away'], barriers: () => [], kind: id => id }).edges.e.points;
        };

        it('becomes one turn where the corner is clear, leaving and entering its boxes the way it did', () => {
            expect(steppedAround()).toEqual([{ x: 0, y: 0 }, { x: 0, y: 200 }, { x: 200, y: 200 }]);
        });

        it('turns short of a box at the corner, or of a line across the corner\'s way, passing neither', () => {
            const corner = { x: -20, y: 180, width: 40, height: 40 };
            const across = { points: [{ x: -30, y: 120 }, { x: 10, y: 120 }] };
            const [clearOfBox, clearOfLine] = [steppedAround({ nodes: { corner } }), steppedAround({ edges: { f: across } })];
            expect(clearOfBox.slice(1).some((b, i) => segmentThroughBox(clearOfBox[i], b, corner))).toBe(false);
            expect(clearOfLine.slice(1).some((b, i) => crossingPoint({ a: clearOfLine[i], b }, { a: across.points[0], b: across.points[1] }))).toBe(false);
            for (const route of [clearOfBox, clearOfLine]) {
                expect([route[0], route.at(-1)]).toEqual([stairs[0], stairs.at(-1)]);
                expect(length(route)).toBeLessThanOrEqual(length(stairs) + 1e-9);
                expect(quarterTurns(route)).toBeLessThan(quarterTurns(stairs));
                expect(quarterTurns(route)).toBeGreaterThan(1);
            }
        });
    });
});

