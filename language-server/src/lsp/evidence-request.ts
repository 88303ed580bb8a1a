import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { listedPicture } from '../diagram/listed-picture.js';
import { compileEvidence } from '../evidence/compile-evidence.js';
import type { FindingPlace } from '../evidence/finding-text.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import type { IntegLog } from '../workspace/integ-log.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { loggedFailure } from './connection-log.js';
import { EVIDENCE_FORMATS, EVIDENCE_KINDS, EvidenceRequest, type EvidenceRequestParams, type EvidenceRequestResult } from './protocol.js';

/** Answers `integ/evidence` from the analysed workspace, once the current build is validated; a failure is also written to `log`. */
export function registerEvidenceRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis, log: IntegLog): void {
    connection.onRequest(EvidenceRequest, (params, token) => loggedFailure(log, EvidenceRequest.method, async () => {
        const valid = validParams(params);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerEvidenceRequest(valid, analysis, hasSyntaxErrors(shared.workspace.LangiumDocuments.all));
    }));
}

/**
 * The document `integ evidence <kind> --format <format>` writes, from the same compilers and
 * renderers; a finding's place is its workspace-relative path when the client named the root.
 */
export async function answerEvidenceRequest(params: EvidenceRequestParams, analysis: WorkspaceAnalysis, hasErrors: boolean): Promise<EvidenceRequestResult> {
    const { estate, findings } = analysis.result;
    const prefix = params.root === undefined ? undefined : params.root.replace(/\/?$/, '/');
    const shown = (uri: string) => prefix !== undefined && uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : uri;
    const place: FindingPlace = finding => `${shown(finding.uri)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    const compiled = compileEvidence(params.kind, estate, findings, place);
    if (params.format === 'csv') return { text: compiled.csv(), hasErrors };
    if (params.format === 'md') return { text: compiled.markdown(), hasErrors };
    const figure = compiled.figure;
    const svg = figure ? (await listedPicture(estate, findings, figure, 'findings')).svg : undefined;
    return { text: compiled.html(svg && figure ? { svg, caption: figure.caption } : undefined), hasErrors };
}

function validParams(params: EvidenceRequestParams | undefined): EvidenceRequestParams {
    const kind = params?.kind;
    const format = params?.format;
    if (!(EVIDENCE_KINDS as readonly unknown[]).includes(kind)) throw new ResponseError(-32602, `${EvidenceRequest.method}: kind is one of ${EVIDENCE_KINDS.join(', ')}`);
    if (!(EVIDENCE_FORMATS as readonly unknown[]).includes(format)) throw new ResponseError(-32602, `${EvidenceRequest.method}: format is one of ${EVIDENCE_FORMATS.join(', ')}`);
    const root = params?.root;
    if (root !== undefined && typeof root !== 'string') throw new ResponseError(-32602, `${EvidenceRequest.method}: root is a folder's URI`);
    return { kind: kind!, format: format!, root };
}
