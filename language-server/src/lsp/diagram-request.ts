import { DocumentState, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { AnswerCache } from '../diagram/answer-cache.js';
import { isBundle, type DiagramGraph, type DiagramOptions, type DiagramState, type DiagramView, type SourceRef } from '../diagram/diagram-graph.js';
import { buildDiagramGraph, DiagramViewError, sourceRef } from '../diagram/graph-builder.js';
import { DiagramLayouter } from '../diagram/layout.js';
import { LENSES, type Lens } from '../diagram/lenses.js';
import { panelShape } from '../diagram/panel-shape.js';
import { produceDiagram } from '../diagram/produce-diagram.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import { tooltipOf } from '../diagram/tooltips.js';
import type { Estate } from '../model/estate.js';
import { flowId, systemId } from '../diagram/element-ids.js';
import { DIAGRAM_VIEW_KINDS, isViewKind } from '../diagram/view-kinds.js';
import { describeError, SILENT_LOG, type IntegLog } from '../workspace/integ-log.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { loggedFailure } from './connection-log.js';
import {
    DiagramRequest, DiagramTooltipRequest,
    type DiagramLocations, type DiagramRequestParams, type DiagramRequestResult, type DiagramTooltipParams, type DiagramTooltipResult
} from './protocol.js';

const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_LIST = 200;
const MAX_NAME = 400;
/** Entities and fields offered to follow: enough for any picker, a bounded part of every answer. */
const MAX_DATA_CHOICES = 1_000;
/** The view the preview opens on, asked for as the preview asks. */
const OPENING_VIEW: DiagramRequestParams = { view: { kind: 'estate' }, state: 'as-is', hoverTitles: false, chrome: false };
/**
 * Recent answers are kept up to this much SVG text, none over the per-answer limit: many views of up
 * to about a hundred nodes (a department of a large estate) rather than a few big ones, whose layouts
 * stay cached anyway.
 */
const CACHED_SVG = { answer: 1_000_000, total: 4_000_000 };

/** One diagram as answered, with the graph its tooltips are read from. */
interface AnsweredDiagram {
    answer: DiagramRequestResult;
    graph: DiagramGraph;
    /** A stand-in picture (the layout failed or took too long): kept for hovers, never answered again. */
    fallback: boolean;
}

/**
 * Recent diagrams per analysed state of the workspace. A diagram too big to keep whole still leaves
 * its graph (one per state), so that hovering over it does not build the graph again and again.
 */
export class DiagramAnswers {
    private readonly recent = new AnswerCache<AnsweredDiagram>(entry => entry.answer.svg.length, CACHED_SVG);
    private readonly lastGraph = new WeakMap<object, { key: string; graph: DiagramGraph }>();

    answer(owner: object, key: string): DiagramRequestResult | undefined {
        const entry = this.recent.get(owner, key);
        return entry && !entry.fallback ? entry.answer : undefined;
    }

    graph(owner: object, key: string): DiagramGraph | undefined {
        const last = this.lastGraph.get(owner);
        return this.recent.get(owner, key)?.graph ?? (last?.key === key ? last.graph : undefined);
    }

    set(owner: object, key: string, entry: AnsweredDiagram): void {
        this.recent.set(owner, key, entry);
        this.lastGraph.set(owner, { key, graph: entry.graph });
    }

    setGraph(owner: object, key: string, graph: DiagramGraph): void {
        this.lastGraph.set(owner, { key, graph });
    }
}

export function createDiagramAnswers(): DiagramAnswers {
    return new DiagramAnswers();
}

/**
 * Answers `integ/diagram` from the analysed workspace, with layouts and recent answers cached across
 * requests. A failure is answered as an error and written to `log` with the request that failed.
 */
export function registerDiagramRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis, log: IntegLog): DiagramLayouter {
    const layouter = new DiagramLayouter();
    const answers = createDiagramAnswers();
    const { DocumentBuilder, LangiumDocuments } = shared.workspace;
    const warmUp = DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        warmUp.dispose();
        // The view the preview opens on, laid out while nobody waits: the worker starts, V8 compiles
        // ELK on a real graph (a cold worker is much slower, docs/performance.md) and the first
        // picture is ready. Then the overview with two departments opened, the reader's next step:
        // in a large estate that takes the other layout path (department by department), compiled
        // now as well. After the build's own listeners, so that diagnostics are not published later.
        setTimeout(() => {
            DocumentBuilder.waitUntil(DocumentState.Validated)
                .then(() => answerDiagramRequest(OPENING_VIEW, analysis, LangiumDocuments, layouter, answers, log))
                .then(opening => opening.expandable.length < 2 ? undefined
                    : answerDiagramRequest({ ...OPENING_VIEW, expand: opening.expandable.slice(0, 2) }, analysis, LangiumDocuments, layouter, answers, log))
                .catch(error => log.error(`${DiagramRequest.method}: laying out the opening view ahead of time failed: ${describeError(error)}`));
        }, 0);
    });
    connection.onRequest(DiagramRequest, (params, token) => loggedFailure(log, `${DiagramRequest.method} ${describeView(params)}`, async () => {
        await DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerDiagramRequest(params, analysis, LangiumDocuments, layouter, answers, log);
    }));
    connection.onRequest(DiagramTooltipRequest, (params, token) => loggedFailure(log, `${DiagramTooltipRequest.method} ${describeView(params?.diagram)}`, async () => {
        await DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerTooltipRequest(params, analysis, answers, log, layouter);
    }));
    return layouter;
}

