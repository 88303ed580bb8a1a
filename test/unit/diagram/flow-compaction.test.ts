import { describe, expect, it } from 'vitest';
import { emptyCounts, type DiagramEdge, type DiagramGraph, type DiagramLayout, type DiagramNode } from '../../../language-server/src/diagram/diagram-graph.js';
import { bareBands, closeBands, withBandsClosed } from '../../../language-server/src/diagram/flow-compaction.js';
import { groupTitleBox } from '../../../language-server/src/diagram/node-sizing.js';
import { measureLayout } from '../../../language-server/src/diagram/layout-quality.js';
import { targetsMissed } from '../../../language-server/src/diagram/layout-choice.js';

const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;

function node(id: string): DiagramNode {
    return { id, kind: 'system', name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40 };
}

function edge(id: string, source: string, target: string): DiagramEdge {
    return { id, source, target, label: id, title: id, flows: [id], edgeClass: 'realtime', twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens };
}

function graphOf(nodes: string[], edges: DiagramEdge[]): DiagramGraph {
    return { title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, nodes: nodes.map(node), groups: [], edges, notes: [] };
}

/** a above b, 260 px of bare rows between them except for the line's label half-way. */
function chain(): DiagramLayout {
    return {
        width: 200, height: 340, direction: 'DOWN', groups: {},
        nodes: { a: { x: 0, y: 0, width: 100, height: 40 }, b: { x: 0, y: 300, width: 100, height: 40 } },
        edges: { ab: { points: [{ x: 50, y: 40 }, { x: 50, y: 300 }], label: { x: 55, y: 150, width: 60, height: 20 } } }
    };
}

