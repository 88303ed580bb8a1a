import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ChangePictureRequest, type CompareBase } from '../../language-server/src/lsp/protocol.js';
import { integPaths, revisionChoices, type Comparison } from './compare-base.js';
import { OPEN_DIAGRAM_VIEW_COMMAND } from './preview/diagram-panel.js';
import type { DiagramViewOptions } from './preview/diagram-messages.js';

const RECENT_COMMITS = 20;
const MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * "Integration: Compare with…": pick HEAD, a local branch or a recent commit; the diagram preview
 * shows the change from it to the workspace as it stands (and follows each edit), and its Markdown
 * summary (`integ diff <revision> --format md`) opens beside it. The revision's `.integ` files are
 * read with `git show` here, since the language server starts no process of its own for the editor.
 */
export function registerCompareCommand(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand('integ.compareWith', () => compareWith(client)));
}

async function compareWith(client: BaseLanguageClient): Promise<void> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') {
        void vscode.window.showWarningMessage('Integration Architect: open a folder of .integ files in a git repository to compare it with a revision.');
        return;
    }
    const cwd = folder.uri.fsPath;
    let base: CompareBase;
    try {
        const [branches, commits] = await Promise.all([
            git(['for-each-ref', '--format=%(refname:short)', 'refs/heads'], cwd),
            git(['log', `-n${RECENT_COMMITS}`, '--format=%h%x09%s'], cwd)
        ]);
        const picked = await vscode.window.showQuickPick(revisionChoices(branches, commits), { title: 'Compare the workspace with', matchOnDescription: true });
        if (!picked) return;
        base = { label: picked.revision, sources: await readRevision(picked.revision, cwd) };
    } catch (error) {
        void vscode.window.showErrorMessage(`Integration Architect: git could not be read in ${folder.name}: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    const comparison: Comparison = { base, root: folder.uri.toString() };
    let markdown: string;
    try {
        ({ markdown } = await client.sendRequest(ChangePictureRequest, { ...comparison, picture: false }));
    } catch (error) {
        void vscode.window.showErrorMessage(`Integration Architect: the change could not be computed: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    const summary = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(summary, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    // Every department the change touches is opened by the server; the view itself is the whole estate.
    const options: DiagramViewOptions = { view: { kind: 'estate' }, state: 'as-is', filters: {}, expand: [] };
    await vscode.commands.executeCommand(OPEN_DIAGRAM_VIEW_COMMAND, options, undefined, comparison);
}

/** The `.integ` files of one revision under the folder, from git's objects: no checkout, nothing written. */
async function readRevision(revision: string, cwd: string): Promise<CompareBase['sources']> {
    const paths = integPaths(await git(['ls-tree', '-r', '-z', '--name-only', revision, '--', '.'], cwd));
    // `./` makes the path relative to the folder, as ls-tree printed it.
    return Promise.all(paths.map(async path => ({ path, text: await git(['show', `${revision}:./${path}`], cwd) })));
}

/** git without a shell; a revision never starts with `-` here (they come from git's own lists), so no option can be smuggled in. */
function git(args: string[], cwd: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT, windowsHide: true }, (error, stdout, stderr) => {
            if (error) reject(new Error(String(stderr || error.message).trim().split('\n')[0]));
            else resolve(stdout);
        });
    });
}
