import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIo } from './run-cli.js';
import { parseArgs } from './cli-args.js';
import { createCliServices } from './cli-services.js';
import { UsageError, collectIntegFiles, describe } from './collect-files.js';
import { parseToday } from './roadmap-command.js';
import { writeFileAtomically } from './safe-write.js';
import { visible } from '../render/visible-text.js';
import { formatText } from '../lsp/integ-formatter.js';
import { countSyntaxErrors } from '../parser/syntax-errors.js';
import { loadWorkspace, type SourceText } from '../workspace/load-workspace.js';
import type { Estate } from '../model/estate.js';
import { FIELDS_OF } from '../exchange/column-guess.js';
import { originOf, withHeader } from '../exchange/generated-header.js';
import { importSummaryText } from '../exchange/import-summary.js';
import { writeModel, type KnownDeclaration, type KnownKind } from '../exchange/model-writer.js';
import { PRESET_NAMES } from '../exchange/presets.js';
import { IMPORT_FORMATS, readInventory, type ImportFormat, type InputFile } from '../exchange/read-inventory.js';
import { ImportError, type ImportNote } from '../exchange/records.js';

export const IMPORT_USAGE = `integ import ${IMPORT_FORMATS.join('|')} <files…> -o <folder> [--preset ${PRESET_NAMES.join('|')}] [--map column=field …] [--force] [--today YYYY-MM-DD]`;

const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const MAPPABLE = new Set([...Object.values(FIELDS_OF).flat(), 'description']);

/** `--map` may be given many times; parseArgs keeps one value per option, so the maps are taken out first. */
function takeMaps(args: string[]): { maps: Map<string, string>; rest: string[] } {
    const maps = new Map<string, string>();
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg !== '--map' && !arg.startsWith('--map=')) {
            rest.push(arg);
            continue;
        }
        const value = arg === '--map' ? args[++i] : arg.slice('--map='.length);
        const match = /^(.+)=([\w-]+)$/.exec(value ?? '');
        if (!match) throw new UsageError(`--map needs column=field (got '${value ?? ''}')`);
        if (!MAPPABLE.has(match[2])) throw new UsageError(`--map ${match[1]}=${match[2]}: no field '${match[2]}'; fields: ${[...MAPPABLE].join(', ')}`);
        maps.set(match[1].trim(), match[2]);
    }
    return { maps, rest };
}

