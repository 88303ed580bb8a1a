import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    DiagramRequest, DiagramTooltipRequest,
    type DiagramRequestParams, type DiagramRequestResult, type DiagramTooltipParams, type DiagramTooltipResult
} from '../../../language-server/src/lsp/protocol.js';
import { diagramHtml } from './diagram-html.js';
import { diagramLocation } from './diagram-locations.js';
import { onModelChanged } from './model-changed-events.js';
import { revealDeclaration } from './reveal-declaration.js';
import {
    DEFAULT_DIAGRAM_OPTIONS,
    type DiagramViewOptions, type DiagramWebviewState, type ToWebview
} from './diagram-messages.js';
import { VIEW_KINDS, isDiagramMessage, isElementId, validOptions } from './diagram-message-checks.js';

const VIEW_TYPE = 'integ.diagram';
const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/**
 * The live dependency diagram beside the editor: one panel, re-rendered when the server reports a
 * model change or the active `.integ` editor changes, restored after a window reload.
 */
class DiagramPanel {
    private result?: DiagramRequestResult;
    /** What `result` was asked for with: its tooltips are asked for the same way. */
    private resultParams?: DiagramRequestParams;
    /** Element to centre in the next picture (from "Show in diagram"). */
    private focus?: string;
    private requestSeq = 0;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        readonly panel: vscode.WebviewPanel,
        context: vscode.ExtensionContext,
        private readonly client: BaseLanguageClient,
        private options: DiagramViewOptions,
        private readonly onDispose: () => void
    ) {
        const webview = panel.webview;
        webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')] };
        webview.html = diagramHtml({
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', 'diagram.js')).toString()
        });
        this.disposables.push(
            webview.onDidReceiveMessage(message => void this.onMessage(message)),
            panel.onDidDispose(() => this.dispose())
        );
    }

    show(options?: DiagramViewOptions, focus?: string): void {
        if (options) this.options = options;
        this.focus = focus;
        this.panel.reveal(vscode.ViewColumn.Beside, true);
        void this.refresh();
    }

    async refresh(): Promise<void> {
        const seq = ++this.requestSeq;
        try {
            await this.client.start();
            // The webview fetches tooltips on hover instead of the SVG's titles (its sanitiser drops them).
            const params = this.params(false);
            const result = await this.request(params);
            // A slower answer to an older request must not overwrite a newer picture.
            if (seq !== this.requestSeq) return;
            this.result = result;
            this.resultParams = params;
            this.post({ type: 'diagram', result, options: this.options, focus: this.focus });
            this.focus = undefined;
        } catch (error) {
            if (seq === this.requestSeq) this.post({ type: 'failed', message: `Diagram unavailable: ${error instanceof Error ? error.message : String(error)}` });
        }
    }

    /** The picture on screen with its hover titles, which an exported SVG keeps for whoever opens it. */
    private async exportSvg(): Promise<void> {
        try {
            const result = await this.request(this.params(true));
            if (result.error || !result.svg) {
                void vscode.window.showErrorMessage(`SVG export failed: ${result.error ?? 'no picture'}`);
                return;
            }
            await saveAs(Buffer.from(result.svg, 'utf8'), 'svg', 'SVG image');
        } catch (error) {
            void vscode.window.showErrorMessage(`SVG export failed: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    private params(hoverTitles: boolean): DiagramRequestParams {
        return { ...this.options, layoutTimeoutMs: layoutTimeout(), hoverTitles };
    }

    private request(params: DiagramRequestParams): Promise<DiagramRequestResult> {
        return this.client.sendRequest<DiagramRequestResult>(DiagramRequest, params);
    }

    /** Hover text of an element of the picture on screen; the server still has that picture. */
    private async tooltip(id: string, seq: number): Promise<void> {
        if (!this.resultParams) return;
        const params: DiagramTooltipParams = { diagram: this.resultParams, id };
        try {
            const tooltip = await this.client.sendRequest<DiagramTooltipResult>(DiagramTooltipRequest, params);
            this.post({ type: 'tooltip', id, seq, tooltip });
        } catch {
            // The server is restarting or the request was cancelled: the element simply shows no tooltip.
        }
    }

    private post(message: ToWebview): void {
        void this.panel.webview.postMessage(message);
    }

    private async onMessage(message: unknown): Promise<void> {
        if (!isDiagramMessage(message)) return;
        switch (message.command) {
            case 'ready':
                return this.refresh();
            case 'setOptions': {
                const options = validOptions(message.options);
                if (options) {
                    this.options = options;
                    return this.refresh();
                }
                return;
            }
            case 'expand': {
                if (typeof message.id !== 'string' || !this.result?.expandable.includes(message.id)) return;
                const department = message.id.slice('dept:'.length);
                this.options = { ...this.options, expand: [...new Set([...(this.options.expand ?? []), department])] };
                return this.refresh();
            }
            case 'reveal':
                if (isElementId(message.id)) await this.reveal(message.id);
                return;
            case 'tooltip':
                if (isElementId(message.id) && Number.isSafeInteger(message.seq)) await this.tooltip(message.id, message.seq);
                return;
            case 'exportSvg':
                return this.exportSvg();
            case 'exportPng': {
                if (typeof message.base64 !== 'string' || message.base64.length > MAX_EXPORT_BYTES) return;
                const bytes = Buffer.from(message.base64, 'base64');
                if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) await saveAs(bytes, 'png', 'PNG image');
                return;
            }
        }
    }

    /** Only ids of the current diagram; the location is checked by revealDeclaration. */
    private async reveal(id: string): Promise<void> {
        const location = diagramLocation(this.result?.locations, id);
        if (location) await revealDeclaration(location);
    }

    dispose(): void {
        this.disposables.forEach(disposable => disposable.dispose());
        this.onDispose();
    }
}

async function saveAs(bytes: Uint8Array, extension: string, label: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `diagram.${extension}`) : undefined,
        filters: { [label]: [extension] }
    });
    if (!target) return;
    if (target.path.toLowerCase().endsWith('.integ')) {
        void vscode.window.showErrorMessage('Refusing to write the diagram over a .integ model file.');
        return;
    }
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
}

function layoutTimeout(): number {
    return vscode.workspace.getConfiguration('integ').get<number>('diagram.layoutTimeoutMs', 5000);
}

function defaultOptions(): DiagramViewOptions {
    const config = vscode.workspace.getConfiguration('integ');
    const view = config.get<string>('diagram.defaultView', 'estate');
    const state = config.get<string>('diagram.defaultState', 'as-is');
    const parsed = validOptions({ view: parseViewSetting(view), state });
    return parsed ?? DEFAULT_DIAGRAM_OPTIONS;
}

function parseViewSetting(text: string): DiagramViewOptions['view'] {
    const [kind, ...rest] = text.split(':');
    const name = rest.join(':');
    return VIEW_KINDS.has(kind) && (kind === 'estate' || name) ? { kind: kind as DiagramViewOptions['view']['kind'], name: name || undefined } : { kind: 'estate' };
}

function isIntegEditor(editor: vscode.TextEditor | undefined): boolean {
    return editor?.document.languageId === 'integ' || (editor?.document.uri.path.toLowerCase().endsWith('.integ') ?? false);
}

/** Registers `integ.openDiagram`, `integ.showInDiagram` and the panel serializer. */
export function registerDiagramPreview(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    let current: DiagramPanel | undefined;

    const adopt = (panel: vscode.WebviewPanel, options: DiagramViewOptions): DiagramPanel => {
        current = new DiagramPanel(panel, context, client, options, () => { current = undefined; });
        return current;
    };
    const open = (options?: DiagramViewOptions, focus?: string) => {
        if (current) {
            current.show(options, focus);
            return;
        }
        const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Integration diagram', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            retainContextWhenHidden: true,
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')]
        });
        adopt(panel, options ?? defaultOptions()).show(undefined, focus);
    };

    context.subscriptions.push(
        vscode.commands.registerCommand('integ.openDiagram', () => open()),
        // Arguments from the code lens: the element's name, then 'system' or 'flow'.
        vscode.commands.registerCommand('integ.showInDiagram', (name?: unknown, kind?: unknown) => {
            const element = typeof name === 'string' ? name : wordAtCursor();
            if (!element) return open();
            if (kind === 'flow') return open({ ...defaultOptions(), view: { kind: 'estate' } }, `flow:${element}`);
            open({ view: { kind: 'system', name: element, depth: 1 }, state: 'as-is', filters: {}, expand: [] }, `system:${element}`);
        }),
        vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                const restored = validOptions((state as DiagramWebviewState | undefined)?.options) ?? defaultOptions();
                adopt(panel, restored);
            }
        }),
        onModelChanged(client, () => void current?.refresh()),
        vscode.window.onDidChangeActiveTextEditor(editor => {
            if (current && isIntegEditor(editor)) void current.refresh();
        }),
        { dispose: () => current?.panel.dispose() }
    );
}

function wordAtCursor(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isIntegEditor(editor)) return undefined;
    const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[A-Za-z_][A-Za-z0-9_-]*/);
    return range ? editor.document.getText(range) : undefined;
}
