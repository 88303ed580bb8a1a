// What both UI scripts (ui.mjs, ui-review.mjs) run in: named checks reported as they pass, the VSIX
// packaged and installed into the sandbox's code-server, editor settings that leave typed text as
// typed, and the clean-up and summary after the run.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../build-suite.mjs';

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

/** After the checks: the browser and code-server stopped, the sandbox removed unless the run failed or is kept. */
export async function endRun({ failed, browser, server, sandbox, timeout, say }) {
    clearTimeout(timeout);
    await browser?.close().catch(() => {});
    await server.stop();
    if (!failed && process.env.INTEG_E2E_KEEP !== '1') rmSync(sandbox.dir, { recursive: true, force: true });
    else say(`sandbox kept for inspection: ${sandbox.dir}`);
}
