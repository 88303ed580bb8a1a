// Builds what the VS Code tests load: dist/ (extension, server) and the extension-host suite bundled to
// out/test/vscode/index.cjs (CommonJS: the extension host require()s it; the package is "type": "module").
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SUITE_BUNDLE = join(ROOT, 'out', 'test', 'vscode', 'index.cjs');
/** The suite's sample scanner, also used by the UI check (plain Node cannot import .ts). */
export const SAMPLE_SCAN_MODULE = join(ROOT, 'out', 'test', 'vscode', 'sample-scan.mjs');

/**
 * INTEG_E2E_SKIP_BUILD=1 tests the dist/ already there (e.g. a build made by CI a step earlier);
 * `dist: false` when something else builds it (the VSIX's vscode:prepublish).
 */
export async function buildForTests({ dist = true } = {}) {
    if (dist && process.env.INTEG_E2E_SKIP_BUILD !== '1') {
        const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
        if (build.status !== 0) throw new Error('node scripts/build.mjs failed');
    }
    await esbuild.build({
        entryPoints: [join(ROOT, 'test', 'vscode', 'suite', 'index.ts')],
        outfile: SUITE_BUNDLE,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['vscode', 'mocha'],
        sourcemap: 'inline',
        logLevel: 'warning'
    });
    await esbuild.build({
        entryPoints: [join(ROOT, 'test', 'vscode', 'suite', 'sample-scan.ts')],
        outfile: SAMPLE_SCAN_MODULE,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        logLevel: 'warning'
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    await buildForTests();
}
