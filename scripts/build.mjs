// Bundles the language server, the CLI and the extension to CommonJS in dist/ (the VS Code
// extension host loads CommonJS; Langium is ESM-only, so it is bundled in).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
    { in: 'language-server/src/main.ts', out: 'server' },
    { in: 'language-server/src/cli/main.ts', out: 'cli' },
    { in: 'extension/src/extension.ts', out: 'extension' },
    // ELK runs in this worker thread, next to the server and CLI bundles that start it.
    { in: 'language-server/src/diagram/layout-worker.cjs', out: 'layout-worker' }
].filter(entry => existsSync(entry.in));

// Webview scripts run in the browser sandbox of a VS Code webview: one IIFE per preview.
const webviewEntries = [
    { in: 'extension/webview/diagram/main.ts', out: 'webview/diagram' },
    { in: 'extension/webview/roadmap/main.ts', out: 'webview/roadmap' }
].filter(entry => existsSync(entry.in));

const webviewOptions = {
    entryPoints: webviewEntries,
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: false,
    minify: production,
    logLevel: 'warning'
};

const options = {
    entryPoints: entries,
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // import.meta.url is used by some ESM dependencies; give the CJS bundle a working equivalent.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).toString();" }
};

if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
    if (webviewEntries.length > 0) await (await esbuild.context(webviewOptions)).watch();
} else {
    await esbuild.build(options);
    if (webviewEntries.length > 0) await esbuild.build(webviewOptions);
    execFileSync(process.execPath, ['scripts/make-code-cache.cjs'], { stdio: 'inherit' });
}
