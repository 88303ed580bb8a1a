import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ESTATE_TEMPLATE } from './estate-template.js';

/**
 * "Import Inventory…", "Export Model As…" and "New Estate…": the first hour of a user. Import and
 * export run the bundled CLI (`integ import` / `integ export`), so the editor writes exactly what
 * the command line and CI would, with the same refusals (no overwrite without asking).
 */
export function registerExchangeCommands(context: vscode.ExtensionContext): void {
    const output = vscode.window.createOutputChannel('Integration Architect: Import');
    context.subscriptions.push(
        output,
        vscode.commands.registerCommand('integ.importInventory', () => importInventory(context, output)),
        vscode.commands.registerCommand('integ.exportModel', () => exportModel(context)),
        vscode.commands.registerCommand('integ.newEstate', () => newEstate())
    );
}

interface PresetPick extends vscode.QuickPickItem { preset?: string }

const PRESETS: PresetPick[] = [
    { label: 'Guess the columns', description: 'any spreadsheet; the summary says what was guessed' },
    { label: 'ServiceNow', description: 'cmdb_ci_business_app / cmdb_ci_appl and cmdb_rel_ci list exports', preset: 'servicenow' },
    { label: 'SAP LeanIX', description: 'Application, Interface and DataObject fact-sheet exports', preset: 'leanix' },
    { label: 'Archi (CSV)', description: 'elements.csv, relations.csv, properties.csv', preset: 'archi' }
];

function formatOf(files: readonly vscode.Uri[]): 'csv' | 'xlsx' | 'archimate' | undefined {
    const extensions = new Set(files.map(file => path.extname(file.fsPath).toLowerCase()));
    if (extensions.size !== 1) return undefined;
    const [extension] = extensions;
    return extension === '.csv' || extension === '.txt' ? 'csv' : extension === '.xlsx' ? 'xlsx' : extension === '.xml' ? 'archimate' : undefined;
}

