import { describe, expect, it } from 'vitest';
import { emptyCounts, type Box, type DiagramGraph, type DiagramLayout, type DiagramNode } from '../../../language-server/src/diagram/diagram-graph.js';
import { chooseLayout, targetsMissed } from '../../../language-server/src/diagram/layout-choice.js';
import { measureLayout } from '../../../language-server/src/diagram/layout-quality.js';

const lens = { data: 'none', owner: 'owned', roadmap: 'none' } as const;

function node(id: string): DiagramNode {
    return { id, kind: 'system', name: id, label: id, lines: [id], detail: '', shadow: false, findings: emptyCounts(), findingList: [], lens, width: 100, height: 40 };
}

const graph: DiagramGraph = {
    title: 't', view: { kind: 'estate' }, state: 'as-is', aggregated: false, nodes: [node('a'), node('b')], groups: [], notes: [],
    edges: [{ id: 'ab', source: 'a', target: 'b', label: 'ab', title: 'ab', flows: ['ab'], edgeClass: 'realtime', twoWay: false, classifications: [], regulated: false, findings: emptyCounts(), findingList: [], lens }]
};

/** a and b in a row `gap` apart, their line straight or bent `jog` px out at its middle. */
function row(gap: number, jog: number, direction: 'DOWN' | 'RIGHT'): DiagramLayout {
    const b = 100 + gap;
    const points = jog === 0
        ? [{ x: 100, y: 20 }, { x: b, y: 20 }]
        : [{ x: 100, y: 20 }, { x: 100 + gap / 2, y: 20 + jog }, { x: b, y: 20 }];
    return {
        width: b + 100, height: 40 + jog, direction, groups: {},
        nodes: { a: { x: 0, y: 0, width: 100, height: 40 }, b: { x: b, y: 0, width: 100, height: 40 } },
        edges: { ab: { points } }
    };
}

describe('choosing between layouts of one view', () => {
    it('takes the straighter of two pictures that both fit the panel at the largest zoom', () => {
        const crooked = row(150, 25, 'DOWN');
        const straight = row(150, 0, 'RIGHT');
        expect(chooseLayout(graph, [crooked, straight])).toBe(straight);
        expect(chooseLayout(graph, [straight, crooked])).toBe(straight);
    });

    it('takes the picture whose titles come out larger, however straight the other', () => {
        const crooked = row(150, 25, 'DOWN');
        // So wide that fitted into 1600×900 its titles shrink.
        const straight = row(2400, 0, 'RIGHT');
        expect(chooseLayout(graph, [straight, crooked])).toBe(crooked);
    });

    it('takes the straighter of two pictures whose titles both come out large enough, when told what is enough', () => {
        const crooked = row(150, 25, 'DOWN');
        // Its titles come out smaller than the crooked picture's, but above 10 px.
        const straight = row(1200, 0, 'RIGHT');
        expect(chooseLayout(graph, [straight, crooked])).toBe(crooked);
        expect(chooseLayout(graph, [crooked, straight], undefined, 10)).toBe(straight);
        // Wider still, its titles drop below what is enough: the larger titles win again.
        expect(chooseLayout(graph, [crooked, row(2400, 0, 'RIGHT')], undefined, 10)).toBe(crooked);
    });
});

