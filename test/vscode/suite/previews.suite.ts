import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { integFiles, openEditor, waitFor } from './workspace-helpers.js';

function webviewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs).filter(tab => tab.input instanceof vscode.TabInputWebview);
}

function describeTabs(): string {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .map(tab => `"${tab.label}" (${tab.input instanceof vscode.TabInputWebview ? `webview ${tab.input.viewType}` : 'editor'})`).join(', ') || 'none';
}

/** The extension host prefixes view types (`mainThreadWebview-…`); the label is what the user reads. */
function findPreview(word: RegExp): vscode.Tab | undefined {
    return webviewTabs().find(tab => word.test(tab.label) || word.test((tab.input as vscode.TabInputWebview).viewType));
}

async function firstDeclared(keyword: 'system' | 'flow'): Promise<string> {
    for (const uri of await integFiles()) {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const name = new RegExp(`^\\s*${keyword}\\s+([A-Za-z_][\\w-]*)`, 'm').exec(text)?.[1];
        if (name) return name;
    }
    throw new Error(`the workspace declares no ${keyword}`);
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export function previewsSuite(): void {
    describe('preview commands', () => {
        it('"Open Diagram to the Side" and "Open Roadmap Preview" open two webview tabs', async () => {
            const commands = await vscode.commands.getCommands(true);
            for (const id of ['integ.openDiagram', 'integ.openRoadmap']) assert.ok(commands.includes(id), `command ${id} is not registered`);
            await openEditor((await integFiles())[0]);

            await vscode.commands.executeCommand('integ.openDiagram');
            const diagram = await waitFor(() => findPreview(/diagram/i), () => `no diagram webview tab; tabs: ${describeTabs()}`);
            await openEditor((await integFiles())[0]);
            await vscode.commands.executeCommand('integ.openRoadmap');
            const roadmap = await waitFor(() => findPreview(/roadmap/i), () => `no roadmap webview tab; tabs: ${describeTabs()}`);

            const identity = (tab: vscode.Tab) => `${tab.label}|${(tab.input as vscode.TabInputWebview).viewType}`;
            assert.notEqual(identity(diagram), identity(roadmap), 'diagram and roadmap share one tab');
            // Tab objects are snapshots; look the diagram up again to see it survived the second command.
            assert.ok(webviewTabs().some(tab => identity(tab) === identity(diagram)), `the diagram tab closed when the roadmap opened; tabs: ${describeTabs()}`);
        });

        it('closing the diagram while an answer is on its way posts nothing to the disposed panel', async () => {
            // The extension host reports a throw from a closed panel as an unhandled rejection, logged as a warning.
            const disposed: string[] = [];
            const note = (values: unknown[]) => {
                const text = values.map(value => value instanceof Error ? value.message : String(value)).join(' ');
                if (/Webview is disposed/i.test(text)) disposed.push(text);
            };
            const listen = (reason: unknown) => note([reason]);
            const { warn, error } = console;
            console.warn = (...values: unknown[]) => { note(values); warn(...values); };
            console.error = (...values: unknown[]) => { note(values); error(...values); };
            process.on('unhandledRejection', listen);
            try {
                // A flow opens every department of the estate: a layout long enough to close the panel before it is done.
                const asks: Array<[string, string]> = [[await firstDeclared('flow'), 'flow'], [await firstDeclared('system'), 'system']];
                for (const [name, kind] of asks) {
                    await vscode.commands.executeCommand('integ.openDiagram');
                    await waitFor(() => findPreview(/diagram/i), () => `no diagram webview tab; tabs: ${describeTabs()}`);
                    // Long enough for the page to say it is ready, not for the view asked next to be laid out.
                    await pause(1500);
                    await vscode.commands.executeCommand('integ.showInDiagram', name, kind);
                    // tabGroups.close leaves a webview panel open in code-server: close the editors instead.
                    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
                }
                await vscode.commands.executeCommand('integ.openRoadmap');
                await waitFor(() => findPreview(/roadmap/i), () => `no roadmap webview tab; tabs: ${describeTabs()}`);
                await vscode.commands.executeCommand('workbench.action.closeAllEditors');
                await pause(3000);
                assert.deepEqual(disposed, [], 'an answer was posted to a closed preview');
            } finally {
                process.off('unhandledRejection', listen);
                console.warn = warn;
                console.error = error;
            }
        });
    });
}
