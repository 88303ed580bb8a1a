import { describe, expect, it } from 'vitest';
import { emptyCounts, type DiagramEdge, type DiagramGraph, type DiagramLayout, type DiagramNode } from '../../../language-server/src/diagram/diagram-graph.js';
import { displacement, fittedTitlePx, measureLayout, quarterTurns } from '../../../language-server/src/diagram/layout-quality.js';
import { stabilityMissed, targetsMissed } from '../../../language-server/src/diagram/layout-choice.js';

const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;

function node(id: string): DiagramNode {
    return { id, kind: 'system', name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40 };
}

function edge(id: string, source: string, target: string, edgeClass: DiagramEdge['edgeClass'] = 'realtime'): DiagramEdge {
    return { id, source, target, label: id, title: id, flows: [id], edgeClass, twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens };
}

function graphOf(nodes: string[], edges: DiagramEdge[]): DiagramGraph {
    return { title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, nodes: nodes.map(node), groups: [], edges, notes: [] };
}

describe('layout quality', () => {
    // Four boxes in a square, 300 apart; lines between them.
    const boxes = {
        a: { x: 0, y: 0, width: 100, height: 40 }, b: { x: 300, y: 0, width: 100, height: 40 },
        c: { x: 0, y: 300, width: 100, height: 40 }, d: { x: 300, y: 300, width: 100, height: 40 }
    };

    it('counts a crossing, a hidden stretch of another colour, bends and a detour', () => {
        const graph = graphOf(['a', 'b', 'c', 'd'], [edge('ad', 'a', 'd'), edge('bc', 'b', 'c'), edge('ab', 'a', 'b', 'manual'), edge('ab2', 'a', 'b')]);
        const layout: DiagramLayout = {
            width: 400, height: 340, nodes: boxes, groups: {},
            edges: {
                ad: { points: [{ x: 100, y: 40 }, { x: 300, y: 300 }] },
                bc: { points: [{ x: 300, y: 40 }, { x: 100, y: 300 }] },
                ab: { points: [{ x: 100, y: 20 }, { x: 300, y: 20 }] },
                // Runs on the manual line for its first 100 px, then leaves it at a right angle and comes back.
                ab2: { points: [{ x: 100, y: 20 }, { x: 200, y: 20 }, { x: 200, y: -60 }, { x: 300, y: -60 }, { x: 300, y: 0 }] }
            }
        };
        const quality = measureLayout(graph, layout);
        expect(quality.crossings).toBe(1);
        const total = 2 * Math.hypot(200, 260) + 200 + 100 + 80 + 100 + 60;
        expect(quality.hiddenShare).toBeCloseTo(200 / total, 5);
        expect(quality.bendsPerEdge).toBeCloseTo(3 / 4, 5);
        expect(quality.detourWorst).toBeCloseTo(340 / Math.hypot(200, 20), 5);
        expect(quality.edgeThroughNode).toBe(0);
    });

    it('counts flows drawn along one trunk as hiding each other, and a line across the trunk as crossing each of them', () => {
        // Three flows a → b along the same run (one of them drawn b → a), one of another colour; c → d crosses them all.
        const graph = graphOf(['a', 'b', 'c', 'd'], [edge('t1', 'a', 'b'), edge('t2', 'a', 'b'), edge('t3', 'b', 'a', 'manual'), edge('cd', 'c', 'd')]);
        const run = [{ x: 100, y: 20 }, { x: 300, y: 20 }];
        const layout: DiagramLayout = {
            width: 400, height: 340, nodes: { ...boxes, c: { x: 150, y: -100, width: 100, height: 40 }, d: { x: 150, y: 100, width: 100, height: 40 } }, groups: {},
            edges: { t1: { points: run }, t2: { points: run }, t3: { points: [...run].reverse() }, cd: { points: [{ x: 200, y: -60 }, { x: 200, y: 100 }] } }
        };
        const quality = measureLayout(graph, layout);
        expect(quality.crossings).toBe(3);
        // Every stretch of the trunk lies on a flow of the other colour; the crossing line lies on nothing.
        expect(quality.hiddenShare).toBeCloseTo(600 / 760, 5);
        expect(quality.hiddenShareAnyEdge).toBeCloseTo(600 / 760, 5);
        // Two flows of one colour alone hide each other, but not as another colour does.
        const sameColour = measureLayout(graphOf(['a', 'b'], [edge('t1', 'a', 'b'), edge('t2', 'a', 'b')]), { ...layout, edges: { t1: { points: run }, t2: { points: run } } });
        expect([sameColour.hiddenShare, sameColour.hiddenShareAnyEdge]).toEqual([0, 1]);
    });

    it('counts a line that ends away from its box as not drawn, and a layout with one as missing a target', () => {
        const graph = graphOf(['a', 'b', 'd'], [edge('ab', 'a', 'b'), edge('ad', 'a', 'd')]);
        const layout: DiagramLayout = {
            width: 400, height: 340, nodes: { a: boxes.a, b: boxes.b, d: boxes.d }, groups: {},
            edges: {
                ab: { points: [{ x: 100, y: 20 }, { x: 300, y: 20 }] },
                // Ends level with b, 260 px above d: left where d stood before its row was moved.
                ad: { points: [{ x: 50, y: 40 }, { x: 50, y: 60 }, { x: 300, y: 60 }] }
            }
        };
        const quality = measureLayout(graph, layout);
        expect(quality.undrawn).toBe(1);
        expect(targetsMissed(quality)).toBeGreaterThanOrEqual(10);
        const attached = measureLayout(graph, { ...layout, edges: { ...layout.edges, ad: { points: [{ x: 50, y: 40 }, { x: 50, y: 320 }, { x: 300, y: 320 }] } } });
        expect(attached.undrawn).toBe(0);
        expect(targetsMissed(attached)).toBe(0);
    });

    it('counts a line through a box, labels on each other and on boxes, and a label far from its line', () => {
        const graph = graphOf(['a', 'b', 'c'], [edge('ac', 'a', 'c'), edge('bc', 'b', 'c')]);
        const layout: DiagramLayout = {
            width: 400, height: 340, nodes: { a: boxes.a, b: { x: 0, y: 120, width: 100, height: 40 }, c: boxes.c }, groups: {},
            edges: {
                // Straight down through b, with its label beside it.
                ac: { points: [{ x: 50, y: 40 }, { x: 50, y: 300 }], label: { x: 54, y: 60, width: 80, height: 16 } },
                bc: { points: [{ x: 90, y: 160 }, { x: 90, y: 300 }], label: { x: 30, y: 200, width: 80, height: 16 } }
            }
        };
        const quality = measureLayout(graph, layout);
        expect(quality.edgeThroughNode).toBe(1);
        expect(quality.edgeThroughLabel).toBe(1);
        expect(quality.labelLabelOverlaps).toBe(0);
        expect(quality.labelDistanceWorst).toBeCloseTo(4, 5);
        layout.edges.bc.label = { x: 60, y: 64, width: 80, height: 16 };
        const moved = measureLayout(graph, layout);
        expect(moved.labelLabelOverlaps).toBe(1);
        expect(moved.labelDistanceWorst).toBeCloseTo(Math.hypot(0, 160 - 80), 5);
        layout.edges.bc.label = { x: 40, y: 0, width: 30, height: 16 };
        expect(measureLayout(graph, layout).labelNodeOverlaps).toBe(1);
    });

    it('measures the shape and the title size fitted into the reference panel (zoom capped at 200 %)', () => {
        expect(fittedTitlePx({ width: 3160, height: 400 })).toBeCloseTo(13 * 1600 / 3200, 5);
        expect(fittedTitlePx({ width: 100, height: 100 })).toBe(26);
        const quality = measureLayout(graphOf(['a'], []), { width: 300, height: 100, nodes: { a: boxes.a }, groups: {}, edges: {} });
        expect(quality.aspect).toBe(3);
    });

    it('turns a right angle into one bend and a U-turn into two', () => {
        expect(quarterTurns([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }])).toBeCloseTo(1, 5);
        expect(quarterTurns([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }])).toBeCloseTo(2, 5);
        expect(quarterTurns([{ x: 0, y: 0 }, { x: 10, y: 10 }])).toBe(0);
    });

    it('measures how far shared nodes moved, in median node widths, raw and once the picture is moved back', () => {
        const graph = graphOf(['a', 'b'], []);
        const before: DiagramLayout = { width: 0, height: 0, groups: {}, edges: {}, nodes: { a: boxes.a, b: boxes.b } };
        const shifted: DiagramLayout = { ...before, nodes: { a: { ...boxes.a, x: 50 }, b: { ...boxes.b, x: 350 }, n: boxes.c } };
        const moved = displacement(graph, before, shifted);
        expect(moved).toEqual({ compared: 2, mean: 0.5, worst: 0.5, alignedMean: 0, alignedWorst: 0 });
    });
});

