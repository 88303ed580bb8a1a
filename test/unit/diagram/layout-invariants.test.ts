/**
 * What must hold for every view of every sample and of the estates written to test the layout on
 * models it was not tuned on (test/fixtures/estates): nothing drawn over anything, no line hidden
 * under another, every flow drawn from its source's outline to its target's, every label on or beside
 * its own line, every department box round its systems, everything inside the picture. The readability
 * figures themselves (bends, detours, shape, title size, stability) are reported by
 * `npm run diagram:quality`, not asserted here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPAND_ALL, type Box, type DiagramGraph, type DiagramLayout, type DiagramOptions } from '../../../language-server/src/diagram/diagram-graph.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { measureLayout, onOutline } from '../../../language-server/src/diagram/layout-quality.js';
import type { Estate } from '../../../language-server/src/model/estate.js';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { loadWorkspace, type LoadedWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { CountingRunner } from './helpers.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const SIDE_PANEL = { width: 900, height: 1000 };

function integFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? integFiles(path) : name.endsWith('.integ') ? [path] : [];
    });
}

async function loadFolder(folder: string): Promise<LoadedWorkspace> {
    const sources = integFiles(join(ROOT, folder)).map(file => ({ uri: pathToFileURL(file).toString(), text: readFileSync(file, 'utf8') }));
    return loadWorkspace(createIntegCoreServices(), sources);
}

function viewsOf(estate: Estate): Array<[string, DiagramOptions]> {
    const user = <T extends { source: { builtin: boolean } }>(map: Map<string, T>) => [...map.values()].filter(value => !value.source.builtin);
    const views: Array<[string, DiagramOptions]> = [
        ['estate', { view: { kind: 'estate' }, state: 'as-is' }],
        ['estate, all open', { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] }],
        ['estate to-be', { view: { kind: 'estate' }, state: 'to-be' }]
    ];
    for (const department of user(estate.departments)) views.push([`estate, ${department.name} open`, { view: { kind: 'estate' }, state: 'as-is', expand: [department.name] }]);
    for (const process of user(estate.processes)) views.push([`process:${process.name}`, { view: { kind: 'process', name: process.name }, state: 'as-is' }]);
    for (const department of user(estate.departments)) views.push([`department:${department.name}`, { view: { kind: 'department', name: department.name }, state: 'as-is' }]);
    for (const system of user(estate.systems).filter(s => s.status === 'live')) views.push([`system:${system.name}`, { view: { kind: 'system', name: system.name, depth: 1 }, state: 'as-is' }]);
    return views;
}

function inside(box: Box, outer: Box): boolean {
    return box.x >= outer.x && box.x + box.width <= outer.x + outer.width && box.y >= outer.y && box.y + box.height <= outer.y + outer.height;
}

/** Every structural promise of one laid-out view, as messages (none when all hold). */
function brokenPromises(graph: DiagramGraph, layout: DiagramLayout): string[] {
    const broken: string[] = [];
    const quality = measureLayout(graph, layout);
    const counts: Array<[string, number]> = [
        ['flows not drawn', quality.undrawn], ['nodes overlapping', quality.nodeOverlaps], ['lines through a node', quality.edgeThroughNode],
        ['labels overlapping', quality.labelLabelOverlaps], ['labels on a node', quality.labelNodeOverlaps], ['lines through a label', quality.edgeThroughLabel],
        ['lines through a department title', quality.edgeThroughTitle]
    ];
    for (const [what, count] of counts) if (count > 0) broken.push(`${count} ${what}`);
    if (quality.hiddenShareAnyEdge > 0) broken.push(`${(100 * quality.hiddenShareAnyEdge).toFixed(1)} % of the line length hidden under other lines`);
    if (quality.labelDistanceWorst > 10) broken.push(`a label ${quality.labelDistanceWorst.toFixed(1)} px from its line`);
    for (const edge of graph.edges) {
        const points = layout.edges[edge.id]?.points ?? [];
        if (points.length < 2) continue;
        if (!onOutline(points[0], layout.nodes[edge.source])) broken.push(`${edge.id} does not start at ${edge.source}`);
        if (!onOutline(points[points.length - 1], layout.nodes[edge.target])) broken.push(`${edge.id} does not end at ${edge.target}`);
    }
    const picture: Box = { x: 0, y: 0, width: layout.width, height: layout.height };
    const drawn: Array<[string, Box]> = [
        ...Object.entries(layout.nodes), ...Object.entries(layout.groups),
        ...Object.entries(layout.edges).flatMap(([id, edge]): Array<[string, Box]> => edge.label ? [[`label of ${id}`, edge.label]] : [])
    ];
    for (const [id, box] of drawn) if (!inside(box, picture)) broken.push(`${id} sticks out of the picture`);
    for (const node of graph.nodes) {
        if (!layout.nodes[node.id]) broken.push(`${node.id} not placed`);
        else if (node.group && !inside(layout.nodes[node.id], layout.groups[node.group])) broken.push(`${node.id} outside its department box`);
    }
    return broken;
}

describe('every view of the samples and the test estates keeps the structural promises', () => {
    const estates = readdirSync('test/fixtures/estates').sort().map(name => `test/fixtures/estates/${name}`);
    for (const folder of ['samples/acme', 'samples/reference', ...estates]) {
        it(folder, async () => {
            const { analysis } = await loadFolder(folder);
            const layouter = new DiagramLayouter(new CountingRunner());
            const broken: string[] = [];
            const views = viewsOf(analysis.estate);
            for (const [label, options] of views) {
                const graph = buildDiagramGraph(analysis.estate, analysis.findings, options);
                broken.push(...brokenPromises(graph, await layouter.layout(graph, { timeoutMs: 60_000 })).map(message => `${label}: ${message}`));
                // The estate in a side panel beside the editor, where its pictures take other shapes.
                if (options.view.kind !== 'estate') continue;
                broken.push(...brokenPromises(graph, await layouter.layout(graph, { timeoutMs: 60_000, panel: SIDE_PANEL })).map(message => `${label} (side panel): ${message}`));
            }
            expect(views.length).toBeGreaterThan(5);
            expect(broken).toEqual([]);
        });
    }
});
