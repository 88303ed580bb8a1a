// `npm run test:ui` (second half of `npm run test:vscode`): what a user sees. Packages the VSIX, installs it
// into a fresh code-server with --install-extension, and drives the workbench in headless chromium:
// squiggles and status-bar counts, both previews from the command palette, the diagram SVG inside the
// webview, click-to-reveal, the theme switch, and screenshots in test-results/vscode-*.png.
// Env: INTEG_E2E_VSIX (use this VSIX, skip packaging), INTEG_E2E_SAMPLE, INTEG_E2E_SKIP_BUILD=1,
// INTEG_E2E_VERBOSE=1, INTEG_E2E_KEEP=1, INTEG_E2E_TIMEOUT (s, default 240).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, SAMPLE_SCAN_MODULE, buildForTests } from './build-suite.mjs';
import { createSandbox, ensureCodeServer, launchChromium, sampleFolder, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { writeExpectedFindings } from './lib/expected-findings.mjs';

const RESULTS = join(ROOT, 'test-results');
const verbose = process.env.INTEG_E2E_VERBOSE === '1';
const started = Date.now();
const say = message => console.log(`[test:ui ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
const checks = [];

/** Each check is reported by name; the first failure stops the run (later steps depend on it). */
async function check(name, body) {
    const begun = Date.now();
    try {
        const detail = await body();
        checks.push({ name, ok: true });
        say(`✓ ${name}${typeof detail === 'string' ? ` — ${detail}` : ''} (${Date.now() - begun} ms)`);
        return detail;
    } catch (error) {
        checks.push({ name, ok: false });
        say(`✗ ${name}\n    ${String(error?.message ?? error).split('\n').join('\n    ')}`);
        throw error;
    }
}

function packageVsix() {
    if (process.env.INTEG_E2E_VSIX) return process.env.INTEG_E2E_VSIX;
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
    if (!scripts.package) throw new Error('package.json has no "package" script: the VSIX cannot be built');
    const since = Date.now() - 1000;
    const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}${run.stderr}`);
    const candidates = [ROOT, join(ROOT, 'dist'), join(ROOT, 'out')].flatMap(dir => {
        try { return readdirSync(dir).filter(name => name.endsWith('.vsix')).map(name => join(dir, name)); } catch { return []; }
    }).filter(file => statSync(file).mtimeMs >= since).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    if (candidates.length === 0) throw new Error(`npm run package wrote no new .vsix:\n${run.stdout}`);
    return candidates[0];
}

function installVsix(bin, sandbox, vsix) {
    const run = spawnSync(bin, ['--extensions-dir', sandbox.extensionsDir, '--user-data-dir', sandbox.userDataDir, '--install-extension', vsix], { encoding: 'utf8' });
    if (run.status !== 0 || !/success/i.test(run.stdout)) throw new Error(`code-server --install-extension failed:\n${run.stdout}${run.stderr}`);
    return run.stdout.trim().split('\n').pop();
}

/** Declarations of the copied sample: systems and initiatives with file and 1-based line. */
async function scanSample(workspace) {
    const { blankCommentsAndStrings, lineOf } = await import(SAMPLE_SCAN_MODULE);
    const declarations = { system: [], initiative: [] };
    const walk = dir => readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.integ') ? [join(dir, entry.name)] : []);
    for (const file of walk(workspace)) {
        const text = readFileSync(file, 'utf8');
        const code = blankCommentsAndStrings(text);
        for (const match of code.matchAll(/\b(system|initiative)\s+([A-Za-z_][\w-]*)/g)) {
            const open = code.indexOf('{', match.index);
            const body = open < 0 ? '' : code.slice(open, code.indexOf('}', open));
            const status = /\bstatus\s+(\w+)/.exec(body)?.[1] ?? 'live';
            declarations[match[1]].push({ name: match[2], status, file: relative(workspace, file).split('\\').join('/'), line: lineOf(text, match.index) + 1 });
        }
    }
    return declarations;
}

/** `opensPicker`: the command shows its own quick pick, so the widget stays open. */
async function runCommand(page, title, { opensPicker = false } = {}) {
    await focusWorkbench(page);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    // Click the row with exactly this title: Enter would run whichever fuzzy match is ranked first.
    const row = page.locator('.quick-input-widget .monaco-list-row .label-name').getByText(title, { exact: true }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
    if (!opensPicker) await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** After a click inside a webview, keys go to its iframe; a click on the side bar title takes focus back. */
async function focusWorkbench(page) {
    await page.locator('.part.sidebar .composite.title').first().click();
}

async function openFile(page, file) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(file);
    // Enter opens the focused row; wait until filtering has put the file there (not a recent file).
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: file.split('/').pop() }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab.active', { hasText: file.split('/').pop() }).first().waitFor({ timeout: 10_000 });
}

