// `npm run test:vscode` (first half): runs the extension-host mocha suite inside a real VS Code —
// code-server 4.96.4 driven by headless Debian chromium — offline. Exit code 0 only when every test passed.
// Env: INTEG_E2E_TIMEOUT (s, default 240), INTEG_E2E_GREP (mocha grep), INTEG_E2E_SAMPLE (e.g. samples/reference),
// INTEG_E2E_SKIP_BUILD=1, INTEG_E2E_VERBOSE=1 (echo code-server's log), INTEG_E2E_KEEP=1 (keep the sandbox),
// INTEG_E2E_EXTENSION (folder of the extension under test; default the repository itself).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, SUITE_BUNDLE, buildForTests } from './build-suite.mjs';
import { createSandbox, ensureCodeServer, launchChromium, remoteUri, sampleFolder, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { writeExpectedFindings } from './lib/expected-findings.mjs';

const timeoutSeconds = Number(process.env.INTEG_E2E_TIMEOUT ?? 240);
const verbose = process.env.INTEG_E2E_VERBOSE === '1';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = message => console.log(`[test:vscode ${elapsed()}] ${message}`);

/** Workbench chatter around every run (connection set-up, the unreachable gallery); INTEG_E2E_VERBOSE shows it. */
const WORKBENCH_NOISE = /^(\[(Extension Host|ExtensionService|driver|Service Worker|network)\]|Resolving connection token|Resolved connection token|Creating a socket|Creation of workbench contribution|Updating additional builtin|getaddrinfo ENOTFOUND|Request to .* failed with status code 404)/;

function readResult(file) {
    if (!existsSync(file)) return undefined;
    try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return undefined; }
}

async function main() {
    await buildForTests();
    const bin = ensureCodeServer();
    const sandbox = createSandbox('ext-host');
    const resultFile = join(sandbox.dir, 'result.json');
    const expectedFile = join(sandbox.dir, 'expected-findings.json');
    const expected = writeExpectedFindings(sandbox.workspace, sampleFolder(), expectedFile);
    say(`workspace ${sandbox.workspace} (copy of ${relative(ROOT, sampleFolder())}); ${expected.count} expected findings from ${expected.source}`);

    const server = await startCodeServer(bin, sandbox, {
        env: { INTEG_E2E_RESULT: resultFile, INTEG_E2E_EXPECTED: expectedFile, ...(process.env.INTEG_E2E_GREP ? { INTEG_E2E_GREP: process.env.INTEG_E2E_GREP } : {}) },
        log: line => { if (verbose) console.log(`  [code-server] ${line}`); }
    });
    say(`code-server listening on ${server.baseUrl}`);
    let browser;
    let exitCode = 1;
    try {
        browser = await launchChromium();
        const page = await browser.newPage();
        let finish;
        const exited = new Promise(resolve => { finish = resolve; });
        await page.exposeFunction('codeAutomationExit', code => finish({ code, via: 'codeAutomationExit' }));
        await page.exposeFunction('codeAutomationLog', (_level, message) => {
            const text = Array.isArray(message) ? message.join(' ') : String(message);
            if (verbose || !WORKBENCH_NOISE.test(text)) console.log(text);
        });
        const payload = [
            ['extensionDevelopmentPath', remoteUri(server.host, process.env.INTEG_E2E_EXTENSION ?? ROOT)],
            ['extensionTestsPath', remoteUri(server.host, SUITE_BUNDLE)]
        ];
        await page.goto(workbenchUrl(server, sandbox.workspace, payload));
        say('workbench loaded; the suite runs in the extension host');

        const resultFilePoll = (async () => {
            // Second channel: the suite's JSON result, in case the page-side exit hook never fires.
            for (;;) {
                await new Promise(resolve => setTimeout(resolve, 500));
                const result = readResult(resultFile);
                if (result) {
                    await new Promise(resolve => setTimeout(resolve, 2000));
                    return { code: result.failed > 0 ? 1 : 0, via: 'result file' };
                }
            }
        })();
        const timeout = new Promise(resolve => setTimeout(() => resolve({ code: 1, via: 'timeout' }), timeoutSeconds * 1000));
        const outcome = await Promise.race([exited, resultFilePoll, timeout]);
        const result = readResult(resultFile);

        console.log('');
        if (outcome.via === 'timeout') {
            say(`FAILED: no result after ${timeoutSeconds} s (the suite never ran, or hung). Rerun with INTEG_E2E_VERBOSE=1 for code-server's log.`);
        } else if (!result) {
            say(`FAILED: the extension host exited with ${outcome.code} without a result: the suite module did not load or run() threw early (see the log above).`);
        } else {
            for (const test of result.tests.filter(t => t.state === 'failed')) console.log(`  ✗ ${test.title}\n    ${test.error.split('\n').slice(0, 6).join('\n    ')}`);
            const ok = outcome.code === 0 && result.failed === 0;
            say(`${ok ? 'PASSED' : 'FAILED'}: ${result.passed} passed, ${result.failed} failed (exit ${outcome.code} via ${outcome.via})`);
            exitCode = ok ? 0 : 1;
        }
    } finally {
        await browser?.close().catch(() => {});
        await server.stop();
        if (exitCode === 0 && process.env.INTEG_E2E_KEEP !== '1') rmSync(sandbox.dir, { recursive: true, force: true });
        else say(`sandbox kept for inspection: ${sandbox.dir}`);
    }
    return exitCode;
}

main().then(code => process.exit(code), error => {
    console.error(`[test:vscode] ${error?.stack ?? error}`);
    process.exit(1);
});
