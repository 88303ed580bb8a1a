import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { dataLineage, lineageFacts } from '../analysis/data-lineage.js';
import { resolveFollow } from '../model/followed-data.js';
import type { IntegLog } from '../workspace/integ-log.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { loggedFailure } from './connection-log.js';
import { LineageRequest, type LineageRequestParams, type LineageRequestResult } from './protocol.js';

/** Answers `integ/lineage` from the analysed workspace, once the current build is validated; a failure is also written to `log`. */
export function registerLineageRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis, log: IntegLog): void {
    connection.onRequest(LineageRequest, (params, token) => loggedFailure(log, LineageRequest.method, async () => {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerLineageRequest(params, analysis);
    }));
}

/** The same lineage `integ lineage` and the MCP tool give, from the same function. */
export function answerLineageRequest(params: LineageRequestParams | undefined, analysis: WorkspaceAnalysis): LineageRequestResult {
    const { estate, findings } = analysis.result;
    const data = typeof params?.data === 'string' ? params.data.trim() : '';
    if (data === '') return { error: 'Name an entity or a field: Customer or Customer.email.' };
    const followed = resolveFollow(estate, data);
    if (typeof followed === 'string') return { error: followed };
    return lineageFacts(dataLineage(estate, followed, findings));
}