describe('choosing between a picture that crosses lines and one that does not', () => {
    const four: DiagramGraph = {
        ...graph, nodes: ['a', 'b', 'c', 'd'].map(node),
        edges: [['a', 'd'], ['b', 'c']].map(([source, target]) => ({ ...graph.edges[0], id: source + target, source, target, label: '', title: source + target, flows: [source + target] }))
    };
    /** a above b on the left, c and d on the right `gap` away; `crossed`: c above d, so that a→d and b→c cross. */
    function pair(gap: number, crossed: boolean): DiagramLayout {
        const [top, bottom] = [0, 100];
        const right = 100 + gap;
        const [cy, dy] = crossed ? [top, bottom] : [bottom, top];
        return {
            width: right + 100, height: 140, direction: 'RIGHT', groups: {},
            nodes: { a: { x: 0, y: top, width: 100, height: 40 }, b: { x: 0, y: bottom, width: 100, height: 40 }, c: { x: right, y: cy, width: 100, height: 40 }, d: { x: right, y: dy, width: 100, height: 40 } },
            edges: { ad: { points: [{ x: 100, y: 20 }, { x: right, y: dy + 20 }] }, bc: { points: [{ x: 100, y: 120 }, { x: right, y: cy + 20 }] } }
        };
    }

    it('takes the one that crosses none where its titles are at least 70 % as large, else the larger titles', () => {
        // A panel where every title reads (10.4 px and more).
        const large = { width: 3200, height: 1800 };
        const crossed = pair(2000, true);
        expect(measureLayout(four, crossed).crossings).toBe(1);
        // Titles 2200/2800 as large: about 79 %.
        const uncrossed = pair(2600, false);
        expect(chooseLayout(four, [crossed, uncrossed], large)).toBe(uncrossed);
        // Titles 2200/4000 as large: 55 %.
        expect(chooseLayout(four, [crossed, pair(3800, false)], large)).toBe(crossed);
    });

    it('where no picture\'s titles read in the panel, takes the one that crosses none only where its titles are at least 85 % as large', () => {
        // In 1600×900: 9.5 px titles against 7.4 px (79 %) and 8.3 px (88 %).
        const crossed = pair(2000, true);
        expect(chooseLayout(four, [crossed, pair(2600, false)])).toBe(crossed);
        const nearly = pair(2300, false);
        expect(chooseLayout(four, [crossed, nearly])).toBe(nearly);
    });
});

describe('choosing between pictures that cross many lines', () => {
    const ladder: DiagramGraph = {
        ...graph, nodes: [...Array.from({ length: 8 }, (_, i) => node(`a${i}`)), ...Array.from({ length: 8 }, (_, i) => node(`b${i}`))],
        edges: Array.from({ length: 8 }, (_, i) => ({ ...graph.edges[0], id: `e${i}`, source: `a${i}`, target: `b${i}`, label: '', title: `e${i}`, flows: [`e${i}`] }))
    };
    /** a0…a7 down the left, b0…b7 down the right `gap` away, aᵢ's line to bᵢ where bᵢ stands at row `rows[i]`: as many crossings as rows out of order. */
    function rungs(gap: number, rows: readonly number[]): DiagramLayout {
        const right = 100 + gap;
        const nodes: Record<string, Box> = {};
        const edges: DiagramLayout['edges'] = {};
        rows.forEach((row, i) => {
            nodes[`a${i}`] = { x: 0, y: 100 * i, width: 100, height: 40 };
            nodes[`b${i}`] = { x: right, y: 100 * row, width: 100, height: 40 };
            edges[`e${i}`] = { points: [{ x: 100, y: 100 * i + 20 }, { x: right, y: 100 * row + 20 }] };
        });
        return { width: right + 100, height: 740, direction: 'RIGHT', groups: {}, nodes, edges };
    }
    // A panel where every title reads.
    const large = { width: 3200, height: 1800 };

    it('takes titles a tenth larger or more for up to 5 % more crossings, not for fewer than a tenth, nor for more crossings', () => {
        const fewest = rungs(2600, [6, 5, 4, 3, 2, 1, 0, 7]);
        const oneMore = [7, 5, 4, 3, 2, 1, 0, 6];
        const twoMore = [7, 6, 4, 3, 2, 1, 0, 5];
        expect([fewest, rungs(2600, oneMore), rungs(2600, twoMore)].map(layout => measureLayout(ladder, layout).crossings)).toEqual([21, 22, 23]);
        // 22 crossings (5 % more), titles 16 % larger: worth it.
        const larger = rungs(2200, oneMore);
        expect(chooseLayout(ladder, [fewest, larger], large)).toBe(larger);
        // Titles 4 % larger: not worth a crossing.
        expect(chooseLayout(ladder, [fewest, rungs(2500, oneMore)], large)).toBe(fewest);
        // 23 crossings (10 % more), titles 28 % larger: the fewer crossings.
        expect(chooseLayout(ladder, [fewest, rungs(2000, twoMore)], large)).toBe(fewest);
    });
});

