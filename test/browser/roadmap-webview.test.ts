// The roadmap preview's webview and the exported roadmap page, in headless Chromium.
import * as esbuild from 'esbuild';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../language-server/src/cli/run-cli.js';
import { roadmapWebviewHtml } from '../../extension/src/preview/roadmap-webview-html.js';
import { roadmapFragment } from '../../language-server/src/roadmap/roadmap-html.js';
import { roadmapReport } from '../../language-server/src/roadmap/roadmap-report.js';
import { loadTexts } from '../unit/helpers/workspace.js';

/** What the page's stub of the VS Code API records. */
interface Stubbed {
    __posted: Array<{ type: string; name?: string }>;
    __violations: string[];
    __pwned?: number;
    acquireVsCodeApi(): { postMessage(message: { type: string }): void; getState(): unknown; setState(state: unknown): void };
}


const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ORIGIN = 'http://integ-webview.test';
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const MODEL = `
roadmap Plan "Plan ${HOSTILE.replace(/"/g, '\\"')}" {
  start 2027-01
  initiative CrmToErp "CRM to ERP ${HOSTILE.replace(/"/g, '\\"')}" { priority 1  months 1 to 3 }
  initiative ErpToFinance "ERP to Finance" { priority 2  months 2 to 4  depends-on CrmToErp }
  initiative HrToPayroll "HR to Payroll" { priority 3  months 3 to 5 }
  initiative MarketingToCrm "Marketing to CRM" { priority 4  months 4 to 6 }
}
`;

let browser: Browser;
let tmp: string;

beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'integ-roadmap-browser-'));
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});

afterAll(async () => {
    await browser?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** A page that fails the test on console errors, CSP violations and uncaught exceptions. */
async function watchedPage() {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    return { page, problems };
}

describe('roadmap webview', () => {
    it('draws one bar per initiative, posts reveal on click, escapes hostile titles, under a strict CSP', async () => {
        const workspace = await loadTexts({ 'plan.integ': MODEL });
        const report = roadmapReport(workspace.analysis.estate, { today: '2027-02-10', findings: workspace.analysis.findings });
        const fragment = roadmapFragment(report.schedule, report.impact);
        const html = roadmapWebviewHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/roadmap.js` });
        const bundle = await esbuild.build({ entryPoints: [path.join(root, 'extension/webview/roadmap/main.ts')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022' });
        const script = bundle.outputFiles[0].text;

        const { page, problems } = await watchedPage();
        const requests: string[] = [];
        await page.route('**/*', route => {
            const url = route.request().url();
            requests.push(url);
            if (url === `${ORIGIN}/index.html`) return route.fulfill({ contentType: 'text/html', body: html });
            if (url === `${ORIGIN}/roadmap.js`) return route.fulfill({ contentType: 'text/javascript', body: script });
            return route.abort();
        });
        await page.addInitScript(() => {
            const w = window as unknown as Stubbed;
            w.__posted = [];
            w.__violations = [];
            document.addEventListener('securitypolicyviolation', event => w.__violations.push(event.violatedDirective));
            w.acquireVsCodeApi = () => ({ postMessage: message => w.__posted.push(message), getState: () => undefined, setState: () => undefined });
        });
        await page.goto(`${ORIGIN}/index.html`);
        await page.waitForFunction(() => (window as unknown as Stubbed).__posted.some(message => message.type === 'ready'));

        const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
        expect(csp).toMatch(/default-src 'none'/);
        expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9]+'/);
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\/(?!integ-webview)/);

        await page.evaluate(body => window.postMessage({ type: 'roadmap', fragment: body, hasErrors: false }, '*'), fragment);
        await page.waitForSelector('#roadmap svg.gantt');
        const bars = await page.$$eval('#roadmap g.bar[data-initiative]', elements => elements.map(e => e.getAttribute('data-initiative')));
        expect(bars).toEqual(['CrmToErp', 'ErpToFinance', 'HrToPayroll', 'MarketingToCrm']);
        expect(await page.$$eval('#roadmap rect.over-limit', elements => elements.length)).toBe(2);
        expect(await page.$$eval('#roadmap line.today', elements => elements.length)).toBe(1);
        expect(await page.$$eval('#roadmap path.dependency', elements => elements.length)).toBe(1);

        await page.click('#roadmap g.bar[data-initiative="ErpToFinance"] rect');
        await page.click('#roadmap tr[data-initiative="HrToPayroll"] td');
        const reveals = await page.evaluate(() => (window as unknown as Stubbed).__posted.filter(message => message.type === 'reveal'));
        expect(reveals).toEqual([{ type: 'reveal', name: 'ErpToFinance' }, { type: 'reveal', name: 'HrToPayroll' }]);

        expect(await page.evaluate(() => (window as unknown as Stubbed).__pwned)).toBeUndefined();
        expect(await page.$$eval('#roadmap script, #roadmap img', elements => elements.length)).toBe(0);
        expect(await page.textContent('#roadmap h1')).toContain(HOSTILE);
        expect(await page.textContent('#roadmap')).toContain(`CRM to ERP ${HOSTILE}`);
        expect(await page.evaluate(() => (window as unknown as Stubbed).__violations)).toEqual([]);
        expect(requests).toEqual([`${ORIGIN}/index.html`, `${ORIGIN}/roadmap.js`]);
        expect(problems).toEqual([]);
        await page.close();
    });
});

describe('integ roadmap -o r.html', () => {
    it('opens with no console error and no network request', async () => {
        const target = path.join(tmp, 'r.html');
        const quiet = { write: () => true };
        const code = await runCli(['roadmap', path.join(root, 'samples/acme'), '-o', target], { stdout: quiet, stderr: quiet, cwd: root });
        expect(code).toBe(0);
        const { page, problems } = await watchedPage();
        const network: string[] = [];
        await page.route('**/*', route => {
            const url = route.request().url();
            if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
            network.push(url);
            return route.abort();
        });
        await page.goto(pathToFileURL(target).toString());
        const bars = await page.$$eval('svg.gantt g.bar', elements => elements.length);
        expect(bars).toBeGreaterThanOrEqual(6);
        expect(await page.$$eval('table.impact tbody tr', elements => elements.length)).toBe(bars);
        expect(network).toEqual([]);
        expect(problems).toEqual([]);
        await page.close();
    });
});
