import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'vitest';
import { EXPAND_ALL, type DiagramOptions } from '../../../language-server/src/diagram/diagram-graph.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { measureLayout } from '../../../language-server/src/diagram/layout-quality.js';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { CountingRunner } from './helpers.js';
import { generateEstate, scaledOptions } from '../../../scripts/gen-estate.js';
import { groupTitleBox } from '../../../language-server/src/diagram/node-sizing.js';
import { segmentThroughBox } from '../../../language-server/src/diagram/layout-quality.js';
const ROOT = new URL('../../../', import.meta.url).pathname;
function integFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => { const p = join(dir, name); return statSync(p).isDirectory() ? integFiles(p) : name.endsWith('.integ') ? [p] : []; });
}
const len = (ps: {x:number;y:number}[]) => ps.slice(1).reduce((s, p, i) => s + Math.hypot(p.x - ps[i].x, p.y - ps[i].y), 0);
it('dbg', async () => {
    const folder = process.env.DBG_FOLDER ?? 'samples/acme';
    const gen = process.env.DBG_GEN ? generateEstate(scaledOptions(Number(process.env.DBG_GEN), { files: 4, seed: 11 })) : undefined;
    const sources = gen ? gen.files.map(file => ({ uri: `file:///g/${file.name}`, text: file.text })) : integFiles(join(ROOT, folder)).map(file => ({ uri: pathToFileURL(file).toString(), text: readFileSync(file, 'utf8') }));
    const { analysis } = await loadWorkspace(createIntegCoreServices(), sources);
    const options = JSON.parse(process.env.DBG_VIEW!) as DiagramOptions;
    if (process.env.DBG_EXPAND) options.expand = process.env.DBG_EXPAND === 'all' ? [EXPAND_ALL] : process.env.DBG_EXPAND.split(',');
    const graph = buildDiagramGraph(analysis.estate, analysis.findings, options);
    const layout = await new DiagramLayouter(new CountingRunner()).layout(graph, { timeoutMs: 60_000 });
    console.log(layout.direction, layout.width, layout.height, JSON.stringify(measureLayout(graph, layout)));
    const titles = graph.groups.map(g => [g.id, groupTitleBox(layout.groups[g.id], g)] as const);
    for (const e of graph.edges) { const ps = layout.edges[e.id].points; for (let i = 1; i < ps.length; i++) for (const [g, t] of titles) if (segmentThroughBox(ps[i-1], ps[i], t)) console.log('TITLE', e.id, 'run', i - 1, 'of', ps.length - 1, g, JSON.stringify(t), ps.map(p => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ')); }
    if (process.env.DBG_QUIET) return;
    for (const e of graph.edges) {
        const ps = layout.edges[e.id].points; const a = ps[0], b = ps[ps.length - 1];
        console.log(e.id.padEnd(40), (len(ps) / Math.hypot(a.x - b.x, a.y - b.y)).toFixed(2), ps.map(p => `${Math.round(p.x)},${Math.round(p.y)}`).join(' '));
    }
    for (const [id, n] of Object.entries(layout.nodes)) console.log(id, Math.round(n.x), Math.round(n.y), n.width, n.height);
}, 60000);
