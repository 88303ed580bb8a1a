/**
 * Entry of the extension-host suite: VS Code (code-server or Electron) loads the bundled
 * out/test/vscode/index.cjs as `extensionTestsPath` and awaits `run()`.
 * Besides mocha's report on the console, the outcome goes to the JSON file named by INTEG_E2E_RESULT,
 * a second channel the code-server runner reads when the page-side exit hook is missed.
 */
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { format } from 'node:util';
import { crossFileSuite } from './cross-file.suite.js';
import { diagnosticsSuite } from './diagnostics.suite.js';
import { languageFeaturesSuite } from './language-features.suite.js';
import { previewsSuite } from './previews.suite.js';
import { quickFixSuite } from './quick-fix.suite.js';
import { serverRestartSuite } from './server-restart.suite.js';

interface TestResult {
    title: string;
    state: 'passed' | 'failed';
    error?: string;
}

function writeResult(passed: number, failed: TestResult[], all: TestResult[]): void {
    const path = process.env.INTEG_E2E_RESULT;
    if (path) writeFileSync(path, JSON.stringify({ passed, failed: failed.length, tests: all }, null, 2));
}

export function run(): Promise<void> {
    // Stack traces then name the suite's .ts lines instead of the bundle's.
    process.setSourceMapsEnabled(true);
    // Console output reaches the runner without printf formatting; format it here.
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
    // Installs describe/it for the suite functions below (they are bundled, not loaded as files).
    mocha.suite.emit('pre-require', globalThis, 'integ-e2e', mocha);
    const grep = process.env.INTEG_E2E_GREP;
    if (grep) mocha.grep(grep);
    diagnosticsSuite();
    quickFixSuite();
    crossFileSuite();
    languageFeaturesSuite();
    previewsSuite();
    serverRestartSuite();

    return new Promise((resolve, reject) => {
        const all: TestResult[] = [];
        const runner = mocha.run(failures => {
            const failed = all.filter(test => test.state === 'failed');
            writeResult(all.length - failed.length, failed, all);
            if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
            else resolve();
        });
        runner.on('pass', test => all.push({ title: test.fullTitle(), state: 'passed' }));
        runner.on('fail', (test, error: Error) => all.push({ title: test.fullTitle(), state: 'failed', error: error?.stack ?? String(error) }));
    });
}
