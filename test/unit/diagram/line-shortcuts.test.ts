import { describe, expect, it } from 'vitest';
import type { Box, DiagramLayout, Point } from '../../../language-server/src/diagram/diagram-graph.js';
import { detourOf, pathLength } from '../../../language-server/src/diagram/box-geometry.js';
import { crossingPoint, segmentThroughBox } from '../../../language-server/src/diagram/layout-quality.js';
import { shortenDetours } from '../../../language-server/src/diagram/line-shortcuts.js';
import type { SmoothingContext } from '../../../language-server/src/diagram/route-smoothing.js';

/**
 * A above-left, B below-right, C between them in the way of a straight line. ELK's line goes from
 * A far out to the left, down and back right to B (a detour of about 2), its label out on the left.
 */
function picture(): DiagramLayout {
    return {
        width: 600, height: 500, direction: 'DOWN', groups: {},
        nodes: {
            a: { x: 100, y: 20, width: 120, height: 40 },
            c: { x: 150, y: 200, width: 160, height: 40 },
            b: { x: 240, y: 420, width: 120, height: 40 }
        },
        edges: {
            ab: {
                points: [{ x: 100, y: 40 }, { x: 20, y: 40 }, { x: 20, y: 440 }, { x: 240, y: 440 }],
                label: { x: 26, y: 230, width: 70, height: 20 }
            }
        }
    };
}
const context: SmoothingContext = { ends: () => ['a', 'b'], barriers: () => [], kind: id => id };

function throughBox(points: readonly Point[], box: Box): boolean {
    return points.slice(1).some((b, i) => segmentThroughBox(points[i], b, box));
}

function distanceToLine(box: Box, points: readonly Point[]): number {
    let nearest = Number.POSITIVE_INFINITY;
    for (let i = 1; i < points.length; i++) {
        for (let k = 0; k <= 100; k++) {
            const p = { x: points[i - 1].x + (points[i].x - points[i - 1].x) * k / 100, y: points[i - 1].y + (points[i].y - points[i - 1].y) * k / 100 };
            nearest = Math.min(nearest, Math.hypot(Math.max(box.x - p.x, 0, p.x - box.x - box.width), Math.max(box.y - p.y, 0, p.y - box.y - box.height)));
        }
    }
    return nearest;
}