describe('closing the bare bands along the flow', () => {
    it('moves the label and the box beyond each band up by what the band gives, keeping 28 px', () => {
        const closed = closeBands(chain(), bareBands(chain(), []));
        // 40..150 keeps 28 (82 closed), 170..300 keeps 28 (102 closed).
        expect(closed.edges.ab.label).toEqual({ x: 55, y: 68, width: 60, height: 20 });
        expect(closed.nodes.b).toEqual({ x: 0, y: 116, width: 100, height: 40 });
        expect(closed.nodes.a).toEqual(chain().nodes.a);
        expect(closed.edges.ab.points).toEqual([{ x: 50, y: 40 }, { x: 50, y: 116 }]);
        expect(closed.height).toBe(156);
        expect(closed.width).toBe(200);
    });

    it('keeps the turns of lines in a band 10 px apart, in their order', () => {
        const layout = chain();
        delete layout.edges.ab.label;
        // Four lines turning at different heights between a and b.
        layout.edges.ab.points = [{ x: 50, y: 40 }, { x: 50, y: 100 }, { x: 60, y: 100 }, { x: 60, y: 150 }, { x: 70, y: 150 }, { x: 70, y: 200 }, { x: 80, y: 200 }, { x: 80, y: 250 }, { x: 50, y: 250 }, { x: 50, y: 300 }];
        const bands = bareBands(layout, []);
        expect(bands).toEqual([{ from: 40, to: 300, kept: 50, turns: [100, 150, 200, 250] }]);
        const turns = [...new Set(closeBands(layout, bands).edges.ab.points.map(point => point.y))];
        expect(turns).toHaveLength(6);
        for (let i = 1; i < turns.length; i++) expect(turns[i] - turns[i - 1]).toBeGreaterThanOrEqual(9.9);
        expect(closeBands(layout, bands).nodes.b.y).toBe(90);
    });

    it('closes columns left to right in a picture that runs left to right', () => {
        const layout: DiagramLayout = {
            width: 400, height: 40, direction: 'RIGHT', groups: {},
            nodes: { a: { x: 0, y: 0, width: 100, height: 40 }, b: { x: 300, y: 0, width: 100, height: 40 } },
            edges: { ab: { points: [{ x: 100, y: 20 }, { x: 300, y: 20 }] } }
        };
        const closed = closeBands(layout, bareBands(layout, []));
        expect(closed.nodes.b.x).toBe(128);
        expect(closed.width).toBe(228);
        expect(closed.height).toBe(40);
    });

    it('keeps a department frame\'s title row and bottom margin, and shrinks the frame round its closer boxes', () => {
        const layout: DiagramLayout = {
            width: 200, height: 400, direction: 'DOWN',
            groups: { g: { x: 0, y: 0, width: 200, height: 400 } },
            nodes: { a: { x: 20, y: 40, width: 100, height: 40 }, b: { x: 20, y: 346, width: 100, height: 40 } },
            edges: { ab: { points: [{ x: 70, y: 80 }, { x: 70, y: 346 }] } }
        };
        const closed = closeBands(layout, bareBands(layout, []));
        expect(closed.nodes.a.y).toBe(40);
        expect(closed.nodes.b.y).toBe(108);
        expect(closed.groups.g).toEqual({ x: 0, y: 0, width: 200, height: 162 });
    });

    it('leaves a picture alone where closing would lengthen a line that runs round beside the boxes', () => {
        const graph = graphOf(['a', 'b'], [edge('ab', 'a', 'b')]);
        const layout: DiagramLayout = {
            width: 420, height: 340, direction: 'DOWN', groups: {},
            nodes: { a: { x: 0, y: 0, width: 100, height: 40 }, b: { x: 0, y: 300, width: 100, height: 40 } },
            edges: { ab: { points: [{ x: 100, y: 20 }, { x: 400, y: 20 }, { x: 400, y: 320 }, { x: 100, y: 320 }] } }
        };
        expect(bareBands(layout, [])).toHaveLength(1);
        expect(withBandsClosed(graph, layout)).toBe(layout);
        expect(withBandsClosed(graph, chain())).not.toBe(chain());
        expect(withBandsClosed(graphOf(['a', 'b'], [edge('ab', 'a', 'b')]), chain()).height).toBe(156);
    });

    it('leaves a picture alone where closing would lay a line on a line of another kind', () => {
        // Two lines of two kinds turn 30 px apart in a channel and slant up to b, their ends 12 px
        // apart: closed to 28 px across, the slants come within half a pixel of each other. A long
        // line from c keeps that stretch under 2 % of all the line length (the hidden-line target met).
        const graph = graphOf(['a', 'b', 'c'], [edge('api', 'a', 'b'), { ...edge('batch', 'a', 'b'), edgeClass: 'batch' }, edge('ca', 'c', 'a')]);
        const layout: DiagramLayout = {
            width: 500, height: 130160, direction: 'RIGHT', groups: {},
            nodes: { a: { x: 0, y: 130000, width: 100, height: 160 }, b: { x: 400, y: 128900, width: 100, height: 40 }, c: { x: 0, y: 0, width: 100, height: 40 } },
            edges: {
                api: { points: [{ x: 100, y: 130100 }, { x: 250, y: 130100 }, { x: 400, y: 128914 }] },
                batch: { points: [{ x: 100, y: 130130 }, { x: 250, y: 130130 }, { x: 400, y: 128926 }] },
                ca: { points: [{ x: 50, y: 40 }, { x: 50, y: 130000 }] }
            }
        };
        const closed = measureLayout(graph, closeBands(layout, bareBands(layout, [])));
        expect(closed.hiddenShare).toBeGreaterThan(0);
        expect(targetsMissed(closed)).toBe(targetsMissed(measureLayout(graph, layout)));
        const read = withBandsClosed(graph, layout);
        expect(measureLayout(graph, read).hiddenShare).toBe(0);
        expect(read).toBe(layout);
    });

    it('keeps a department frame left to right at least as wide as its title', () => {
        const group = { id: 'g', department: 'Ops', label: 'Manufacturing Operations and Maintenance', collapsible: true };
        const graph: DiagramGraph = { ...graphOf(['a', 'b'], [edge('ab', 'a', 'b')]), groups: [group] };
        graph.nodes[0].group = 'g';
        const frame = { x: 0, y: 0, width: 420, height: 90 };
        const layout: DiagramLayout = {
            width: 700, height: 90, direction: 'RIGHT', groups: { g: frame },
            nodes: { a: { x: 14, y: 38, width: 100, height: 40 }, b: { x: 600, y: 38, width: 100, height: 40 } },
            edges: { ab: { points: [{ x: 114, y: 58 }, { x: 600, y: 58 }] } }
        };
        const title = groupTitleBox(frame, group);
        expect(title.width).toBeGreaterThan(200);
        const closed = withBandsClosed(graph, layout);
        expect(closed.width).toBeLessThan(700);
        expect(closed.groups.g.width).toBeGreaterThanOrEqual(title.width);
    });
});
