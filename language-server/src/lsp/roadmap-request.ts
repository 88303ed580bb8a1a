import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { countSyntaxErrors } from '../diagram/syntax-errors.js';
import { roadmapFragment } from '../roadmap/roadmap-html.js';
import { roadmapReport } from '../roadmap/roadmap-report.js';
import { todayIso } from '../model/units.js';
import { STDLIB_URI } from '../stdlib/stdlib.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { RoadmapRequest, type DiagramLocation, type RoadmapRequestParams, type RoadmapRequestResult } from './protocol.js';

/** Answers `integ/roadmap` from the analysed workspace, once the current build is validated. */
export function registerRoadmapRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis): void {
    connection.onRequest(RoadmapRequest, async (params: RoadmapRequestParams, token: CancellationToken) => {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        const hasErrors = shared.workspace.LangiumDocuments.all.some(document =>
            document.uri.toString() !== STDLIB_URI && countSyntaxErrors(document.diagnostics ?? []) > 0);
        return answerRoadmapRequest(params, analysis, hasErrors);
    });
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