export async function answerDiagramRequest(
    params: DiagramRequestParams, analysis: WorkspaceAnalysis, documents: LangiumDocuments, layouter: DiagramLayouter, answers?: DiagramAnswers, log: IntegLog = SILENT_LOG
): Promise<DiagramRequestResult> {
    const result = analysis.result;
    const { estate, findings } = result;
    const base = () => ({
        hasErrors: hasSyntaxErrors(documents.all),
        choices: choicesOf(estate, findings.map(f => f.ruleId))
    });
    let request: ValidRequest;
    try {
        request = validRequest(params);
    } catch (error) {
        return { ...empty(), ...base(), error: (error as Error).message };
    }
    const { options, svg: svgOptions, panel } = request;
    // The analysis result is new after every build, so an answer found under it shows the current workspace.
    const key = answerKey(request);
    const cached = answers?.answer(result, key);
    if (cached) return cached;
    try {
        const timeout = typeof params.layoutTimeoutMs === 'number' && params.layoutTimeoutMs > 0 ? Math.min(params.layoutTimeoutMs, 120_000) : DEFAULT_TIMEOUT_MS;
        const { graph, svg, legend, fallback, layoutError } = await produceDiagram(estate, findings, options, layouter, { timeoutMs: timeout, panel, viewKey: viewKey(options) }, svgOptions);
        if (layoutError !== undefined) log.error(`${DiagramRequest.method} ${describeView(params)}: the layout failed, a grid is shown instead: ${describeError(layoutError)}`);
        const answer: DiagramRequestResult = {
            ...base(), svg, legend, title: graph.title, notes: graph.notes,
            nodeCount: graph.nodes.length, edgeCount: graph.edges.length, locations: locationsOf(graph, name => sourceRef(estate.flows.get(name)?.source)), bundles: bundlesOf(graph),
            expandable: graph.nodes.filter(node => node.kind === 'department').map(node => node.id),
            collapsible: graph.groups.filter(group => group.collapsible).map(group => group.id),
            folded: graph.nodes.flatMap(node => (node.members ?? []).map(name => ({ id: systemId(name), title: estate.systems.get(name)?.title ?? name, department: node.id })))
        };
        answers?.set(result, key, { answer, graph, fallback });
        return answer;
    } catch (error) {
        if (error instanceof DiagramViewError) return { ...empty(), ...base(), error: error.message };
        throw error;
    }
}

/**
 * `integ/diagramTooltip`: read from the diagram the preview shows, which the server normally still
 * has. After a build, or for a diagram it did not keep, the graph is built again (no layout needed).
 */
export function answerTooltipRequest(
    params: DiagramTooltipParams, analysis: WorkspaceAnalysis, answers: DiagramAnswers, log: IntegLog = SILENT_LOG, layouter?: DiagramLayouter
): DiagramTooltipResult {
    if (typeof params?.id !== 'string') return null;
    const result = analysis.result;
    try {
        const request = validRequest(params.diagram);
        const key = answerKey(request);
        let graph = answers.graph(result, key);
        if (!graph) {
            // Near a size threshold the view keeps the form the preview drew it in (layout-size.ts).
            graph = buildDiagramGraph(result.estate, result.findings, { ...request.options, before: layouter?.formOf(viewKey(request.options)) });
            answers.setGraph(result, key, graph);
        }
        return tooltipOf(graph, params.id) ?? null;
    } catch (error) {
        // Bad parameters, or a view that no longer exists, show nothing; anything else is a fault worth a log line.
        if (!(error instanceof InvalidDiagramRequest || error instanceof DiagramViewError)) {
            log.error(`${DiagramTooltipRequest.method} ${describeView(params.diagram)} ${params.id}: ${describeError(error)}`);
        }
        return null;
    }
}

/** `flowAt` locates the flows a bundled line stands for, each under its own line's id. */
export function locationsOf(graph: DiagramGraph, flowAt?: (name: string) => SourceRef | undefined): DiagramLocations {
    const files: string[] = [];
    const fileIndex = new Map<string, number>();
    const at: DiagramLocations['at'] = {};
    const add = (id: string, location: SourceRef | undefined) => {
        if (!location) return;
        let file = fileIndex.get(location.uri);
        if (file === undefined) {
            file = files.push(location.uri) - 1;
            fileIndex.set(location.uri, file);
        }
        const { start, end } = location.range;
        at[id] = [file, start.line, start.character, end.line, end.character];
    };
    for (const node of graph.nodes) add(node.id, node.location);
    for (const edge of graph.edges) add(edge.id, edge.location);
    for (const group of graph.groups) add(group.id, group.location);
    if (flowAt) for (const edge of graph.edges) if (isBundle(edge)) for (const name of edge.flows) add(flowId(name), flowAt(name));
    return { files, at };
}

