import { DocumentState, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { AnswerCache } from '../diagram/answer-cache.js';
import type { DiagramOptions, DiagramState, DiagramView, DiagramViewKind } from '../diagram/diagram-graph.js';
import { DiagramViewError } from '../diagram/graph-builder.js';
import { DiagramLayouter } from '../diagram/layout.js';
import { produceDiagram } from '../diagram/produce-diagram.js';
import { countSyntaxErrors } from '../diagram/syntax-errors.js';
import { edgeTooltip, nodeTooltip } from '../diagram/tooltips.js';
import type { Estate } from '../model/estate.js';
import { STDLIB_URI } from '../stdlib/stdlib.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { DiagramRequest, type DiagramLocation, type DiagramRequestParams, type DiagramRequestResult, type DiagramTooltip } from './protocol.js';

const VIEW_KINDS: readonly DiagramViewKind[] = ['estate', 'process', 'department', 'system'];
const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_LIST = 200;
/** The view the preview opens on. */
const OPENING_VIEW: DiagramRequestParams = { view: { kind: 'estate' }, state: 'as-is' };
/**
 * Recent answers are kept up to this much SVG text, none over the per-answer limit: many views of up
 * to about a hundred nodes (a department of the 1,000-system estate: 0.2–0.8 MB of SVG) rather than
 * a few big ones, whose layouts stay cached anyway.
 */
const CACHED_SVG = { answer: 1_000_000, total: 4_000_000 };

export type DiagramAnswers = AnswerCache<DiagramRequestResult>;

export function createDiagramAnswers(): DiagramAnswers {
    return new AnswerCache<DiagramRequestResult>(answer => answer.svg.length, CACHED_SVG);
}

/** Answers `integ/diagram` from the analysed workspace, with layouts and recent answers cached across requests. */
export function registerDiagramRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis): DiagramLayouter {
    const layouter = new DiagramLayouter();
    const answers = createDiagramAnswers();
    const { DocumentBuilder, LangiumDocuments } = shared.workspace;
    const warmUp = DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        warmUp.dispose();
        // The view the preview opens on, laid out while nobody waits: the worker starts, V8 compiles
        // ELK on a real graph (a cold worker took twice as long, measured) and the first picture is
        // ready. After the build's own listeners, so that diagnostics are not published later for it.
        setTimeout(() => {
            DocumentBuilder.waitUntil(DocumentState.Validated)
                .then(() => answerDiagramRequest(OPENING_VIEW, analysis, LangiumDocuments, layouter, answers))
                .catch(() => undefined);
        }, 0);
    });
    connection.onRequest(DiagramRequest, async (params: DiagramRequestParams, token: CancellationToken) => {
        await DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerDiagramRequest(params, analysis, LangiumDocuments, layouter, answers);
    });
    return layouter;
}

export async function answerDiagramRequest(
    params: DiagramRequestParams, analysis: WorkspaceAnalysis, documents: LangiumDocuments, layouter: DiagramLayouter, answers?: DiagramAnswers
): Promise<DiagramRequestResult> {
    const result = analysis.result;
    const { estate, findings } = result;
    const base = () => ({
        hasErrors: documents.all.some(document => document.uri.toString() !== STDLIB_URI && countSyntaxErrors(document.diagnostics ?? []) > 0),
        choices: choicesOf(estate, findings.map(f => f.ruleId))
    });
    let options: DiagramOptions;
    try {
        options = validOptions(params);
    } catch (error) {
        return { ...empty(), ...base(), error: (error as Error).message };
    }
    // The analysis result is new after every build, so an answer found under it shows the current workspace.
    const hoverTitles = params.hoverTitles !== false;
    const key = answerKey(options, hoverTitles);
    const cached = answers?.get(result, key);
    if (cached) return cached;
    try {
        const timeout = typeof params.layoutTimeoutMs === 'number' && params.layoutTimeoutMs > 0 ? Math.min(params.layoutTimeoutMs, 120_000) : DEFAULT_TIMEOUT_MS;
        const { graph, svg, fallback } = await produceDiagram(estate, findings, options, layouter, timeout, { hoverTitles });
        const locations: Record<string, DiagramLocation> = {};
        const tooltips: Record<string, DiagramTooltip> = {};
        for (const node of graph.nodes) {
            if (node.location) locations[node.id] = node.location;
            tooltips[node.id] = nodeTooltip(node);
        }
        for (const edge of graph.edges) {
            if (edge.location) locations[edge.id] = edge.location;
            tooltips[edge.id] = edgeTooltip(edge);
        }
        for (const group of graph.groups) if (group.location) locations[group.id] = group.location;
        const answer: DiagramRequestResult = {
            ...base(), svg, title: graph.title, notes: graph.notes,
            nodeCount: graph.nodes.length, edgeCount: graph.edges.length, locations, tooltips,
            expandable: graph.nodes.filter(node => node.kind === 'department').map(node => node.id)
        };
        // A stand-in picture is not remembered: the next request tries the real one again.
        if (!fallback) answers?.set(result, key, answer);
        return answer;
    } catch (error) {
        if (error instanceof DiagramViewError) return { ...empty(), ...base(), error: error.message };
        throw error;
    }
}

/** Requests that differ only in how they spell "nothing" (no expand list or an empty one) share an answer. */
function answerKey(options: DiagramOptions, hoverTitles: boolean): string {
    const { view, state, filters, expand } = options;
    return JSON.stringify([view.kind, view.name, view.depth, state, filters?.classifications ?? [], filters?.findings ?? [], expand ?? [], hoverTitles]);
}

function empty(): Omit<DiagramRequestResult, 'hasErrors' | 'choices'> {
    return { svg: '', title: '', notes: [], nodeCount: 0, edgeCount: 0, locations: {}, tooltips: {}, expandable: [] };
}

function strings(value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every(item => typeof item === 'string')) throw new Error('filters and expand must be lists of names');
    return value.slice(0, MAX_LIST);
}

/** The client is trusted only as far as the types say: anything else is a clear error, not a crash. */
function validOptions(params: DiagramRequestParams): DiagramOptions {
    const kind = params?.view?.kind;
    if (!VIEW_KINDS.includes(kind)) throw new Error(`unknown view '${String(kind)}' (use ${VIEW_KINDS.join(', ')})`);
    const name = params.view.name;
    if (name !== undefined && typeof name !== 'string') throw new Error('the view name must be text');
    const view: DiagramView = kind === 'estate' ? { kind } : { kind, name, depth: kind === 'system' ? (params.view.depth === 2 ? 2 : 1) : undefined };
    const state: DiagramState = params.state === 'to-be' ? 'to-be' : 'as-is';
    return {
        view, state,
        filters: { classifications: strings(params.filters?.classifications), findings: strings(params.filters?.findings) },
        expand: strings(params.expand)
    };
}

function choicesOf(estate: Estate, ruleIds: string[]): DiagramRequestResult['choices'] {
    const user = <T extends { source: { builtin: boolean } }>(map: Map<string, T>) =>
        [...map].filter(([, value]) => !value.source.builtin).map(([name]) => name).sort();
    return {
        processes: user(estate.processes),
        departments: user(estate.departments),
        systems: user(estate.systems),
        classifications: [...estate.classifications.keys()].sort(),
        ruleIds: [...new Set(ruleIds)].sort()
    };
}
