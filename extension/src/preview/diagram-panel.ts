import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Lens } from '../../../language-server/src/diagram/lenses.js';
import { panelShape } from '../../../language-server/src/diagram/panel-shape.js';
import { parseView } from '../../../language-server/src/diagram/view-kinds.js';
import { flowId, systemId } from '../../../language-server/src/diagram/element-ids.js';
import { EXPAND_ALL } from '../../../language-server/src/diagram/diagram-graph.js';
import {
    ChangePictureRequest, DiagramRequest, DiagramTooltipRequest, RetirementImpactRequest, type DiagramRequestParams, type DiagramRequestResult
} from '../../../language-server/src/lsp/protocol.js';
import { validComparison, type Comparison } from '../compare-base.js';
import { withCollapsed, withExpanded } from './diagram-expand.js';
import { diagramHtml } from './diagram-html.js';
import { bundledFlows, diagramLocation } from './diagram-locations.js';
import { onModelChanged } from './model-changed-events.js';
import { revealDeclaration } from './reveal-declaration.js';
import {
    DEFAULT_DIAGRAM_OPTIONS,
    type DiagramHighlight, type DiagramToWebview, type DiagramViewOptions, type DiagramWebviewState, type PanelSize
} from './diagram-messages.js';
import { isDiagramMessage, isElementId, pngBytes, validLens, validOptions, validPanelSize } from './diagram-message-checks.js';

const VIEW_TYPE = 'integ.diagram';
/** Internal (not in the palette): `(options: DiagramViewOptions, lens?: Lens, comparing?: Comparison)`. */
export const OPEN_DIAGRAM_VIEW_COMMAND = 'integ.openDiagramView';

/**
 * The live dependency diagram beside the editor: one panel, re-rendered when the server reports a
 * model change or the active `.integ` editor changes, restored after a window reload.
 */
class DiagramPanel {
    private result?: DiagramRequestResult;
    /** What `result` was asked for with: its tooltips are asked for the same way. */
    private resultParams?: DiagramRequestParams;
    /** Element to zoom to in the next picture (from "Show in diagram"). */
    private focus?: string;
    /** The system whose retirement the picture shows: its impact is asked again with every picture until the reader moves on. */
    private retiring?: string;
    /** The lens to switch the preview to with the next picture (a command's view, e.g. the brief's findings). */
    private lens?: Lens;
    /** The revision the picture shows the change from ("Compare with…"): asked again with every picture until the reader moves on. */
    private comparing?: Comparison;
    private requestSeq = 0;
    /** The page has said it listens: pictures asked for earlier would be laid out for a panel of unknown shape. */
    private ready = false;
    private disposed = false;
    /** The panel's size as the webview last reported it. */
    private panelSize?: PanelSize;
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

    show(options?: DiagramViewOptions, focus?: string, retiring?: string, lens?: Lens, comparing?: Comparison): void {
        if (this.disposed) return;
        if (options) this.options = options;
        this.focus = focus;
        this.retiring = retiring;
        this.lens = lens;
        this.comparing = comparing;
        this.panel.reveal(vscode.ViewColumn.Beside, true);
        if (this.ready) void this.refresh();
    }

    async refresh(): Promise<void> {
        if (this.disposed) return;
        const seq = ++this.requestSeq;
        try {
            await this.client.start();
            const params = this.previewParams();
            const [result, highlight] = await Promise.all([this.picture(params), this.retirementHighlight()]);
            // A slower answer to an older request must not overwrite a newer picture.
            if (seq !== this.requestSeq) return;
            this.result = result;
            this.resultParams = params;
            this.post({ type: 'diagram', result, options: this.options, focus: this.focus, highlight, lens: this.lens });
            this.focus = undefined;
            this.lens = undefined;
        } catch (error) {
            if (seq === this.requestSeq) this.post({ type: 'failed', message: `Diagram unavailable: ${error instanceof Error ? error.message : String(error)}` });
        }
    }

    /**
     * As the preview shows it: without title, notes and legend (the page shows them outside the zoomed
     * picture), without hover titles (its sanitiser drops them; tooltips are fetched on hover), laid out
     * for the panel's shape.
     */
    private previewParams(): DiagramRequestParams {
        return { ...this.options, layoutTimeoutMs: layoutTimeout(), hoverTitles: false, chrome: false, panel: this.panelSize };
    }

    /** A file keeps what the preview shows outside the picture (title, notes, legend, hover titles) and the lens it was looked at with. */
    private exportParams(lens: Lens): DiagramRequestParams {
        return { ...this.previewParams(), hoverTitles: true, chrome: true, lens };
    }

