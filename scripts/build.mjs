// Bundles the language server, the CLI and the extension to CommonJS in dist/ (the VS Code
// extension host loads CommonJS; Langium is ESM-only, so it is bundled in).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
    { in: 'language-server/src/main.ts', out: 'server' },
    { in: 'language-server/src/cli/main.ts', out: 'cli' },
    { in: 'extension/src/extension.ts', out: 'extension' }
].filter(entry => existsSync(entry.in));

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
} else {
    await esbuild.build(options);
}