describe('lines that go far out of their way are shortened', () => {
    it('takes the line round the corner of the box in its way, and its label with it', () => {
        const before = picture();
        const after = shortenDetours(before, context);
        const { points, label } = after.edges.ab;
        expect(pathLength(points)).toBeLessThan(0.85 * pathLength(before.edges.ab.points));
        expect(points.length).toBeLessThanOrEqual(3);
        expect(throughBox(points, before.nodes.c)).toBe(false);
        expect(label).toBeDefined();
        expect(distanceToLine(label!, points)).toBeLessThanOrEqual(10);
        expect(throughBox(points, label!)).toBe(false);
        expect(after.nodes).toEqual(before.nodes);
    });

    it('in a picture of hundreds of lines, tries only a line farther out of its way than 2.5 times its ends\' distance', () => {
        const before = picture();
        before.nodes.d = { x: 400, y: 20, width: 80, height: 40 };
        before.nodes.e = { x: 400, y: 100, width: 80, height: 40 };
        // From d's right side far out and back into e's: 300 px for ends 80 px apart.
        before.edges.de = { points: [{ x: 480, y: 40 }, { x: 590, y: 40 }, { x: 590, y: 120 }, { x: 480, y: 120 }] };
        for (let i = 0; i < 130; i++) before.edges[`far${i}`] = { points: [{ x: 0, y: 1000 + 6 * i }, { x: 10, y: 1000 + 6 * i }] };
        const ends: SmoothingContext = { ends: id => (id === 'de' ? ['d', 'e'] : ['a', 'b']), barriers: () => [], kind: id => id };
        const after = shortenDetours(before, ends);
        expect(pathLength(after.edges.de.points)).toBeLessThan(0.85 * pathLength(before.edges.de.points));
        expect(after.edges.ab).toEqual(before.edges.ab);
    });

    it('keeps a line whose every short way would cross more lines than it does', () => {
        const before = picture();
        // A wall of lines between C's row and B's, ending at boxes far off: every way to B crosses it.
        before.nodes.w1 = { x: 540, y: 300, width: 40, height: 40 };
        before.edges.wall = { points: [{ x: 40, y: 320 }, { x: 540, y: 320 }] };
        const walled: SmoothingContext = { ends: id => (id === 'ab' ? ['a', 'b'] : ['a', 'w1']), barriers: () => [], kind: id => id };
        before.edges.ab.points = [{ x: 100, y: 40 }, { x: 30, y: 40 }, { x: 30, y: 440 }, { x: 240, y: 440 }];
        const wall = { a: before.edges.wall.points[0], b: before.edges.wall.points[1] };
        const crossesWall = (points: readonly Point[]) => points.slice(1).some((b, i) => crossingPoint({ a: points[i], b }, wall) !== undefined);
        expect(crossesWall(before.edges.ab.points)).toBe(false);
        expect(crossesWall([{ x: 160, y: 60 }, { x: 300, y: 420 }])).toBe(true);
        expect(shortenDetours(before, walled).edges.ab.points).toEqual(before.edges.ab.points);
    });

    it('lets a line more than 2.5 times its way cross one line more on a way that is not', () => {
        const before = picture();
        before.nodes.w1 = { x: 540, y: 300, width: 40, height: 40 };
        before.edges.wall = { points: [{ x: 40, y: 320 }, { x: 540, y: 320 }] };
        const walled: SmoothingContext = { ends: id => (id === 'ab' ? ['a', 'b'] : ['a', 'w1']), barriers: () => [], kind: id => id };
        // Round the left of the wall, under B and back into its right side: 2.8 times the distance between its ends, crossing nothing.
        before.edges.ab.points = [{ x: 100, y: 40 }, { x: 20, y: 40 }, { x: 20, y: 480 }, { x: 590, y: 480 }, { x: 590, y: 440 }, { x: 360, y: 440 }];
        const wall = { a: before.edges.wall.points[0], b: before.edges.wall.points[1] };
        const wallCrossings = (points: readonly Point[]) => points.slice(1).filter((b, i) => crossingPoint({ a: points[i], b }, wall) !== undefined).length;
        expect(wallCrossings(before.edges.ab.points)).toBe(0);
        const { points } = shortenDetours(before, walled).edges.ab;
        expect(pathLength(points)).toBeLessThan(0.85 * pathLength(before.edges.ab.points));
        expect(detourOf(points)).toBeLessThanOrEqual(2.5);
        expect(wallCrossings(points)).toBe(1);
        expect(throughBox(points, before.nodes.c)).toBe(false);
    });

    it('in a crowded picture, lets a line more than 2.5 times its way cross as many lines as twice the average line does', () => {
        const before = picture();
        before.nodes.w1 = { x: 540, y: 300, width: 60, height: 40 };
        // Four lines between C's row and B's, ending at a box at the picture's edge: every way to B crosses them all.
        const walls = [310, 320, 330, 340];
        walls.forEach((y, i) => { before.edges[`wall${i}`] = { points: [{ x: 40, y }, { x: 540, y }] }; });
        const walled: SmoothingContext = { ends: id => (id === 'ab' ? ['a', 'b'] : ['a', 'w1']), barriers: () => [], kind: id => id };
        before.edges.ab.points = [{ x: 100, y: 40 }, { x: 20, y: 40 }, { x: 20, y: 480 }, { x: 590, y: 480 }, { x: 590, y: 440 }, { x: 360, y: 440 }];
        const wallCrossings = (points: readonly Point[]) => walls.reduce((sum, y) => sum + points.slice(1).filter((b, i) => crossingPoint({ a: points[i], b }, { a: { x: 40, y }, b: { x: 540, y } }) !== undefined).length, 0);
        expect(wallCrossings(before.edges.ab.points)).toBe(0);
        expect(detourOf(before.edges.ab.points)).toBeGreaterThan(2.5);
        // Far off, twenty lines side by side, and twenty more: the picture's lines cross nothing, and four crossings are too many.
        for (let i = 0; i < 20; i++) {
            before.edges[`across${i}`] = { points: [{ x: 1000, y: 1005 + 10 * i }, { x: 1200, y: 1005 + 10 * i }] };
            before.edges[`other${i}`] = { points: [{ x: 1000, y: 1305 + 10 * i }, { x: 1200, y: 1305 + 10 * i }] };
        }
        expect(shortenDetours(before, walled).edges.ab.points).toEqual(before.edges.ab.points);
        // The twenty more turned across the first: 400 crossings among 45 lines, nearly 18 a line on average.
        for (let i = 0; i < 20; i++) before.edges[`other${i}`] = { points: [{ x: 1005 + 10 * i, y: 1000 }, { x: 1005 + 10 * i, y: 1200 }] };
        const { points } = shortenDetours(before, walled).edges.ab;
        expect(detourOf(points)).toBeLessThanOrEqual(2.5);
        expect(wallCrossings(points)).toBe(4);
        expect(throughBox(points, before.nodes.c)).toBe(false);
    });

    it('never sets the label of a shortened line on one of the line\'s own boxes', () => {
        // A above B, 40 px apart; ELK's line leaves A's right side and runs far round into B's, its
        // label (two lines, 50 px tall) beside the far run. Beside the short way down between the
        // boxes every spot lies on A or on B.
        const before: DiagramLayout = {
            width: 700, height: 400, direction: 'DOWN', groups: {},
            nodes: { a: { x: 100, y: 100, width: 200, height: 40 }, b: { x: 100, y: 180, width: 200, height: 40 } },
            edges: {
                ab: {
                    points: [{ x: 300, y: 120 }, { x: 500, y: 120 }, { x: 500, y: 200 }, { x: 300, y: 200 }],
                    label: { x: 506, y: 135, width: 120, height: 50 }
                }
            }
        };
        const after = shortenDetours(before, context);
        const { points, label } = after.edges.ab;
        // The premise: the line is shortened.
        expect(pathLength(points)).toBeLessThan(0.85 * pathLength(before.edges.ab.points));
        expect(label).toBeDefined();
        for (const box of [before.nodes.a, before.nodes.b]) {
            const apart = label!.x >= box.x + box.width || box.x >= label!.x + label!.width || label!.y >= box.y + box.height || box.y >= label!.y + label!.height;
            expect(apart, JSON.stringify(label)).toBe(true);
        }
        expect(distanceToLine(label!, points)).toBeLessThanOrEqual(10);
        expect(throughBox(points, label!)).toBe(false);
    });

    it('returns the layout itself when no line goes out of its way', () => {
        const before = picture();
        before.edges.ab.points = [{ x: 300, y: 60 }, { x: 300, y: 200 }];
        expect(shortenDetours(before, context)).toBe(before);
    });
});

