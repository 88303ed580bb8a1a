import { createRequire } from 'node:module';
import type { ELK as Elk } from 'elkjs';
import { URI, type FileSystemNode, type FileSystemProvider, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagramOptions } from '../../../language-server/src/diagram/diagram-graph.js';
import type { ElkNode } from '../../../language-server/src/diagram/elk-types.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { gridLayout } from '../../../language-server/src/diagram/grid-layout.js';
import { DiagramLayouter, type LayoutRunner } from '../../../language-server/src/diagram/layout.js';
import { renderSvg } from '../../../language-server/src/diagram/svg-renderer.js';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import type { IntegCoreServices } from '../../../language-server/src/workspace/integ-services.js';
import { renderGanttSvg } from '../../../language-server/src/roadmap/gantt-svg.js';
import { roadmapHtmlPage } from '../../../language-server/src/roadmap/roadmap-html.js';
import { roadmapMarkdown } from '../../../language-server/src/roadmap/roadmap-markdown.js';
import { roadmapReport } from '../../../language-server/src/roadmap/roadmap-report.js';
import { STDLIB_TEXT, STDLIB_URI } from '../../../language-server/src/stdlib/stdlib.js';
import type { AnalysisResult } from '../../../language-server/src/workspace/workspace-analysis.js';

/**
 * Views above this many nodes get the grid layout instead of ELK: in-process ELK takes 1–2 s for the
 * acme estate view (37 nodes), which would swamp the per-case bound. The product runs ELK in a worker
 * with its own timeout and grid fallback (diagram/produce-diagram.ts); small views still go through ELK.
 */
const MAX_LAYOUT_NODES = 20;
const TODAY = '2026-11-26';

/** Files served from memory so a changed document is rebuilt the way the language server rebuilds it. */
class MemoryFileSystem implements FileSystemProvider {
    readonly files = new Map<string, string>([[STDLIB_URI, STDLIB_TEXT]]);

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    statSync(uri: URI): FileSystemNode {
        if (!this.files.has(uri.toString())) throw new Error(`no such file ${uri.toString()}`);
        return { isFile: true, isDirectory: false, uri };
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.files.has(uri.toString());
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readFileSync(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`no such file ${uri.toString()}`);
        return text;
    }

    async readDirectory(): Promise<FileSystemNode[]> {
        return [];
    }

    readDirectorySync(): FileSystemNode[] {
        return [];
    }
}

const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => Elk;

class InProcessRunner implements LayoutRunner {
    private readonly elk = new ELK();

    async run(graph: ElkNode): Promise<ElkNode> {
        return await this.elk.layout(graph as never) as unknown as ElkNode;
    }

    dispose(): void {}
}

/** A diagnostic position outside its document: what an editor would misplace or reject. */
export function rangeProblems(text: string, diagnostics: readonly Diagnostic[]): string[] {
    const lines = text.split(/\r\n|\r|\n/);
    const problems: string[] = [];
    for (const d of diagnostics) {
        for (const p of [d.range.start, d.range.end]) {
            if (p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines[p.line].length) {
                problems.push(`${p.line}:${p.character} outside the document (${lines.length} lines) for "${d.message}"`);
            }
        }
    }
    return problems;
}

export interface Built {
    documents: LangiumDocument[];
    analysis: AnalysisResult;
}

export interface CaseResult {
    /** Diagnostics per document URI (language + workspace analysis). */
    diagnostics: Map<string, Diagnostic[]>;
    /** Every diagnostic that lies outside its document. */
    rangeProblems: string[];
    svgLength: number;
    roadmapLength: number;
}

/**
 * One set of Langium services reused for every fuzz case: a case replaces the text of one file
 * (as an editor change would) and runs everything downstream of the model — estate, rules,
 * diagram graph, layout, SVG, roadmap schedule, impact and renderings.
 */
