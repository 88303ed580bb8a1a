import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagramLayouter } from '../../language-server/src/diagram/layout.js';
import { answerDiagramRequest, answerTooltipRequest, createDiagramAnswers } from '../../language-server/src/lsp/diagram-request.js';
import type { DiagramRequestParams, DiagramRequestResult } from '../../language-server/src/lsp/protocol.js';
import type { Finding } from '../../language-server/src/rules/finding.js';
import { createIntegCoreServices } from '../../language-server/src/module.js';
import { loadWorkspace } from '../../language-server/src/workspace/load-workspace.js';
import { diagramHtml } from '../../extension/src/preview/diagram-html.js';

const ORIGIN = 'https://webview.test';
const HOSTILE = '<script>alert(1)</script>';
const MODEL = `
department Sales "Sales"
department Finance "Finance & Control"
system Crm ${JSON.stringify(HOSTILE)} { kind crm  department Sales }
system Erp "\\"><img src=x onerror=alert(1)>" { kind erp  department Finance }
system Sheet "Budget sheet" { kind spreadsheet  department Finance }
flow Orders "Orders" : Crm -> Erp { style api }
flow Budget "Budget re-keyed" : Sheet -> Erp { style manual  effort 4 hours per week }
`;

interface Posted { command: string; [key: string]: unknown }

/** Asked as the panel asks: the webview fetches tooltips instead of the SVG's titles. */
const PREVIEW: DiagramRequestParams = { view: { kind: 'estate' }, state: 'as-is', hoverTitles: false };

let browser: Browser;
let page: Page;
let script: string;
let result: DiagramRequestResult;
let findings: readonly Finding[];

async function posted(): Promise<Posted[]> {
    return page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
}

async function send(message: unknown): Promise<void> {
    await page.evaluate(m => window.postMessage(m, '*'), message);
}

