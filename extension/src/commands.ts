import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/**
 * The extension's own commands (the diagram and roadmap previews register theirs). Exporting the
 * report runs the bundled CLI (`integ report`) over the workspace, so the file is exactly what CI
 * would produce.
 */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(
        vscode.commands.registerCommand('integ.restartServer', async () => {
            await client.restart();
            void vscode.window.showInformationMessage('Integration Architect: language server restarted.');
        }),
        vscode.commands.registerCommand('integ.exportReport', () => exportReport(context))
    );
}

interface ReportFormat { label: string; format: 'html' | 'md' | 'json'; extension: string }

const FORMATS: ReportFormat[] = [
    { label: 'HTML: the one-page brief, then the tables', format: 'html', extension: 'html' },
    { label: 'Markdown', format: 'md', extension: 'md' },
    { label: 'JSON', format: 'json', extension: 'json' }
];

async function exportReport(context: vscode.ExtensionContext): Promise<void> {
    const folder = reportFolder();
    if (!folder) {
        void vscode.window.showWarningMessage('Integration Architect: open a folder with .integ files to export a report.');
        return;
    }
    const picked = await vscode.window.showQuickPick(FORMATS.map(format => ({ ...format, description: `.${format.extension}` })), { title: 'Export report as' });
    if (!picked) return;
    const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder.uri, `integration-report.${picked.extension}`),
        filters: { [picked.label]: [picked.extension] },
        title: 'Export integration report'
    });
    if (!target) return;
    const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.cjs').fsPath;
    try {
        // The user picked this path in the save dialog (which asks before replacing a file): a symbolic link on it is their choice.
        await runNode(cli, ['report', folder.uri.fsPath, '--format', picked.format, '--output', target.fsPath, '--force'], folder.uri.fsPath);
    } catch (error) {
        void vscode.window.showErrorMessage(`Integration Architect: the report could not be written: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    const open = await vscode.window.showInformationMessage(`Report written to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (!open) return;
    // A page is for reading, in the browser (which also prints it); the text formats open in the editor.
    if (picked.format === 'html') await vscode.env.openExternal(target);
    else await vscode.window.showTextDocument(target);
}

/** The folder of the active .integ file, else the first workspace folder. */
function reportFolder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** Runs a script with the editor's own Node (Electron in Node mode), so nothing needs to be installed. */
function runNode(script: string, args: string[], cwd: string): Promise<void> {
    return new Promise((resolve, reject) => {
        execFile(process.execPath, [script, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60_000 }, (error, _stdout, stderr) => {
            if (error) reject(new Error(stderr.trim() || error.message)); else resolve();
        });
    });
}
