import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * Bundles the current sources the way scripts/build.mjs does, into a fresh temporary folder, so the
 * process tests run today's code rather than whatever dist/ last held.
 */
export async function bundle(): Promise<{ server: string; cli: string }> {
    const outdir = mkdtempSync(join(tmpdir(), 'integ-bundle-'));
    await esbuild.build({
        entryPoints: [
            { in: 'language-server/src/main.ts', out: 'server' },
            { in: 'language-server/src/cli/main.ts', out: 'cli' },
            { in: 'language-server/src/diagram/layout-worker.cjs', out: 'layout-worker' }
        ],
        outdir, outExtension: { '.js': '.cjs' }, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
        external: ['vscode'], logLevel: 'error',
        define: { 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).toString();" }
    });
    return { server: join(outdir, 'server.cjs'), cli: join(outdir, 'cli.cjs') };
}