export class FuzzWorkspace {
    private readonly fs = new MemoryFileSystem();
    private readonly services: { shared: LangiumSharedCoreServices; integ: IntegCoreServices };
    private readonly layouter = new DiagramLayouter(new InProcessRunner(), 64);
    private readonly originals = new Map<string, string>();
    private dirty = new Set<string>();

    private constructor() {
        this.services = createIntegCoreServices({ fileSystemProvider: () => this.fs });
    }

    /** A workspace holding the given files (URI → text) and the standard library. */
    static async create(files: Record<string, string> = {}): Promise<FuzzWorkspace> {
        const workspace = new FuzzWorkspace();
        for (const [uri, text] of Object.entries(files)) {
            workspace.fs.files.set(uri, text);
            workspace.originals.set(uri, text);
        }
        await workspace.services.shared.workspace.DocumentBuilder.update([...workspace.fs.files.keys()].map(uri => URI.parse(uri)), []);
        return workspace;
    }

    /** Replaces `uri` with `text` (restoring whatever the previous case changed) and runs the pipeline. */
    async run(uri: string, text: string): Promise<CaseResult> {
        await this.rebuild(uri, text);
        return this.downstream();
    }

    /** Replaces `uri` with `text` (restoring whatever the previous case changed) and rebuilds: the state an editor change leaves. */
    async rebuild(uri: string, text: string): Promise<Built> {
        const changed = new Set([...this.dirty, uri]);
        for (const previous of this.dirty) this.fs.files.set(previous, this.originals.get(previous)!);
        this.fs.files.set(uri, text);
        // Only a changed sample file needs restoring; a file of the case alone is simply replaced by the next case.
        this.dirty = new Set(this.originals.has(uri) && this.originals.get(uri) !== text ? [uri] : []);
        await this.services.shared.workspace.DocumentBuilder.update([...changed].map(u => URI.parse(u)), []);
        return this.built();
    }

    /** The current documents and analysis. */
    built(): Built {
        return { documents: this.userDocuments(), analysis: this.services.integ.analysis.WorkspaceAnalysis.result };
    }

    private async downstream(): Promise<CaseResult> {
        const analysis = this.services.integ.analysis.WorkspaceAnalysis.result;
        const diagnostics = new Map<string, Diagnostic[]>();
        const problems: string[] = [];
        for (const document of this.userDocuments()) {
            const key = document.uri.toString();
            const list = [...(document.diagnostics ?? []), ...(analysis.diagnostics.get(key) ?? [])];
            diagnostics.set(key, list);
            problems.push(...rangeProblems(document.textDocument.getText(), list).map(p => `${key}: ${p}`));
        }
        let svgLength = 0;
        const views: DiagramOptions[] = [
            { view: { kind: 'estate' }, state: 'as-is' },
            { view: { kind: 'estate' }, state: 'to-be' }
        ];
        const firstSystem = [...analysis.estate.systems.values()].find(system => !system.source.builtin);
        if (firstSystem) views.push({ view: { kind: 'system', name: firstSystem.name, depth: 2 }, state: 'as-is' });
        for (const options of views) {
            const graph = buildDiagramGraph(analysis.estate, analysis.findings, options);
            const layout = graph.nodes.length > MAX_LAYOUT_NODES ? gridLayout(graph) : await this.layouter.layout(graph);
            svgLength += renderSvg({ graph, layout }).length;
        }
        const report = roadmapReport(analysis.estate, { today: TODAY, findings: analysis.findings });
        const roadmapLength = renderGanttSvg(report.schedule).length
            + roadmapHtmlPage(report.schedule, report.impact).length
            + roadmapMarkdown(report.schedule, report.impact).length;
        return { diagnostics, rangeProblems: problems, svgLength, roadmapLength };
    }

    private userDocuments(): LangiumDocument[] {
        return this.services.shared.workspace.LangiumDocuments.all.filter(d => d.uri.toString() !== STDLIB_URI).toArray();
    }
}
