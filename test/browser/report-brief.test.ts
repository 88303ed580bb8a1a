// The HTML report's one-page brief in headless Chromium: light and dark themes, two widths, print.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../language-server/src/cli/run-cli.js';

/** What a dark VS Code theme sets on a webview, enough for the brief's colours to follow it. */
const DARK = ':root { --vscode-editor-foreground: #cccccc; --vscode-editor-background: #1f1f1f; --vscode-descriptionForeground: #9d9d9d;'
    + ' --vscode-editorWidget-border: #454545; --vscode-editorWidget-background: #252526; --vscode-charts-blue: #3794ff; --vscode-charts-orange: #d18616; }';

let browser: Browser;
let tmp: string;
let page: string;

beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'integ-brief-browser-'));
    page = path.join(tmp, 'report.html');
    const code = await runCli(['report', 'samples/acme', '--format', 'html', '--today', '2026-01-15', '-o', page], { stdout: { write: () => true }, stderr: { write: () => true }, cwd: process.cwd() });
    expect(code).toBe(0);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});

afterAll(async () => {
    await browser?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** HTML boxes wider than their box, and chart text that runs past its SVG's edge. */
function overflowing(p: Page): Promise<string[]> {
    return p.evaluate(() => [
        ...[...document.querySelectorAll('.brief *')]
            .filter(el => !el.closest('svg') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow === 'visible')
            .map(el => `${el.tagName}.${el.getAttribute('class') ?? ''}`),
        ...[...document.querySelectorAll<SVGTextElement>('.brief svg text')].filter(text => {
            const box = text.getBBox();
            return box.x < -0.5 || box.x + box.width > text.ownerSVGElement!.viewBox.baseVal.width + 0.5;
        }).map(text => `svg text "${text.textContent}"`),
        ...[...document.querySelectorAll('.brief figure, .brief .card')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .map(el => `${el.tagName} past the page's right edge`)
    ]);
}

describe('the report brief in Chromium', () => {
    for (const theme of ['light', 'dark'] as const) {
        for (const width of [1280, 800]) {
            it(`${theme} at ${width} px: nothing overflows and the charts take the theme's colours`, async () => {
                const p = await browser.newPage({ viewport: { width, height: 900 } });
                await p.goto(pathToFileURL(page).href);
                if (theme === 'dark') await p.addStyleTag({ content: DARK });
                expect(await overflowing(p)).toEqual([]);
                const bar = await p.evaluate(() => getComputedStyle(document.querySelector('svg.chart rect.bar')!).fill);
                expect(bar).toBe(theme === 'dark' ? 'rgb(55, 148, 255)' : 'rgb(0, 114, 178)');
                await p.close();
            });
        }
    }

    it('prints the brief on one A4 and one Letter page, the tables after it', async () => {
        const p = await browser.newPage();
        await p.goto(pathToFileURL(page).href);
        await p.emulateMedia({ media: 'print' });
        // The printable area inside 12 mm margins, in CSS pixels.
        for (const [width, height] of [[210, 297], [215.9, 279.4]]) {
            const inner = (mm: number) => (mm - 24) / 25.4 * 96;
            await p.setViewportSize({ width: Math.floor(inner(width)), height: 1000 });
            const box = (await (await p.$('.brief'))!.boundingBox())!;
            expect(box.height).toBeLessThanOrEqual(inner(height));
            expect(await overflowing(p)).toEqual([]);
        }
        expect(await p.evaluate(() => getComputedStyle(document.querySelector('.brief')!).breakAfter)).toBe('page');
        await p.close();
    });
});