/** The document frame inside each webview (`iframe.webview.ready` → `#active-frame`) that satisfies `test`. */
async function webviewFrame(page, selector, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        for (const frame of page.frames()) {
            const element = await frame.frameElement().catch(() => undefined);
            if (!element || (await element.getAttribute('id')) !== 'active-frame') continue;
            if (await frame.locator(selector).count().catch(() => 0)) return frame;
        }
        if (Date.now() > deadline) throw new Error(`no webview shows ${selector} within ${timeoutMs} ms`);
        await page.waitForTimeout(200);
    }
}

/** Parks the pointer on the status bar so no hover or tooltip covers the screenshot. */
async function restMouse(page) {
    const viewport = page.viewportSize();
    await page.mouse.move(viewport.width / 2, viewport.height - 5);
    await page.waitForTimeout(150);
}

async function statusBarCounts(page) {
    const item = page.locator('[id="status.problems"]');
    await item.waitFor({ timeout: 10_000 });
    const label = `${await item.getAttribute('aria-label') ?? ''} ${await item.innerText()}`;
    const numbers = (await item.innerText()).match(/\d+/g)?.map(Number) ?? [];
    return { label: label.trim(), errors: numbers[0], warnings: numbers[1] };
}

async function nodeColours(frame) {
    return frame.evaluate(() => {
        const box = document.querySelector('g.integ-node rect.box');
        const background = document.querySelector('rect.integ-bg') ?? document.body;
        const style = box ? getComputedStyle(box) : undefined;
        return { fill: style?.fill, stroke: style?.stroke, background: getComputedStyle(background).fill || getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.querySelector('g.integ-node text.label') ?? document.body).fill };
    });
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
    const settingsFile = join(sandbox.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'workbench.colorTheme': 'Default Light Modern', 'integ.diagram.layoutTimeoutMs': 30_000 }, null, 2));

    const server = await startCodeServer(bin, sandbox, { log: line => { if (verbose) console.log(`  [code-server] ${line}`); } });
    let browser;
    let page;
    let failed = false;
    const timeout = setTimeout(() => { say(`FAILED: timed out after ${process.env.INTEG_E2E_TIMEOUT ?? 240} s`); failed = true; browser?.close(); }, Number(process.env.INTEG_E2E_TIMEOUT ?? 240) * 1000);
    try {
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        const consoleErrors = [];
        page.on('console', message => { if (message.type() === 'error') consoleErrors.push(message.text()); });
        await page.goto(workbenchUrl(server, sandbox.workspace));
        await check('workbench loads', async () => {
            await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 30_000 });
            await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
        });

        const counted = expected.filter(finding => !finding.accepted);
        const firstError = counted.find(finding => finding.severity === 'error') ?? expected[0];
        if (!firstError) throw new Error('the sample has no findings: nothing to see in the editor');
        const errorFile = firstError.file;
        await check(`squiggles in ${errorFile} around line ${firstError.line}`, async () => {
            await openFile(page, errorFile);
            // Monaco renders only visible lines: bring the finding into view first.
            await page.keyboard.press('Control+G');
            await page.locator('.quick-input-widget input.input').fill(`:${firstError.line}`);
            await page.keyboard.press('Enter');
            await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first().waitFor({ state: 'attached', timeout: 30_000 });
            const errors = await page.locator('.editor-instance .squiggly-error').count();
            const warnings = await page.locator('.editor-instance .squiggly-warning').count();
            return `${errors} error and ${warnings} warning squiggles drawn`;
        });
        await check('status bar problem counts match the expected findings', async () => {
            const errors = counted.filter(finding => finding.severity === 'error').length;
            const warnings = counted.filter(finding => finding.severity === 'warning').length;
            const deadline = Date.now() + 30_000;
            let seen;
            for (;;) {
                seen = await statusBarCounts(page);
                if (seen.errors === errors && seen.warnings === warnings) return `"${seen.label.replace(/\s+/g, " ")}"`;
                if (Date.now() > deadline) throw new Error(`status bar shows "${seen.label}", expected ${errors} errors and ${warnings} warnings`);
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
        const retired = declarations.system.filter(system => system.status === 'retired');
        const drawnSystems = async frame => new Set(await frame.locator('g.integ-node[data-id]').evaluateAll(nodes => nodes.map(node => node.getAttribute('data-id'))));
        const compare = (drawn, shown, hidden) => {
            const missing = shown.filter(system => !drawn.has(`system:${system.name}`)).map(system => system.name);
            const extra = hidden.filter(system => drawn.has(`system:${system.name}`)).map(system => system.name);
            if (missing.length + extra.length > 0) throw new Error(`systems not drawn: ${missing.join(', ') || '-'}; drawn but should not be: ${extra.join(', ') || '-'}`);
        };
        await check('"Open Diagram to the Side" from the command palette draws every current system (as-is)', async () => {
            await runCommand(page, 'Open Diagram to the Side');
            diagram = await webviewFrame(page, 'svg g.integ-node');
            compare(await drawnSystems(diagram), current, [...planned, ...retired]);
            return `${current.length} systems drawn (${planned.length} planned and ${retired.length} retired left out), ${await diagram.locator('g.integ-edge[data-id]').count()} edges`;
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
            const deadline = Date.now() + 15_000;
            for (;;) {
                try {
                    compare(await drawnSystems(diagram), [...current, ...planned], retired);
                    break;
                } catch (error) {
                    if (Date.now() > deadline) throw error;
                    await page.waitForTimeout(250);
                }
            }
            await diagram.locator('#state').selectOption('as-is');
            await diagram.locator(`g.integ-node[data-id="system:${current[0].name}"]`).waitFor({ timeout: 15_000 });
            return `${current.length + planned.length} systems drawn`;
        });

        await check('clicking a node reveals its declaration in the editor', async () => {
            const activeFile = errorFile.split('/').pop();
            const target = current.find(system => system.file.split('/').pop() !== activeFile) ?? current[0];
            await diagram.locator(`g.integ-node[data-id="system:${target.name}"] rect.box`).first().click();
            const fileName = target.file.split('/').pop();
            await page.locator('.editor-group-container .tab.active', { hasText: fileName }).first().waitFor({ timeout: 10_000 });
            const selection = page.locator('[id="status.editor.selection"]');
            const deadline = Date.now() + 10_000;
            for (;;) {
                const text = await selection.innerText().catch(() => '');
                if (new RegExp(`Ln ${target.line}\\b`).test(text)) return `${target.name} → ${target.file}:${target.line} ("${text}")`;
                if (Date.now() > deadline) throw new Error(`after clicking ${target.name} the cursor is at "${text}", expected ${target.file} line ${target.line}`);
                await page.waitForTimeout(200);
            }
        });

        await check('hovering a node shows its tooltip, fetched from the language server', async () => {
            const target = current[0];
            await diagram.locator(`g.integ-node[data-id="system:${target.name}"]`).first().hover();
            const title = diagram.locator('#tooltip .tip-title');
            await title.waitFor({ timeout: 10_000 });
            const text = await title.innerText();
            if (!text.includes(target.name)) throw new Error(`the tooltip says "${text}", expected it to name ${target.name}`);
            const tip = (await diagram.locator('#tooltip').innerText()).replace(/\s+/g, ' ');
            await restMouse(page);
            return `"${tip.length > 100 ? `${tip.slice(0, 100)}…` : tip}"`;
        });

        await check('switching to a dark theme recolours the diagram', async () => {
            const light = await nodeColours(diagram);
            await runCommand(page, 'Preferences: Color Theme', { opensPicker: true });
            const input = page.locator('.quick-input-widget input.input');
            await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ timeout: 10_000 });
            await input.fill('Dark Modern');
            await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor({ timeout: 10_000 });
            await page.keyboard.press('Enter');
            await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 10_000 });
            const deadline = Date.now() + 10_000;
            for (;;) {
                const dark = await nodeColours(diagram);
                if (dark.fill !== light.fill || dark.background !== light.background) return `node fill ${light.fill} → ${dark.fill}, background ${light.background} → ${dark.background}`;
                if (Date.now() > deadline) throw new Error(`diagram colours did not change: ${JSON.stringify(light)}`);
                await page.waitForTimeout(200);
            }
        });

        await check('"Open Roadmap Preview" from the command palette draws every initiative', async () => {
            await openFile(page, errorFile);
            await runCommand(page, 'Open Roadmap Preview');
            const roadmap = await webviewFrame(page, '[data-initiative]');
            const drawn = new Set(await roadmap.locator('[data-initiative]').evaluateAll(nodes => nodes.map(node => node.getAttribute('data-initiative'))));
            const missing = declarations.initiative.filter(initiative => !drawn.has(initiative.name)).map(initiative => initiative.name);
            if (missing.length > 0) throw new Error(`initiatives not drawn: ${missing.join(', ')}`);
            return `${declarations.initiative.length} initiatives drawn`;
        });
        await check('screenshot test-results/vscode-roadmap.png', async () => {
            await restMouse(page);
            await page.screenshot({ path: join(RESULTS, 'vscode-roadmap.png') });
        });

        const extensionErrors = consoleErrors.filter(text => /integ/i.test(text) && !/vsda|gallery|marketplace/i.test(text));
        await check('no console errors from the extension or its webviews', async () => {
            if (extensionErrors.length > 0) throw new Error(extensionErrors.slice(0, 10).join('\n'));
        });
    } catch {
        failed = true;
        await page?.screenshot({ path: join(RESULTS, 'vscode-failure.png') }).catch(() => {});
        say('the screen at the failure: test-results/vscode-failure.png');
    } finally {
        clearTimeout(timeout);
        await browser?.close().catch(() => {});
        await server.stop();
        if (!failed && process.env.INTEG_E2E_KEEP !== '1') rmSync(sandbox.dir, { recursive: true, force: true });
        else say(`sandbox kept for inspection: ${sandbox.dir}`);
    }
    const passed = checks.filter(item => item.ok).length;
    say(`${failed ? 'FAILED' : 'PASSED'}: ${passed} of ${checks.length} checks passed; screenshots in ${relative(ROOT, RESULTS)}/`);
    return failed ? 1 : 0;
}

main().then(code => process.exit(code), error => {
    console.error(`[test:ui] ${error?.stack ?? error}`);
    process.exit(1);
});
