import { describe, expect, it } from 'vitest';
import type { Box, DiagramLayout, Point } from '../../../language-server/src/diagram/diagram-graph.js';
import { linesFirst } from '../../../language-server/src/diagram/lines-first.js';

const ends: Record<string, [string, string]> = { long: ['a', 'b'], other: ['c', 'd'] };
const context = { ends: (id: string) => ends[id], barriers: () => [], kind: (id: string) => id };

function overlap(p: Box, q: Box): boolean {
    return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

function distance(box: Box, a: Point, b: Point): number {
    // Both lines of this test are vertical.
    const dx = Math.max(box.x - a.x, 0, a.x - (box.x + box.width));
    const dy = Math.max(box.y - Math.max(a.y, b.y), 0, Math.min(a.y, b.y) - (box.y + box.height));
    return Math.hypot(dx, dy);
}

/**
 * Two columns a→b and c→d. ELK put both labels in one row between the layers and bent a→b out to
 * its slot, beyond c→d's line: straightening a→b alone would run through nothing, but its label,
 * left where it was, would be far from its line.
 */
function rowOfLabels(): DiagramLayout {
    return {
        width: 700, height: 400, groups: {}, direction: 'DOWN',
        nodes: {
            a: { x: 0, y: 0, width: 160, height: 40 }, b: { x: 0, y: 340, width: 160, height: 40 },
            c: { x: 300, y: 0, width: 160, height: 40 }, d: { x: 300, y: 340, width: 160, height: 40 }
        },
        edges: {
            long: { points: [{ x: 80, y: 40 }, { x: 560, y: 190 }, { x: 80, y: 340 }], label: { x: 480, y: 180, width: 150, height: 20 }, labelLines: ['Long flow'] },
            other: { points: [{ x: 380, y: 40 }, { x: 380, y: 340 }], label: { x: 300, y: 180, width: 150, height: 20 }, labelLines: ['Other flow'] }
        }
    };
}

describe('lines first, labels after', () => {
    it('straightens a line bent out to its label slot and sets the label beside it', () => {
        const layout = linesFirst(rowOfLabels(), context)!;
        expect(layout).toBeDefined();
        const long = layout.edges.long;
        expect(long.points).toHaveLength(2);
        expect(long.points[0].x).toBe(long.points[1].x);
        expect(distance(long.label!, long.points[0], long.points[1])).toBeLessThanOrEqual(10);
        expect(overlap(long.label!, layout.edges.other.label!)).toBe(false);
        for (const node of Object.values(layout.nodes)) expect(overlap(long.label!, node)).toBe(false);
        // The line that was straight keeps its route and ELK's spot for its label.
        expect(layout.edges.other).toEqual(rowOfLabels().edges.other);
        expect(Object.keys(layout.nodes).map(id => layout.nodes[id])).toEqual(Object.values(rowOfLabels().nodes));
    });

    it('gives no second reading of a layout without labels', () => {
        const plain = rowOfLabels();
        for (const edge of Object.values(plain.edges)) delete edge.label;
        expect(linesFirst(plain, context)).toBeUndefined();
    });
});
