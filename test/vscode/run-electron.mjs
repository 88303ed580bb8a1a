// `npm run test:electron`: the same extension-host suite in desktop VS Code through @vscode/test-electron.
// It downloads VS Code (into .vscode-test/) on first use, so it needs network access and a display
// (use `xvfb-run -a npm run test:electron` on a headless Linux box). CI uses `npm run test:vscode` instead.
// Env: VSCODE_VERSION (default "stable"), INTEG_E2E_GREP, INTEG_E2E_SAMPLE, INTEG_E2E_SKIP_BUILD=1.
import { runTests } from '@vscode/test-electron';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SUITE_BUNDLE, buildForTests } from './build-suite.mjs';
import { createSandbox, sampleFolder } from './lib/code-server.mjs';
import { writeExpectedFindings } from './lib/expected-findings.mjs';

async function main() {
    await buildForTests();
    const sandbox = createSandbox('electron');
    const expectedFile = join(sandbox.dir, 'expected-findings.json');
    const expected = writeExpectedFindings(sandbox.workspace, sampleFolder(), expectedFile);
    console.log(`[test:electron] workspace ${sandbox.workspace}; ${expected.count} expected findings from ${expected.source}`);
    try {
        await runTests({
            version: process.env.VSCODE_VERSION ?? 'stable',
            extensionDevelopmentPath: ROOT,
            extensionTestsPath: SUITE_BUNDLE,
            launchArgs: [sandbox.workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir],
            extensionTestsEnv: {
                INTEG_E2E_EXPECTED: expectedFile,
                INTEG_E2E_RESULT: join(sandbox.dir, 'result.json'),
                ...(process.env.INTEG_E2E_GREP ? { INTEG_E2E_GREP: process.env.INTEG_E2E_GREP } : {})
            }
        });
        rmSync(sandbox.dir, { recursive: true, force: true });
        return 0;
    } catch (error) {
        console.error(`[test:electron] FAILED: ${error?.message ?? error}; sandbox kept: ${sandbox.dir}`);
        return 1;
    }
}

main().then(code => process.exit(code), error => {
    console.error(`[test:electron] ${error?.stack ?? error}`);
    process.exit(1);
});
