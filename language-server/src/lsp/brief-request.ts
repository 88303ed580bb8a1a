import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { NO_DEPARTMENT } from '../analysis/department-figures.js';
import { inventory } from '../model/inventory.js';
import { todayIso } from '../model/units.js';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import { BRIEF_CSS, briefHtml } from '../report/brief-html.js';
import { estateBrief } from '../report/estate-brief.js';
import type { IntegLog } from '../workspace/integ-log.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { loggedFailure } from './connection-log.js';
import { BriefRequest, type BriefRequestParams, type BriefRequestResult } from './protocol.js';

/** Answers `integ/brief` from the analysed workspace, once the current build is validated; a failure is also written to `log`. */
export function registerBriefRequest(connection: Connection, shared: LangiumSharedServices, analysis: WorkspaceAnalysis, log: IntegLog): void {
    connection.onRequest(BriefRequest, (params, token) => loggedFailure(log, BriefRequest.method, async () => {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return answerBriefRequest(params, analysis, hasSyntaxErrors(shared.workspace.LangiumDocuments.all));
    }));
}

/** The same figures and markup as the report's first page, from the same functions. */
export function answerBriefRequest(params: BriefRequestParams | undefined, analysis: WorkspaceAnalysis, hasErrors: boolean): BriefRequestResult {
    const today = typeof params?.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.today) ? params.today : todayIso();
    const { estate, findings } = analysis.result;
    const brief = estateBrief(estate, findings, today);
    const { systems, flows } = inventory(estate);
    const subtitle = `${plural(systems, 'system')}, ${plural(flows.live, 'live flow')}; as of ${today}. Click a department in the heat map to open its diagram.`;
    // The heat map's rows: the unassigned row (no name) opens nothing.
    const departments = brief.departments.map(row => row.department).filter(name => name !== NO_DEPARTMENT);
    // The panel has no detail tables: the rows a chart leaves out are in the exported report.
    return { html: briefHtml(brief, subtitle, 'in the report (Integration: Export Report…)'), css: BRIEF_CSS, departments, hasErrors };
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
