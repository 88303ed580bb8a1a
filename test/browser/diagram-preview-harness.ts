/**
 * The diagram preview page in headless Chromium with a stand-in for the extension: messages the page
 * posts are answered as the panel answers them (diagram-panel.ts), from a workspace loaded in this
 * process, with the same option changes (diagram-expand.ts) and message checks.
 */
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { DiagramLayouter } from '../../language-server/src/diagram/layout.js';
import { answerDiagramRequest, answerTooltipRequest, createDiagramAnswers } from '../../language-server/src/lsp/diagram-request.js';
import type { DiagramRequestParams, DiagramRequestResult } from '../../language-server/src/lsp/protocol.js';
import { createIntegCoreServices } from '../../language-server/src/module.js';
import { loadWorkspace } from '../../language-server/src/workspace/load-workspace.js';
import { withCollapsed, withExpanded } from '../../extension/src/preview/diagram-expand.js';
import { diagramHtml } from '../../extension/src/preview/diagram-html.js';
import { isDiagramMessage, isElementId, validLens, validOptions, validPanelSize } from '../../extension/src/preview/diagram-message-checks.js';
import { DEFAULT_DIAGRAM_OPTIONS, type DiagramViewOptions, type DiagramToWebview, type PanelSize } from '../../extension/src/preview/diagram-messages.js';

export const ORIGIN = 'https://webview.test';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Posted { type: string; [key: string]: unknown }
export type Files = Record<string, string>;

let script: string | undefined;

async function webviewScript(): Promise<string> {
    script ??= (await esbuild.build({ entryPoints: ['extension/webview/diagram/main.ts'], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022' })).outputFiles[0].text;
    return script;
}

/** A workspace as the language server holds it: analysis and documents, re-loaded on every "edit". */
class Workspace {
    analysis!: Parameters<typeof answerDiagramRequest>[1];
    documents!: Parameters<typeof answerDiagramRequest>[2];

    async load(files: Files): Promise<void> {
        const services = createIntegCoreServices();
        await loadWorkspace(services, Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })));
        this.analysis = services.integ.analysis.WorkspaceAnalysis;
        this.documents = services.shared.workspace.LangiumDocuments;
    }
}

export class PreviewHarness {
    options: DiagramViewOptions = DEFAULT_DIAGRAM_OPTIONS;
    result?: DiagramRequestResult;
    params?: DiagramRequestParams;
    panel?: PanelSize;
    /** What the page asked the extension to export, with the parameters the panel would ask the server with. */
    readonly exports: DiagramRequestParams[] = [];
    /** Answers still being worked out. */
    private readonly pending = new Set<Promise<unknown>>();
    private readonly layouter = new DiagramLayouter();
    private readonly answers = createDiagramAnswers();
    private readonly workspace = new Workspace();
    private seq = 0;
    /** The element the next picture zooms to, as the panel's `focus`. */
    private focus?: string;

    private constructor(readonly page: Page) {}

