// The diagram preview's webview in headless Chromium (Debian's), answered by a stand-in for the
// extension that asks the real diagram code (diagram-preview-harness.ts). Screenshots in test-results/.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_LAST_GOOD, MAY_BE_INCOMPLETE } from '../../extension/webview/diagram/banner.js';
import { nearestInDirection } from '../../extension/webview/diagram/keyboard-nav.js';
import { medianShift } from '../../extension/webview/diagram/stable-pan.js';
import { CHROMIUM_ARGS, PreviewHarness, type Files, type Posted } from './diagram-preview-harness.js';

const HOSTILE = '<script>alert(1)</script>';
const HOSTILE_IMG = '"><img src=x onerror=alert(1)>';
const MODEL = `
department Sales "Sales"
department Finance "Finance & Control"
system Crm ${JSON.stringify(HOSTILE)} { kind crm  department Sales }
system Erp "\\"><img src=x onerror=alert(1)>" { kind erp  department Finance }
system Sheet "Budget sheet" { kind spreadsheet  department Finance }
flow Orders "Orders" : Crm -> Erp { style api }
flow Budget "Budget re-keyed" : Sheet -> Erp { style manual  effort 4 hours per week }
`;
const SMALL: Files = { 'model.integ': MODEL };
const RESULTS = 'test-results';

function acme(): Files {
    const folder = 'samples/acme';
    return Object.fromEntries(readdirSync(folder).filter(name => name.endsWith('.integ')).map(name => [name, readFileSync(join(folder, name), 'utf8')]));
}

const sel = (id: string) => `#canvas [data-id=${JSON.stringify(id)}]`;

async function screenBox(page: Page, id: string) {
    const box = await page.locator(`${sel(id)} > rect.box, ${sel(id)} > rect.frame`).first().boundingBox();
    if (!box) throw new Error(`${id} is not on screen`);
    return box;
}

async function screenCentres(page: Page): Promise<Map<string, { x: number; y: number; width: number }>> {
    const list = await page.locator('#canvas g.integ-node[data-id] > rect.box').evaluateAll(rects => rects.map(rect => {
        const box = rect.getBoundingClientRect();
        const id = rect.parentElement?.getAttribute('data-id') ?? '';
        return { id, x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width };
    }));
    const centres = new Map<string, { x: number; y: number; width: number }>();
    for (const entry of list) if (!centres.has(entry.id)) centres.set(entry.id, entry);
    return centres;
}

async function scale(page: Page): Promise<number> {
    const transform = await page.locator('#canvas').evaluate(canvas => (canvas as HTMLElement).style.transform);
    return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

async function viewportCentre(page: Page) {
    const box = await page.locator('#viewport').boundingBox();
    return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2, width: box!.width };
}

/** A point of the page where the element itself (not what is drawn over it) is under the pointer. */
async function bareSpotOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
    return page.locator(selector).first().evaluate(element => {
        const box = element.getBoundingClientRect();
        for (let fy = 0.95; fy > 0.05; fy -= 0.05) {
            for (let fx = 0.05; fx < 0.95; fx += 0.05) {
                const x = box.x + box.width * fx;
                const y = box.y + box.height * fy;
                if (document.elementFromPoint(x, y) === element) return { x, y };
            }
        }
        throw new Error('no bare spot');
    });
}

async function noHarm(page: Page): Promise<void> {
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __alerts: unknown[] }).__alerts)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
}

let browser: Browser;

beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
    await browser?.close();
});

describe('pure parts of the webview', () => {
    it('keeps the median node where it was: the pan absorbs the shift of the picture, not of the few nodes that moved', () => {
        const before = new Map([['a', { x: 0, y: 0 }], ['b', { x: 100, y: 0 }], ['c', { x: 200, y: 50 }], ['gone', { x: 5, y: 5 }]]);
        const after = new Map([['a', { x: 10, y: 40 }], ['b', { x: 110, y: 40 }], ['c', { x: 600, y: 90 }], ['new', { x: 0, y: 0 }]]);
        expect(medianShift(before, after)).toEqual({ x: 10, y: 40 });
        expect(medianShift(before, new Map([['other', { x: 0, y: 0 }]]))).toBeUndefined();
    });

    it('moves keyboard focus to the nearest node in the arrow\'s direction, preferring those straight ahead', () => {
        const nodes = [
            { id: 'right-far', at: { x: 300, y: 0 } }, { id: 'right-near-aside', at: { x: 60, y: 200 } },
            { id: 'right-near', at: { x: 120, y: 10 } }, { id: 'up', at: { x: 0, y: -100 } }, { id: 'left', at: { x: -80, y: 30 } }
        ];
        expect(nearestInDirection({ x: 0, y: 0 }, nodes, 'right')).toBe('right-near');
        expect(nearestInDirection({ x: 0, y: 0 }, nodes, 'up')).toBe('up');
        expect(nearestInDirection({ x: 0, y: 0 }, nodes, 'left')).toBe('left');
        expect(nearestInDirection({ x: 0, y: 0 }, nodes, 'down')).toBe('right-near-aside');
        expect(nearestInDirection({ x: 1000, y: 0 }, nodes, 'right')).toBeUndefined();
    });
});

