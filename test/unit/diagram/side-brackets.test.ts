import { describe, expect, it } from 'vitest';
import type { Box, DiagramGraph, DiagramLayout } from '../../../language-server/src/diagram/diagram-graph.js';
import { crossingCount, segmentsOf } from '../../../language-server/src/diagram/box-geometry.js';
import { closedSides, withSideBrackets } from '../../../language-server/src/diagram/side-brackets.js';

/** A view of one opened system `s` and closed departments; each edge stands for `flows` flows. */
function view(departments: string[], edges: Array<[string, string, number]>): DiagramGraph {
    return {
        nodes: [{ id: 's', kind: 'system', group: 'group:Open' }, ...departments.map(id => ({ id, kind: 'department' }))],
        groups: [{ id: 'group:Open' }],
        edges: edges.map(([source, target, flows]) => ({ id: `${source}>${target}`, source, target, flows: Array.from({ length: flows }, (_, i) => `f${i}`) }))
    } as unknown as DiagramGraph;
}

const box = (x: number, y: number): Box => ({ x, y, width: 120, height: 60 });

describe('closed departments either side of the opened ones', () => {
    it('go before the opened systems where more of their flows feed them, else after; one column at most one longer than the other', () => {
        const graph = view(['d1', 'd2', 'd3', 'd4', 'd5', 'feeder'], [
            ['s', 'd1', 5], ['s', 'd2', 4], ['s', 'd3', 3], ['s', 'd4', 2], ['d4', 's', 1], ['s', 'd5', 1], ['feeder', 's', 6], ['d1', 'd2', 3]
        ]);
        const sides = closedSides(graph);
        const on = (side: number) => [...sides].filter(([, s]) => s === side).map(([id]) => id).sort();
        // Five fed by the opened system, one feeding it: the two least drawn to the long side (d4 fed
        // twice and feeding once, d5 fed once) move to the other, and the columns are three and three.
        expect(on(-1)).toEqual(['d4', 'd5', 'feeder']);
        expect(on(1)).toEqual(['d1', 'd2', 'd3']);
    });

    it('keep the side they were drawn on after an edit, though their flows now pull them to the other', () => {
        const graph = view(['d1', 'd2', 'new'], [['s', 'd1', 5], ['s', 'd2', 1], ['new', 's', 1]]);
        // Drawn running right: d1 left of the opened system, d2 right of it; 'new' was not there.
        const previous = { s: box(300, 100), d1: box(0, 0), d2: box(600, 0) };
        const sides = closedSides(graph, previous, 'RIGHT');
        expect(sides.get('d1')).toBe(-1);
        expect(sides.get('d2')).toBe(1);
        expect(sides.get('new')).toBe(-1);
        // Running down, above is before and below after, whatever lies left or right.
        const down = closedSides(graph, { s: box(300, 100), d1: box(0, 300), d2: box(600, 0) }, 'DOWN');
        expect([down.get('d1'), down.get('d2')]).toEqual([1, -1]);
        // Laid out afresh, d1 goes where its flows pull it: after the system that feeds it.
        expect(closedSides(graph).get('d1')).toBe(1);
    });
});

describe('lines between two closed departments of one column', () => {
    const graph = view(['a', 'b', 'c', 'd'], [['a', 'b', 1], ['a', 'd', 1], ['c', 'a', 1], ['b', 'd', 1], ['s', 'a', 1], ['s', 'b', 1], ['s', 'c', 1], ['s', 'd', 1]]);
    const sides = new Map([['a', 1], ['b', 1], ['c', 1], ['d', 1]]);
    const laidOut = (x: number): DiagramLayout => ({
        width: 640, height: 400, direction: 'RIGHT', groups: { 'group:Open': { x: 200, y: 100, width: 160, height: 100 } },
        nodes: { s: { x: 220, y: 130, width: 120, height: 40 }, a: box(x, 0), b: box(x, 100), c: box(x, 200), d: box(x, 300) },
        edges: {}
    });

    it('run straight across the gap between neighbours and round the column\'s outer side otherwise, nested without crossing, each on a track of its own', () => {
        const layout = withSideBrackets(graph, laidOut(500), sides, 'RIGHT');
        expect(layout.edges['a>b'].points).toEqual([{ x: 560, y: 60 }, { x: 560, y: 100 }]);
        const outer = (id: string) => layout.edges[id].points[1].x;
        for (const id of ['a>d', 'c>a', 'b>d']) {
            const points = layout.edges[id].points;
            expect(points).toHaveLength(4);
            // Both ends on the outer (right) side of their boxes, the run between them beyond it.
            expect(points[0].x).toBe(620);
            expect(points[3].x).toBe(620);
            expect(outer(id)).toBeGreaterThan(620);
            expect(points[1].x).toBe(points[2].x);
        }
        // a→d spans the others: it runs outermost, and crosses neither the bracket inside it nor the one it shares an end with.
        expect(outer('a>d')).toBeGreaterThan(Math.max(outer('c>a'), outer('b>d')));
        expect(outer('c>a')).not.toBe(outer('b>d'));
        expect(crossingCount(segmentsOf(layout.edges['a>d'].points), segmentsOf(layout.edges['c>a'].points))).toBe(0);
        expect(crossingCount(segmentsOf(layout.edges['a>d'].points), segmentsOf(layout.edges['b>d'].points))).toBe(0);
        // The picture grows to hold the outermost track, and the lines already drawn are kept.
        expect(layout.width).toBeGreaterThan(outer('a>d'));
        expect(layout.nodes).toEqual(laidOut(500).nodes);
    });

    it('on a column before the opened systems, run round its left side, the picture moved right to make room', () => {
        const layout = withSideBrackets(graph, laidOut(10), new Map([...sides].map(([key]) => [key, -1])), 'RIGHT');
        const xs = Object.values(layout.edges).flatMap(edge => edge.points.map(point => point.x));
        expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
        const a = layout.nodes.a;
        expect(layout.edges['a>d'].points[0].x).toBe(a.x);
        expect(layout.edges['a>d'].points[1].x).toBeLessThan(a.x);
        expect(layout.width).toBeGreaterThan(640);
    });
});
