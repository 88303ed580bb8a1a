import { createHash } from 'node:crypto';
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { DiagramLayouter } from '../diagram/layout.js';
import { LENSES } from '../diagram/lenses.js';
import { renderLegend, renderSvg } from '../diagram/svg-renderer.js';
import { diffEstates } from '../diff/estate-diff.js';
import { diffMarkdown } from '../diff/diff-markdown.js';
import type { Side } from '../diff/impact-diff.js';
import { todayIso } from '../model/units.js';
import { createIntegCoreServices } from '../module.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import type { IntegLog } from '../workspace/integ-log.js';
import { loadWorkspace } from '../workspace/load-workspace.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { changeGraph, layOutChangeGraph } from './change-graph.js';
import { loggedFailure } from './connection-log.js';
import { choicesOf, locationsOf } from './diagram-request.js';
import { ChangePictureRequest, type ChangePictureParams, type ChangePictureResult, type CompareBase } from './protocol.js';

const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_FILES = 10_000;
const MAX_TEXT = 64 * 1024 * 1024;

type LabelledSide = Side & { label: string };

/**
 * Answers `integ/changePicture`. The base revision is built once and kept while the reader edits (the
 * same texts are sent with every picture), in services of its own, apart from the workspace's.
 */
export function registerChangePictureRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis, log: IntegLog): void {
    const layouter = new DiagramLayouter();
    const bases = new BaseCache();
    connection.onRequest(ChangePictureRequest, (params, token) => loggedFailure(log, `${ChangePictureRequest.method} ${String(params?.base?.label)}`, async () => {
        const valid = validParams(params);
        const base = await bases.get(valid.base, valid.root);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerChangePicture(valid, base, analysis, layouter, hasSyntaxErrors(shared.workspace.LangiumDocuments.all));
    }));
}

/** The last base asked for, by its texts: a new revision (or the same one read again after a commit) builds anew. */
export class BaseCache {
    private last?: { key: string; side: Promise<LabelledSide> };

    get(base: CompareBase, root: string): Promise<LabelledSide> {
        const hash = createHash('sha256').update(root);
        for (const source of base.sources) hash.update(`\0${source.path}\0${source.text}`);
        const key = `${base.label}\0${hash.digest('hex')}`;
        if (this.last?.key !== key) this.last = { key, side: loadBase(base, root) };
        return this.last.side;
    }
}

/** The base's texts under the URIs the workspace's files have, so that a finding in an unchanged file is the same finding. */
export async function loadBase(base: CompareBase, root: string): Promise<LabelledSide> {
    const folder = root.replace(/\/?$/, '/');
    const sources = base.sources.map(source => ({ uri: folder + source.path.split('/').map(encodeURIComponent).join('/'), text: source.text }));
    const loaded = await loadWorkspace(createIntegCoreServices(), sources);
    return { label: base.label, estate: loaded.analysis.estate, findings: loaded.analysis.findings };
}

export async function answerChangePicture(
    params: ChangePictureParams, base: LabelledSide, analysis: WorkspaceAnalysis, layouter: DiagramLayouter, hasErrors: boolean
): Promise<ChangePictureResult> {
    const { estate, findings } = analysis.result;
    const head: LabelledSide = { label: 'working tree', estate, findings };
    const diff = diffEstates(base, head, todayIso());
    const markdown = diffMarkdown(diff);
    const choices = choicesOf(estate, findings.map(finding => finding.ruleId));
    const common = { hasErrors, choices, expandable: [], collapsible: [], folded: [], bundles: {} };
    if (params.picture === false) {
        return { markdown, empty: diff.summary.empty, diagram: { ...common, svg: '', legend: '', title: '', notes: [], nodeCount: 0, edgeCount: 0, locations: { files: [], at: {} } } };
    }
    const graph = changeGraph(base, head, diff);
    const timeoutMs = typeof params.layoutTimeoutMs === 'number' && params.layoutTimeoutMs > 0 ? Math.min(params.layoutTimeoutMs, 120_000) : DEFAULT_TIMEOUT_MS;
    // One key per compared revision: an edit starts from the last layout, so the picture does not reshuffle.
    const layout = await layOutChangeGraph(graph, layouter, { timeoutMs, panel: params.panel, viewKey: `change:${base.label}` });
    const svgOptions = { hoverTitles: params.hoverTitles !== false, chrome: params.chrome !== false, lens: params.lens ?? 'style' };
    const unlabelled = graph.edges.some(edge => layout.edges[edge.id] && !layout.edges[edge.id].label);
    return {
        markdown, empty: diff.summary.empty,
        diagram: {
            ...common, svg: renderSvg({ graph, layout }, svgOptions), legend: renderLegend(graph, unlabelled, svgOptions.lens),
            title: graph.title, notes: graph.notes, nodeCount: graph.nodes.length, edgeCount: graph.edges.length, locations: locationsOf(graph)
        }
    };
}

/** The client is trusted only as far as the types say. */
function validParams(params: ChangePictureParams | undefined): ChangePictureParams {
    const invalid = (why: string) => new ResponseError(-32602, `${ChangePictureRequest.method}: ${why}`);
    const base = params?.base;
    if (typeof params?.root !== 'string') throw invalid('root is the workspace folder\'s URI');
    if (typeof base?.label !== 'string' || !Array.isArray(base.sources) || base.sources.length > MAX_FILES) throw invalid('base is a label and a list of sources');
    let size = 0;
    for (const source of base.sources) {
        if (typeof source?.path !== 'string' || typeof source.text !== 'string' || source.path.split('/').includes('..')) throw invalid('each source is a relative path and its text');
        size += source.text.length;
    }
    if (size > MAX_TEXT) throw invalid('the base is larger than 64 MB');
    if (params.lens !== undefined && !LENSES.includes(params.lens)) throw invalid(`unknown lens '${String(params.lens)}'`);
    return params;
}
