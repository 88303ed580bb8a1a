/**
 * `npm run diagram:quality`: readability figures of every diagram view of every sample and of
 * generated estates, computed from the laid-out geometry (language-server/src/diagram/layout-quality.ts).
 * A report, not a test: the layout tests assert the invariants; these are the figures to read.
 */
import '../language-server/src/node-polyfills.cjs';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXPAND_ALL, type DiagramOptions, type DiagramLayout, type LaidOutDiagram } from '../language-server/src/diagram/diagram-graph.js';
import { renderSvg } from '../language-server/src/diagram/svg-renderer.js';
import type { ElkNode } from '../language-server/src/diagram/elk-types.js';
import { buildDiagramGraph } from '../language-server/src/diagram/graph-builder.js';
import { DiagramLayouter, type LayoutRunner } from '../language-server/src/diagram/layout.js';
import { displacement, fittedTitlePx, measureLayout, type LayoutQuality } from '../language-server/src/diagram/layout-quality.js';
import { parsePanel, REFERENCE_PANEL, type PanelSize } from '../language-server/src/diagram/panel-shape.js';
import type { Estate, Flow, System } from '../language-server/src/model/estate.js';
import type { Finding } from '../language-server/src/rules/finding.js';
import { createIntegCoreServices } from '../language-server/src/module.js';
import { loadWorkspace, type SourceText } from '../language-server/src/workspace/load-workspace.js';
import { generateEstate, scaledOptions } from './gen-estate.js';

interface Elk { layout(graph: unknown): Promise<unknown> }

/** ELK in this thread: the figures are about geometry, not about keeping a server responsive. */
class InProcessRunner implements LayoutRunner {
    private readonly elk: Elk;
    constructor(projectRoot: string) {
        const ELK = createRequire(join(projectRoot, 'package.json'))('elkjs/lib/elk.bundled.js') as new () => Elk;
        this.elk = new ELK();
    }
    async run(graph: ElkNode): Promise<ElkNode> {
        return await this.elk.layout(graph) as ElkNode;
    }
    dispose(): void {}
}

/** A mistake in the command line: its message is the whole answer, without a stack. */
export class UsageError extends Error {
    override readonly name = 'UsageError';
}

interface Args { only?: string; folders: string[]; stability: number; seed: number; dump?: string; panel: PanelSize; openEach: boolean }

function parseArgs(argv: string[]): Args {
    const args: Args = { folders: [], stability: 10, seed: 1, panel: REFERENCE_PANEL, openEach: false };
    for (let i = 0; i < argv.length; i++) {
        const value = () => argv[++i];
        const whole = () => {
            const text = value();
            if (!/^\d+$/.test(text ?? '')) throw new UsageError(`${argv[i - 1]} needs a whole number (got '${text ?? ''}')`);
            return Number(text);
        };
        switch (argv[i]) {
            case '--only': args.only = value(); break;
            case '--folder': args.folders.push(value() ?? '.'); break;
            case '--stability': args.stability = whole(); break;
            case '--seed': args.seed = whole(); break;
            case '--dump': args.dump = value(); break;
            case '--panel': args.panel = panelOf(value()); break;
            case '--open-each': args.openEach = true; break;
            default: throw new UsageError(`unknown option ${argv[i]} (use --only <name>, --folder <path>, --stability <additions>, --seed <n>, --dump <folder>, --panel <width>x<height>, --open-each)`);
        }
    }
    return args;
}

/** `800x1000`: the panel the views are laid out for and their titles measured in (a side panel, say). */
function panelOf(text: string | undefined): PanelSize {
    const panel = parsePanel(text ?? '');
    if (!panel) throw new UsageError(`--panel needs <width>x<height> in pixels, e.g. 800x1000 (got '${text}')`);
    return panel;
}

function integFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? integFiles(path) : name.endsWith('.integ') ? [path] : [];
    });
}

interface Subject {
    name: string;
    sources: SourceText[];
    /** Only the estate views (the overview, and its largest departments opened): an estate too large for a view per system. */
    estateViewsOnly?: boolean;
}

