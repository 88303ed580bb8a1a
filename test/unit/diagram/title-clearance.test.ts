import { describe, expect, it } from 'vitest';
import { emptyCounts, type Box, type DiagramGraph, type DiagramLayout, type Point } from '../../../language-server/src/diagram/diagram-graph.js';
import type { SmoothingContext } from '../../../language-server/src/diagram/route-smoothing.js';
import { clearTitles, shiftStruckTitles } from '../../../language-server/src/diagram/title-clearance.js';
import { measureLayout, segmentThroughBox } from '../../../language-server/src/diagram/layout-quality.js';
import { renderSvg } from '../../../language-server/src/diagram/svg-renderer.js';
import { layoutTitleBoxes } from '../../../language-server/src/diagram/node-sizing.js';

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
const context: SmoothingContext = { ends: () => ['a', 'b'], barriers: () => [TITLE], kind: id => id };

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
        const walled: SmoothingContext = { ends: context.ends, barriers: () => [TITLE, { x: 0, y: 92, width: 400, height: 4 }], kind: id => id };
        expect(clearTitles(before, walled, [TITLE]).edges.ab.points).toEqual(before.edges.ab.points);
    });

    it('returns the same layout when no line crosses a title', () => {
        const before = picture();
        before.edges.ab.points = [{ x: 280, y: 50 }, { x: 280, y: 140 }];
        expect(clearTitles(before, context, [TITLE])).toBe(before);
    });
});

describe('a title still struck out slides along its band', () => {
    const group = { id: 'g', department: 'Finance', label: 'Finance' };
    const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
    const xs = [30, 50, 70];
    /** A department 150 px tall; three lines from a box below it to a box above it, up through the left of its title band. */
    function crowded(width: number): DiagramLayout {
        const edges: DiagramLayout['edges'] = {};
        for (const x of xs) edges[`l${x}`] = { points: [{ x, y: 280 }, { x, y: 20 }] };
        return {
            width: 500, height: 300, direction: 'DOWN', groups: { g: { x: 10, y: 100, width, height: 150 } }, edges,
            nodes: { a: { x: 0, y: 280, width: 100, height: 20 }, b: { x: 0, y: 0, width: 100, height: 20 } }
        };
    }
    const graph: DiagramGraph = {
        title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, groups: [group], notes: [],
        nodes: ['a', 'b'].map(id => ({ id, kind: 'system' as const, name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 20 })),
        edges: xs.map(x => ({ id: `l${x}`, source: 'a', target: 'b', label: '', title: `l${x}`, flows: [`l${x}`], edgeClass: 'realtime' as const, twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens }))
    };

    it('to the nearest stretch no line crosses, and the picture is measured and drawn with it there', () => {
        const before = crowded(400);
        expect(measureLayout(graph, before).edgeThroughTitle).toBeGreaterThan(0);
        const after = shiftStruckTitles(before, [group]);
        // Past the last line at x 70 (the frame starts at 10), in steps of 8.
        expect(after.titleShifts?.g).toBe(64);
        expect(measureLayout(graph, after).edgeThroughTitle).toBe(0);
        expect(renderSvg({ graph, layout: after })).toContain(`<text x='${10 + 64 + 12}' y='120'>Finance</text>`);
    });

    it('is written cut short in the widest gap between the lines where no stretch holds it whole', () => {
        const before = crowded(135);
        const after = shiftStruckTitles(before, [group]);
        // The gap past the last line at x 70 reaches the frame's right end at 145: too narrow for "Finance" whole.
        expect(after.titleShifts?.g).toBeGreaterThan(70 - 10);
        expect(after.titleWidths?.g).toBeLessThanOrEqual(145 - 70);
        expect(measureLayout(graph, after).edgeThroughTitle).toBe(0);
        const written = /<text x='[\d.]+' y='120'>([^<]*)<\/text>/.exec(renderSvg({ graph, layout: after }))![1];
        expect(written).toMatch(/^Fina?n?c?…$/);
        expect(renderSvg({ graph, layout: after })).toContain('<title>Department Finance');
    });

    it('is cut into the widest gap within its band, whatever lines cross the band\'s height elsewhere in the picture', () => {
        // Lines at 30, 50, 70 and 140 in a frame from 10 to 145: the widest gap is 70–140. A line far
        // right of the frame (x 400) left a stretch from 140 to 400 that was taken for the widest,
        // though only 5 px of it lie in the band: the title stayed struck out.
        const before = crowded(135);
        const edges = { ...before.edges, l140: { points: [{ x: 140, y: 280 }, { x: 140, y: 20 }] }, far: { points: [{ x: 400, y: 280 }, { x: 400, y: 20 }] } };
        const after = shiftStruckTitles({ ...before, edges }, [group]);
        expect(after.titleShifts?.g).toBeGreaterThanOrEqual(70 - 10);
        expect(after.titleShifts!.g + after.titleWidths!.g).toBeLessThanOrEqual(140 - 10);
        const title = layoutTitleBoxes(after, [group])[0];
        for (const edge of Object.values(edges)) expect(segmentThroughBox(edge.points[0], edge.points[1], title)).toBe(false);
    });

    it('stays where it was in a frame with no gap that holds four of its letters', () => {
        const before = crowded(120);
        expect(shiftStruckTitles(before, [group])).toBe(before);
    });
});