describe('choosing for the panel at hand', () => {
    it('counts titles too small to read in the panel as a missed target: a strip that reads in a wide panel loses to a bent line in a square one', () => {
        // Its line bends out, 1.37 times the distance between its ends: the detour target is missed.
        const bent = { ...row(150, 70, 'DOWN'), height: 200 };
        expect(targetsMissed(measureLayout(graph, bent))).toBe(2);
        // Straight, 1,700 × 700 px: 12 px titles in 1600×900, 7.5 px in 1000×1000.
        const strip = { ...row(1500, 0, 'RIGHT'), height: 700 };
        expect(targetsMissed(measureLayout(graph, strip))).toBe(0);
        expect(chooseLayout(graph, [bent, strip])).toBe(strip);
        expect(chooseLayout(graph, [strip, bent], { width: 1000, height: 1000 })).toBe(bent);
    });
});

describe('choosing where no layout\'s titles can be read in the panel', () => {
    // Eight boxes in a row, 200 px apart, each linked to the next; the last line, or the last two, may
    // go 160 px up and round: 2.6 times the way between their ends.
    const ids = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'];
    const chain: DiagramGraph = {
        ...graph, nodes: ids.map(node),
        edges: ids.slice(1).map((id, i) => ({ ...graph.edges[0], id: `e${i}`, source: ids[i], target: id, label: '', title: `e${i}`, flows: [`e${i}`] }))
    };
    function picture(width: number, height: number, roundabout: number): DiagramLayout {
        const edges: DiagramLayout['edges'] = {};
        ids.slice(1).forEach((_, i) => {
            const [from, to] = [300 * i + 100, 300 * (i + 1)];
            edges[`e${i}`] = { points: i >= ids.length - 1 - roundabout ? [{ x: from, y: 520 }, { x: from, y: 360 }, { x: to, y: 360 }, { x: to, y: 520 }] : [{ x: from, y: 520 }, { x: to, y: 520 }] };
        });
        return { width, height, direction: 'RIGHT', groups: {}, edges, nodes: Object.fromEntries(ids.map((id, i) => [id, { x: 300 * i, y: 500, width: 100, height: 40 }])) };
    }

    it('counts titles under 7 px as a second missed target: 8 px and one line far out of its way win over 6 px', () => {
        // 3,413 px wide: 6.0 px titles at 1600×900, every target met; 2,560 px wide: 8.0 px, its worst line 2.6 times its way.
        const strip = picture(3413, 1400, 0);
        const crooked = picture(2560, 1100, 1);
        expect(targetsMissed(measureLayout(chain, strip))).toBe(0);
        expect(targetsMissed(measureLayout(chain, crooked))).toBe(1);
        expect(chooseLayout(chain, [strip, crooked])).toBe(crooked);
        expect(chooseLayout(chain, [crooked, strip])).toBe(crooked);
    });

    it('counts them as one where another layout reads: the strip that meets every other target is kept for the shapes tried after', () => {
        // 1,950 px wide: 10.5 px titles, but two lines 2.6 times their way (mean 1.46): the detour targets missed.
        const readable = picture(1950, 850, 2);
        expect(targetsMissed(measureLayout(chain, readable))).toBe(3);
        expect(chooseLayout(chain, [picture(3413, 1400, 0), readable])).not.toBe(readable);
    });
});

describe('the targets an edited picture misses', () => {
    const clean = measureLayout(graph, row(150, 0, 'RIGHT'));
    const struck = { ...clean, edgeThroughTitle: 2 };

    const others = targetsMissed(clean);

    it('counts a title struck out as a miss of the overlap target', () => {
        expect(targetsMissed(struck)).toBe(others + 10);
    });

    it('does not count the overlaps the picture had before the edit against it, only those it adds', () => {
        expect(targetsMissed(struck, struck)).toBe(others);
        expect(targetsMissed({ ...struck, edgeThroughNode: 1 }, struck)).toBe(others + 10);
        expect(targetsMissed(struck, clean)).toBe(others + 10);
    });
});

describe('judging a picture an edit was fitted into', () => {
    it('does not count the means of its lines, which are the reader\'s, but counts what the edit draws over something', () => {
        // Its line bends out, 1.37 times the distance between its ends: the detour target is missed.
        const bent = { ...row(150, 70, 'DOWN'), height: 200 };
        const quality = measureLayout(graph, bent);
        expect(targetsMissed(quality)).toBe(2);
        expect(targetsMissed(quality, quality)).toBe(0);
        expect(targetsMissed({ ...quality, labelNodeOverlaps: 1 }, quality)).toBe(10);
    });
});
