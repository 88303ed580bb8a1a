// What both UI scripts (ui.mjs, ui-review.mjs) run in: named checks reported as they pass, the VSIX
// packaged and installed into the sandbox's code-server, editor settings that leave typed text as
// typed, and the run itself in the workbench: start, the checks, the clean-up.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../build-suite.mjs';
import { launchChromium, startCodeServer, workbenchUrl } from './code-server.mjs';

export const RESULTS = join(ROOT, 'test-results');

/** `say` prefixes each line with the script's tag and the seconds since start; `check` runs one named check. */
export function uiReporter(tag) {
    const started = Date.now();
    const checks = [];
    const say = message => console.log(`[${tag} ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
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
    /** The closing line, and the exit code. */
    function summary(failed) {
        const passed = checks.filter(item => item.ok).length;
        say(`${failed ? 'FAILED' : 'PASSED'}: ${passed} of ${checks.length} checks passed; screenshots in ${relative(ROOT, RESULTS)}/`);
        return failed ? 1 : 0;
    }
    return { say, check, summary };
}

export function packageVsix() {
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

export function installVsix(bin, sandbox, vsix) {
    const run = spawnSync(bin, ['--extensions-dir', sandbox.extensionsDir, '--user-data-dir', sandbox.userDataDir, '--install-extension', vsix], { encoding: 'utf8' });
    if (run.status !== 0 || !/success/i.test(run.stdout)) throw new Error(`code-server --install-extension failed:\n${run.stdout}${run.stderr}`);
    return run.stdout.trim().split('\n').pop();
}

/**
 * The light theme, a layout timeout a busy machine keeps to, and nothing that completes, closes or
 * indents what a check types into the editor.
 */
export function writeTypingSettings(sandbox) {
    const settingsFile = join(sandbox.userDataDir, 'User', 'settings.json');
    writeFileSync(settingsFile, JSON.stringify({
        ...JSON.parse(readFileSync(settingsFile, 'utf8')), 'workbench.colorTheme': 'Default Light Modern', 'integ.diagram.layoutTimeoutMs': 30_000,
        'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoIndent': 'none',
        'editor.quickSuggestions': { other: false, comments: false, strings: false }, 'editor.suggestOnTriggerCharacters': false,
        'editor.acceptSuggestionOnEnter': 'off', 'editor.formatOnType': false
    }, null, 2));
}

/**
 * Starts code-server on the sandbox, opens the workbench in Chromium and, once it has loaded, runs
 * `checks({ page, server, allConsole })` (every console line of the page in `allConsole`); then checks
 * that the extension and its webviews logged no console error. A failure or the time limit leaves a
 * screenshot named `failureShot` in test-results/. The browser and code-server are stopped in every
 * case, the sandbox removed unless the run failed or is kept. Resolves to whether the run failed.
 */
export async function runInWorkbench({ bin, sandbox, say, check, verbose, timeoutS, failureShot }, checks) {
    const server = await startCodeServer(bin, sandbox, { log: line => { if (verbose) console.log(`  [code-server] ${line}`); } });
    let browser;
    let page;
    let failed = false;
    const timeout = setTimeout(() => { say(`FAILED: timed out after ${timeoutS} s`); failed = true; browser?.close(); }, timeoutS * 1000);
    try {
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        const consoleErrors = [];
        const allConsole = [];
        page.on('console', message => {
            allConsole.push(message.text());
            if (message.type() === 'error') consoleErrors.push(message.text());
        });
        await page.goto(workbenchUrl(server, sandbox.workspace));
        await check('workbench loads', async () => {
            await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 30_000 });
            await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
        });
        await checks({ page, server, allConsole });
        const extensionErrors = consoleErrors.filter(text => /integ/i.test(text) && !/vsda|gallery|marketplace/i.test(text));
        await check('no console errors from the extension or its webviews', async () => {
            if (extensionErrors.length > 0) throw new Error(extensionErrors.slice(0, 10).join('\n'));
        });
    } catch {
        failed = true;
        await page?.screenshot({ path: join(RESULTS, failureShot) }).catch(() => {});
        say(`the screen at the failure: ${relative(ROOT, join(RESULTS, failureShot))}`);
    } finally {
        clearTimeout(timeout);
        await browser?.close().catch(() => {});
        await server.stop();
        if (!failed && process.env.INTEG_E2E_KEEP !== '1') rmSync(sandbox.dir, { recursive: true, force: true });
        else say(`sandbox kept for inspection: ${sandbox.dir}`);
    }
    return failed;
}
