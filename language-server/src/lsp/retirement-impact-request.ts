import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import type { IntegLog } from '../workspace/integ-log.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { loggedFailure } from './connection-log.js';
import { lookupFor, retirementLensTitle } from './element-summary.js';
import { RetirementImpactRequest, type RetirementImpactResult } from './protocol.js';

/** Answers `integ/retirementImpact` from the analysed workspace, once the current build is validated; a failure is also written to `log`. */
export function registerRetirementImpactRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis, log: IntegLog): void {
    connection.onRequest(RetirementImpactRequest, (params, token) => loggedFailure(log, RetirementImpactRequest.method, async () => {
        const system = (params as { system?: unknown } | undefined)?.system;
        if (typeof system !== 'string') throw new ResponseError(-32602, `${RetirementImpactRequest.method}: system names a system`);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerRetirementImpact(system, analysis);
    }));
}

/** The same figures as the system's hover and code lens: read from one summary of the analysis. */
export function answerRetirementImpact(system: string, analysis: WorkspaceAnalysis): RetirementImpactResult {
    const { estate, findings } = analysis.result;
    const summary = lookupFor(estate, findings).system(system);
    if (!summary || summary.system.source.builtin) return null;
    const { flows, processes, hoursPerWeek } = summary.ifRetired;
    return {
        system,
        summary: retirementLensTitle(summary),
        flows: flows.map(flow => flow.name),
        processes: processes.map(process => process.name),
        hoursPerWeek
    };
}
