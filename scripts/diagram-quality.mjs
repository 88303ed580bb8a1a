// `npm run diagram:quality [-- --only acme] [--stability 10] [--seed 1] [--dump folder] [--open-each]`: the diagram readability
// figures (scripts/diagram-quality.ts), bundled with esbuild first since Node 20 cannot run TypeScript.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'integ-quality-'));
const outfile = join(dir, 'diagram-quality.mjs');
try {
    await esbuild.build({
        entryPoints: [join(root, 'scripts', 'diagram-quality.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
        logLevel: 'warning',
        // Langium's CommonJS dependencies need a real require in an ES module bundle.
        banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
    });
    const { main } = await import(pathToFileURL(outfile).href);
    await main(process.argv.slice(2), root);
} catch (error) {
    // A mistake in the command line is told in a line; anything else is a fault, with where it happened.
    const usage = error instanceof Error && error.name === 'UsageError';
    console.error(`diagram:quality: ${usage ? error.message : error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = usage ? 2 : 1;
} finally {
    rmSync(dir, { recursive: true, force: true });
}
