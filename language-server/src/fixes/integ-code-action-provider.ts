import type { LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { findingDataOf } from '../workspace/finding-diagnostics.js';
import { findDeclaration } from './declaration-lookup.js';
import { fixesAt, fixesFor, type FixProposal } from './rule-fixes.js';
import { acceptFix, canWaive } from './waiver-fix.js';
import { todayIso } from '../model/units.js';
import { suggestionsOf } from '../parser/suggestion-data.js';

/**
 * Quick fixes for rule findings, keyed by the diagnostic's rule id, plus "accept" for any finding;
 * and for a misspelt name or keyword, one per suggestion, replacing the word.
 */
export class IntegCodeActionProvider implements CodeActionProvider {
    /** `documents`: the workspace's documents, for fixes whose edit belongs in another file. */
    constructor(private readonly clock: () => string = todayIso, private readonly documents?: LangiumDocuments) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const only = params.context.only;
        if (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind))) return undefined;
        const uri = document.uri.toString();
        const text = document.textDocument.getText();
        const model = document.parseResult.value as Model;
        const actions: CodeAction[] = [];
        const others = () => (this.documents?.all ?? []).filter(other => other.uri.toString() !== uri)
            .map(other => ({ uri: other.uri.toString(), text: other.textDocument.getText(), root: other.parseResult.value }));
        for (const diagnostic of params.context.diagnostics) {
            suggestionsOf(diagnostic).forEach((word, index) => actions.push({
                title: `Change to '${word}'`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: index === 0 || undefined,
                edit: { changes: { [uri]: [{ range: diagnostic.range, newText: word }] } }
            }));
            const data = findingDataOf(diagnostic);
            if (!data || data.accepted) continue;
            const node = findDeclaration(model, data.element);
            const proposals: FixProposal[] = node ? fixesFor(data.ruleId, { text, node, data, others }) : fixesAt(data.ruleId, diagnostic.range, data);
            if (canWaive(data.element)) proposals.push(acceptFix(text, data.ruleId, data.element, this.clock()));
            for (const proposal of proposals) {
                actions.push({
                    title: proposal.title,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    isPreferred: proposal.preferred || undefined,
                    edit: { changes: { [uri]: proposal.edits, ...proposal.elsewhere } }
                });
            }
        }
        return actions;
    }
}
