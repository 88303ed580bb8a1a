import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import { roadmapFragment } from '../roadmap/roadmap-html.js';
import { roadmapReport } from '../roadmap/roadmap-report.js';
import { todayIso } from '../model/units.js';
import type { IntegLog } from '../workspace/integ-log.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { loggedFailure } from './connection-log.js';
import { RoadmapRequest, type DiagramLocation, type RoadmapRequestParams, type RoadmapRequestResult } from './protocol.js';

/** Answers `integ/roadmap` from the analysed workspace, once the current build is validated; a failure is also written to `log`. */
export function registerRoadmapRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis, log: IntegLog): void {
    connection.onRequest(RoadmapRequest, (params, token) => loggedFailure(log, RoadmapRequest.method, async () => {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerRoadmapRequest(params, analysis, hasSyntaxErrors(shared.workspace.LangiumDocuments.all));
    }));
}

export function answerRoadmapRequest(params: RoadmapRequestParams | undefined, analysis: WorkspaceAnalysis, hasErrors: boolean): RoadmapRequestResult {
    const today = typeof params?.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.today) ? params.today : todayIso();
    const { estate, findings } = analysis.result;
    const report = roadmapReport(estate, { today, findings });
    // No prototype: an initiative named `__proto__` or `constructor` is an entry like any other.
    const locations: Record<string, DiagramLocation> = Object.create(null);
    for (const initiative of estate.initiatives.values()) {
        locations[initiative.name] = { uri: initiative.source.uri, range: initiative.source.nameRange };
    }
    return { report, fragment: roadmapFragment(report.schedule, report.impact), hasErrors, locations };
}
