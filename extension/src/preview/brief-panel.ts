import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BriefRequest, type BriefRequestResult } from '../../../language-server/src/lsp/protocol.js';
import { parseBriefMessage, type BriefFromWebview, type BriefToWebview } from './brief-messages.js';
import { briefWebviewHtml } from './brief-webview-html.js';
import { OPEN_DIAGRAM_VIEW_COMMAND } from './diagram-panel.js';
import type { DiagramViewOptions } from './diagram-messages.js';
import { onModelChanged } from './model-changed-events.js';

const VIEW_TYPE = 'integ.brief';

/** The COO's one-page brief beside the editor, asked for again after every model change. */
class BriefPanel {
    static current: BriefPanel | undefined;
    private last: BriefRequestResult | undefined;
    private requestSeq = 0;
    private disposed = false;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(readonly panel: vscode.WebviewPanel, private readonly client: BaseLanguageClient, extensionUri: vscode.Uri) {
        const script = vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'brief.js');
        panel.webview.html = briefWebviewHtml({ cspSource: panel.webview.cspSource, scriptUri: panel.webview.asWebviewUri(script).toString() });
        this.disposables.push(
            panel.webview.onDidReceiveMessage(raw => this.handle(parseBriefMessage(raw))),
            onModelChanged(client, () => void this.refresh()),
            panel.onDidDispose(() => this.dispose())
        );
    }

    reveal(): void {
        if (!this.disposed) this.panel.reveal(vscode.ViewColumn.Beside, true);
    }

    private async handle(message: BriefFromWebview | undefined): Promise<void> {
        if (!message || this.disposed) return;
        if (message.type === 'ready') await this.refresh();
        else await this.openDepartment(message.name);
    }

    private async refresh(): Promise<void> {
        const seq = ++this.requestSeq;
        let result: BriefRequestResult;
        try {
            await this.client.start();
            result = await this.client.sendRequest(BriefRequest, {});
        } catch (error) {
            if (seq === this.requestSeq) this.post({ type: 'error', message: `The brief could not be computed: ${error instanceof Error ? error.message : String(error)}` });
            return;
        }
        // A slower answer to an older request must not overwrite a newer brief.
        if (seq !== this.requestSeq) return;
        // While a file has syntax errors the last good brief stays, with a banner saying so.
        if (result.hasErrors && this.last) {
            this.post({ type: 'stale' });
            return;
        }
        this.last = result;
        this.post({ type: 'brief', html: result.html, css: result.css, hasErrors: result.hasErrors });
    }

    /** Only a department the brief on screen names: the webview is not trusted to name one. */
    private async openDepartment(name: string): Promise<void> {
        if (!this.last?.departments.includes(name)) return;
        const options: DiagramViewOptions = { view: { kind: 'department', name }, state: 'as-is', filters: {}, expand: [] };
        await vscode.commands.executeCommand(OPEN_DIAGRAM_VIEW_COMMAND, options, 'findings');
    }

    /** Answers can arrive after the panel closed; posting to a disposed webview throws. */
    private post(message: BriefToWebview): void {
        if (this.disposed) return;
        this.panel.webview.postMessage(message).then(undefined, () => undefined);
    }

    private dispose(): void {
        this.disposed = true;
        if (BriefPanel.current === this) BriefPanel.current = undefined;
        this.disposables.forEach(d => d.dispose());
    }
}

/** Registers "Integration: Show Brief" (`integ.showBrief`). */
export function registerBriefPreview(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(
        vscode.commands.registerCommand('integ.showBrief', () => {
            if (BriefPanel.current) {
                BriefPanel.current.reveal();
                return;
            }
            const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Integration brief', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
                enableScripts: true,
                retainContextWhenHidden: true,
                localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')]
            });
            BriefPanel.current = new BriefPanel(panel, client, context.extensionUri);
        }),
        { dispose: () => BriefPanel.current?.panel.dispose() }
    );
}
