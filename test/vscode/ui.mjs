// `npm run test:ui` (second half of `npm run test:vscode`): what a user sees. Packages the VSIX, installs it
// into a fresh code-server with --install-extension, and drives the workbench in headless chromium:
// squiggles and status-bar counts, the diagram (overview of departments, drill-down, a bundled line's flows
// offered on a click, every system, to-be, click-to-reveal, hover, context view and breadcrumb, a lens, follow-the-data, stable positions after an
// edit), every control visible in a light, a dark and both high-contrast themes, the roadmap, the findings
// view (grouping, reveal, quick fix and accept from its context menu, live update), the "If retired" impact
// view, a finding's code link opening the shipped rules reference, nothing posted to a closed panel;
// screenshots in test-results/vscode-*.png.
// Env: INTEG_E2E_VSIX (use this VSIX, skip packaging), INTEG_E2E_SAMPLE, INTEG_E2E_SKIP_BUILD=1,
// INTEG_E2E_VERBOSE=1, INTEG_E2E_KEEP=1, INTEG_E2E_TIMEOUT (s, default 240).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, SAMPLE_SCAN_MODULE, buildForTests } from './build-suite.mjs';
import { createSandbox, ensureCodeServer, sampleFolder } from './lib/code-server.mjs';
import { writeExpectedFindings } from './lib/expected-findings.mjs';
import { installVsix, packageVsix, RESULTS, runInWorkbench, uiReporter, writeTypingSettings } from './lib/ui-run.mjs';
import { focusWorkbench, goTo, openFile, restMouse, runCommand, until, webviewFrame } from './lib/workbench-actions.mjs';

const verbose = process.env.INTEG_E2E_VERBOSE === '1';
const { say, check, summary } = uiReporter('test:ui');
const TIMEOUT_S = Number(process.env.INTEG_E2E_TIMEOUT ?? 240);
/** The themes every control must be visible in; `workbench` is the class the workbench takes. */
const THEMES = [
    { label: 'Light Modern', file: 'light', workbench: '.monaco-workbench.vs', highContrast: false },
    { label: 'Dark Modern', file: 'dark', workbench: '.monaco-workbench.vs-dark', highContrast: false },
    { label: 'Dark High Contrast', file: 'dark-hc', workbench: '.monaco-workbench.hc-black', highContrast: true },
    { label: 'Light High Contrast', file: 'light-hc', workbench: '.monaco-workbench.hc-light', highContrast: true }
];

/** Declarations of the copied sample: systems and initiatives with file and 1-based line, and the ends of live flows. */
async function scanSample(workspace) {
    const { blankCommentsAndStrings, lineOf } = await import(SAMPLE_SCAN_MODULE);
    const declarations = { system: [], initiative: [], flow: [], liveFlowEnds: new Set() };
    const walk = dir => readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.integ') ? [join(dir, entry.name)] : []);
    for (const file of walk(workspace)) {
        const text = readFileSync(file, 'utf8');
        const code = blankCommentsAndStrings(text);
        for (const match of code.matchAll(/\b(system|initiative)\s+([A-Za-z_][\w-]*)/g)) {
            const open = code.indexOf('{', match.index);
            const body = open < 0 ? '' : code.slice(open, code.indexOf('}', open));
            const status = /\bstatus\s+(\w+)/.exec(body)?.[1] ?? 'live';
            const department = /\bdepartment\s+([A-Za-z_][\w-]*)/.exec(body)?.[1];
            declarations[match[1]].push({ name: match[2], status, department, file: relative(workspace, file).split('\\').join('/'), line: lineOf(text, match.index) + 1 });
        }
        for (const match of code.matchAll(/^[ \t]*flow\s+([A-Za-z_][\w-]*)/gm)) {
            declarations.flow.push({ name: match[1], file: relative(workspace, file).split('\\').join('/'), line: lineOf(text, match.index) + 1 });
        }
        for (const match of code.matchAll(/\bflow\s+[A-Za-z_][\w-]*[^:{]*:\s*([A-Za-z_][\w-]*)\s*<?->\s*([A-Za-z_][\w-]*)/g)) {
            const open = code.indexOf('{', match.index);
            const body = open < 0 ? '' : code.slice(open, code.indexOf('}', open));
            if ((/\bstatus\s+(\w+)/.exec(body)?.[1] ?? 'live') === 'live') [match[1], match[2]].forEach(end => declarations.liveFlowEnds.add(end));
        }
    }
    return declarations;
}

/** Runs an item of the open context menu: pointed at (which focuses it), then Enter, as a mouse click on it is not always taken. */
async function chooseMenuItem(page, label) {
    const item = page.locator('.monaco-menu .action-label').getByText(label, { exact: true });
    await item.hover();
    // A hover that raises no mouse move leaves the keyboard on another item: walk to the one wanted.
    const focused = page.locator('.monaco-menu .action-item.focused .action-label');
    const onLabel = async () => await focused.count() > 0 && (await focused.first().innerText()).trim() === label;
    for (let step = 0; step < 10 && !(await onLabel()); step++) await page.keyboard.press('ArrowDown');
    if (!(await onLabel())) throw new Error(`the menu item "${label}" could not be focused`);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-menu').waitFor({ state: 'hidden', timeout: 5_000 });
}

async function statusBarCounts(page) {
    const item = page.locator('[id="status.problems"]');
    await item.waitFor({ timeout: 10_000 });
    const label = `${await item.getAttribute('aria-label') ?? ''} ${await item.innerText()}`;
    const numbers = (await item.innerText()).match(/\d+/g)?.map(Number) ?? [];
    // VS Code shows the third count (information) only when there is one.
    return { label: label.trim(), errors: numbers[0], warnings: numbers[1], infos: numbers[2] ?? 0 };
}

async function nodeColours(frame) {
    return frame.evaluate(() => {
        const box = document.querySelector('g.integ-node rect.box');
        const background = document.querySelector('rect.integ-bg') ?? document.body;
        const style = box ? getComputedStyle(box) : undefined;
        return { fill: style?.fill, stroke: style?.stroke, background: getComputedStyle(background).fill || getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.querySelector('g.integ-node text.label') ?? document.body).fill };
    });
}