describe('layout quality on near-parallel lines', () => {
    it('measures a short line lying on a long, slightly tilted one without failing', () => {
        const graph = graphOf(['a', 'b', 'c', 'd'], [edge('long', 'a', 'b'), edge('short', 'c', 'd', 'manual')]);
        const layout: DiagramLayout = {
            width: 1000, height: 100, groups: {},
            nodes: { a: { x: 0, y: 0, width: 10, height: 10 }, b: { x: 990, y: 0, width: 10, height: 10 }, c: { x: 400, y: 40, width: 1, height: 1 }, d: { x: 420, y: 40, width: 1, height: 1 } },
            edges: { long: { points: [{ x: 0, y: 0 }, { x: 1000, y: 2 }] }, short: { points: [{ x: 400, y: 0.9 }, { x: 420, y: 0.9 }] } }
        };
        const quality = measureLayout(graph, layout);
        expect(quality.hiddenShareAnyEdge).toBeGreaterThan(0);
        expect(quality.hiddenShareAnyEdge).toBeLessThan(1);
    });
});

describe('stability judged as a readability target', () => {
    const moved = (alignedMean: number, alignedWorst: number) => ({ compared: 10, mean: alignedMean, worst: alignedWorst, alignedMean, alignedWorst });

    it('counts a new layout that moves one known box more than two box widths, or all by half a width on average, as missing it', () => {
        expect(stabilityMissed(moved(0.1, 2.2))).toBe(2);
        expect(stabilityMissed(moved(0.6, 1.0))).toBe(2);
        expect(stabilityMissed(moved(0.5, 2.0))).toBe(0);
    });
});
