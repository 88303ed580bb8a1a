// Command-line front end of scripts/gen-estate.ts: writes a generated estate to a folder.
//   node scripts/gen-estate.mjs <folder> [--systems N] [--departments N] [--flows N] [--entities N]
//        [--fields-per-entity N] [--processes N] [--initiatives N] [--files N] [--seed N] [--scale]
// With --scale, flows, entities, processes and initiatives follow the number of systems (as in the
// benchmark's scale table) unless given explicitly.
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Compiles gen-estate.ts (Node 20 cannot run TypeScript) and imports it. */
export async function loadGenerator() {
    const dir = mkdtempSync(join(tmpdir(), 'integ-gen-'));
    const outfile = join(dir, 'gen-estate.mjs');
    await esbuild.build({ entryPoints: [join(here, 'gen-estate.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
    try {
        return await import(pathToFileURL(outfile).href);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Writes the files into `folder`, removing the `.integ` files a previous run left there. */
export function writeEstate(folder, files) {
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(folder)) if (name.endsWith('.integ')) rmSync(join(folder, name));
    for (const file of files) writeFileSync(join(folder, file.name), file.text);
}

const OPTION_NAMES = {
    '--seed': 'seed', '--systems': 'systems', '--departments': 'departments', '--flows': 'flows', '--entities': 'entities',
    '--fields-per-entity': 'fieldsPerEntity', '--processes': 'processes', '--initiatives': 'initiatives', '--files': 'files'
};

function parse(argv) {
    const options = {};
    let folder;
    let scale = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--scale') { scale = true; continue; }
        if (arg in OPTION_NAMES) {
            const value = Number(argv[++i]);
            if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number ≥ 0 (got '${argv[i]}')`);
            options[OPTION_NAMES[arg]] = value;
        } else if (arg.startsWith('-')) {
            throw new Error(`unknown option ${arg}`);
        } else if (folder === undefined) {
            folder = arg;
        } else {
            throw new Error(`one folder only (got '${folder}' and '${arg}')`);
        }
    }
    if (folder === undefined) throw new Error('usage: node scripts/gen-estate.mjs <folder> [--systems N] [--files N] [--seed N] [--scale] …');
    return { folder: resolve(folder), options, scale };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        const { folder, options, scale } = parse(process.argv.slice(2));
        const generator = await loadGenerator();
        const resolved = scale ? generator.scaledOptions(options.systems ?? generator.DEFAULT_OPTIONS.systems, options) : options;
        const estate = generator.generateEstate(resolved);
        writeEstate(folder, estate.files);
        const s = estate.stats;
        console.log(`${estate.files.length} files, ${s.lines} lines: ${s.systems} systems, ${s.flows} flows, ${s.entities} entities (${s.fields} fields), ${s.processes} processes, ${s.initiatives} initiatives → ${folder}`);
    } catch (error) {
        console.error(`gen-estate: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(2);
    }
}
