import { GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isFlow, isSystem, type Model } from '../generated/ast.js';
import type { IntegServices } from './lsp-services.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { flowLensTitle, lookupFor, retirementLensTitle, systemLensTitle } from './element-summary.js';

/** The command the extension registers to reveal an element in the dependency diagram; arguments: name, then 'system' or 'flow'. */
export const SHOW_IN_DIAGRAM_COMMAND = 'integ.showInDiagram';
/** The command the extension registers to show a system's neighbourhood with what retiring it would break; argument: the system's name. */
export const SHOW_RETIREMENT_IMPACT_COMMAND = 'integ.showRetirementImpact';

/**
 * Above each system and flow: its figures ("3 flows · 2 findings · 12 h/week") and "Show in diagram";
 * above a system also what retiring it would break, which opens that in the diagram.
 */
export class IntegCodeLensProvider implements CodeLensProvider {
    private readonly analysis: WorkspaceAnalysis;

    constructor(services: IntegServices) {
        this.analysis = services.analysis.WorkspaceAnalysis;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const { estate, findings } = this.analysis.result;
        const lookup = lookupFor(estate, findings);
        const lenses: CodeLens[] = [];
        for (const element of (document.parseResult.value as Model).elements ?? []) {
            if (!isSystem(element) && !isFlow(element)) continue;
            const nameNode = GrammarUtils.findNodeForProperty(element.$cstNode, 'name');
            if (!nameNode || !element.name) continue;
            const title = isSystem(element)
                ? summaryTitle(lookup.system(element.name), systemLensTitle)
                : summaryTitle(lookup.flow(element.name), flowLensTitle);
            const range = nameNode.range;
            if (title) lenses.push({ range, command: { title, command: '' } });
            lenses.push({ range, command: { title: 'Show in diagram', command: SHOW_IN_DIAGRAM_COMMAND, arguments: [element.name, isSystem(element) ? 'system' : 'flow'] } });
            const impact = isSystem(element) ? summaryTitle(lookup.system(element.name), retirementLensTitle) : undefined;
            if (impact) lenses.push({ range, command: { title: impact, command: SHOW_RETIREMENT_IMPACT_COMMAND, arguments: [element.name] } });
        }
        return lenses;
    }
}

function summaryTitle<T>(summary: T | undefined, title: (summary: T) => string): string | undefined {
    return summary ? title(summary) : undefined;
}
