import * as vscode from 'vscode';
import { workspaceDocumentUri } from './workspace-uri.js';

export interface DeclarationLocation {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * Opens a declaration the server located for a click in a preview. The webview only names elements;
 * even so the location is opened only when it is an `.integ` document of the workspace or one
 * already open in the editor, never any other file.
 */
export async function revealDeclaration(location: DeclarationLocation): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).map(folder => folder.uri.toString());
    const open = vscode.workspace.textDocuments.some(document => document.uri.toString() === location.uri && document.languageId === 'integ');
    const allowed = workspaceDocumentUri(location.uri, folders) ?? (open ? vscode.Uri.parse(location.uri, true) : undefined);
    if (!allowed) return;
    const { start, end } = location.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(allowed.toString(), true));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: range, preserveFocus: false });
}