function subjects(root: string, only: string | undefined, folders: readonly string[]): Subject[] {
    const read = (name: string, files: string[]): Subject => ({ name, sources: files.map(file => ({ uri: pathToFileURL(file).toString(), text: readFileSync(file, 'utf8') })) });
    // An estate of one's own, measured alone: the views any model gets, the same table.
    if (folders.length > 0) {
        return folders.map(folder => {
            const files = existsSync(resolve(folder)) ? integFiles(resolve(folder)) : [];
            if (files.length === 0) throw new UsageError(`--folder ${folder}: no .integ file there`);
            return read(folder, files);
        });
    }
    const list: Subject[] = [];
    // The samples, and estates written to measure the layout on models it was not tuned on.
    for (const folder of ['samples', 'test/fixtures/estates']) {
        for (const name of readdirSync(join(root, folder)).sort()) {
            const files = integFiles(join(root, folder, name));
            if (files.length > 0) list.push(read(`${folder}/${name}`, files));
        }
    }
    const generated = (name: string, estate: ReturnType<typeof generateEstate>, estateViewsOnly?: boolean): Subject =>
        ({ name, estateViewsOnly, sources: estate.files.map(file => ({ uri: `file:///${name}/${file.name}`, text: file.text })) });
    for (const systems of [50, 150]) list.push(generated(`generated-${systems}`, generateEstate(scaledOptions(systems, { files: 4, seed: 11 }))));
    // The benchmark's estate: its overview and departments opened in it, laid out department by department.
    if (!only || 'generated-1000'.includes(only)) list.push(generated('generated-1000', generateEstate(), true));
    return only ? list.filter(subject => subject.name.includes(only)) : list;
}

interface View { label: string; options: DiagramOptions }

/** `openEach`: the overview with each department opened in turn, not only the largest. */
function viewsOf(estate: Estate, estateViewsOnly = false, openEach = false): View[] {
    const user = <T extends { source: { builtin: boolean } }>(map: Map<string, T>) => [...map.values()].filter(value => !value.source.builtin);
    const views: View[] = [{ label: 'estate', options: { view: { kind: 'estate' }, state: 'as-is' } }];
    // The overview with its largest department opened: how a reader first drills in.
    const sizes = new Map<string, number>();
    for (const system of user(estate.systems)) if (system.department) sizes.set(system.department, (sizes.get(system.department) ?? 0) + 1);
    const largest = [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([department]) => department);
    if (estateViewsOnly) {
        for (const count of [1, 2, 4]) views.push({ label: `estate, ${largest.slice(0, count).join(', ')} open`, options: { view: { kind: 'estate' }, state: 'as-is', expand: largest.slice(0, count) } });
        return views;
    }
    views.push({ label: 'estate, all open', options: { view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] } });
    views.push({ label: 'estate to-be', options: { view: { kind: 'estate' }, state: 'to-be' } });
    for (const department of openEach ? largest : largest.slice(0, 1)) views.push({ label: `estate, ${department} open`, options: { view: { kind: 'estate' }, state: 'as-is', expand: [department] } });
    for (const process of user(estate.processes)) views.push({ label: `process:${process.name}`, options: { view: { kind: 'process', name: process.name }, state: 'as-is' } });
    for (const department of user(estate.departments)) views.push({ label: `department:${department.name}`, options: { view: { kind: 'department', name: department.name }, state: 'as-is' } });
    for (const system of user(estate.systems).filter(s => s.status === 'live')) views.push({ label: `system:${system.name}`, options: { view: { kind: 'system', name: system.name, depth: 1 }, state: 'as-is' } });
    return views;
}

/** A small, seeded random source, so that every run adds the same elements. */
function random(seed: number): () => number {
    let state = seed >>> 0 || 1;
    return () => {
        state ^= state << 13; state >>>= 0;
        state ^= state >>> 17;
        state ^= state << 5; state >>>= 0;
        return state / 0x100000000;
    };
}

/**
 * The estate with one element added to a view: a new system (with one flow to or from a system
 * the view shows, or holds in a closed department) or a new flow between two such systems.
 */
function withAddition(estate: Estate, shown: string[], next: () => number, serial: number, process?: string): Estate {
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const systems = new Map(estate.systems);
    const flows = new Map(estate.flows);
    const anchor = estate.systems.get(pick(shown))!;
    const template = [...estate.flows.values()].find(flow => flow.status === 'live' && !flow.source.builtin)!;
    const flow = (name: string, source: string, target: string): Flow => ({
        ...template, name, title: `Added flow ${serial}`, sourceSystem: source, targetSystem: target, twoWay: false,
        style: pick(['api', 'manual', 'batch', 'file'] as const), status: 'live', effortHoursPerWeek: undefined
    });
    const name = `AddedFlow${serial}`;
    if (shown.length < 2 || next() < 0.5) {
        const system: System = { ...anchor, name: `Added${serial}`, title: `Added system ${serial}`, shadow: false, status: 'live', stores: [], edits: [] };
        systems.set(system.name, system);
        const outgoing = next() < 0.5;
        flows.set(name, flow(name, outgoing ? anchor.name : system.name, outgoing ? system.name : anchor.name));
    } else {
        let other = pick(shown);
        while (other === anchor.name) other = pick(shown);
        flows.set(name, flow(name, anchor.name, other));
    }
    // A process shows its steps: the new flow becomes one, so that the view changes.
    const processes = new Map(estate.processes);
    const changed = process ? processes.get(process) : undefined;
    if (changed) processes.set(changed.name, { ...changed, steps: [...changed.steps, name] });
    return { ...estate, systems, flows, processes };
}

