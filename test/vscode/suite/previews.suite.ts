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
    });
}