describe('diagram webview: a small model with hostile names', () => {
    let preview: PreviewHarness;
    let page: Page;

    beforeAll(async () => {
        preview = await PreviewHarness.open(browser, SMALL);
        page = preview.page;
    });

    afterAll(async () => {
        await page?.close();
    });

    it('has the strict CSP meta', async () => {
        const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
        expect(csp).toContain("default-src 'none'");
        expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9]+'/);
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\/(?!webview\.test)/);
    });

    it('asks for the picture without chrome, laid out for the panel\'s size, and shows the title, notes and legend outside it', async () => {
        const ready = (await preview.posted()).find(m => m.type === 'ready');
        expect(ready?.panel).toEqual({ width: 1200, height: 800 });
        expect(preview.params).toMatchObject({ chrome: false, hoverTitles: false, panel: { width: 1200, height: 800 } });
        expect(await page.locator('#canvas .integ-title, #canvas .integ-legend').count()).toBe(0);
        expect(await page.textContent('#title')).toBe(preview.result?.title);
        expect(await page.locator('#legend-body svg.integ-legend-sheet').count()).toBe(1);
        expect(await page.locator('#legend').isVisible()).toBe(true);
    });

    it('draws the nodes and edges of the model', async () => {
        expect(await page.locator('#canvas [data-id^="system:"]').count()).toBe(3);
        expect(await page.locator('#canvas [data-id^="flow:"]').count()).toBe(2);
        expect(await page.locator('#canvas .integ-group').count()).toBe(2);
        expect(await page.textContent('#status')).toBe('3 nodes · 2 edges');
    });

    it('shows hostile titles as text (picture, search suggestions), and runs no script', async () => {
        const labels = await page.locator('#canvas text').allTextContents();
        expect(labels).toContain(HOSTILE);
        expect(labels.some(label => label.includes('<img src=x onerror=alert(1)>'))).toBe(true);
        const suggestions = await page.locator('#search-list option').evaluateAll(options => options.map(o => (o as HTMLOptionElement).label));
        expect(suggestions).toContain(HOSTILE);
        expect(suggestions.some(label => label.includes(HOSTILE_IMG.slice(2)))).toBe(true);
        await noHarm(page);
    });

    it('keeps only inert drawing of a forged picture: no script, foreign HTML, handler or outside link reaches the page', async () => {
        const forged = `<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='300' height='200' onload='alert(1)'>`
            + `<script>alert(2)</script><style>*{background:url(https://evil.test/x)}</style>`
            + `<foreignObject width='100' height='100'><img xmlns='http://www.w3.org/1999/xhtml' src='x' onerror='alert(3)'/></foreignObject>`
            + `<a href='javascript:alert(4)'><rect width='10' height='10'/></a>`
            + `<image href='https://evil.test/track.png' width='10' height='10'/><use xlink:href='https://evil.test/s.svg#x'/>`
            + `<g class='integ-node' data-id='system:Crm' onmouseover='alert(5)'><rect class='box' x='10' y='10' width='80' height='40' fill='url(#local)'/>`
            + `<text x='20' y='30'>kept</text></g><iframe src='https://evil.test'/></svg>`;
        const real = preview.result!;
        await preview.expectPicture(() => preview.send({ type: 'diagram', result: { ...real, svg: forged }, options: preview.options }));
        expect(await page.locator('#canvas text').allTextContents()).toEqual(['kept']);
        const found = await page.locator('#canvas *').evaluateAll(elements => elements.map(element => ({
            name: element.localName, attributes: Array.from(element.attributes).map(a => `${a.name}=${a.value}`)
        })));
        expect(found.map(element => element.name).filter(name => ['script', 'style', 'foreignObject', 'img', 'a', 'image', 'use', 'iframe'].includes(name))).toEqual([]);
        const attributes = found.flatMap(element => element.attributes);
        expect(attributes.filter(attribute => /^on/i.test(attribute) || /href=(?!#)/i.test(attribute))).toEqual([]);
        expect(attributes).toContain('fill=url(#local)');
        const seen = await page.evaluate(() => {
            const w = window as unknown as { __alerts: unknown[]; __errors: string[]; __violations: string[] };
            return { __alerts: w.__alerts, __errors: w.__errors, __violations: w.__violations };
        });
        expect(seen.__alerts).toEqual([]);
        expect(seen.__errors).toEqual([]);
        // Parsing the forged text meets its handler attributes, which the page's policy refuses to
        // compile (one report each) before the sanitiser drops them; nothing was fetched or run.
        expect(seen.__violations.filter(violation => violation !== 'script-src-attr inline')).toEqual([]);
        await page.evaluate(() => { (window as unknown as { __violations: string[] }).__violations = []; });
        await preview.expectPicture(() => preview.send({ type: 'diagram', result: real, options: preview.options }));
    });

    it('reveals a clicked node after the double-click wait, and shows its tooltip on hover', async () => {
        await page.locator(`${sel('system:Sheet')} rect.box`).click();
        expect((await preview.waitForPosted('reveal')).id).toBe('system:Sheet');
        await page.locator(`${sel('system:Sheet')} rect.box`).hover();
        await page.waitForSelector('#tooltip.visible .tip-title');
        expect(await page.textContent('#tooltip')).toContain('shadow IT');
    });

    it('hides the tooltip when the pointer leaves the element, leaves the viewport, or the picture is zoomed', async () => {
        const hover = async () => {
            await page.locator(`${sel('system:Sheet')} rect.box`).hover();
            await page.waitForSelector('#tooltip.visible');
        };
        await hover();
        const node = await screenBox(page, 'system:Sheet');
        await page.mouse.move(node.x - 60, node.y - 60);
        expect(await page.locator('#tooltip').isVisible()).toBe(false);
        await hover();
        await page.mouse.move(600, 10);
        expect(await page.locator('#tooltip').isVisible()).toBe(false);
        await hover();
        await page.mouse.wheel(0, 50);
        await page.waitForSelector('#tooltip:not(.visible)', { state: 'attached' });
        await page.click('#fit');
    });

    it('lays a wide click target under each flow, made in the page from the line the server drew once', async () => {
        expect(preview.result?.svg).not.toMatch(/class=["']hit/);
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
    });

    it('draws arrowheads from the stylesheet: at the end of every flow', async () => {
        const markers = await page.locator('#canvas path.line').evaluateAll(paths => paths.map(path => {
            const style = getComputedStyle(path);
            return { end: style.markerEnd, start: style.markerStart, twoWay: path.closest('.two-way') !== null };
        }));
        expect(markers.length).toBe(2);
        for (const marker of markers) {
            expect(marker.end).toMatch(/#integ-arrow-(manual|batch|realtime|script|other)/);
            expect(marker.start).toBe('none');
        }
    });

    it('reveals a flow clicked just beside its line, and shows its tooltip with its finding lines', async () => {
        // Somewhere along the line, a third of the target's half-width off it, where nothing is drawn over the target.
        const point = await page.locator(`${sel('flow:Budget')} path.line`).evaluate(element => {
            const path = element as SVGPathElement;
            const length = path.getTotalLength();
            const matrix = path.getScreenCTM()!;
            const screen = (p: DOMPoint) => new DOMPoint(p.x, p.y).matrixTransform(matrix);
            for (let at = 0.2; at < 0.9; at += 0.05) {
                const [a, b] = [screen(path.getPointAtLength(length * at)), screen(path.getPointAtLength(length * at + 1))];
                const norm = Math.hypot(b.x - a.x, b.y - a.y) || 1;
                const off = 5 * matrix.a * 0.6;
                const candidate = { x: a.x - (b.y - a.y) / norm * off, y: a.y + (b.x - a.x) / norm * off };
                if (document.elementFromPoint(candidate.x, candidate.y)?.getAttribute('class') === 'hit') return candidate;
            }
            return undefined;
        });
        expect(point).toBeDefined();
        await preview.clearPosted();
        await page.mouse.click(point!.x, point!.y);
        expect((await preview.waitForPosted('reveal')).id).toBe('flow:Budget');
        await page.mouse.move(point!.x + 1, point!.y);
        await page.waitForFunction(() => document.querySelector('#tooltip.visible .tip-title')?.textContent?.includes('Budget'));
        expect(await page.textContent('#tooltip .tip-title')).toMatch(/^Budget re-keyed .*\(Budget\)$/);
        const body = await page.textContent('#tooltip');
        const budget = preview.findings().filter(f => f.element.kind === 'flow' && f.element.name === 'Budget');
        expect(budget.length).toBeGreaterThan(0);
        for (const finding of budget) expect(body).toContain(`${finding.severity} ${finding.ruleId}: ${finding.message}`);
    });

    it('shows a hostile name in a tooltip as text', async () => {
        await page.locator(`${sel('system:Crm')} rect.box`).hover();
        await page.waitForFunction(() => document.querySelector('#tooltip .tip-title')?.textContent?.includes('Crm'));
        expect(await page.textContent('#tooltip .tip-title')).toBe(`${HOSTILE} (Crm)`);
        expect(await page.locator('#tooltip *').count()).toBe(2);
        await noHarm(page);
    });

    it('fetches each tooltip once per picture and ignores an answer about an earlier picture', async () => {
        await preview.expectPicture(() => preview.send({ type: 'diagram', result: preview.result!, options: preview.options }));
        await preview.clearPosted();
        for (let i = 0; i < 2; i++) {
            await page.mouse.move(0, 0);
            await page.locator(`${sel('system:Sheet')} rect.box`).hover();
            await page.waitForSelector('#tooltip.visible .tip-title');
        }
        const asked = (await preview.posted()).filter(m => m.type === 'tooltip');
        expect(asked.filter(m => m.id === 'system:Sheet')).toHaveLength(1);
        await preview.expectPicture(() => preview.send({ type: 'diagram', result: preview.result!, options: preview.options }));
        await preview.send({ type: 'tooltip', id: 'system:Sheet', seq: asked[0].seq, tooltip: { title: 'stale', lines: [] } });
        await page.mouse.move(0, 0);
        await page.locator(`${sel('system:Sheet')} rect.box`).hover();
        await page.waitForSelector('#tooltip.visible .tip-title');
        expect(await page.textContent('#tooltip .tip-title')).not.toBe('stale');
        expect((await preview.posted()).filter(m => m.type === 'tooltip' && m.id === 'system:Sheet')).toHaveLength(2);
    });

    it('"Fit" enlarges a small picture above 100 %, up to 200 %', async () => {
        await page.click('#fit');
        const fitted = await scale(page);
        expect(fitted).toBeGreaterThan(1);
        expect(fitted).toBeLessThanOrEqual(2);
    });

    it('switches the lens on the picture and the legend without asking the server, and remembers it', async () => {
        const stroke = () => page.locator(`${sel('flow:Orders')} path.line`).evaluate(path => getComputedStyle(path).stroke);
        const styleColour = await stroke();
        const asked = (await preview.posted()).length;
        await page.selectOption('#lens', 'findings');
        const roots = await page.locator('#canvas > svg, #legend-body > svg').evaluateAll(svgs => svgs.map(svg => svg.getAttribute('class')));
        expect(roots).toHaveLength(2);
        for (const classes of roots) {
            expect(classes).toContain('lens-findings');
            expect(classes).not.toContain('lens-style');
        }
        expect(await stroke()).not.toBe(styleColour);
        expect(await page.locator('#legend-body .legend-findings').evaluate(g => getComputedStyle(g).display)).not.toBe('none');
        expect((await preview.posted()).length).toBe(asked);
        expect(await page.evaluate(() => (window as unknown as { __state: { lens: string } }).__state.lens)).toBe('findings');
    });

    it('exports the SVG with the lens on screen, and a PNG drawn from the exported picture', async () => {
        await page.click('#export-svg');
        expect(await preview.waitForPosted('exportSvg')).toEqual({ type: 'exportSvg', lens: 'findings' });
        await page.click('#export-png');
        const png = await preview.waitForPosted('savePng', 20_000);
        expect(Buffer.from(String(png.base64), 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(preview.exports.map(e => [e.chrome, e.hoverTitles, e.lens])).toEqual([[true, true, 'findings'], [true, true, 'findings']]);
        await page.selectOption('#lens', 'style');
    });

    it('"Show in diagram" zooms to the element so that its ring shows, and centres it', async () => {
        await page.click('#fit');
        await page.evaluate(() => { (document.querySelector('#canvas') as HTMLElement).style.transform = 'translate(0px, 0px) scale(0.3)'; });
        await preview.expectPicture(() => preview.send({ type: 'diagram', result: preview.result!, options: preview.options, focus: 'system:Sheet' }));
        await page.waitForSelector(`${sel('system:Sheet')}.integ-focus`);
        const node = await screenBox(page, 'system:Sheet');
        const centre = await viewportCentre(page);
        expect(Math.abs(node.x + node.width / 2 - centre.x)).toBeLessThan(2);
        expect(Math.abs(node.y + node.height / 2 - centre.y)).toBeLessThan(2);
        const nodeWidth = Number(await page.locator(`${sel('system:Sheet')} > rect.box`).getAttribute('width'));
        expect(node.width).toBeGreaterThanOrEqual(Math.min(centre.width / 4, nodeWidth * 1.5) - 1);
        expect(await page.locator(`${sel('system:Sheet')} > rect.box`).evaluate(rect => getComputedStyle(rect).strokeWidth)).toBe('3.5px');
    });

    it('says why a view is empty: a process without steps, the to-be state without a roadmap (model text as text)', async () => {
        await preview.edit({ ...SMALL, 'process.integ': `process Empty ${JSON.stringify(HOSTILE_IMG)} { rank 1 }` });
        await preview.expectPicture(() => page.selectOption('#view-kind', 'process'));
        expect(preview.options.view).toEqual({ kind: 'process', name: 'Empty' });
        await page.waitForSelector('#empty:not([hidden])');
        expect(await page.textContent('#empty')).toContain(`Process ${HOSTILE_IMG} lists no steps`);
        await preview.expectPicture(() => page.selectOption('#view-kind', 'estate'));
        await preview.expectPicture(() => page.selectOption('#state', 'to-be'));
        expect(preview.options.state).toBe('to-be');
        expect(await page.textContent('#notes')).toContain('No roadmap declares an initiative');
        expect(await page.locator('#empty').isHidden()).toBe(true);
        await noHarm(page);
        await preview.expectPicture(() => page.selectOption('#state', 'as-is'));
    });

    it('reports the panel\'s new size once it settles', async () => {
        await page.setViewportSize({ width: 700, height: 900 });
        const size = await preview.waitForPosted('panelSize');
        expect(size.panel).toEqual({ width: 700, height: 900 });
        await page.setViewportSize({ width: 1200, height: 800 });
        await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.filter(m => m.type === 'panelSize').at(-1)?.panel
            && ((window as unknown as { __posted: Array<{ panel?: { width: number } }> }).__posted.filter(m => (m as unknown as Posted).type === 'panelSize').at(-1)!.panel!.width === 1200));
    });

    it('looks right: a screenshot for a human to check (test-results/diagram-webview.png)', async () => {
        await page.click('#fit');
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `${RESULTS}/diagram-webview.png` });
        const box = await page.locator('#canvas svg').boundingBox();
        expect(box && box.width > 100 && box.height > 50).toBe(true);
    });
});

describe('diagram webview: syntax errors', () => {
    const BROKEN: Files = { ...SMALL, 'broken.integ': 'system Broken "Broken" { kind' };

    it('first picture from a model with errors: drawn, said to be maybe incomplete, never "the last good diagram"', async () => {
        const preview = await PreviewHarness.open(browser, BROKEN);
        expect(preview.result?.hasErrors).toBe(true);
        expect(await preview.page.textContent('#banner')).toBe(MAY_BE_INCOMPLETE);
        expect(await preview.page.locator('#canvas [data-id^="system:"]').count()).toBeGreaterThan(0);
        await preview.page.close();
    });

    it('keeps an error-free picture of the same view; a picture that had errors is replaced', async () => {
        const preview = await PreviewHarness.open(browser, SMALL);
        const page = preview.page;
        await preview.edit(BROKEN);
        await page.waitForSelector('#banner.visible');
        expect(await page.textContent('#banner')).toBe(KEPT_LAST_GOOD);
        expect(await page.locator('#canvas [data-id="system:Broken"]').count()).toBe(0);
        // Another view while the errors last: there is no good picture of it to keep.
        await preview.expectPicture(() => page.selectOption('#state', 'to-be'));
        expect(await page.textContent('#banner')).toBe(MAY_BE_INCOMPLETE);
        // The picture on screen now came from the broken model: the next one replaces it.
        await preview.expectPicture(() => preview.edit({ ...BROKEN, 'more.integ': 'system More "More" { kind crm }' }));
        expect(await page.textContent('#banner')).toBe(MAY_BE_INCOMPLETE);
        expect(await page.locator('#canvas [data-id="system:More"]').count()).toBe(1);
        await preview.expectPicture(() => preview.edit(SMALL));
        expect(await page.locator('#banner').isVisible()).toBe(false);
        await page.close();
    });
});

describe('diagram webview: exploring samples/acme', () => {
    let preview: PreviewHarness;
    let page: Page;
    const files = acme();

    beforeAll(async () => {
        preview = await PreviewHarness.open(browser, files, { width: 1400, height: 900 });
        page = preview.page;
    });

    afterAll(async () => {
        await page?.close();
    });

    it('opens the estate as an overview of departments, and says how to open them', async () => {
        expect(preview.result?.expandable.length).toBeGreaterThan(3);
        expect(await page.locator('#canvas g.integ-node.department').count()).toBe(preview.result?.expandable.length);
        expect(await page.textContent('#notes')).toMatch(/click a department/);
        expect(await page.locator('#open-all').textContent()).toBe('Open all');
    });

    it('"Show in diagram" of a flow the overview draws in a bundle rings the bundle, and says so', async () => {
        const bundle = page.locator('#canvas g.integ-edge[data-flows]').first();
        const [id, flows] = [await bundle.getAttribute('data-id'), await bundle.getAttribute('data-flows')];
        const flow = flows!.split(' ')[0];
        expect(await page.locator(sel(`flow:${flow}`)).count()).toBe(0);
        await preview.expectPicture(() => preview.send({ type: 'diagram', result: preview.result!, options: preview.options, focus: `flow:${flow}` }));
        await page.waitForSelector(`${sel(id!)}.integ-focus`);
        expect(await page.textContent('#status')).toBe(`${flow} runs in the line ringed here, with the other flows it stands for (hover it for them).`);
        await page.mouse.click(1, 1);
    });

    it('opens a clicked department; folds it back from its title, not from elsewhere in its box', async () => {
        const department = preview.result!.expandable.find(id => id === 'dept:Finance') ?? preview.result!.expandable[0];
        const name = department.slice('dept:'.length);
        await preview.expectPicture(() => page.locator(`${sel(department)} > rect.box`).first().click());
        expect((await preview.posted()).filter(m => m.type === 'expand').at(-1)).toEqual({ type: 'expand', id: department });
        expect(preview.options.expand).toEqual([name]);
        const group = `group:${name}`;
        expect(preview.result?.collapsible).toContain(group);
        expect(await page.locator(sel(group)).count()).toBe(1);
        expect(await page.locator('#canvas g.integ-node[data-id^="system:"]').count()).toBeGreaterThan(0);

        await preview.clearPosted();
        const inside = await bareSpotOf(page, `${sel(group)} > rect.frame`);
        await page.mouse.click(inside.x, inside.y);
        expect((await preview.waitForPosted('reveal')).id).toBe(group);
        expect((await preview.posted()).some(m => m.type === 'collapse')).toBe(false);

        await preview.expectPicture(() => page.locator(`${sel(group)} > text`).click());
        expect((await preview.posted()).filter(m => m.type === 'collapse')).toEqual([{ type: 'collapse', id: group }]);
        expect(await page.locator(sel(department)).count()).toBe(1);
        expect(preview.options.expand).toEqual([]);
    });

    it('finds a system folded inside a department: the department opens and the system is ringed', async () => {
        expect(preview.options.expand).toEqual([]);
        const folded = preview.result!.folded.find(system => system.department === 'dept:Finance')!;
        expect(await page.locator(sel(folded.id)).count()).toBe(0);
        const suggestions = await page.locator('#search-list option').evaluateAll(list => list.map(o => (o as HTMLOptionElement).label));
        expect(suggestions).toContain(`${folded.title} (in Finance, folded)`);
        await preview.clearPosted();
        await preview.expectPicture(async () => {
            await page.fill('#search', folded.title);
            await page.press('#search', 'Enter');
        });
        expect((await preview.posted()).filter(m => m.type === 'expand')).toEqual([{ type: 'expand', id: 'dept:Finance', focus: folded.id }]);
        expect(preview.options.expand).toEqual(['Finance']);
        await page.waitForSelector(`${sel(folded.id)}.integ-focus`);
        await preview.expectPicture(() => page.locator(`${sel('group:Finance')} > text`).click());
        expect(preview.options.expand).toEqual([]);
    });

    it('"Open all" opens every department and "Fold all" folds them', async () => {
        await preview.expectPicture(() => page.click('#open-all'));
        expect(preview.options.expand).toEqual(['*']);
        expect(await page.locator('#canvas g.integ-node.department').count()).toBe(0);
        expect(await page.locator('#canvas g.integ-node[data-id^="system:"]').count()).toBeGreaterThan(30);
        expect(await page.locator('#open-all').textContent()).toBe('Fold all');
        await page.click('#fit');
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `${RESULTS}/diagram-webview-acme-open.png` });
        await preview.expectPicture(() => page.click('#open-all'));
        expect(preview.options.expand).toEqual([]);
        expect(await page.locator('#canvas g.integ-node.department').count()).toBeGreaterThan(3);
    });

    it('keeps the nodes on screen where they were when a new answer for the same view arrives (an edit adds a system)', async () => {
        await preview.expectPicture(() => page.locator(`${sel('dept:Finance')} > rect.box`).first().click());
        await page.click('#fit');
        const before = await screenCentres(page);
        const member = [...before.keys()].find(id => id.startsWith('system:'))!.slice('system:'.length);
        const added = `system Ledger2 "Second ledger" { kind erp  department Finance }\nflow LedgerFeed "Ledger feed" : ${member} -> Ledger2 { style api }\n`;
        await preview.expectPicture(() => preview.edit({ ...files, 'added.integ': added }));
        expect(await page.locator(sel('system:Ledger2')).count()).toBe(1);
        const after = await screenCentres(page);
        const moves: Array<{ dx: number; dy: number }> = [];
        for (const [id, old] of before) {
            const now = after.get(id);
            if (now) moves.push({ dx: now.x - old.x, dy: now.y - old.y });
        }
        expect(moves.length).toBeGreaterThan(5);
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
        expect(Math.abs(median(moves.map(m => m.dx)))).toBeLessThan(1);
        expect(Math.abs(median(moves.map(m => m.dy)))).toBeLessThan(1);
        await preview.expectPicture(() => preview.edit(files));
    });

    it('highlights a hovered system with its flows and neighbours, dims the rest, and un-highlights on leave', async () => {
        const edges = await page.locator('#canvas g.integ-edge[data-id]').evaluateAll(list => list.map(e => ({ id: e.getAttribute('data-id')!, from: e.getAttribute('data-from')!, to: e.getAttribute('data-to')! })));
        const counts = new Map<string, number>();
        for (const edge of edges) for (const end of [edge.from, edge.to]) counts.set(end, (counts.get(end) ?? 0) + 1);
        const system = [...counts].filter(([id]) => id.startsWith('system:')).sort((a, b) => b[1] - a[1])[0][0];
        const touching = edges.filter(edge => edge.from === system || edge.to === system);
        const neighbours = new Set(touching.map(edge => edge.from === system ? edge.to : edge.from));
        await page.locator(`${sel(system)} > rect.box`).hover();
        expect(await page.locator('#canvas > svg').getAttribute('class')).toContain('highlighting');
        const lit = new Set(await page.locator('#canvas .lit[data-id]').evaluateAll(list => list.map(e => e.getAttribute('data-id'))));
        expect(lit.has(system)).toBe(true);
        for (const edge of touching) expect(lit.has(edge.id)).toBe(true);
        for (const neighbour of neighbours) expect(lit.has(neighbour)).toBe(true);
        const unrelated = await page.locator('#canvas g.integ-node[data-id]:not(.lit)').first();
        expect(Number(await unrelated.evaluate(e => getComputedStyle(e).opacity))).toBeLessThan(0.5);
        await page.mouse.move(700, 5);
        expect(await page.locator('#canvas > svg').getAttribute('class')).not.toContain('highlighting');
        expect(await page.locator('#canvas .lit').count()).toBe(0);
    });

    it('finds a system from the search box, centres it and highlights it', async () => {
        await page.click('#fit');
        const target = (await page.locator('#search-list option').evaluateAll(list => list.map(o => (o as HTMLOptionElement).value))).find(v => v !== 'Finance' && !v.startsWith('('))!;
        const id = (await page.locator('#canvas g.integ-node[data-id]').evaluateAll(list => list.map(n => n.getAttribute('data-id')!))).find(candidate => candidate.endsWith(`:${target}`))!;
        await page.fill('#search', target.toLowerCase());
        await page.press('#search', 'Enter');
        await page.waitForSelector(`${sel(id)}.integ-focus`);
        const node = await screenBox(page, id);
        const centre = await viewportCentre(page);
        expect(Math.abs(node.x + node.width / 2 - centre.x)).toBeLessThan(2);
        expect(Math.abs(node.y + node.height / 2 - centre.y)).toBeLessThan(2);
        expect(await page.locator('#canvas > svg').getAttribute('class')).toContain('highlighting');
        expect(await page.locator(`${sel(id)}`).getAttribute('class')).toContain('lit');
        await page.fill('#search', 'no such system at all');
        await page.press('#search', 'Enter');
        expect(await page.textContent('#status')).toContain('No system matches');
    });

    it('moves between nodes with the arrow keys; Enter reveals, with a visible focus ring', async () => {
        await page.click('#fit');
        await page.focus('#viewport');
        await page.keyboard.press('ArrowRight');
        const first = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
        expect(first).toMatch(/^(system|dept):/);
        expect(await page.locator(`${sel(first!)} > rect.box`).evaluate(rect => getComputedStyle(rect).strokeWidth)).toBe('3.5px');
        let moved: { key: string; from: { x: number; y: number }; to: { x: number; y: number } } | undefined;
        for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
            const from = await screenBox(page, first!);
            await page.keyboard.press(key);
            const now = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
            if (now && now !== first) {
                moved = { key, from, to: await screenBox(page, now) };
                break;
            }
        }
        expect(moved).toBeDefined();
        const dx = moved!.to.x - moved!.from.x;
        const dy = moved!.to.y - moved!.from.y;
        if (moved!.key === 'ArrowRight') expect(dx).toBeGreaterThan(0);
        if (moved!.key === 'ArrowDown') expect(dy).toBeGreaterThan(0);
        if (moved!.key === 'ArrowLeft') expect(dx).toBeLessThan(0);
        if (moved!.key === 'ArrowUp') expect(dy).toBeLessThan(0);
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
        await preview.clearPosted();
        if (focused?.startsWith('system:')) {
            await page.keyboard.press('Enter');
            expect((await preview.waitForPosted('reveal')).id).toBe(focused);
        }
        expect(await page.locator('#canvas g.integ-node[tabindex="0"]').count()).toBe(1);
    });

    it('opens a system\'s context view on double click (no reveal), with a breadcrumb; Back returns to the view as it was', async () => {
        await page.click('#fit');
        await page.mouse.wheel(0, -120);
        const optionsBefore = preview.options;
        const panBefore = await page.locator('#canvas').evaluate(c => (c as HTMLElement).style.transform);
        const system = (await page.locator('#canvas g.integ-node[data-id^="system:"]').evaluateAll(list => list.map(n => n.getAttribute('data-id')!)))[0];
        const name = system.slice('system:'.length);
        await preview.clearPosted();
        await preview.expectPicture(() => page.locator(`${sel(system)} > rect.box`).dblclick());
        await page.waitForTimeout(400);
        expect((await preview.posted()).filter(m => m.type === 'reveal')).toEqual([]);
        expect((await preview.posted()).filter(m => m.type === 'setOptions').at(-1)?.options).toMatchObject({ view: { kind: 'system', name, depth: 1 } });
        expect(await page.locator('#back').isVisible()).toBe(true);
        expect((await page.textContent('#trail'))?.replace(/\s+/g, ' ')).toBe(`Estate›${name}`);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `${RESULTS}/diagram-webview-context.png` });

        await preview.expectPicture(() => page.click('#back'));
        expect(preview.options).toEqual(optionsBefore);
        expect(await page.locator('#canvas').evaluate(c => (c as HTMLElement).style.transform)).toBe(panBefore);
        expect(await page.locator('#back').isVisible()).toBe(false);
    });

    it('Shift+Enter on a focused system opens its context view too', async () => {
        const system = (await page.locator('#canvas g.integ-node[data-id^="system:"]').evaluateAll(list => list.map(n => n.getAttribute('data-id')!)))[0];
        await page.locator(sel(system)).focus();
        await preview.expectPicture(() => page.keyboard.press('Shift+Enter'));
        expect(preview.options.view).toEqual({ kind: 'system', name: system.slice('system:'.length), depth: 1 });
        await preview.expectPicture(() => page.click('#back'));
        expect(preview.options.view.kind).toBe('estate');
    });

    it('follows a piece of data: asks with `follow`, dims what does not store or carry it; clearing stops following', async () => {
        await preview.expectPicture(() => page.click('#open-all'));
        const data = preview.result!.choices.data.find(choice => /^Customer\.\w*[Ee]mail/.test(choice)) ?? preview.result!.choices.data.find(choice => choice.includes('.'))!;
        expect(await page.locator('#follow-list option').count()).toBe(preview.result!.choices.data.length);
        await page.fill('#follow', data.toLowerCase());
        await preview.expectPicture(() => page.press('#follow', 'Enter'));
        expect(preview.options.follow).toBe(data);
        expect(await page.inputValue('#follow')).toBe(data);
        expect(await page.locator('#canvas > svg').getAttribute('class')).toContain('following');
        const dimmed = page.locator('#canvas g.integ-node.dim');
        expect(await dimmed.count()).toBeGreaterThan(0);
        expect(Number(await dimmed.first().evaluate(e => getComputedStyle(e).opacity))).toBeLessThan(0.5);
        expect(await page.locator('#canvas g.integ-node[data-id]:not(.dim)').count()).toBeGreaterThan(0);
        await page.selectOption('#lens', 'data');
        await page.click('#fit');
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `${RESULTS}/diagram-webview-follow.png` });
        await page.selectOption('#lens', 'style');
        await page.fill('#follow', '');
        await preview.expectPicture(() => page.press('#follow', 'Enter'));
        expect(preview.options.follow).toBeUndefined();
        expect(await page.locator('#canvas > svg').getAttribute('class')).not.toContain('following');
        await noHarm(page);
    });

    it('looks right: the picture in docs/extension.md, as test-results/diagram-webview-docs.png (copy it to docs/images/diagram-preview.png)', async () => {
        await page.setViewportSize({ width: 1280, height: 820 });
        await page.fill('#search', '');
        await preview.expectPicture(() => page.click('#open-all'));
        await preview.expectPicture(() => page.locator(`${sel('dept:Finance')} > rect.box`).first().click());
        await page.selectOption('#lens', 'data');
        await page.click('#fit');
        const box = await screenBox(page, 'system:SageIntacct');
        // Near the box's right edge, so that the tooltip opens over empty space.
        await page.mouse.move(box.x + box.width - 6, box.y + 6);
        await page.waitForSelector('#tooltip.visible .tip-title');
        await page.screenshot({ path: `${RESULTS}/diagram-webview-docs.png` });
        expect(await page.locator(`${sel('system:SageIntacct')}.lit`).count()).toBe(1);
    });
});