/** The picture before and after an addition that moved something far, to look at. */
function dumpPair(folder: string, name: string, before: LaidOutDiagram, after: LaidOutDiagram): void {
    mkdirSync(folder, { recursive: true });
    const file = name.replace(/[^\w.-]+/g, '_');
    writeFileSync(join(folder, `${file}-before.svg`), renderSvg(before));
    writeFileSync(join(folder, `${file}-after.svg`), renderSvg(after));
}

interface Stability {
    mean: number; worst: number; alignedMean: number; alignedWorst: number;
    /** The pictures after the additions: things drawn over each other (summed), and the worst mean detour. */
    editOverlaps: number; editDetour: number;
}
interface Row { subject: string; view: string; quality: LayoutQuality; shape: string; ms: number; stability?: Stability }

/** Which of the layout's shapes a view got, and which way its flows run. */
function shapeOf(layout: DiagramLayout): string {
    const shape = layout.departmentGrid ? 'grid' : layout.wrap ? 'rows' : layout.layerBound ? 'bounded' : layout.packedLabels ? 'packed' : 'layers';
    return `${shape} ${layout.direction === 'DOWN' ? '↓' : '→'}${layout.narrowLabels ? ' narrow' : ''}`;
}

function fmt(value: number, digits = 1): string {
    return value.toFixed(digits);
}

function printRows(rows: Row[]): void {
    const header = ['view', 'nodes', 'edges', 'cross', 'hidden %', 'hidden any %', 'bends', 'detour mean/worst', 'edge∩node', 'edge∩dept or title', 'lbl∩lbl', 'lbl∩node', 'edge∩lbl', 'lbl dist', 'aspect', 'title px', 'shape', 'moved mean/worst', 'raw mean/worst', 'after edits: overlaps, detour', 'ms'];
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---').join('|')}|`);
    for (const { view, quality: q, shape, ms, stability } of rows) {
        console.log(`| ${[
            view, q.nodes, q.edges, q.crossings, fmt(100 * q.hiddenShare), fmt(100 * q.hiddenShareAnyEdge), fmt(q.bendsPerEdge),
            `${fmt(q.detourMean, 2)}/${fmt(q.detourWorst, 2)}`, q.edgeThroughNode, q.edgeThroughGroup + q.edgeThroughTitle, q.labelLabelOverlaps, q.labelNodeOverlaps,
            q.edgeThroughLabel, fmt(q.labelDistanceWorst), fmt(q.aspect), fmt(q.titlePx), shape,
            stability ? `${fmt(stability.alignedMean, 2)}/${fmt(stability.alignedWorst, 2)}` : '', stability ? `${fmt(stability.mean, 2)}/${fmt(stability.worst, 2)}` : '',
            stability ? `${stability.editOverlaps}, ${fmt(stability.editDetour, 2)}` : '', Math.round(ms)
        ].join(' | ')} |`);
    }
}

function summary(rows: Row[]): void {
    const worst = (pick: (row: Row) => number) => Math.max(...rows.map(pick));
    const mean = (pick: (row: Row) => number) => rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
    const small = rows.filter(row => row.quality.nodes <= 20);
    const mid = rows.filter(row => row.quality.nodes <= 30);
    const stable = rows.filter(row => row.stability);
    console.log([
        `${rows.length} views: hidden ≤ ${fmt(100 * worst(r => r.quality.hiddenShare))} % (any edge ${fmt(100 * worst(r => r.quality.hiddenShareAnyEdge))} %)`,
        `bends/edge ≤ ${fmt(worst(r => r.quality.bendsPerEdge))} (mean ${fmt(mean(r => r.quality.bendsPerEdge))})`,
        `detour mean ≤ ${fmt(worst(r => r.quality.detourMean), 2)}, worst ${fmt(worst(r => r.quality.detourWorst), 2)}`,
        `overlaps ${rows.reduce((s, r) => s + r.quality.edgeThroughNode + r.quality.labelLabelOverlaps + r.quality.labelNodeOverlaps + r.quality.edgeThroughLabel + r.quality.nodeOverlaps + r.quality.edgeThroughGroup + r.quality.edgeThroughTitle, 0)}`,
        `label distance ≤ ${fmt(worst(r => r.quality.labelDistanceWorst))} px`,
        mid.length > 0 ? `aspect (≤ 30 nodes) ≤ ${fmt(Math.max(...mid.map(r => r.quality.aspect)))}` : '',
        small.length > 0 ? `title px (≤ 20 nodes) ≥ ${fmt(Math.min(...small.map(r => r.quality.titlePx)))}` : '',
        stable.length > 0 ? `moved mean ≤ ${fmt(Math.max(...stable.map(r => r.stability!.alignedMean)), 2)}, worst ≤ ${fmt(Math.max(...stable.map(r => r.stability!.alignedWorst)), 2)} (raw ${fmt(Math.max(...stable.map(r => r.stability!.mean)), 2)}/${fmt(Math.max(...stable.map(r => r.stability!.worst)), 2)})` : '',
        stable.length > 0 ? `after edits: overlaps ${stable.reduce((sum, r) => sum + r.stability!.editOverlaps, 0)}, detour mean ≤ ${fmt(Math.max(...stable.map(r => r.stability!.editDetour)), 2)}` : ''
    ].filter(Boolean).join('; '));
}