    private async exportSvg(lens: Lens): Promise<void> {
        const svg = await this.exportPicture(lens, 'SVG');
        if (svg !== undefined) await saveAs(Buffer.from(svg, 'utf8'), 'svg', 'SVG image');
    }

    /** The webview draws the PNG (it has a canvas); the extension hands it the exported picture. */
    private async exportPng(lens: Lens): Promise<void> {
        const svg = await this.exportPicture(lens, 'PNG');
        if (svg !== undefined) this.post({ type: 'rasterise', svg });
    }

    private async exportPicture(lens: Lens, format: string): Promise<string | undefined> {
        try {
            const result = await this.picture(this.exportParams(lens));
            if (!result.error && result.svg) return result.svg;
            void vscode.window.showErrorMessage(`${format} export failed: ${result.error ?? 'no picture'}`);
        } catch (error) {
            void vscode.window.showErrorMessage(`${format} export failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        return undefined;
    }

    /** The flows retiring the system would break, lit in the picture (the system itself too, even when nothing breaks). */
    private async retirementHighlight(): Promise<DiagramHighlight | undefined> {
        if (this.retiring === undefined) return undefined;
        const impact = await this.client.sendRequest(RetirementImpactRequest, { system: this.retiring });
        if (!impact) return undefined;
        const processes = impact.processes.length > 0 ? ` Processes: ${impact.processes.join(', ')}.` : '';
        return { ids: [systemId(impact.system), ...impact.flows.map(flowId)], note: `${impact.system} — ${impact.summary}.${processes}` };
    }

    /** The view asked for, or while comparing the picture of the change (drawn and exported the same way). */
    private async picture(params: DiagramRequestParams): Promise<DiagramRequestResult> {
        if (!this.comparing) return this.request(params);
        const { layoutTimeoutMs, hoverTitles, chrome, lens, panel } = params;
        const answer = await this.client.sendRequest(ChangePictureRequest, { ...this.comparing, layoutTimeoutMs, hoverTitles, chrome, lens, panel });
        return answer.diagram;
    }

    private request(params: DiagramRequestParams): Promise<DiagramRequestResult> {
        return this.client.sendRequest(DiagramRequest, params);
    }

    /** Hover text of an element of the picture on screen; the server still has that picture. */
    private async tooltip(id: string, seq: number): Promise<void> {
        if (!this.resultParams) return;
        try {
            const tooltip = await this.client.sendRequest(DiagramTooltipRequest, { diagram: this.resultParams, id });
            this.post({ type: 'tooltip', id, seq, tooltip });
        } catch (error) {
            // The element shows no tooltip; the output channel says why (often a server restarting).
            this.client.warn(`${DiagramTooltipRequest.method} for ${id} failed`, error, false);
        }
    }

    /** Answers can arrive after the panel closed; posting to a disposed webview throws. */
    private post(message: DiagramToWebview): void {
        if (this.disposed) return;
        this.panel.webview.postMessage(message).then(undefined, () => undefined);
    }

    /** Lays the picture out again only when the panel changed shape (wide, square, tall), not at every pixel of a resize. */
    private resized(size: PanelSize): Promise<void> | undefined {
        const before = panelShape(this.panelSize);
        this.panelSize = size;
        const after = panelShape(size);
        if (this.ready && (before.width !== after.width || before.height !== after.height)) return this.refresh();
        return undefined;
    }

    private async onMessage(message: unknown): Promise<void> {
        if (this.disposed || !isDiagramMessage(message)) return;
        switch (message.type) {
            case 'ready':
                this.ready = true;
                this.panelSize = validPanelSize(message.panel) ?? this.panelSize;
                return this.refresh();
            case 'setOptions': {
                const options = validOptions(message.options);
                if (options) {
                    this.options = options;
                    this.retiring = undefined;
                    this.comparing = undefined;
                    return this.refresh();
                }
                return;
            }
            case 'expand':
            case 'collapse': {
                const change = message.type === 'expand' ? withExpanded : withCollapsed;
                const options = isElementId(message.id) ? change(this.options, this.result, message.id) : undefined;
                if (!options) return;
                this.options = options;
                this.retiring = undefined;
                this.comparing = undefined;
                this.focus = message.type === 'expand' && isElementId(message.focus) ? message.focus : undefined;
                return this.refresh();
            }
            case 'panelSize': {
                const size = validPanelSize(message.panel);
                return size ? this.resized(size) : undefined;
            }
            case 'reveal':
                if (isElementId(message.id)) await this.reveal(message.id);
                return;
            case 'tooltip':
                if (isElementId(message.id) && Number.isSafeInteger(message.seq)) await this.tooltip(message.id, message.seq);
                return;
            case 'exportSvg':
                return this.exportSvg(validLens(message.lens));
            case 'exportPng':
                return this.exportPng(validLens(message.lens));
            case 'savePng': {
                const bytes = pngBytes(message.base64);
                if (bytes) await saveAs(bytes, 'png', 'PNG image');
                return;
            }
        }
    }

    /**
     * Only ids of the current diagram; the location is checked by revealDeclaration. A line that
     * stands for several flows has no declaration of its own: the reader picks one of its flows.
     */
    private async reveal(id: string): Promise<void> {
        const location = diagramLocation(this.result?.locations, id);
        if (location) return revealDeclaration(location);
        const flows = bundledFlows(this.result, id);
        if (flows.length <= 1) return flows[0] && revealDeclaration(flows[0].location);
        const picked = await vscode.window.showQuickPick(
            flows.map(flow => ({ label: flow.name, description: `${vscode.workspace.asRelativePath(vscode.Uri.parse(flow.location.uri, true))}:${flow.location.range.start.line + 1}`, flow })),
            { title: `${flows.length} flows run in this line`, placeHolder: 'Go to the declaration of a flow', matchOnDescription: true }
        );
        if (picked) await revealDeclaration(picked.flow.location);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
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
    const parsed = validOptions({ view: parseView(view) ?? DEFAULT_DIAGRAM_OPTIONS.view, state });
    return parsed ?? DEFAULT_DIAGRAM_OPTIONS;
}

function isIntegEditor(editor: vscode.TextEditor | undefined): boolean {
    return editor?.document.languageId === 'integ' || (editor?.document.uri.path.toLowerCase().endsWith('.integ') ?? false);
}

/** Registers `integ.openDiagram`, `integ.showInDiagram`, `integ.showRetirementImpact` and the panel serializer. */
export function registerDiagramPreview(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    let current: DiagramPanel | undefined;

    const adopt = (panel: vscode.WebviewPanel, options: DiagramViewOptions): DiagramPanel => {
        const adopted = new DiagramPanel(panel, context, client, options, () => { if (current === adopted) current = undefined; });
        current = adopted;
        return adopted;
    };
    const open = (options?: DiagramViewOptions, focus?: string, retiring?: string, lens?: Lens, comparing?: Comparison) => {
        if (current) {
            current.show(options, focus, retiring, lens, comparing);
            return;
        }
        const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Integration diagram', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            retainContextWhenHidden: true,
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')]
        });
        adopt(panel, options ?? defaultOptions()).show(undefined, focus, retiring, lens, comparing);
    };

    context.subscriptions.push(
        vscode.commands.registerCommand('integ.openDiagram', () => open()),
        // For the extension's other commands (brief, lineage, compare): a view, the lens to look at it with and the revision to compare with, all checked.
        vscode.commands.registerCommand(OPEN_DIAGRAM_VIEW_COMMAND, (options?: unknown, lens?: unknown, comparing?: unknown) => {
            const valid = validOptions(options);
            if (valid) open(valid, undefined, undefined, lens === undefined ? undefined : validLens(lens), comparing === undefined ? undefined : validComparison(comparing));
        }),
        // Arguments from the code lens: the element's name, then 'system' or 'flow'.
        vscode.commands.registerCommand('integ.showInDiagram', (name?: unknown, kind?: unknown) => {
            const element = typeof name === 'string' ? name : wordAtCursor();
            if (!element) return open();
            // A large estate opens as an overview of departments, where a single flow is not drawn: open them all.
            if (kind === 'flow') return open({ ...defaultOptions(), view: { kind: 'estate' }, expand: [EXPAND_ALL] }, flowId(element));
            open({ view: { kind: 'system', name: element, depth: 1 }, state: 'as-is', filters: {}, expand: [] }, systemId(element));
        }),
        // Argument from the code lens: the system's name; else the word under the cursor.
        vscode.commands.registerCommand('integ.showRetirementImpact', (name?: unknown) => {
            const system = typeof name === 'string' ? name : wordAtCursor();
            if (!system) {
                void vscode.window.showInformationMessage('Integration Architect: put the cursor on a system\'s name to show the impact of retiring it.');
                return;
            }
            open({ view: { kind: 'system', name: system, depth: 2 }, state: 'as-is', filters: {}, expand: [] }, undefined, system);
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