async function importInventory(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<void> {
    const files = await vscode.window.showOpenDialog({
        canSelectMany: true, title: 'Import inventory: the exported files',
        filters: { 'Inventories and ArchiMate': ['csv', 'xlsx', 'xml'] }
    });
    if (!files || files.length === 0) return;
    const format = formatOf(files);
    if (!format) {
        void vscode.window.showErrorMessage('Integration Architect: pick files of one kind: CSV files, one Excel workbook, or one ArchiMate exchange file (.xml).');
        return;
    }
    const preset = format === 'archimate' ? undefined : await vscode.window.showQuickPick(PRESETS.filter(pick => format === 'csv' || pick.preset !== 'archi'), { title: 'Which tool exported these files?' });
    if (format !== 'archimate' && !preset) return;
    const folders = await vscode.window.showOpenDialog({
        canSelectFolders: true, canSelectFiles: false, title: 'Import inventory: the folder the model is written to',
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: 'Write the model here'
    });
    if (!folders || folders.length === 0) return;
    const target = folders[0].fsPath;
    const args = ['import', format, ...files.map(file => file.fsPath), '-o', target, ...(preset?.preset ? ['--preset', preset.preset] : [])];
    const run = () => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Importing the inventory…' }, () => runCli(context, args, target));
    let result = await run();
    if (result.code === 2 && /--force/.test(result.stderr)) {
        const answer = await vscode.window.showWarningMessage(`${result.stderr.trim()}\n\nReplace those files?`, { modal: true }, 'Replace');
        if (answer !== 'Replace') return;
        args.push('--force');
        result = await run();
    }
    output.clear();
    output.append(result.stdout + result.stderr);
    if (result.code !== 0) {
        output.show(true);
        void vscode.window.showErrorMessage(`Integration Architect: the import failed: ${result.stderr.trim().split('\n')[0]}`);
        return;
    }
    const firstAnalysis = result.stdout.trim().split('\n').at(-1)?.replace(/; open the diagram with .*$/, '') ?? 'imported';
    const answer = await vscode.window.showInformationMessage(`Integration Architect: ${firstAnalysis}.`, 'Open Diagram', 'Show Summary');
    if (answer === 'Show Summary') output.show(true);
    if (answer === 'Open Diagram') {
        const first = (await vscode.workspace.findFiles(new vscode.RelativePattern(target, '*.integ'), undefined, 1))[0];
        if (first) await vscode.window.showTextDocument(first);
        await vscode.commands.executeCommand('integ.openDiagram');
    }
}

interface ExportPick extends vscode.QuickPickItem { format: string; extension: string }

const EXPORTS: ExportPick[] = [
    { label: 'ArchiMate exchange file', description: 'Archi and other ArchiMate tools, with the diagram views', format: 'archimate', extension: 'xml' },
    { label: 'draw.io', description: 'diagrams.net, with our layout', format: 'drawio', extension: 'drawio' },
    { label: 'Mermaid', description: 'a flowchart for Markdown wikis', format: 'mermaid', extension: 'mmd' },
    { label: 'LikeC4', description: 'LikeC4 DSL', format: 'likec4', extension: 'c4' },
    { label: 'Structurizr', description: 'Structurizr DSL', format: 'structurizr', extension: 'dsl' },
    { label: 'CycloneDX SaaSBOM', description: 'CycloneDX 1.6 JSON: services and data flows', format: 'cyclonedx', extension: 'cdx.json' },
    { label: 'CSV tables', description: 'applications, interfaces and data objects (integ import csv reads them back)', format: 'csv', extension: '' }
];

async function exportModel(context: vscode.ExtensionContext): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        void vscode.window.showWarningMessage('Integration Architect: open a folder with .integ files to export it.');
        return;
    }
    const picked = await vscode.window.showQuickPick(EXPORTS, { title: 'Export the model as' });
    if (!picked) return;
    const target = picked.format === 'csv'
        ? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'Folder for the CSV tables', defaultUri: folder.uri, openLabel: 'Export here' }))?.[0]
        : await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder.uri, `estate.${picked.extension}`), title: `Export as ${picked.label}` });
    if (!target) return;
    // The user picked this path in a save dialog, which asks before replacing a file: a link there is their choice.
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting as ${picked.label}…` },
        () => runCli(context, ['export', picked.format, folder.uri.fsPath, '-o', target.fsPath, '--force'], folder.uri.fsPath));
    if (result.code !== 0) {
        void vscode.window.showErrorMessage(`Integration Architect: the export failed: ${result.stderr.trim().split('\n')[0]}`);
        return;
    }
    const open = picked.format === 'csv' ? undefined : await vscode.window.showInformationMessage(`Exported to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (open) await vscode.window.showTextDocument(target);
}

async function newEstate(): Promise<void> {
    const folders = await vscode.window.showOpenDialog({
        canSelectFolders: true, canSelectFiles: false, title: 'New estate: an empty folder for the starter model',
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: 'Create the estate here'
    });
    if (!folders || folders.length === 0) return;
    const folder = folders[0];
    const present = await vscode.workspace.fs.readDirectory(folder);
    const models = present.filter(([name]) => name.endsWith('.integ'));
    if (models.length > 0) {
        void vscode.window.showWarningMessage(`Integration Architect: ${folder.fsPath} already holds ${models.length} .integ file(s); pick an empty folder for a new estate.`);
        return;
    }
    for (const [name, text] of Object.entries(ESTATE_TEMPLATE)) {
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    }
    const first = vscode.Uri.joinPath(folder, 'systems.integ');
    if (!vscode.workspace.getWorkspaceFolder(first)) {
        const answer = await vscode.window.showInformationMessage('Integration Architect: the starter estate is written. Open its folder?', 'Open Folder');
        if (answer) await vscode.commands.executeCommand('vscode.openFolder', folder);
        return;
    }
    await vscode.window.showTextDocument(first);
}

interface CliResult { code: number; stdout: string; stderr: string }

/** Runs the bundled CLI with the editor's own Node (Electron in Node mode), so nothing needs to be installed. */
function runCli(context: vscode.ExtensionContext, args: string[], cwd: string): Promise<CliResult> {
    const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.cjs').fsPath;
    return new Promise(resolve => {
        execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 5 * 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
            resolve({ code, stdout, stderr: stderr || (error && code !== 1 && code !== 2 ? error.message : '') });
        });
    });
}