async function measureSubject(subject: Subject, args: Args, projectRoot: string): Promise<Row[]> {
    const { analysis } = await loadWorkspace(createIntegCoreServices(), subject.sources);
    const estate = analysis.estate;
    const findings: readonly Finding[] = analysis.findings;
    const rows: Row[] = [];
    const layouter = new DiagramLayouter(new InProcessRunner(projectRoot));
    try {
        for (const view of viewsOf(estate, subject.estateViewsOnly, args.openEach)) {
            const graph = buildDiagramGraph(estate, findings, view.options);
            if (graph.nodes.length === 0) continue;
            const viewKey = view.label;
            const started = performance.now();
            const { panel } = args;
            const layout: DiagramLayout = await layouter.layout(graph, { timeoutMs: 120_000, viewKey, panel });
            const ms = performance.now() - started;
            const row: Row = { subject: subject.name, view: view.label, quality: { ...measureLayout(graph, layout), titlePx: fittedTitlePx(layout, panel) }, shape: shapeOf(layout), ms };
            if (args.stability > 0 && graph.nodes.length <= 150) {
                const next = random(args.seed * 7919 + rows.length);
                // A closed department shows its systems in its box and its bundles: an addition there changes the view too.
                const shown = graph.nodes.flatMap(node => node.kind === 'system' ? [node.name] : node.members ?? []);
                const process = view.options.view.kind === 'process' ? view.options.view.name : undefined;
                const moves: Stability[] = [];
                for (let i = 0; i < args.stability && shown.length > 0; i++) {
                    // The reader has the base picture on screen when the edit comes; near a size threshold the view keeps its form, as in the preview.
                    await layouter.layout(graph, { timeoutMs: 120_000, viewKey, panel });
                    const after = buildDiagramGraph(withAddition(estate, shown, next, i, process), findings, { ...view.options, before: layouter.formOf(viewKey) });
                    const afterLayout = await layouter.layout(after, { timeoutMs: 120_000, viewKey, panel });
                    const moved = displacement(graph, layout, afterLayout);
                    const edited = measureLayout(after, afterLayout);
                    const editOverlaps = edited.edgeThroughNode + edited.edgeThroughGroup + edited.edgeThroughTitle + edited.nodeOverlaps + edited.labelLabelOverlaps + edited.labelNodeOverlaps + edited.edgeThroughLabel;
                    moves.push({ ...moved, editOverlaps, editDetour: edited.detourMean });
                    if (args.dump && (moved.alignedWorst > 2 || editOverlaps > 0)) dumpPair(args.dump, `${subject.name}-${view.label}-${i}`, { graph, layout }, { graph: after, layout: afterLayout });
                }
                if (moves.length > 0) {
                    const mean = (pick: (m: Stability) => number) => moves.reduce((s, m) => s + pick(m), 0) / moves.length;
                    row.stability = {
                        mean: mean(m => m.mean), worst: Math.max(...moves.map(m => m.worst)),
                        alignedMean: mean(m => m.alignedMean), alignedWorst: Math.max(...moves.map(m => m.alignedWorst)),
                        editOverlaps: moves.reduce((sum, m) => sum + m.editOverlaps, 0), editDetour: Math.max(...moves.map(m => m.editDetour))
                    };
                }
            }
            rows.push(row);
        }
    } finally {
        layouter.dispose();
    }
    return rows;
}

export async function main(argv: string[], projectRoot: string): Promise<void> {
    const args = parseArgs(argv);
    for (const subject of subjects(projectRoot, args.only, args.folders)) {
        console.log(`\n## ${subject.name} (${subject.sources.length} file${subject.sources.length === 1 ? '' : 's'})\n`);
        const rows = await measureSubject(subject, args, projectRoot);
        printRows(rows);
        console.log('');
        summary(rows);
    }
}
