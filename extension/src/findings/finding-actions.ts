import * as vscode from 'vscode';
import { CodeActionKind, CodeActionRequest, LSPErrorCodes, ResponseError, type BaseLanguageClient } from 'vscode-languageclient';
import type { FindingItem } from '../../../language-server/src/lsp/protocol.js';
import { revealDeclaration } from '../preview/reveal-declaration.js';

/** Opens the file at the finding's range (only an `.integ` file of the workspace, as for a click in the diagram). */
export function revealFinding(finding: FindingItem): Promise<void> {
    return revealDeclaration({ uri: finding.uri, range: finding.range });
}

/**
 * Applies one of the server's code actions for the finding: `fix`, a quick fix other than the waiver
 * (picked from a list when there are several), or `accept`, the waiver. The server is asked for the
 * actions of exactly this finding's diagnostic, as the light bulb asks: `vscode.executeCodeActionProvider`
 * would mix in the actions of every other finding on the same name and does not say which is whose.
 */
export async function applyFindingFix(client: BaseLanguageClient, finding: FindingItem, which: 'fix' | 'accept'): Promise<void> {
    try {
        await applyAction(client, finding, which);
    } catch (error) {
        const failed = `${which === 'accept' ? 'accepting' : 'fixing'} ${finding.ruleId} on ${finding.element.name} failed`;
        client.error(failed, error, false);
        void vscode.window.showErrorMessage(`Integration Architect: ${failed}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

async function applyAction(client: BaseLanguageClient, finding: FindingItem, which: 'fix' | 'accept'): Promise<void> {
    const uri = vscode.Uri.parse(finding.uri, true);
    await vscode.workspace.openTextDocument(uri);
    const diagnostic = vscode.languages.getDiagnostics(uri).find(candidate => codeOf(candidate) === finding.ruleId && sameRange(candidate.range, finding.range));
    if (!diagnostic) {
        client.info(`${which} ${finding.ruleId} on ${finding.element.name}: no such diagnostic in ${uri.fsPath} (yet)`);
        void vscode.window.showInformationMessage(`Integration Architect: ${finding.ruleId} on ${finding.element.name} is no longer reported; the view is being updated.`);
        return;
    }
    const actions = await codeActionsFor(client, uri, diagnostic);
    const offered = actions.filter(action => (which === 'accept') === insertsWaiver(action, finding.ruleId));
    client.info(`${which} ${finding.ruleId} on ${finding.element.name}: ${offered.length} of the server's ${actions.length} quick fixes offered`);
    if (offered.length === 0) {
        void vscode.window.showInformationMessage(which === 'accept'
            ? `Integration Architect: ${finding.ruleId} on ${finding.element.name} cannot be accepted with a waiver.`
            : `Integration Architect: ${finding.ruleId} on ${finding.element.name} has no quick fix; accept it with a waiver or edit the model.`);
        return;
    }
    const chosen = offered.length === 1 ? offered[0] : (await vscode.window.showQuickPick(
        offered.map(action => ({ label: action.title, description: action.isPreferred ? 'preferred' : undefined, action })),
        { title: `Fix ${finding.ruleId} on ${finding.element.name}` }))?.action;
    if (!chosen) {
        client.info(`${which} ${finding.ruleId} on ${finding.element.name}: none picked`);
        return;
    }
    if (chosen.edit && !(await vscode.workspace.applyEdit(chosen.edit))) {
        void vscode.window.showErrorMessage(`Integration Architect: "${chosen.title}" could not be applied (the file changed?).`);
        return;
    }
    if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
    await showEdited(chosen.edit, uri);
}

/**
 * The server's quick fixes for one diagnostic. A request that meets a rebuild (the user's last edit, a
 * file saved elsewhere) is cancelled by the server; it is asked again rather than doing nothing.
 */
async function codeActionsFor(client: BaseLanguageClient, uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    const converter = client.code2ProtocolConverter;
    const params = {
        textDocument: { uri: converter.asUri(uri) },
        range: converter.asRange(diagnostic.range),
        context: { diagnostics: await converter.asDiagnostics([diagnostic]), only: [CodeActionKind.QuickFix] }
    };
    for (let attempt = 1; ; attempt++) {
        try {
            const answer = await client.sendRequest(CodeActionRequest.type, params);
            return (await client.protocol2CodeConverter.asCodeActionResult(answer ?? []))
                .filter((action): action is vscode.CodeAction => action instanceof vscode.CodeAction);
        } catch (error) {
            const cancelled = error instanceof ResponseError && [LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled, LSPErrorCodes.ContentModified].includes(error.code);
            if (!cancelled || attempt === ASK_AGAIN) throw error;
            client.info(`${CodeActionRequest.method} cancelled by a rebuild (attempt ${attempt}); asking again`);
        }
    }
}

/** How many times a cancelled quick-fix request is asked. */
const ASK_AGAIN = 3;

function sameRange(range: vscode.Range, expected: FindingItem['range']): boolean {
    return range.start.line === expected.start.line && range.start.character === expected.start.character
        && range.end.line === expected.end.line && range.end.character === expected.end.character;
}

/** Shows where the edit went: the waiver's line, to write its reason and ticket, or the fixed property. */
async function showEdited(edit: vscode.WorkspaceEdit | undefined, fallback: vscode.Uri): Promise<void> {
    const [entry] = edit?.entries() ?? [];
    const [uri, edits] = entry ?? [fallback, []];
    const document = await vscode.workspace.openTextDocument(uri);
    const start = edits[0]?.range.start ?? new vscode.Position(0, 0);
    // A waiver is appended as "\naccept …": its own line is the one after where the edit starts.
    const newLines = /^\n*/.exec(edits[0]?.newText ?? '')![0].length;
    const at = newLines > 0 ? new vscode.Position(start.line + newLines, 0) : start;
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), preserveFocus: false });
}

/** The waiver is the action that writes an `accept "<rule>" on …` declaration. */
function insertsWaiver(action: vscode.CodeAction, ruleId: string): boolean {
    const waiver = `accept ${JSON.stringify(ruleId)} on `;
    return action.edit?.entries().some(([, edits]) => edits.some(edit => edit.newText.includes(waiver))) ?? false;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    if (code === undefined) return undefined;
    return typeof code === 'object' ? String(code.value) : String(code);
}