    static async open(browser: Browser, files: Files, viewport = { width: 1200, height: 800 }, initialState?: unknown): Promise<PreviewHarness> {
        const page = await browser.newPage({ viewport });
        const harness = new PreviewHarness(page);
        await harness.workspace.load(files);
        await page.exposeFunction('__extension', (message: unknown) => harness.track(harness.receive(message)));
        await page.addInitScript(state => {
            const w = window as unknown as Record<string, unknown>;
            w.__posted = [];
            w.__alerts = [];
            w.__violations = [];
            w.__errors = [];
            w.alert = (text: unknown) => (w.__alerts as unknown[]).push(text);
            let saved: unknown = state ?? undefined;
            w.acquireVsCodeApi = () => ({
                postMessage: (message: unknown) => {
                    (w.__posted as unknown[]).push(message);
                    void (w.__extension as (message: unknown) => Promise<void>)(message);
                },
                getState: () => saved,
                setState: (next: unknown) => { saved = next; w.__state = next; }
            });
            document.addEventListener('securitypolicyviolation', event => (w.__violations as unknown[]).push(`${event.violatedDirective} ${event.blockedURI}`));
            window.addEventListener('error', event => (w.__errors as unknown[]).push(String(event.message)));
        }, initialState ?? null);
        const html = diagramHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/dist/webview/diagram.js` });
        const body = await webviewScript();
        await page.route(`${ORIGIN}/**`, route => {
            const url = route.request().url();
            if (url.endsWith('/index.html')) return route.fulfill({ contentType: 'text/html', body: html });
            if (url.endsWith('/diagram.js')) return route.fulfill({ contentType: 'text/javascript', body });
            return route.abort();
        });
        await harness.expectPicture(() => page.goto(`${ORIGIN}/index.html`));
        return harness;
    }

    async posted(): Promise<Posted[]> {
        return this.page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
    }

    async clearPosted(): Promise<void> {
        await this.page.evaluate(() => { (window as unknown as { __posted: Posted[] }).__posted = []; });
    }

    async waitForPosted(type: string, timeout = 5_000): Promise<Posted> {
        const handle = await this.page.waitForFunction(
            wanted => (window as unknown as { __posted: Posted[] }).__posted.filter(m => m.type === wanted).at(-1),
            type, { timeout }
        );
        return await handle.jsonValue() as Posted;
    }

    /** Posts a message to the page as the extension would. */
    async send(message: DiagramToWebview | Record<string, unknown>): Promise<void> {
        await this.page.evaluate(m => window.postMessage(m, '*'), message);
    }

    /** Runs `action` and waits until the picture it leads to is on the page. */
    async expectPicture(action: () => Promise<unknown>, timeout = 60_000): Promise<void> {
        await this.page.evaluate(() => document.querySelector('#canvas svg')?.setAttribute('data-stale', '')).catch(() => undefined);
        await action();
        await this.page.waitForSelector('#canvas > svg:not([data-stale])', { state: 'attached', timeout });
        await this.idle();
    }

    /** Waits until every answer being worked out has been posted. */
    async idle(): Promise<void> {
        while (this.pending.size > 0) await Promise.all([...this.pending]);
        await this.page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => resolve(undefined))));
    }

    /** An edit of the workspace: analysed again, and the preview refreshed as after `integ/modelChanged`. */
    async edit(files: Files): Promise<void> {
        await this.workspace.load(files);
        await this.track(this.refresh());
    }

    findings() {
        return this.workspace.analysis.result.findings;
    }

    private previewParams(options: DiagramViewOptions): DiagramRequestParams {
        return { ...options, hoverTitles: false, chrome: false, panel: this.panel, layoutTimeoutMs: 60_000 };
    }

    private track<T>(work: Promise<T>): Promise<T> {
        this.pending.add(work);
        return work.finally(() => this.pending.delete(work));
    }

    private async refresh(): Promise<void> {
        const seq = ++this.seq;
        const params = this.previewParams(this.options);
        const result = await answerDiagramRequest(params, this.workspace.analysis, this.workspace.documents, this.layouter, this.answers);
        if (seq !== this.seq) return;
        this.result = result;
        this.params = params;
        const focus = this.focus;
        this.focus = undefined;
        await this.send({ type: 'diagram', result, options: this.options, focus });
    }

    private async receive(message: unknown): Promise<void> {
        if (!isDiagramMessage(message)) return;
        switch (message.type) {
            case 'ready':
                this.panel = validPanelSize(message.panel);
                return this.refresh();
            case 'setOptions': {
                const options = validOptions(message.options);
                if (!options) return;
                this.options = options;
                return this.refresh();
            }
            case 'expand':
            case 'collapse': {
                const options = (message.type === 'expand' ? withExpanded : withCollapsed)(this.options, this.result, String(message.id));
                if (!options) return;
                this.options = options;
                this.focus = message.type === 'expand' && isElementId(message.focus) ? message.focus : undefined;
                return this.refresh();
            }
            case 'panelSize':
                this.panel = validPanelSize(message.panel) ?? this.panel;
                return;
            case 'tooltip': {
                if (!this.params) return;
                const tooltip = answerTooltipRequest({ diagram: this.params, id: String(message.id) }, this.workspace.analysis, this.answers);
                return this.send({ type: 'tooltip', id: message.id, seq: message.seq, tooltip });
            }
            case 'exportSvg':
            case 'exportPng': {
                const params = { ...this.previewParams(this.options), hoverTitles: true, chrome: true, lens: validLens(message.lens) };
                this.exports.push(params);
                if (message.type === 'exportSvg') return;
                const result = await answerDiagramRequest(params, this.workspace.analysis, this.workspace.documents, this.layouter, this.answers);
                return this.send({ type: 'rasterise', svg: result.svg });
            }
        }
    }
}
