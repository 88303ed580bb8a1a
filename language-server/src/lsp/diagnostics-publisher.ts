import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { STDLIB_URI } from '../stdlib/stdlib.js';
import { sameValue } from '../workspace/same-value.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { asPublished } from './accepted-findings.js';
import { ruleDocLinksOf, withRuleDocLink, type RuleDocLinks } from './rule-doc-links.js';

/**
 * After every build, publishes for each document its own diagnostics plus the workspace-level ones
 * (duplicate names, rule findings), and only for documents whose diagnostics changed: an edit in one
 * file updates the findings shown in another file without touching it. A finding's code links to
 * its rule's section of the rules reference, on the web or through the client's command (see
 * rule-doc-links.ts), as the client asked when it initialised; an accepted finding is a hint
 * (accepted-findings.ts).
 */
export class DiagnosticsPublisher {
    private readonly published = new Map<string, Diagnostic[]>();
    ruleDocLinks: RuleDocLinks = 'web';

    constructor(private readonly shared: LangiumSharedServices, private readonly analysis: WorkspaceAnalysis, private readonly connection: Connection) {
        shared.lsp.LanguageServer.onInitialize(params => { this.ruleDocLinks = ruleDocLinksOf(params.initializationOptions); });
        const builder = shared.workspace.DocumentBuilder;
        builder.onBuildPhase(DocumentState.Validated, () => this.publish());
        builder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                const key = uri.toString();
                if (this.published.delete(key)) {
                    void this.connection.sendDiagnostics({ uri: key, diagnostics: [] });
                }
            }
        });
    }

    private publish(): void {
        const workspace = this.analysis.result.diagnostics;
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const uri = document.uri.toString();
            if (uri === STDLIB_URI) continue;
            const diagnostics = this.combine(document, workspace.get(uri));
            const previous = this.published.get(uri);
            if (previous && sameValue(previous, diagnostics)) continue;
            this.published.set(uri, diagnostics);
            void this.connection.sendDiagnostics({ uri, diagnostics });
        }
    }

    private combine(document: LangiumDocument, workspaceDiagnostics: Diagnostic[] | undefined): Diagnostic[] {
        const findings = (workspaceDiagnostics ?? []).map(diagnostic => withRuleDocLink(asPublished(diagnostic), this.ruleDocLinks));
        return [...(document.diagnostics ?? []), ...findings];
    }
}
