import { describe, expect, it } from 'vitest';
import { emptyCounts, type DiagramGraph, type DiagramLayout } from '../../../language-server/src/diagram/diagram-graph.js';
import { borderMarks, TAG_WIDTH } from '../../../language-server/src/diagram/border-marks.js';
import { segmentThroughBox } from '../../../language-server/src/diagram/layout-quality.js';
import { segmentIndex } from '../../../language-server/src/diagram/spatial-index.js';
import { renderSvg } from '../../../language-server/src/diagram/svg-renderer.js';

const BOX = { x: 100, y: 100, width: 160, height: 48 };
/** A line from above that ends on the box's top border, 10 px left of its right end. */
const INTO_CORNER = { a: { x: 250, y: 20 }, b: { x: 250, y: 100 } };

describe('a box\'s finding badge and shadow-IT tag', () => {
    it('sit in the top right corner where no line passes', () => {
        expect(borderMarks(BOX, 36, true, segmentIndex([{ a: { x: 120, y: 20 }, b: { x: 120, y: 100 } }]))).toEqual({ badgeRight: 264, badgeY: 102, tagX: 264 - 36 - 16 - TAG_WIDTH, bottom: false });
    });

    it('slide left along the top border, together, off a line that ends under the corner', () => {
        const marks = borderMarks(BOX, 36, true, segmentIndex([INTO_CORNER]));
        expect(marks.bottom).toBe(false);
        expect(marks.badgeRight).toBeLessThan(250);
        expect(marks.badgeRight - 36 - marks.tagX!).toBe(16 + TAG_WIDTH);
        expect(marks.tagX).toBeGreaterThanOrEqual(BOX.x);
    });

    it('go to the bottom border where lines end all along the top one; where every place has a line, to the one with fewest', () => {
        const along = (y: number, step: number) => Array.from({ length: Math.floor(155 / step) + 1 }, (_, i) => ({ a: { x: 105 + i * step, y: y - 80 }, b: { x: 105 + i * step, y } }));
        expect(borderMarks(BOX, 18, false, segmentIndex(along(100, 11)))).toMatchObject({ badgeRight: 264, bottom: true });
        // Lines 5 px apart along the top, 11 px apart along the bottom (from below).
        const runs = [...along(100, 5), ...along(148, 11).map(({ a, b }) => ({ a: { x: a.x, y: 228 }, b }))];
        const marks = borderMarks(BOX, 18, false, segmentIndex(runs));
        const under = (right: number, y: number) => runs.filter(({ a, b }) => segmentThroughBox(a, b, { x: right - 20, y: y - 10, width: 22, height: 20 })).length;
        expect(marks.bottom).toBe(true);
        expect(under(marks.badgeRight, marks.badgeY)).toBeGreaterThan(0);
        expect(under(marks.badgeRight, marks.badgeY)).toBeLessThan(under(264, 102));
    });
});

describe('the picture\'s badges', () => {
    it('are drawn off the arrowhead of a line that ends in a box\'s top right corner', () => {
        const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;
        const findings = { ...emptyCounts(), error: 2, warning: 1 };
        const node = (id: string, counts = emptyCounts()) => ({ id, kind: 'system' as const, name: id, label: id, lines: [id], detail: 'crm', shadow: false, findings: counts, findingList: [], lens, width: 160, height: 48 });
        const graph: DiagramGraph = {
            title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, notes: [], groups: [],
            nodes: [node('A', findings), node('B')],
            edges: [{ id: 'ba', source: 'B', target: 'A', label: '', title: 'ba', flows: ['ba'], edgeClass: 'realtime', twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens }]
        };
        const layout: DiagramLayout = { width: 300, height: 200, direction: 'DOWN', groups: {}, nodes: { A: { ...BOX }, B: { x: 170, y: 0, width: 160, height: 20 } }, edges: { ba: { points: [INTO_CORNER.b, INTO_CORNER.a].reverse() } } };
        const svg = renderSvg({ graph, layout }, { chrome: false });
        const badges = [...svg.matchAll(/<rect class='(?:error|warning)' x='([\d.]+)' y='([\d.]+)' width='([\d.]+)' height='([\d.]+)'/g)].map(m => ({ x: +m[1], y: +m[2], width: +m[3], height: +m[4] }));
        expect(badges).toHaveLength(2);
        for (const badge of badges) expect(segmentThroughBox(INTO_CORNER.a, INTO_CORNER.b, badge), JSON.stringify(badge)).toBe(false);
    });
});
