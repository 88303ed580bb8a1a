import { describe, expect, it } from 'vitest';
import type { Box, DiagramLayout, Point } from '../../../language-server/src/diagram/diagram-graph.js';
import { segmentThroughBox } from '../../../language-server/src/diagram/layout-quality.js';
import type { SmoothingContext } from '../../../language-server/src/diagram/route-smoothing.js';
import { clearTitles } from '../../../language-server/src/diagram/title-clearance.js';

/** A department (frame at 100,100) whose title is written across the top of its system B; A above it sends B a line straight down. */
const TITLE: Box = { x: 100, y: 100, width: 150, height: 28 };
function picture(): DiagramLayout {
    return {
        width: 400, height: 300, direction: 'DOWN',
        groups: { g: { x: 100, y: 100, width: 220, height: 110 } },
        nodes: { a: { x: 120, y: 10, width: 120, height: 40 }, b: { x: 114, y: 140, width: 190, height: 48 } },
        edges: { ab: { points: [{ x: 180, y: 50 }, { x: 180, y: 90 }, { x: 180, y: 140 }] } }
    };
}
const context: SmoothingContext = { ends: () => ['a', 'b'], barriers: () => [TITLE] };

function crossesTitle(points: readonly Point[]): boolean {
    return points.slice(1).some((b, i) => segmentThroughBox(points[i], b, TITLE));
}

function onOutline(p: Point, box: Box): boolean {
    const inX = p.x >= box.x - 0.5 && p.x <= box.x + box.width + 0.5;
    const inY = p.y >= box.y - 0.5 && p.y <= box.y + box.height + 0.5;
    return inX && inY && (Math.abs(p.x - box.x) < 0.5 || Math.abs(p.x - box.x - box.width) < 0.5 || Math.abs(p.y - box.y) < 0.5 || Math.abs(p.y - box.y - box.height) < 0.5);
}

describe('lines moved off department titles', () => {
    it('takes a line that entered its box through the title round the title, into the same box', () => {
        const before = picture();
        expect(crossesTitle(before.edges.ab.points)).toBe(true);
        const after = clearTitles(before, context, [TITLE]);
        const points = after.edges.ab.points;
        expect(crossesTitle(points)).toBe(false);
        expect(points[0]).toEqual(before.edges.ab.points[0]);
        expect(onOutline(points[points.length - 1], before.nodes.b)).toBe(true);
        // Past the title's end, with the clearance every line keeps.
        expect(points.some(p => p.x >= TITLE.x + TITLE.width + 6 - 0.5)).toBe(true);
        expect(after.nodes).toEqual(before.nodes);
    });

    it('leaves the line as it was when every way round is blocked', () => {
        const before = picture();
        const walled: SmoothingContext = { ends: context.ends, barriers: () => [TITLE, { x: 0, y: 92, width: 400, height: 4 }] };
        expect(clearTitles(before, walled, [TITLE]).edges.ab.points).toEqual(before.edges.ab.points);
    });

    it('returns the same layout when no line crosses a title', () => {
        const before = picture();
        before.edges.ab.points = [{ x: 280, y: 50 }, { x: 280, y: 140 }];
        expect(clearTitles(before, context, [TITLE])).toBe(before);
    });
});
