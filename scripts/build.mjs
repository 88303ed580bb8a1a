// Bundles the language server, the CLI and the extension to CommonJS in dist/ (the VS Code
// extension host loads CommonJS; Langium is ESM-only, so it is bundled in).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');

const serverEntries = [
    { in: 'language-server/src/main.ts', out: 'server' },
    { in: 'language-server/src/cli/main.ts', out: 'cli' },
    // ELK runs in this worker thread, next to the server and CLI bundles that start it.
    { in: 'language-server/src/diagram/layout-worker.cjs', out: 'layout-worker' }
];
const extensionEntries = [{ in: 'extension/src/extension.ts', out: 'extension' }];
// Webview scripts run in the browser sandbox of a VS Code webview: one IIFE per preview.
const webviewEntries = [
    { in: 'extension/webview/diagram/main.ts', out: 'webview/diagram' },
    { in: 'extension/webview/roadmap/main.ts', out: 'webview/roadmap' },
    { in: 'extension/webview/brief/main.ts', out: 'webview/brief' }
];

/**
 * zod (which the MCP SDK validates with) re-exports every language's error messages as `locales`;
 * the SDK reads its exports through namespace objects, so esbuild cannot drop the unused ones.
 * Nothing here switches locale: keep English (zod's default) and leave out about 250 KB.
 */
const englishZodOnly = {
    name: 'english-zod-only',
    setup(build) {
        build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, args => /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
            ? { path: 'zod-locales', namespace: 'english-zod-only', pluginData: args.resolveDir } : undefined);
        build.onLoad({ filter: /.*/, namespace: 'english-zod-only' }, args => ({
            contents: "export { default as en } from '../locales/en.js';", resolveDir: args.pluginData, loader: 'js'
        }));
    }
};

const nodeOptions = {
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    plugins: [englishZodOnly],
    // import.meta.url is used by some ESM dependencies; give the CJS bundle a working equivalent.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).toString();" }
};

/** How the extension is bundled (the unit tests bundle a probe the same way). */
export const extensionOptions = {
    ...nodeOptions,
    entryPoints: extensionEntries,
    external: ['vscode'],
    // lsp/protocol.ts makes its message types with vscode-languageserver's classes. The client
    // compares a message's parameter structure with its own copy of vscode-jsonrpc by identity, so
    // in the extension those classes must come from the client's copy: the same API, re-exported.
    alias: { 'vscode-languageserver': 'vscode-languageclient' }
};

const builds = [
    { ...nodeOptions, entryPoints: serverEntries },
    extensionOptions,
    {
        entryPoints: webviewEntries,
        outdir: 'dist',
        bundle: true,
        platform: 'browser',
        target: 'es2022',
        format: 'iife',
        sourcemap: false,
        minify: production,
        logLevel: 'warning'
    }
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const missing = builds.flatMap(options => options.entryPoints).filter(entry => !existsSync(entry.in)).map(entry => entry.in);
    if (missing.length > 0) {
        console.error(`build: missing entry point${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`);
        process.exit(1);
    }
    if (process.argv.includes('--watch')) {
        for (const options of builds) await (await esbuild.context(options)).watch();
    } else {
        for (const options of builds) await esbuild.build(options);
        execFileSync(process.execPath, ['scripts/make-code-cache.cjs'], { stdio: 'inherit' });
    }
}
