import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { boxBatch, boxesOf, joinLayouts, laidOutBoxes, topLevelOf } from '../../../language-server/src/diagram/box-layout.js';
import { EXPAND_ALL, type DiagramOptions } from '../../../language-server/src/diagram/diagram-graph.js';
import type { ElkNode } from '../../../language-server/src/diagram/elk-types.js';
import { splitPlan } from '../../../language-server/src/diagram/split-layout.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { loadTexts } from '../helpers/workspace.js';
import { generatedEstate, loadReference } from './helpers.js';

interface Elk { layout(graph: unknown): Promise<ElkNode> }
const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => Elk;

/** Every box and polyline of a laid-out graph, rounded, by id. */
function geometry(node: ElkNode, into = new Map<string, unknown>()): Map<string, unknown> {
    const round = (value: number | undefined) => Math.round((value ?? 0) * 100) / 100;
    for (const child of node.children ?? []) {
        into.set(child.id, [child.x, child.y, child.width, child.height].map(round));
        geometry(child, into);
    }
    for (const edge of node.edges ?? []) {
        into.set(edge.id, (edge.sections ?? []).map(section =>
            [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(point => [round(point.x), round(point.y)])));
    }
    return into;
}

async function inTwoSteps(elk: Elk, root: ElkNode): Promise<ElkNode> {
    const boxes = laidOutBoxes(await elk.layout(boxBatch(boxesOf(root))));
    return joinLayouts(await elk.layout(topLevelOf(root, boxes)), boxes);
}

describe('department boxes laid out on their own', () => {
    it('give the picture ELK gives for the whole nested graph', async () => {
        const elk = new ELK();
        const reference = (await loadReference()).analysis;
        // A chain of 49 flows, each between two departments: few enough to stay one compound graph open.
        const generated = (await loadTexts({ 'big.integ': generatedEstate(50, 4) })).analysis;
        const cases: Array<[typeof reference, DiagramOptions]> = [
            [reference, { view: { kind: 'estate' }, state: 'as-is' }],
            [generated, { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] }],
            [generated, { view: { kind: 'estate' }, state: 'as-is', aggregateAbove: 0, expand: ['D1', 'D2'] }]
        ];
        for (const [analysis, options] of cases) {
            const { root } = splitPlan(buildDiagramGraph(analysis.estate, analysis.findings, options));
            expect(boxesOf(root).length).toBeGreaterThan(0);
            const nested = await elk.layout(JSON.parse(JSON.stringify(root)));
            const split = await inTwoSteps(elk, JSON.parse(JSON.stringify(root)));
            expect(geometry(split)).toEqual(geometry(nested));
            expect([split.width, split.height]).toEqual([nested.width, nested.height]);
        }
    });
});
