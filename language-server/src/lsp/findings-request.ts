import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { findingsGroups } from './findings-groups.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import type { IntegLog } from '../workspace/integ-log.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { loggedFailure } from './connection-log.js';
import {
    FINDING_STATES, FINDINGS_GROUPINGS, FINDINGS_SORTS, FindingsRequest,
    type FindingState, type FindingsGrouping, type FindingsQuery, type FindingsRequestResult, type FindingsSort
} from './protocol.js';

const MAX_TEXT = 400;

/** Answers `integ/findings` from the analysed workspace, once the current build is validated; a failure is also written to `log`. */
export function registerFindingsRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis, log: IntegLog): void {
    connection.onRequest(FindingsRequest, (params, token) => loggedFailure(log, FindingsRequest.method, async () => {
        const query = findingsQuery(params);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerFindingsRequest(query, analysis, hasSyntaxErrors(shared.workspace.LangiumDocuments.all));
    }));
}

export function answerFindingsRequest(query: FindingsQuery, analysis: WorkspaceAnalysis, hasErrors: boolean): FindingsRequestResult {
    const { estate, findings } = analysis.result;
    return { ...findingsGroups(estate, findings, query), hasErrors };
}

/** The query as the client sent it, checked field by field: a malformed one is answered as an invalid request. */
export function findingsQuery(params: unknown): FindingsQuery {
    const raw = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
    const groupBy = raw.groupBy ?? 'rule';
    const sortBy = raw.sortBy ?? 'severity';
    if (!isOneOf(FINDINGS_GROUPINGS, groupBy)) throw invalid(`groupBy is one of ${FINDINGS_GROUPINGS.join(', ')}`);
    if (!isOneOf(FINDINGS_SORTS, sortBy)) throw invalid(`sortBy is one of ${FINDINGS_SORTS.join(', ')}`);
    const states = raw.states ?? [];
    if (!Array.isArray(states) || !states.every(state => isOneOf(FINDING_STATES, state))) throw invalid(`states lists some of ${FINDING_STATES.join(', ')}`);
    const text = raw.text ?? '';
    if (typeof text !== 'string' || text.length > MAX_TEXT) throw invalid(`text is a string of at most ${MAX_TEXT} characters`);
    return { groupBy: groupBy as FindingsGrouping, sortBy: sortBy as FindingsSort, states: states as FindingState[], text };
}

function isOneOf(values: readonly string[], value: unknown): boolean {
    return typeof value === 'string' && values.includes(value);
}

function invalid(message: string): ResponseError<void> {
    return new ResponseError(-32602, `${FindingsRequest.method}: ${message}`);
}
