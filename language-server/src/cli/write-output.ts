import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError, describe } from './collect-files.js';
import { writeFileAtomically } from './safe-write.js';

export interface OutputOptions {
    /** The folder a relative output path is resolved against. */
    cwd: string;
    /** `--force`: write through symbolic links in the output path (still never onto a model file). */
    force: boolean;
}

const isModel = (file: string) => file.toLowerCase().endsWith('.integ');

/** What is at `file` without following a link there, or undefined when nothing is (yet). */
async function entryAt(file: string) {
    try {
        return await fs.lstat(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
    }
}

/**
 * Writes one output file, only at the path the user gave, and never over a model file: a slip such
 * as `-o acme.integ` must not destroy the estate. A repository decides what its symbolic links
 * point at (`ln -s estate.integ out.html`, `ln -s ../outside out`), so without `--force` no link
 * is followed in the part of the path inside the working folder, nor at the file itself; with it
 * the real target still must not be a `.integ` file. The file is replaced in one step (safe-write.ts).
 */
export async function writeOutput(target: string, content: string | Uint8Array, options: OutputOptions): Promise<void> {
    if (isModel(target)) throw new UsageError(`${target}: refusing to write output over a .integ model file`);
    const absolute = path.resolve(options.cwd, target);
    try {
        if (!options.force) await refuseLinks(target, absolute, options.cwd);
        await fs.mkdir(path.dirname(absolute), { recursive: true });
        const file = await realTarget(target, absolute);
        if (isModel(file)) throw new UsageError(`${target}: leads to the model file ${file}; refusing to write over it`);
        const existing = await entryAt(file);
        if (existing?.isDirectory()) throw new UsageError(`${target}: is a folder; give a file name`);
        // A device or a pipe (`-o /dev/null`) is written to; replacing it would put a file in its place.
        if (existing && !existing.isFile()) await fs.writeFile(file, content);
        else await writeFileAtomically(file, content);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${target}: ${describe(error)}`);
    }
}

/** Each existing part of the path below the working folder, or only the file when the path leads elsewhere, must not be a link. */
async function refuseLinks(target: string, absolute: string, cwd: string): Promise<void> {
    const relative = path.relative(path.resolve(cwd), absolute);
    const below = relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
    const parts = below ? relative.split(path.sep).map((_, i, all) => path.join(path.resolve(cwd), ...all.slice(0, i + 1))) : [absolute];
    for (const part of parts) {
        const entry = await entryAt(part);
        if (!entry) return;
        if (entry.isSymbolicLink()) {
            const shown = below ? path.relative(path.resolve(cwd), part) : part;
            throw new UsageError(`${target}: ${shown} is a symbolic link; refusing to write through it (--force writes through links)`);
        }
    }
}

/** The real path the output will have: its folder resolved, and (with --force) a link at the file followed. */
async function realTarget(target: string, absolute: string): Promise<string> {
    const file = path.join(await fs.realpath(path.dirname(absolute)), path.basename(absolute));
    if (!(await entryAt(file))?.isSymbolicLink()) return file;
    try {
        return await fs.realpath(file);
    } catch (error) {
        throw new UsageError(`${target}: a symbolic link that cannot be followed (${describe(error)}); write to its target instead`);
    }
}