beforeAll(async () => {
    const bundle = await esbuild.build({ entryPoints: ['extension/webview/diagram/main.ts'], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022' });
    script = bundle.outputFiles[0].text;
    const services = createIntegCoreServices();
    await loadWorkspace(services, [{ uri: 'file:///ws/model.integ', text: MODEL }]);
    const analysis = services.integ.analysis.WorkspaceAnalysis;
    const answers = createDiagramAnswers();
    result = await answerDiagramRequest(PREVIEW, analysis, services.shared.workspace.LangiumDocuments, new DiagramLayouter(), answers);
    findings = analysis.result.findings;
    browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    // The extension's part of a hover: the panel asks the server and posts the answer back, a moment later.
    await page.exposeFunction('__extension', async (message: Posted) => {
        if (message.command !== 'tooltip') return;
        const tooltip = answerTooltipRequest({ diagram: PREVIEW, id: String(message.id) }, analysis, answers);
        await page.evaluate(reply => window.postMessage(reply, '*'), { type: 'tooltip', id: message.id, seq: message.seq, tooltip });
    });
    await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        w.__posted = [];
        w.__alerts = [];
        w.__violations = [];
        w.alert = (text: unknown) => (w.__alerts as unknown[]).push(text);
        let state: unknown;
        w.acquireVsCodeApi = () => ({
            postMessage: (message: unknown) => {
                (w.__posted as unknown[]).push(message);
                void (w.__extension as (message: unknown) => Promise<void>)(message);
            },
            getState: () => state,
            setState: (next: unknown) => { state = next; }
        });
        document.addEventListener('securitypolicyviolation', event => (w.__violations as unknown[]).push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const html = diagramHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/dist/webview/diagram.js` });
    await page.route(`${ORIGIN}/**`, route => {
        const url = route.request().url();
        if (url.endsWith('/index.html')) return route.fulfill({ contentType: 'text/html', body: html });
        if (url.endsWith('/diagram.js')) return route.fulfill({ contentType: 'text/javascript', body: script });
        return route.abort();
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some(m => m.command === 'ready'));
    await send({ type: 'diagram', result, options: { view: { kind: 'estate' }, state: 'as-is', filters: {}, expand: [] } });
    await page.waitForSelector('#canvas svg');
});

afterAll(async () => {
    await browser?.close();
});

describe('diagram webview', () => {
    it('has the strict CSP meta', async () => {
        const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
        expect(csp).toContain("default-src 'none'");
        expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9]+'/);
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\/(?!webview\.test)/);
    });

    it('draws the nodes and edges of the model', async () => {
        expect(await page.locator('#canvas [data-id^="system:"]').count()).toBe(3);
        expect(await page.locator('#canvas [data-id^="flow:"]').count()).toBe(2);
        expect(await page.locator('#canvas .integ-group').count()).toBe(2);
        expect(await page.textContent('#status')).toBe('3 nodes · 2 edges');
    });

    it('shows hostile titles as text and runs no script', async () => {
        const labels = await page.locator('#canvas text').allTextContents();
        expect(labels).toContain(HOSTILE);
        expect(labels.some(label => label.includes('<img src=x onerror=alert(1)>'))).toBe(true);
        expect(await page.locator('script').count()).toBe(1);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __alerts: unknown[] }).__alerts)).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    });

    it('posts a reveal message when a node is clicked, and shows its tooltip on hover', async () => {
        await page.locator('#canvas [data-id="system:Sheet"] rect.box').click();
        expect(await posted()).toContainEqual({ command: 'reveal', id: 'system:Sheet' });
        await page.locator('#canvas [data-id="system:Sheet"] rect.box').hover();
        expect(await page.textContent('#tooltip')).toContain('shadow IT');
    });

    it('lays a wide click target under each flow, made in the page from the line the server drew once', async () => {
        expect(result.svg).not.toMatch(/class=["']hit/);
        const flows = await page.locator('#canvas g.integ-edge[data-id^="flow:"]').evaluateAll(groups => groups.map(group => {
            const paths = Array.from(group.querySelectorAll(':scope > path'));
            return { classes: paths.map(path => path.getAttribute('class')), d: paths.map(path => path.getAttribute('d')), width: getComputedStyle(paths[0]).strokeWidth };
        }));
        expect(flows).toHaveLength(2);
        for (const flow of flows) {
            expect(flow.classes).toEqual(['hit', 'line']);
            expect(flow.d[0]).toBe(flow.d[1]);
            expect(flow.width).toBe('10px');
        }
        expect(await page.locator('#canvas .integ-legend path.hit').count()).toBe(0);
    });

    it('draws arrowheads from the stylesheet: at the end of every flow, at both ends of a two-way one', async () => {
        const markers = await page.locator('#canvas path.line').evaluateAll(paths => paths.map(path => {
            const style = getComputedStyle(path);
            return { end: style.markerEnd, start: style.markerStart, twoWay: path.closest('.two-way') !== null };
        }));
        expect(markers.length).toBeGreaterThan(2);
        for (const marker of markers) {
            expect(marker.end).toMatch(/#integ-arrow-(manual|batch|realtime|script|other)/);
            if (marker.twoWay) expect(marker.start).toContain('#integ-arrow-other');
            else expect(marker.start).toBe('none');
        }
        expect(markers.some(marker => marker.twoWay)).toBe(true);
    });

    it('reveals a flow clicked just beside its line, and shows its tooltip with its finding lines', async () => {
        const point = await page.locator('#canvas [data-id="flow:Budget"] path.line').evaluate(element => {
            const path = element as SVGPathElement;
            const length = path.getTotalLength();
            const [a, b] = [path.getPointAtLength(length / 2), path.getPointAtLength(length / 2 + 1)];
            const matrix = path.getScreenCTM()!;
            const screen = (p: DOMPoint) => new DOMPoint(p.x, p.y).matrixTransform(matrix);
            const [sa, sb] = [screen(a), screen(b)];
            // A third of the target's half-width off the line, across it.
            const norm = Math.hypot(sb.x - sa.x, sb.y - sa.y) || 1;
            const off = 5 * matrix.a * 0.6;
            return { x: sa.x - (sb.y - sa.y) / norm * off, y: sa.y + (sb.x - sa.x) / norm * off };
        });
        expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('class'), point)).toBe('hit');
        await page.mouse.click(point.x, point.y);
        expect(await posted()).toContainEqual({ command: 'reveal', id: 'flow:Budget' });
        await page.mouse.move(point.x + 1, point.y);
        await page.waitForSelector('#tooltip .tip-title');
        expect(await page.textContent('#tooltip .tip-title')).toMatch(/^Budget re-keyed .*\(Budget\)$/);
        const body = await page.textContent('#tooltip');
        const budget = findings.filter(f => f.element.kind === 'flow' && f.element.name === 'Budget');
        expect(budget.length).toBeGreaterThan(0);
        for (const finding of budget) expect(body).toContain(`${finding.severity} ${finding.ruleId}: ${finding.message}`);
    });

    it('shows a hostile name in a tooltip as text', async () => {
        await page.locator('#canvas [data-id="system:Crm"] rect.box').hover();
        await page.waitForFunction(() => document.querySelector('#tooltip .tip-title')?.textContent?.includes('Crm'));
        expect(await page.textContent('#tooltip .tip-title')).toBe(`${HOSTILE} (Crm)`);
        expect(await page.locator('#tooltip *').count()).toBe(2);
        expect(await page.evaluate(() => (window as unknown as { __alerts: unknown[] }).__alerts)).toEqual([]);
    });

    it('fetches each tooltip once per picture and ignores an answer about an earlier picture', async () => {
        const asked = (await posted()).filter(m => m.command === 'tooltip');
        expect(asked.filter(m => m.id === 'system:Sheet')).toHaveLength(1);
        await send({ type: 'diagram', result, options: { view: { kind: 'estate' }, state: 'as-is' } });
        await send({ type: 'tooltip', id: 'system:Sheet', seq: asked[0].seq, tooltip: { title: 'stale', lines: [] } });
        await page.mouse.move(0, 0);
        await page.locator('#canvas [data-id="system:Sheet"] rect.box').hover();
        await page.waitForSelector('#tooltip .tip-title');
        expect(await page.textContent('#tooltip .tip-title')).not.toBe('stale');
        expect((await posted()).filter(m => m.command === 'tooltip' && m.id === 'system:Sheet')).toHaveLength(2);
    });

    it('exports the SVG and a PNG', async () => {
        await page.click('#export-svg');
        expect((await posted()).filter(m => m.command === 'exportSvg')).toEqual([{ command: 'exportSvg' }]);
        await page.click('#export-png');
        await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some(m => m.command === 'exportPng'));
        const pngMessage = (await posted()).find(m => m.command === 'exportPng');
        const bytes = Buffer.from(String(pngMessage?.base64), 'base64');
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    });

    it('centres and rings the element asked for by "Show in diagram"', async () => {
        await send({ type: 'diagram', result, options: { view: { kind: 'estate' }, state: 'as-is' }, focus: 'system:Sheet' });
        await page.waitForSelector('#canvas [data-id="system:Sheet"].integ-focus');
        const node = await page.locator('#canvas [data-id="system:Sheet"] rect.box').boundingBox();
        const viewport = await page.locator('#viewport').boundingBox();
        expect(node && viewport).toBeTruthy();
        expect(Math.abs(node!.x + node!.width / 2 - (viewport!.x + viewport!.width / 2))).toBeLessThan(2);
    });

    it('keeps the last good diagram with a banner while the model has syntax errors', async () => {
        await send({ type: 'diagram', result: { ...result, hasErrors: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', nodeCount: 0 }, options: { view: { kind: 'estate' }, state: 'as-is' } });
        await page.waitForSelector('#banner.visible');
        expect(await page.textContent('#banner')).toContain('syntax errors');
        expect(await page.locator('#canvas [data-id^="system:"]').count()).toBe(3);
    });

    it('looks right: a screenshot for a human to check (test-results/diagram-webview.png)', async () => {
        await page.click('#fit');
        await page.screenshot({ path: 'test-results/diagram-webview.png' });
        const box = await page.locator('#canvas svg').boundingBox();
        expect(box && box.width > 100 && box.height > 50).toBe(true);
    });

    it('changing the state picker asks the extension for the to-be view', async () => {
        await page.selectOption('#state', 'to-be');
        const last = (await posted()).filter(m => m.command === 'setOptions').at(-1) as { options: { state: string } } | undefined;
        expect(last?.options.state).toBe('to-be');
    });
});
