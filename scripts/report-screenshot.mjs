// Renders an `integ report --format html` page in headless Chromium: a screenshot of the brief in
// the light (print) colours and in a dark editor theme, and whether the brief fits one printed page.
// node scripts/report-screenshot.mjs report.html out-prefix   (writes out-prefix-light.png, -dark.png, -print.png, -A4.pdf, -Letter.pdf)
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [input, prefix = '/tmp/report-brief'] = process.argv.slice(2);
if (!input) { console.error('usage: node scripts/report-screenshot.mjs report.html [out-prefix]'); process.exit(2); }

/** What a dark VS Code theme sets on a webview: enough of it to see the charts follow it. */
const DARK = ':root { --vscode-editor-foreground: #cccccc; --vscode-editor-background: #1f1f1f; --vscode-descriptionForeground: #9d9d9d;'
    + ' --vscode-editorWidget-border: #454545; --vscode-editorWidget-background: #252526; --vscode-charts-blue: #3794ff; --vscode-charts-orange: #d18616; }';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
    for (const [theme, width] of [['light', 1280], ['dark', 800]]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(pathToFileURL(input).href);
        if (theme === 'dark') await page.addStyleTag({ content: DARK });
        // HTML boxes wider than their box, and chart text cut off by its SVG's edge.
        const overflow = await page.evaluate(() => [
            ...[...document.querySelectorAll('.brief *')]
                .filter(el => !el.closest('svg') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow === 'visible')
                .map(el => `${el.tagName}.${el.getAttribute('class') ?? ''}`),
            ...[...document.querySelectorAll('.brief svg text')].filter(text => {
                const box = text.getBBox();
                const view = text.ownerSVGElement.viewBox.baseVal;
                return box.x < -0.5 || box.x + box.width > view.width + 0.5;
            }).map(text => `svg text "${text.textContent}"`)
        ]);
        const brief = await page.$('.brief');
        await brief.screenshot({ path: `${prefix}-${theme}.png` });
        console.log(`${theme} ${width}px: brief ${JSON.stringify(await brief.boundingBox())}, overflowing: ${JSON.stringify(overflow)}`);
        await page.close();
    }
    const page = await browser.newPage();
    await page.goto(pathToFileURL(input).href);
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter']) {
        await page.pdf({ path: `${prefix}-${format}.pdf`, format });
        // The brief's height at the printed width (A4: 186 mm inside 12 mm margins ≈ 703 px) against the page's.
        const widthPx = format === 'A4' ? 186 / 25.4 * 96 : (215.9 - 24) / 25.4 * 96;
        const heightPx = format === 'A4' ? (297 - 24) / 25.4 * 96 : (279.4 - 24) / 25.4 * 96;
        await page.setViewportSize({ width: Math.floor(widthPx), height: 1000 });
        const brief = await page.$('.brief');
        const box = await brief.boundingBox();
        if (format === 'A4') await brief.screenshot({ path: `${prefix}-print.png` });
        console.log(`print ${format}: brief ${Math.round(box.height)} px tall of ${Math.round(heightPx)} px → ${box.height <= heightPx ? 'one page' : 'MORE THAN ONE PAGE'}`);
    }
} finally {
    await browser.close();
}