/** The last lines the extension's language client logged in this sandbox (its output channel's file), for a failure message. */
function extensionLogTail(sandbox, lines = 12) {
    const logs = [];
    const walk = dir => {
        for (const name of readdirSync(dir)) {
            const path = join(dir, name);
            if (statSync(path).isDirectory()) walk(path);
            else if (name === 'Integration Architect.log') logs.push(path);
        }
    };
    if (existsSync(join(sandbox.userDataDir, 'logs'))) walk(join(sandbox.userDataDir, 'logs'));
    const text = logs.map(path => readFileSync(path, 'utf8')).join('\n').trim();
    return text ? `\n${text.split('\n').slice(-lines).join('\n')}` : '(empty)';
}

function idSelector(id) {
    return `#canvas [data-id=${JSON.stringify(id)}]`;
}

/** Runs `action` and waits until the webview shows the next picture (and `selector`, if given). */
async function nextPicture(frame, action, timeoutMs = 30_000, selector) {
    await frame.evaluate(() => document.querySelector('#canvas > svg')?.setAttribute('data-stale', ''));
    await action();
    await frame.locator('#canvas > svg:not([data-stale])').waitFor({ state: 'attached', timeout: timeoutMs });
    if (selector) await frame.locator(selector).first().waitFor({ state: 'attached', timeout: timeoutMs });
    await frame.evaluate(() => new Promise(resolve => requestAnimationFrame(() => resolve(undefined))));
}

async function lineColours(frame) {
    return frame.locator('#canvas g.integ-edge[data-id] > path.line').evaluateAll(paths => paths.map(path => getComputedStyle(path).stroke));
}

/** Where each node's box is on screen (in the webview's frame). */
async function screenPositions(frame) {
    const boxes = await frame.locator('#canvas g.integ-node[data-id] > rect.box').evaluateAll(rects => rects.map(rect => {
        const box = rect.getBoundingClientRect();
        return [rect.parentElement.getAttribute('data-id'), { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width }];
    }));
    return new Map(boxes);
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[sorted.length >> 1];
}

async function switchTheme(page, theme) {
    await runCommand(page, 'Preferences: Color Theme', { opensPicker: true });
    await page.locator('.quick-input-widget input.input').fill(theme.label);
    const row = page.locator('.quick-input-widget .monaco-list-row .label-name').getByText(theme.label, { exact: true }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator(theme.workbench).waitFor({ timeout: 10_000 });
}

/**
 * Controls that a reader could not see: text without contrast against what is behind it (a blank box),
 * and in a high-contrast theme a missing border. Returns one line per problem.
 */
async function invisibleControls(frame, selector, highContrast) {
    return frame.locator(selector).evaluateAll((controls, hc) => {
        const parse = text => {
            const m = /rgba?\(([^)]+)\)/.exec(text ?? '');
            if (!m) return undefined;
            const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
            return { r, g, b, a };
        };
        const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 });
        const behind = element => {
            const layers = [];
            for (let node = element; node instanceof Element; node = node.parentElement) {
                const colour = parse(getComputedStyle(node).backgroundColor);
                if (colour && colour.a > 0) layers.push(colour);
                if (colour && colour.a === 1) break;
            }
            return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
        };
        const luminance = c => {
            const channel = v => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
        };
        const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
        const problems = [];
        for (const control of controls) {
            if (control.getBoundingClientRect().width === 0) continue;
            const style = getComputedStyle(control);
            const name = `#${control.id || control.tagName.toLowerCase()} "${(control.textContent || control.getAttribute('aria-label') || '').trim().slice(0, 20)}"`;
            const background = behind(control);
            const text = over(parse(style.color) ?? { r: 0, g: 0, b: 0, a: 1 }, background);
            const textContrast = contrast(text, background);
            if (textContrast < 3) problems.push(`${name}: text ${style.color} on ${style.backgroundColor} (contrast ${textContrast.toFixed(2)})`);
            if (hc) {
                const border = parse(style.borderTopColor);
                const visible = parseFloat(style.borderTopWidth) >= 1 && style.borderTopStyle !== 'none' && border && border.a > 0
                    && contrast(over(border, background), behind(control.parentElement ?? control)) >= 3;
                if (!visible) problems.push(`${name}: no visible border in high contrast (${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor})`);
            }
        }
        return problems;
    }, highContrast);
}

