import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RoadmapRequest, type RoadmapRequestResult } from '../../../language-server/src/lsp/protocol.js';
import { roadmapHtmlPage } from '../../../language-server/src/roadmap/roadmap-html.js';
import { onModelChanged } from './model-changed-events.js';
import { parseRoadmapMessage, type RoadmapFromWebview, type RoadmapToWebview } from './roadmap-messages.js';
import { revealDeclaration } from './reveal-declaration.js';
import { roadmapWebviewHtml } from './roadmap-webview-html.js';

const VIEW_TYPE = 'integ.roadmap';

class RoadmapPanel {
    static current: RoadmapPanel | undefined;
    private last: RoadmapRequestResult | undefined;
    private disposed = false;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly panel: vscode.WebviewPanel, private readonly client: BaseLanguageClient, extensionUri: vscode.Uri) {
        const script = vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'roadmap.js');
        panel.webview.html = roadmapWebviewHtml({
            cspSource: panel.webview.cspSource, scriptUri: panel.webview.asWebviewUri(script).toString()
        });
        this.disposables.push(
            panel.webview.onDidReceiveMessage(raw => this.handle(parseRoadmapMessage(raw))),
            onModelChanged(client, () => void this.refresh()),
            panel.onDidDispose(() => this.dispose())
        );
    }

    reveal(): void {
        if (!this.disposed) this.panel.reveal(vscode.ViewColumn.Beside, true);
    }

    private async handle(message: RoadmapFromWebview | undefined): Promise<void> {
        if (!message || this.disposed) return;
        if (message.type === 'ready') await this.refresh();
        else if (message.type === 'export') await this.exportHtml();
        else await this.revealInitiative(message.name);
    }

    private async refresh(): Promise<void> {
        let result: RoadmapRequestResult;
        try {
            result = await this.client.sendRequest(RoadmapRequest, {});
        } catch (error) {
            this.post({ type: 'error', message: `The roadmap could not be computed: ${error instanceof Error ? error.message : String(error)}` });
            return;
        }
        // While a file has syntax errors the last good roadmap stays, with a banner saying so.
        if (result.hasErrors && this.last) {
            this.post({ type: 'stale' });
            return;
        }
        this.last = result;
        this.post({ type: 'roadmap', fragment: result.fragment, hasErrors: result.hasErrors });
    }

    /** Answers can arrive after the panel closed (an export's dialog, a slow request); posting to a disposed webview throws. */
    private post(message: RoadmapToWebview): void {
        if (this.disposed) return;
        this.panel.webview.postMessage(message).then(undefined, () => undefined);
    }

    private async revealInitiative(name: string): Promise<void> {
        const locations = this.last?.locations;
        if (locations && Object.prototype.hasOwnProperty.call(locations, name)) await revealDeclaration(locations[name]);
    }

    private async exportHtml(): Promise<void> {
        if (!this.last) return;
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await vscode.window.showSaveDialog({
            filters: { HTML: ['html'] }, saveLabel: 'Export roadmap',
            defaultUri: folder ? vscode.Uri.joinPath(folder, 'roadmap.html') : undefined
        });
        if (!target) return;
        if (target.path.toLowerCase().endsWith('.integ')) {
            void vscode.window.showErrorMessage('Refusing to write the roadmap over a .integ model file.');
            return;
        }
        const page = roadmapHtmlPage(this.last.report.schedule, this.last.report.impact);
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(page));
        void vscode.window.showInformationMessage(`Roadmap exported to ${vscode.workspace.asRelativePath(target)}`);
    }

    private dispose(): void {
        this.disposed = true;
        if (RoadmapPanel.current === this) RoadmapPanel.current = undefined;
        this.disposables.forEach(d => d.dispose());
    }
}

/** Registers "Integration: Open Roadmap Preview" (`integ.openRoadmap`). */
export function registerRoadmapPreview(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand('integ.openRoadmap', () => {
        if (RoadmapPanel.current) {
            RoadmapPanel.current.reveal();
            return;
        }
        const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Roadmap', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            retainContextWhenHidden: true,
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')]
        });
        RoadmapPanel.current = new RoadmapPanel(panel, client, context.extensionUri);
    }));
}