describe('a line that goes round the whole picture', () => {
    /**
     * A top right, B bottom left, two long boxes between them like the rows of a wrapped picture:
     * no straight run or single corner leads from A to B, only the channels between the rows do.
     * ELK's line goes right out of A, down past everything and back left under B.
     */
    function rows(): DiagramLayout {
        return {
            width: 820, height: 560, direction: 'RIGHT', groups: {},
            nodes: {
                a: { x: 500, y: 20, width: 120, height: 40 },
                upper: { x: 0, y: 200, width: 450, height: 40 },
                lower: { x: 150, y: 300, width: 550, height: 40 },
                b: { x: 20, y: 420, width: 120, height: 40 }
            },
            edges: {
                ab: {
                    points: [{ x: 620, y: 40 }, { x: 780, y: 40 }, { x: 780, y: 520 }, { x: 80, y: 520 }, { x: 80, y: 460 }],
                    label: { x: 786, y: 270, width: 60, height: 18 }
                }
            }
        };
    }

    it('is led through the channels between the rows, clear of every box, its label beside it', () => {
        const before = rows();
        const after = shortenDetours(before, context);
        const { points, label } = after.edges.ab;
        expect(pathLength(points)).toBeLessThan(0.85 * pathLength(before.edges.ab.points));
        for (const id of ['upper', 'lower']) expect(throughBox(points, before.nodes[id]), id).toBe(false);
        for (let i = 1; i < points.length; i++) expect(points[i].x === points[i - 1].x || points[i].y === points[i - 1].y, `run ${i}`).toBe(true);
        expect(points[0].y).toBeLessThanOrEqual(60);
        expect(points[points.length - 1].y).toBeGreaterThanOrEqual(420);
        expect(distanceToLine(label!, points)).toBeLessThanOrEqual(10);
        expect(after.nodes).toEqual(before.nodes);
    });

    it('keeps its way round where the channels between the rows are closed and every other way is about as long', () => {
        const before = rows();
        before.nodes.gate = { x: 440, y: 236, width: 40, height: 70 };
        before.nodes.right = { x: 700, y: 236, width: 72, height: 70 };
        before.nodes.left = { x: -100, y: 100, width: 90, height: 300 };
        expect(shortenDetours(before, context).edges.ab.points).toEqual(before.edges.ab.points);
    });
});

describe('a line through a department it does not belong to', () => {
    // ELK's straight stretch between the rows of a wrapped picture: from A right through the
    // department D between A and B, whose frame the line passes passes nothing of its own.
    const department: Box = { x: 220, y: 170, width: 160, height: 100 };
    function struck(): DiagramLayout {
        return {
            width: 640, height: 400, direction: 'RIGHT', groups: {},
            nodes: { a: { x: 20, y: 200, width: 100, height: 40 }, b: { x: 480, y: 200, width: 100, height: 40 } },
            edges: { ab: { points: [{ x: 120, y: 220 }, { x: 480, y: 220 }], label: { x: 150, y: 196, width: 60, height: 18 } } }
        };
    }
    const around: SmoothingContext = { ends: () => ['a', 'b'], barriers: () => [department], kind: id => id };

    it('is led round the department, though that is longer, its label beside the new way', () => {
        const before = struck();
        const after = shortenDetours(before, around);
        const { points, label } = after.edges.ab;
        expect(throughBox(points, department)).toBe(false);
        expect(pathLength(points)).toBeLessThanOrEqual(1.5 * pathLength(before.edges.ab.points));
        expect(distanceToLine(label!, points)).toBeLessThanOrEqual(10);
        expect(throughBox(points, label!)).toBe(false);
        expect(after.nodes).toEqual(before.nodes);
    });

    it('stays as it is where the department is its own', () => {
        const before = struck();
        expect(shortenDetours(before, context).edges.ab).toEqual(before.edges.ab);
    });
});