/** The flows of each line that stands for several (a bundle), under their own lines' ids. */
export function bundlesOf(graph: DiagramGraph): Record<string, string[]> {
    const bundles: Record<string, string[]> = {};
    for (const edge of graph.edges) if (isBundle(edge)) bundles[edge.id] = edge.flows.map(flowId);
    return bundles;
}

/** The view a layout belongs to across edits: what it shows, not how it is coloured or dimmed. */
function viewKey(options: DiagramOptions): string {
    const { view, state, filters, expand } = options;
    return JSON.stringify([view.kind, view.name, view.depth, state, filters?.classifications ?? [], filters?.findings ?? [], expand ?? []]);
}

/** Requests that differ only in how they spell "nothing" (no expand list or an empty one) share an answer. */
function answerKey(request: ValidRequest): string {
    const { options, svg, panel } = request;
    const shape = panelShape(panel);
    return JSON.stringify([viewKey(options), options.follow ?? '', svg.hoverTitles, svg.chrome, svg.lens, shape.width, shape.height]);
}

function empty(): Omit<DiagramRequestResult, 'hasErrors' | 'choices'> {
    return { svg: '', legend: '', title: '', notes: [], nodeCount: 0, edgeCount: 0, locations: { files: [], at: {} }, expandable: [], collapsible: [], folded: [], bundles: {} };
}

/** Parameters the types do not allow: answered as an error, not logged as a fault of the server. */
class InvalidDiagramRequest extends Error {}

/** The view asked for, as a log line names it (`process:OrderToCash`). */
function describeView(params: DiagramRequestParams | undefined): string {
    const view = params?.view;
    return view?.name === undefined ? String(view?.kind) : `${String(view.kind)}:${view.name}`;
}

function strings(value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every(item => typeof item === 'string')) throw new InvalidDiagramRequest('filters and expand must be lists of names');
    return value.slice(0, MAX_LIST);
}

interface ValidRequest {
    options: DiagramOptions;
    svg: { hoverTitles: boolean; chrome: boolean; lens: Lens };
    panel?: { width: number; height: number };
}

/** The client is trusted only as far as the types say: anything else is a clear error, not a crash. */
function validRequest(params: DiagramRequestParams): ValidRequest {
    const kind = params?.view?.kind;
    if (!isViewKind(kind)) throw new InvalidDiagramRequest(`unknown view '${String(kind)}' (use ${DIAGRAM_VIEW_KINDS.join(', ')})`);
    const name = params.view.name;
    if (name !== undefined && typeof name !== 'string') throw new InvalidDiagramRequest('the view name must be text');
    const view: DiagramView = kind === 'estate' ? { kind } : { kind, name, depth: kind === 'system' ? (params.view.depth === 2 ? 2 : 1) : undefined };
    const state: DiagramState = params.state === 'to-be' ? 'to-be' : 'as-is';
    const follow = params.follow;
    if (follow !== undefined && (typeof follow !== 'string' || follow.length > MAX_NAME)) throw new InvalidDiagramRequest('follow names an entity or Entity.field');
    const lens = params.lens === undefined ? 'style' : params.lens;
    if (!LENSES.includes(lens)) throw new InvalidDiagramRequest(`unknown lens '${String(lens)}' (use ${LENSES.join(', ')})`);
    const size = params.panel;
    const panel = size && Number.isFinite(size.width) && Number.isFinite(size.height) && size.width > 0 && size.height > 0
        ? { width: size.width, height: size.height }
        : undefined;
    return {
        options: {
            view, state,
            filters: { classifications: strings(params.filters?.classifications), findings: strings(params.filters?.findings) },
            expand: strings(params.expand),
            follow: follow || undefined
        },
        svg: { hoverTitles: params.hoverTitles !== false, chrome: params.chrome !== false, lens },
        panel
    };
}

export function choicesOf(estate: Estate, ruleIds: string[]): DiagramRequestResult['choices'] {
    const user = <T extends { source: { builtin: boolean } }>(map: Map<string, T>) =>
        [...map].filter(([, value]) => !value.source.builtin).map(([name]) => name).sort();
    const entities = [...estate.entities.values()].filter(entity => !entity.source.builtin).sort((a, b) => a.name.localeCompare(b.name));
    const data = [
        ...entities.map(entity => entity.name),
        ...entities.flatMap(entity => entity.fields.filter(field => field.classification !== undefined).map(field => `${entity.name}.${field.name}`))
    ].slice(0, MAX_DATA_CHOICES);
    return {
        processes: user(estate.processes),
        departments: user(estate.departments),
        systems: user(estate.systems),
        classifications: [...estate.classifications.keys()].sort(),
        ruleIds: [...new Set(ruleIds)].sort(),
        data
    };
}