async function readInput(file: string, cwd: string): Promise<InputFile> {
    try {
        const absolute = path.resolve(cwd, file);
        const stat = await fs.stat(absolute);
        if (stat.isDirectory()) throw new UsageError(`${file}: is a folder; give the exported files`);
        if (stat.size > MAX_INPUT_BYTES) throw new UsageError(`${file}: larger than 64 MB, not read`);
        return { name: file, bytes: await fs.readFile(absolute) };
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${file}: ${describe(error)}`);
    }
}

interface ExistingFile { relative: string; text: string; origin: ReturnType<typeof originOf> }

async function existingFiles(folder: string): Promise<ExistingFile[]> {
    const exists = await fs.stat(folder).then(stat => stat, () => undefined);
    if (!exists) return [];
    if (!exists.isDirectory()) throw new UsageError(`${folder}: is a file; -o names the folder the model is written to`);
    const collected = await collectIntegFiles([folder], folder);
    return Promise.all(collected.files.map(async file => {
        const text = await fs.readFile(file.real, 'utf8');
        return { relative: path.relative(folder, file.shown), text, origin: originOf(text) };
    }));
}

const KIND_OF: Array<[keyof Estate, KnownKind]> = [
    ['departments', 'department'], ['systems', 'system'], ['entities', 'entity'], ['platforms', 'platform'], ['classifications', 'classification'],
    ['flows', 'flow'], ['regulations', 'other'], ['processes', 'other'], ['roadmaps', 'other'], ['initiatives', 'other']
];

/** Every declaration of the standard library and of the hand-written files: the import refers to them and never writes them again. */
function knownDeclarations(estate: Estate, fileOf: (uri: string) => string | undefined): KnownDeclaration[] {
    const known: KnownDeclaration[] = [];
    for (const [key, kind] of KIND_OF) {
        for (const declared of (estate[key] as Map<string, { name: string; title: string; source: { uri: string; builtin: boolean }; fields?: Array<{ name: string }> }>).values()) {
            known.push({ kind, name: declared.name, title: declared.title, file: declared.source.builtin ? undefined : fileOf(declared.source.uri), fields: declared.fields?.map(field => field.name) });
        }
    }
    return known;
}

function uriIn(folder: string, relative: string): string {
    return pathToFileURL(path.join(folder, relative)).toString();
}

/**
 * Reads an inventory, writes it as formatted `.integ` files into the folder (one per department),
 * and prints what was mapped, inferred and skipped, and the first analysis. Nothing is written
 * unless every generated file parses and links together with the folder's hand-written files.
 */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
    const { maps, rest } = takeMaps(args);
    const parsed = parseArgs(rest, new Set(['--output', '--preset', '--today']), new Set(['--force']));
    const [format, ...inputs] = parsed.paths;
    if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`the first argument is the format: ${IMPORT_FORMATS.join(', ')} (got '${format ?? ''}')`);
    if (inputs.length === 0) throw new UsageError('give the exported files to import');
    const output = parsed.options.get('--output');
    if (!output) throw new UsageError('-o <folder> is required: the folder the model is written to');
    const preset = parsed.options.get('--preset');
    if (preset !== undefined && !(PRESET_NAMES as readonly string[]).includes(preset)) throw new UsageError(`--preset must be one of ${PRESET_NAMES.join(', ')} (got '${preset}')`);
    if (preset === 'archi' && format !== 'csv') throw new UsageError(`--preset archi reads Archi's CSV export; use 'integ import csv elements.csv relations.csv properties.csv --preset archi'`);
    if (preset !== undefined && format === 'archimate') throw new UsageError('an ArchiMate exchange file needs no preset');
    const today = parseToday(parsed.options.get('--today'));
    const force = parsed.flags.has('--force');
    const folder = path.resolve(io.cwd, output);

    const files = await Promise.all(inputs.map(input => readInput(input, io.cwd)));
    let inventory;
    try {
        inventory = await readInventory(format as ImportFormat, files, { preset: preset as 'servicenow' | 'leanix' | 'archi' | undefined, map: maps, today });
    } catch (error) {
        if (error instanceof ImportError) throw new UsageError(error.message);
        throw error;
    }
    const warn = (note: ImportNote) => io.stderr.write(`integ import: ${visible(note.origin ? `${note.origin.file}:${note.origin.line}${note.origin.column ? `:${note.origin.column}` : ''}: ` : '')}warning: ${visible(note.message)}\n`);
    inventory.notes.filter(note => note.kind === 'warning').forEach(warn);

    const existing = await existingFiles(folder);
    let hand = existing.filter(file => file.origin === 'hand-written');
    let handSources: SourceText[] = [];
    let generated;
    // With --force a hand-written file the import writes over no longer declares anything: generate again without it.
    for (;;) {
        handSources = hand.map(file => ({ uri: uriIn(folder, file.relative), text: file.text }));
        const handWorkspace = await loadWorkspace(createCliServices(), handSources);
        const shownOf = new Map(hand.map(file => [uriIn(folder, file.relative), path.join(output, file.relative)]));
        generated = writeModel(inventory, knownDeclarations(handWorkspace.analysis.estate, uri => shownOf.get(uri) ?? uri));
        const names = new Set(generated.files.map(file => file.name));
        const replaced = hand.filter(file => names.has(file.relative));
        if (!force || replaced.length === 0) break;
        hand = hand.filter(file => !names.has(file.relative));
    }

    // What the folder holds under each name the import writes decides whether it may: its own unedited files only, unless --force.
    const byName = new Map(existing.map(file => [file.relative, file]));
    const refused: string[] = [];
    for (const file of generated.files) {
        const there = byName.get(file.name);
        if (!there || there.origin === 'generated' || force) continue;
        refused.push(there.origin === 'hand-written'
            ? `${path.join(output, file.name)}: exists and was not written by 'integ import'`
            : `${path.join(output, file.name)}: was edited since the last import`);
    }
    if (refused.length > 0) {
        throw new UsageError(`${refused.map(visible).join('\n  ')}\nnothing was written; move those edits to another file of the folder, import into another folder, or give --force to replace them`);
    }
    const stale = existing.filter(file => file.origin !== 'hand-written' && !generated.files.some(generatedFile => generatedFile.name === file.relative));
    const staleEdited = stale.filter(file => file.origin === 'generated-then-edited');
    if (staleEdited.length > 0 && !force) {
        throw new UsageError(`${staleEdited.map(file => visible(path.join(output, file.relative))).join(', ')}: generated by an earlier import, edited since, and no longer produced; nothing was written (--force deletes them)`);
    }

    // Parse and link the new files with the hand-written ones; format them with the editor's formatter.
    const sources = [...handSources, ...generated.files.map(file => ({ uri: uriIn(folder, file.name), text: file.text }))];
    const loaded = await loadWorkspace(createCliServices(), sources);
    const texts = new Map<string, string>();
    const broken: string[] = [];
    for (const [index, file] of generated.files.entries()) {
        const document = loaded.documents[handSources.length + index];
        const diagnostics = document?.diagnostics ?? [];
        if (!document || countSyntaxErrors(diagnostics) > 0) {
            broken.push(`${file.name}: ${diagnostics.filter(d => d.severity === 1).slice(0, 3).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('; ') || 'not loaded'}`);
            continue;
        }
        texts.set(file.name, withHeader(formatText(document.parseResult.value, file.text), format, inputs.map(input => path.basename(input))));
    }
    if (broken.length > 0) throw new Error(`the generated model does not load (nothing was written): ${broken.join(' | ')}`);

    await writeFolder(folder, texts, stale.map(file => file.relative));

    const findings = loaded.analysis.findings.filter(finding => !finding.accepted);
    const gaps = findings.filter(finding => finding.ruleId.startsWith('gap/')).length;
    const securityErrors = findings.filter(finding => finding.ruleId.startsWith('security/') && finding.severity === 'error').length;
    const diagramTarget = `${path.basename(folder)}.svg`;
    const summary = importSummaryText(generated.summary, inventory.notes.filter(note => note.kind === 'guessed'),
        [...texts.keys()].map(name => path.join(output, name)),
        { gaps, securityErrors, openDiagram: `'integ diagram ${output} -o ${diagramTarget}' (or "Integration: Open Diagram to the Side" in VS Code)` });
    io.stdout.write(summary.split('\n').map(visible).join('\n'));
    return 0;
}

/**
 * A new folder is written beside its place and renamed into it, so a failure leaves no folder; in
 * an existing folder each file is replaced in one step (safe-write.ts), after every file was checked.
 */
async function writeFolder(folder: string, texts: Map<string, string>, stale: string[]): Promise<void> {
    try {
        const exists = await fs.stat(folder).then(() => true, () => false);
        if (!exists) {
            await fs.mkdir(path.dirname(folder), { recursive: true });
            const staging = path.join(path.dirname(folder), `.${path.basename(folder)}.${randomBytes(6).toString('hex')}.importing`);
            await fs.mkdir(staging);
            try {
                for (const [name, text] of texts) await fs.writeFile(path.join(staging, name), text, { flag: 'wx' });
                await fs.rename(staging, folder);
            } catch (error) {
                await fs.rm(staging, { recursive: true, force: true });
                throw error;
            }
            return;
        }
        for (const [name, text] of texts) {
            const target = path.join(folder, name);
            const entry = await fs.lstat(target).catch(() => undefined);
            if (entry?.isSymbolicLink()) throw new UsageError(`${target}: is a symbolic link; refusing to write through it`);
            await writeFileAtomically(target, text);
        }
        for (const name of stale) await fs.rm(path.join(folder, name), { force: true });
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${folder}: ${describe(error)}`);
    }
}