async function main() {
    await buildForTests({ dist: false });
    const vsix = packageVsix();
    say(`VSIX ${relative(ROOT, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KB)`);
    const bin = ensureCodeServer();
    const sandbox = createSandbox('ui');
    const expectedFile = join(sandbox.dir, 'expected-findings.json');
    writeExpectedFindings(sandbox.workspace, sampleFolder(), expectedFile);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    const declarations = await scanSample(sandbox.workspace);
    say(installVsix(bin, sandbox, vsix));
    mkdirSync(RESULTS, { recursive: true });

    // Start light, so switching to dark later is a visible change. A busy CI machine can exceed the 5 s
    // layout budget (the preview then falls back to the aggregated view, covered by the diagram's own tests).
    // The stability check types into the editor.
    writeTypingSettings(sandbox);

    const failed = await runInWorkbench({ bin, sandbox, say, check, verbose, timeoutS: TIMEOUT_S, failureShot: 'vscode-failure.png' }, async ({ page, server, allConsole }) => {
        const counted = expected.filter(finding => !finding.accepted);
        const firstError = counted.find(finding => finding.severity === 'error') ?? expected[0];
        if (!firstError) throw new Error('the sample has no findings: nothing to see in the editor');
        const errorFile = firstError.file;
        await check(`squiggles in ${errorFile} around line ${firstError.line}`, async () => {
            await openFile(page, errorFile);
            // Monaco renders only visible lines: bring the finding into view first.
            await goTo(page, firstError.line, 1);
            await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first().waitFor({ state: 'attached', timeout: 30_000 });
            const errors = await page.locator('.editor-instance .squiggly-error').count();
            const warnings = await page.locator('.editor-instance .squiggly-warning').count();
            return `${errors} error and ${warnings} warning squiggles drawn`;
        });
        await check('status bar problem counts match the expected findings (accepted ones not counted, as in the report)', async () => {
            const errors = counted.filter(finding => finding.severity === 'error').length;
            const warnings = counted.filter(finding => finding.severity === 'warning').length;
            const infos = counted.filter(finding => finding.severity === 'info').length;
            const deadline = Date.now() + 30_000;
            let seen;
            for (;;) {
                seen = await statusBarCounts(page);
                if (seen.errors === errors && seen.warnings === warnings && seen.infos === infos) return `"${seen.label.replace(/\s+/g, " ")}"`;
                if (Date.now() > deadline) throw new Error(`status bar shows "${seen.label}", expected ${errors} errors, ${warnings} warnings and ${infos} infos`);
                await page.waitForTimeout(250);
            }
        });
        await check('screenshot test-results/vscode-editor.png', async () => {
            await page.keyboard.press('Control+Shift+M');
            await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 10_000 });
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-editor.png') });
            await page.keyboard.press('Control+Shift+M');
        });

        let diagram;
        const current = declarations.system.filter(system => system.status === 'live');
        const planned = declarations.system.filter(system => system.status === 'planned');
        // A retired system that a live flow still touches is drawn (the dependency is the finding); the others are not.
        const stillUsed = declarations.system.filter(system => system.status === 'retired' && declarations.liveFlowEnds.has(system.name));
        const retired = declarations.system.filter(system => system.status === 'retired' && !declarations.liveFlowEnds.has(system.name));
        const drawnSystems = async frame => new Set(await frame.locator('#canvas g.integ-node[data-id]').evaluateAll(nodes => nodes.map(node => node.getAttribute('data-id'))));
        // Until the picture draws `shown` and none of `hidden`: a live update of the picture before may land first.
        const untilDrawn = (shown, hidden) => until(async () => {
            const drawn = await drawnSystems(diagram);
            const missing = shown.filter(system => !drawn.has(`system:${system.name}`)).map(system => system.name);
            const extra = hidden.filter(system => drawn.has(`system:${system.name}`)).map(system => system.name);
            if (missing.length + extra.length > 0) throw new Error(`systems not drawn: ${missing.join(', ') || '-'}; drawn but should not be: ${extra.join(', ') || '-'}`);
            return true;
        }, 15_000);
        const departments = [...new Set(current.map(system => system.department).filter(Boolean))];
        await check('"Open Diagram to the Side" from the command palette opens the estate as an overview of departments', async () => {
            await runCommand(page, 'Open Diagram to the Side');
            diagram = await webviewFrame(page, 'svg g.integ-node');
            const shown = await drawnSystems(diagram);
            const folded = [...shown].filter(id => id.startsWith('dept:'));
            if (folded.length === 0) throw new Error(`no department drawn folded: ${[...shown].join(', ')}`);
            const notes = await diagram.locator('#notes').innerText();
            return `${folded.length} departments drawn folded (${current.length} systems); the notes say "${notes.split('\n')[0]}"`;
        });
        await check('drill-down: a click opens a department into its systems, a click on its title folds it back', async () => {
            const counts = new Map(departments.map(name => [name, current.filter(system => system.department === name).length]));
            const department = [...counts].filter(([, count]) => count >= 3).sort((a, b) => b[1] - a[1]).find(([name]) => name !== 'Operations')?.[0] ?? departments[0];
            await nextPicture(diagram, () => diagram.locator(`${idSelector(`dept:${department}`)} > rect.box`).first().click());
            const members = current.filter(system => system.department === department);
            await untilDrawn(members, []);
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-diagram-drill-down.png') });
            await nextPicture(diagram, () => diagram.locator(`${idSelector(`group:${department}`)} > text`).first().click());
            await until(async () => (await drawnSystems(diagram)).has(`dept:${department}`), 15_000, `${department} did not fold back`);
            return `${department}: ${members.length} systems shown, folded back (screenshot vscode-diagram-drill-down.png)`;
        });
        await check('clicking a line that stands for several flows offers them; the one picked is revealed', async () => {
            // The busiest bundle of the overview, clicked at a point of its line that no other element covers.
            const bundle = await diagram.locator('#canvas g.integ-edge[data-flows]').evaluateAll(lines => {
                const clickable = line => {
                    const path = line.querySelector('path.hit');
                    const id = line.getAttribute('data-id');
                    for (let step = 1; step < 20; step++) {
                        const point = path.getPointAtLength(path.getTotalLength() * step / 20);
                        const matrix = path.getScreenCTM();
                        const x = matrix.a * point.x + matrix.c * point.y + matrix.e;
                        const y = matrix.b * point.x + matrix.d * point.y + matrix.f;
                        if (document.elementFromPoint(x, y)?.closest('[data-id]')?.getAttribute('data-id') === id) return { x, y };
                    }
                    return undefined;
                };
                const sized = lines.map(line => ({ id: line.getAttribute('data-id'), flows: line.getAttribute('data-flows').split(' '), at: clickable(line) }))
                    .filter(line => line.flows.length >= 2 && line.at);
                return sized.sort((a, b) => b.flows.length - a.flows.length)[0];
            });
            if (!bundle) throw new Error('the overview has no line in sight that stands for two flows or more');
            const canvas = await diagram.locator('#canvas').evaluate(element => { const box = element.getBoundingClientRect(); return { x: box.left, y: box.top }; });
            await diagram.locator('#canvas').click({ position: { x: bundle.at.x - canvas.x, y: bundle.at.y - canvas.y } });
            const picker = page.locator('.quick-input-widget');
            await picker.waitFor({ state: 'visible', timeout: 10_000 });
            const offered = await page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
            if (offered.length !== bundle.flows.length || bundle.flows.some(name => !offered.includes(name))) {
                throw new Error(`the line stands for ${bundle.flows.join(', ')}; the picker offers ${offered.join(', ')}`);
            }
            const chosen = declarations.flow.find(flow => flow.name === offered[0]);
            await page.screenshot({ path: join(RESULTS, 'vscode-diagram-bundle-picker.png') });
            await page.keyboard.press('Enter');
            await picker.waitFor({ state: 'hidden', timeout: 10_000 });
            await page.locator('.editor-group-container .tab.active', { hasText: chosen.file.split('/').pop() }).first().waitFor({ timeout: 10_000 });
            // The status bar shows the cursor only while the editor has the focus, which the closing
            // picker may hand back to the diagram; the editor's own active line number shows it either way.
            const selection = page.locator('[id="status.editor.selection"]');
            const activeLine = page.locator('.editor-group-container .monaco-editor .line-numbers.active-line-number').first();
            await until(async () => new RegExp(`Ln ${chosen.line}\\b`).test(await selection.innerText().catch(() => ''))
                || (await activeLine.innerText().catch(() => '')).trim() === String(chosen.line) || undefined, 10_000,
                () => `after picking ${chosen.name} the cursor is not at ${chosen.file} line ${chosen.line}`);
            return `${bundle.id}: ${offered.length} flows offered (screenshot vscode-diagram-bundle-picker.png); ${chosen.name} → ${chosen.file}:${chosen.line}`;
        });
        await check('"Open all" draws every current system (as-is)', async () => {
            await nextPicture(diagram, () => diagram.locator('#open-all').click());
            await untilDrawn([...current, ...stillUsed], [...planned, ...retired]);
            return `${current.length + stillUsed.length} systems drawn (${stillUsed.length} retired but still used by a live flow; ${planned.length} planned and ${retired.length} retired left out), ${await diagram.locator('#canvas g.integ-edge[data-id]').count()} edges`;
        });
        await check('screenshot test-results/vscode-diagram.png (as opened) and vscode-diagram-fit.png (after "Fit")', async () => {
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-diagram.png') });
            await diagram.locator('#fit').click();
            await restMouse(page);
            await page.waitForTimeout(300);
            await page.screenshot({ path: join(RESULTS, 'vscode-diagram-fit.png') });
        });
        await check('the to-be state adds the planned systems', async () => {
            await diagram.locator('#state').selectOption('to-be');
            await untilDrawn([...current, ...planned], retired);
            await nextPicture(diagram, () => diagram.locator('#state').selectOption('as-is'));
            return `${current.length + planned.length} systems drawn`;
        });

        await check('clicking a node reveals its declaration in the editor', async () => {
            const activeFile = errorFile.split('/').pop();
            const target = current.find(system => system.file.split('/').pop() !== activeFile) ?? current[0];
            await diagram.locator(`${idSelector(`system:${target.name}`)} rect.box`).first().click();
            const fileName = target.file.split('/').pop();
            await page.locator('.editor-group-container .tab.active', { hasText: fileName }).first().waitFor({ timeout: 10_000 });
            const selection = page.locator('[id="status.editor.selection"]');
            const text = await until(async () => {
                const shown = await selection.innerText().catch(() => '');
                return new RegExp(`Ln ${target.line}\\b`).test(shown) ? shown : undefined;
            }, 10_000, () => `after clicking ${target.name} the cursor is not at ${target.file} line ${target.line}`);
            return `${target.name} → ${target.file}:${target.line} ("${text}")`;
        });

        await check('hovering a node shows its tooltip and highlights its flows and neighbours', async () => {
            const target = current[0];
            await diagram.locator(`${idSelector(`system:${target.name}`)} > rect.box`).first().hover();
            const title = diagram.locator('#tooltip .tip-title');
            await title.waitFor({ timeout: 10_000 });
            const text = await title.innerText();
            if (!text.includes(target.name)) throw new Error(`the tooltip says "${text}", expected it to name ${target.name}`);
            const tip = (await diagram.locator('#tooltip').innerText()).replace(/\s+/g, ' ');
            const lit = await diagram.locator('#canvas .lit[data-id]').count();
            const dimmed = await diagram.locator('#canvas g.integ-node[data-id]:not(.lit)').count();
            if (lit === 0 || !(await diagram.locator('#canvas > svg.highlighting').count())) throw new Error('hovering highlights nothing');
            await restMouse(page);
            if (await diagram.locator('#tooltip').isVisible()) throw new Error('the tooltip stays after the pointer left');
            return `"${tip.length > 80 ? `${tip.slice(0, 80)}…` : tip}"; ${lit} elements lit, ${dimmed} nodes dimmed`;
        });

        await check('double-clicking a system opens its context view with a breadcrumb; Back returns to the estate', async () => {
            const target = current.find(system => system.department) ?? current[0];
            await nextPicture(diagram, () => diagram.locator(`${idSelector(`system:${target.name}`)} > rect.box`).first().dblclick());
            const trail = (await diagram.locator('#trail').innerText()).replace(/\s+/g, ' ');
            if (!trail.includes('Estate') || !trail.includes(target.name)) throw new Error(`the breadcrumb reads "${trail}"`);
            if ((await diagram.locator('#view-kind').inputValue()) !== 'system') throw new Error('the view picker does not show the system view');
            const nodes = await diagram.locator('#canvas g.integ-node[data-id]').count();
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-diagram-context.png') });
            await nextPicture(diagram, () => diagram.locator('#back').click());
            await untilDrawn(current, []);
            return `"${trail}", ${nodes} nodes in the context view (screenshot vscode-diagram-context.png)`;
        });

        await check('a lens recolours the picture and its legend (Data classification)', async () => {
            const before = await lineColours(diagram);
            await diagram.locator('#lens').selectOption('data');
            const after = await lineColours(diagram);
            const classes = await diagram.locator('#canvas > svg, #legend-body > svg').evaluateAll(svgs => svgs.map(svg => svg.getAttribute('class')));
            if (classes.length !== 2 || !classes.every(c => c.includes('lens-data'))) throw new Error(`lens classes: ${JSON.stringify(classes)}`);
            const changed = before.filter((colour, i) => colour !== after[i]).length;
            if (changed === 0) throw new Error(`no line changed colour: ${[...new Set(before)].join(', ')}`);
            await diagram.locator('#fit').click();
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-diagram-lens.png') });
            await diagram.locator('#lens').selectOption('style');
            return `${changed} of ${before.length} lines recoloured: ${[...new Set(before)].length} colours → ${[...new Set(after)].length} (screenshot vscode-diagram-lens.png)`;
        });

        await check('follow the data: what does not store or carry it is dimmed', async () => {
            const choices = await diagram.locator('#follow-list option').evaluateAll(options => options.map(option => option.value));
            const data = choices.find(choice => /^Customer\.\w*[Ee]mail/.test(choice)) ?? choices.find(choice => choice.includes('.'));
            if (!data) throw new Error('the follow box offers no Entity.field');
            await diagram.locator('#follow').fill(data);
            await nextPicture(diagram, () => diagram.locator('#follow').press('Enter'));
            if (!(await diagram.locator('#canvas > svg.following').count())) throw new Error('the picture is not following anything');
            const dimmed = await diagram.locator('#canvas [data-id].dim').evaluateAll(elements => elements.map(element => Number(getComputedStyle(element).opacity)));
            const bright = await diagram.locator('#canvas g.integ-node[data-id]:not(.dim)').count();
            if (dimmed.length === 0 || dimmed.some(opacity => opacity >= 0.5)) throw new Error(`dimmed elements: ${dimmed.length}, opacities ${[...new Set(dimmed)].join(', ')}`);
            if (bright === 0) throw new Error('every node is dimmed');
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-diagram-follow.png') });
            const notes = (await diagram.locator('#notes').innerText()).split('\n').find(note => note.startsWith('Following')) ?? '';
            await diagram.locator('#follow').fill('');
            await nextPicture(diagram, () => diagram.locator('#follow').press('Enter'));
            if (await diagram.locator('#canvas > svg.following').count()) throw new Error('clearing the box did not stop following');
            return `${data}: ${bright} nodes stand out, ${dimmed.length} elements dimmed; "${notes}" (screenshot vscode-diagram-follow.png)`;
        });

        await check('stable positions: adding a system with one flow to a department view in the editor moves the nodes on screen little', async () => {
            const counts = new Map(departments.map(name => [name, current.filter(system => system.department === name)]));
            const [department, members] = [...counts].filter(([, list]) => list.length >= 3).sort((a, b) => a[1].length - b[1].length)[0];
            await nextPicture(diagram, () => diagram.locator('#view-kind').selectOption('department'));
            if ((await diagram.locator('#view-name').inputValue()) !== department) await nextPicture(diagram, () => diagram.locator('#view-name').selectOption(department));
            await diagram.locator('#fit').click();
            const anchor = members[0];
            const before = await screenPositions(diagram);
            // Reveal a member's declaration: its file opens in the first group with the cursor there.
            await diagram.locator(`${idSelector(`system:${anchor.name}`)} > rect.box`).first().click();
            await page.locator('.editor-group-container .tab.active', { hasText: anchor.file.split('/').pop() }).first().waitFor({ timeout: 10_000 });
            await page.waitForTimeout(300);
            await page.keyboard.press('Control+End');
            const added = `\nsystem UiCheckLedger "UI check ledger" { kind erp  department ${department} }\nflow UiCheckFeed "UI check feed" : ${anchor.name} -> UiCheckLedger { style api }\n`;
            await nextPicture(diagram, () => page.keyboard.insertText(added), 60_000, '#canvas g.integ-node[data-id="system:UiCheckLedger"]');
            const after = await screenPositions(diagram);
            const moves = [...before].filter(([id]) => after.has(id)).map(([id, old]) => Math.hypot(after.get(id).x - old.x, after.get(id).y - old.y));
            const width = median([...before.values()].map(node => node.width));
            const mean = moves.reduce((sum, move) => sum + move, 0) / moves.length / width;
            const worst = Math.max(...moves) / width;
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-diagram-stable.png') });
            await runCommand(page, 'File: Revert File');
            await diagram.locator('#canvas g.integ-node[data-id="system:UiCheckLedger"]').waitFor({ state: 'detached', timeout: 30_000 });
            const figures = `${moves.length} nodes compared: mean move ${mean.toFixed(2)}, worst ${worst.toFixed(2)} median node widths (${width.toFixed(0)} px)`;
            if (!(mean <= 0.5 && worst <= 2)) throw new Error(figures);
            await nextPicture(diagram, () => diagram.locator('#view-kind').selectOption('estate'));
            return `department ${department}: UiCheckLedger added beside ${anchor.name}; ${figures}`;
        });

        let lightColours;
        for (const theme of THEMES) {
            await check(`${theme.label}: every control of the diagram is visible (screenshot test-results/vscode-diagram-${theme.file}.png)`, async () => {
                if (!lightColours) lightColours = await nodeColours(diagram);
                await switchTheme(page, theme);
                const colours = await until(async () => {
                    const now = await nodeColours(diagram);
                    return theme.file === 'light' || now.fill !== lightColours.fill || now.background !== lightColours.background ? now : undefined;
                }, 10_000, () => `the diagram's colours did not change from ${JSON.stringify(lightColours)}`);
                const problems = await invisibleControls(diagram, '#toolbar button:not([hidden]), #toolbar select, #toolbar input, #caption button:not([hidden]), #legend-toggle', theme.highContrast);
                if (problems.length > 0) throw new Error(problems.join('\n'));
                await diagram.locator('#fit').click();
                await restMouse(page);
                await page.screenshot({ path: join(RESULTS, `vscode-diagram-${theme.file}.png`) });
                return `node fill ${colours.fill}, background ${colours.background}, text ${colours.text}`;
            });
        }

        await check('"Open Roadmap Preview" from the command palette draws every initiative', async () => {
            await openFile(page, errorFile);
            await runCommand(page, 'Open Roadmap Preview');
            const roadmap = await webviewFrame(page, '[data-initiative]');
            const drawn = new Set(await roadmap.locator('[data-initiative]').evaluateAll(nodes => nodes.map(node => node.getAttribute('data-initiative'))));
            const missing = declarations.initiative.filter(initiative => !drawn.has(initiative.name)).map(initiative => initiative.name);
            if (missing.length > 0) throw new Error(`initiatives not drawn: ${missing.join(', ')}`);
            for (const theme of [...THEMES].reverse()) {
                await switchTheme(page, theme);
                await page.waitForTimeout(300);
                const problems = await invisibleControls(roadmap, 'button', theme.highContrast);
                if (problems.length > 0) throw new Error(`${theme.label}: ${problems.join('\n')}`);
                await restMouse(page);
                await page.screenshot({ path: join(RESULTS, `vscode-roadmap-${theme.file}.png`) });
            }
            return `${declarations.initiative.length} initiatives drawn; the Export button visible in ${THEMES.length} themes (screenshots vscode-roadmap-*.png)`;
        });

        const findingsPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Integration Findings' }) });
        const findingRows = findingsPane.locator('.monaco-list-row');
        const rowText = async row => (await row.innerText()).replace(/\s+/g, ' ').trim();
        await check('the findings view: "Fix first" on top, then groups by rule with counts and hours', async () => {
            await runCommand(page, 'View: Show Explorer');
            // The folders take the explorer's height: fold them so the findings view has room.
            const folders = page.locator('.pane-header', { hasText: sandbox.workspace.split('/').pop() }).first();
            if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
            const header = findingsPane.locator('.pane-header').first();
            await header.waitFor({ timeout: 10_000 });
            if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
            await findingRows.first().waitFor({ timeout: 30_000 });
            // Widen the side bar so that the rows can be read in the screenshot.
            const sidebar = await page.locator('.part.sidebar').boundingBox();
            if (sidebar && sidebar.width < 560) {
                await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
                await page.mouse.down();
                await page.mouse.move(sidebar.x + 620, sidebar.y + sidebar.height / 2, { steps: 5 });
                await page.mouse.up();
            }
            const first = await rowText(findingRows.first());
            if (!/Fix first/.test(first)) throw new Error(`the first row reads "${first}"`);
            const texts = await findingRows.evaluateAll(rows => rows.map(row => row.innerText.replace(/\s+/g, ' ')));
            const groups = texts.filter(text => /\//.test(text) && /(error|warning|info)/.test(text));
            if (!texts.some(text => /h\/week/.test(text))) throw new Error(`no row shows hours per week:\n${texts.join('\n')}`);
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-findings.png') });
            await page.locator('.part.sidebar').screenshot({ path: join(RESULTS, 'vscode-findings-view.png') });
            return `${texts.length} rows; first "${first}"; ${groups.length} rows name a rule with counts (screenshots vscode-findings.png, vscode-findings-view.png)`;
        });
        await check('the findings view groups by system after "Group Findings By…", and a click reveals the finding', async () => {
            await runCommand(page, 'Group Findings By…', { opensPicker: true });
            const pick = page.locator('.quick-input-widget .monaco-list-row .label-name').getByText('System', { exact: true }).first();
            await pick.waitFor({ state: 'visible', timeout: 10_000 });
            await pick.click();
            const titles = new Set(declarations.system.map(system => system.name));
            await until(async () => (await findingsPane.locator('.pane-header').innerText()).includes('by system'), 15_000, 'the view does not say "by system"');
            await until(async () => (await findingRows.filter({ hasText: /^[a-z]+\/[\w-]+ — / }).count()) === 0, 15_000, 'the groups are still rules');
            // The fix-first group is open: its first finding is the second row.
            const finding = findingRows.nth(1);
            const label = (await finding.locator('.label-name').innerText()).trim();
            const target = expected.find(entry => entry.message.startsWith(label));
            if (!target) throw new Error(`no expected finding reads "${label}"`);
            await finding.click();
            await page.locator('.editor-group-container .tab.active', { hasText: target.file.split('/').pop() }).first().waitFor({ timeout: 10_000 });
            const selection = page.locator('[id="status.editor.selection"]');
            await until(async () => new RegExp(`Ln ${target.line}\\b`).test(await selection.innerText().catch(() => '')), 10_000,
                () => `the cursor is not at ${target.file}:${target.line}`);
            const groups = await findingRows.evaluateAll(rows => rows.map(row => row.querySelector('.label-name')?.textContent ?? ''));
            return `${titles.size} systems declared; groups now include "${groups.slice(-3).join('", "')}"; "${label.slice(0, 60)}…" → ${target.file}:${target.line}`;
        });
        await check('the findings view\'s context menu offers the quick fixes and accepts a finding; the view updates', async () => {
            const before = (await findingRows.nth(1).locator('.label-name').innerText()).trim();
            const counts = await statusBarCounts(page);
            const fixFirst = await rowText(findingRows.first());
            // A rule with a quick fix besides the waiver, among the "fix first" rows.
            const fixable = findingRows.filter({ hasText: /security\/(encryption-at-rest|tls|no-auth|oauth2|shared-credentials|hardcoded-secret|audit-log)/ }).first();
            await fixable.waitFor({ timeout: 10_000 });
            const fixableText = await rowText(fixable);
            const menu = page.locator('.monaco-menu .action-label');
            let items = [];
            const redrawn = page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'was being updated' });
            let chosenAgain = 0;
            // A row's menu chosen while the view is redrawn reaches the command without its row: the
            // extension says so, and the check chooses again as a user would (once).
            const chooseOnRow = async (row, label, outcome) => {
                for (let attempt = 1; ; attempt++) {
                    await row.click({ button: 'right' });
                    await menu.first().waitFor({ timeout: 10_000 });
                    items = (await menu.allInnerTexts()).map(text => text.trim()).filter(Boolean);
                    await chooseMenuItem(page, label);
                    const result = await until(async () => await outcome() ?? ((await redrawn.count()) > 0 ? 'again' : undefined), 10_000, `${label} did nothing`).catch(async error => {
                        const toasts = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
                        throw new Error(`${error.message}; notifications: ${toasts.join(' | ') || 'none'}; the extension's log ends: ${extensionLogTail(sandbox)}`);
                    });
                    if (result !== 'again') return result;
                    if (attempt === 2) throw new Error(`${label}: the findings view was being updated twice in a row`);
                    chosenAgain++;
                    await runCommand(page, 'Notifications: Clear All Notifications');
                }
            };
            const fixes = page.locator('.quick-input-widget .monaco-list-row .label-name');
            const fixTitles = await chooseOnRow(fixable, 'Quick Fix…', async () => {
                if (await page.locator('.quick-input-widget').isVisible()) return (await fixes.allInnerTexts()).join(' | ');
                // A single fix is applied at once: nothing to pick.
                return (await page.locator('.editor-group-container .tab.active.dirty').count()) > 0 ? '(one fix, applied)' : undefined;
            });
            if (!items.includes('Quick Fix…') || !items.includes('Accept (Waive)…')) throw new Error(`the context menu offers ${items.join(', ')}`);
            if (fixTitles === '(one fix, applied)') await runCommand(page, 'File: Revert File');
            else await page.keyboard.press('Escape');
            // The revert is checked again by the server: accept once its findings are back in the status
            // bar and in the view ("Fix first" counts them), not while the view is being redrawn.
            await until(async () => {
                const now = await statusBarCounts(page);
                return (await page.locator('.editor-group-container .tab.dirty').count()) === 0 && now.errors === counts.errors && now.warnings === counts.warnings
                    && await rowText(findingRows.first()) === fixFirst && (await findingRows.nth(1).locator('.label-name').innerText()).trim() === before;
            }, 30_000, () => `the findings did not come back after the quick fix was reverted ("${fixFirst}" expected on top)`);
            await chooseOnRow(findingRows.nth(1), 'Accept (Waive)…', async () => (await page.locator('.editor-group-container .tab.active.dirty').count()) > 0 ? 'written' : undefined);
            const after = await until(async () => {
                const now = (await findingRows.nth(1).locator('.label-name').innerText()).trim();
                return now !== before ? now : undefined;
            }, 30_000, () => `"${before}" is still the first finding to fix after it was accepted`);
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-findings-accepted.png') });
            await runCommand(page, 'File: Revert File');
            await until(async () => (await findingRows.nth(1).locator('.label-name').innerText()).trim() === before, 30_000, 'reverting the waiver did not bring the finding back');
            return `menu: ${items.join(', ')}; quick fixes for "${fixableText.slice(0, 50)}…": ${fixTitles}; after accepting "${before.slice(0, 40)}…" the first is "${after.slice(0, 40)}…"${chosenAgain ? `; chosen again ${chosenAgain}× after "the findings view was being updated"` : ''}`;
        });

        await check('"If retired" code lens opens the system\'s neighbourhood with the affected flows highlighted', async () => {
            const system = current.find(candidate => declarations.liveFlowEnds.has(candidate.name)) ?? current[0];
            await openFile(page, system.file);
            await goTo(page, system.line, 1);
            const lenses = page.locator('.editor-instance .codelens-decoration a', { hasText: /^(If retired|Retired, still depended on by): [1-9]/ });
            await lenses.first().waitFor({ timeout: 30_000 });
            const lens = (await lenses.first().innerText()).trim();
            const flows = Number(/: (\d+) live flow/.exec(lens)?.[1]);
            await lenses.first().click();
            const frame = await until(async () => {
                const found = await webviewFrame(page, 'svg g.integ-node', 5_000);
                return (await found.locator('#notes').innerText()).includes('If retired') || (await found.locator('#notes').innerText()).includes('Retired, still') ? found : undefined;
            }, 30_000, 'the diagram does not say what retiring the system breaks');
            await frame.locator('#canvas > svg.highlighting').waitFor({ state: 'attached', timeout: 10_000 });
            const litFlows = await frame.locator('#canvas g.integ-edge.lit[data-id]').count();
            const dimmed = await frame.locator('#canvas g.integ-node[data-id]:not(.lit)').count();
            const view = await frame.locator('#view-kind').inputValue();
            if (view !== 'system') throw new Error(`the view is ${view}, not a system's neighbourhood`);
            if (litFlows !== flows) throw new Error(`${litFlows} flows lit, the lens says ${flows}`);
            // The picture at a readable size: the diagram's editor group maximised, fitted, then restored.
            await page.locator('.tab', { hasText: 'Integration diagram' }).first().click();
            await runCommand(page, 'View: Toggle Maximize Editor Group');
            await page.waitForTimeout(500);
            await frame.locator('#fit').click();
            await restMouse(page);
            await page.waitForTimeout(300);
            await page.screenshot({ path: join(RESULTS, 'vscode-impact.png') });
            await runCommand(page, 'View: Toggle Maximize Editor Group');
            const note = (await frame.locator('#notes').innerText()).split('\n')[0];
            return `"${lens}": ${litFlows} flows lit, ${dimmed} systems dimmed; "${note}" (screenshot vscode-impact.png)`;
        });

        await check('a finding\'s code link in the Problems panel opens the rule\'s section of the shipped rules reference', async () => {
            await focusWorkbench(page);
            await page.keyboard.press('Control+Shift+M');
            const link = page.locator('.markers-panel a.monaco-link').first();
            await link.waitFor({ timeout: 10_000 });
            const ruleId = (await link.innerText()).trim();
            const href = await link.getAttribute('href');
            if (!href?.startsWith('command:integ.showRuleDoc')) throw new Error(`the code links to ${href}`);
            const anchor = JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1)))[1];
            // VS Code's Markdown preview scrolls to the fragment itself; about one run in twenty it
            // lands on another section. A second click (what a reader would do) is reported, not hidden.
            let landedElsewhere;
            let top;
            for (let attempt = 1; top === undefined; attempt++) {
                await link.click();
                const preview = await webviewFrame(page, `[id="${anchor}"]`);
                const headingTop = () => preview.locator(`[id="${anchor}"]`).evaluate(heading => heading.getBoundingClientRect().top);
                top = await until(async () => { const y = await headingTop(); return y >= -5 && y < 250 ? y : undefined; }, 10_000, 'not at the top').catch(() => undefined);
                if (top !== undefined) break;
                landedElsewhere = await headingTop();
                if (attempt === 2) throw new Error(`the preview does not show the ${ruleId} section at the top (its heading at ${Math.round(landedElsewhere)} px, twice)`);
                await page.locator('.tab', { hasText: 'rules.md' }).first().locator('.codicon-close, .tab-actions .action-label').first().click({ force: true });
                if (!(await link.isVisible())) await page.keyboard.press('Control+Shift+M');
                await link.waitFor({ timeout: 10_000 });
            }
            await page.keyboard.press('Control+Shift+M');
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-rule-doc.png') });
            const previewTab = page.locator('.tab', { hasText: 'rules.md' }).first();
            const tab = (await previewTab.innerText()).trim();
            await previewTab.locator('.codicon-close, .tab-actions .action-label').first().click({ force: true });
            return `${ruleId} → "${tab}", heading #${anchor} at ${Math.round(top)} px (screenshot vscode-rule-doc.png)${landedElsewhere !== undefined ? `; the first click left the heading at ${Math.round(landedElsewhere)} px` : ''}`;
        });

        await check('closing the previews after an export posts nothing to a disposed webview', async () => {
            const diagramTab = page.locator('.tab', { hasText: 'Integration diagram' }).first();
            await diagramTab.click();
            diagram = await webviewFrame(page, 'svg g.integ-node');
            await diagram.locator('#export-svg').click();
            const dialog = page.locator('.quick-input-widget');
            await dialog.waitFor({ state: 'visible', timeout: 15_000 });
            await page.keyboard.press('Escape');
            await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
            // A picture on its way when the panel closes: its answer must not be posted.
            await diagram.locator('#state').selectOption('to-be');
            await diagramTab.locator('.codicon-close, .tab-actions .action-label').first().click({ force: true });
            await page.locator('.tab', { hasText: 'Roadmap' }).first().click();
            await page.keyboard.press('Control+W');
            await page.waitForTimeout(3000);
            const disposed = [...allConsole, ...server.output].filter(text => /Webview is disposed/i.test(text));
            if (disposed.length > 0) throw new Error(disposed.slice(0, 5).join('\n'));
            return 'no "Webview is disposed" in the console';
        });
    });
    return summary(failed);
}

main().then(code => process.exit(code), error => {
    console.error(`[test:ui] ${error?.stack ?? error}`);
    process.exit(1);
});
