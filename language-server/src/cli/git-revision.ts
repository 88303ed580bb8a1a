import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceText } from '../workspace/load-workspace.js';
import { UsageError } from './collect-files.js';

/** The `.integ` files of one commit, read from git's objects: no checkout, no change to the working tree. */
export interface RevisionFiles {
    /** The commit the revision names. */
    commit: string;
    sources: SourceText[];
    /** Document URI → path relative to the working folder, as `git ls-tree` prints it. */
    displayPath: Map<string, string>;
}

/** As collect-files.ts skips them in a folder, so that `integ diff HEAD` of an unchanged tree is empty. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Files read at once: enough to hide git's start-up time, few enough not to swamp a small machine. */
const PARALLEL_READS = 8;

class GitFailure extends Error {
    constructor(readonly stderr: string, readonly missing: boolean) { super(stderr); }
}

function git(args: string[], cwd: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_FILE_BYTES + 1024, windowsHide: true }, (error, stdout, stderr) => {
            if (!error) resolve(stdout);
            else reject(new GitFailure(String(stderr || error.message).trim().split('\n')[0], (error as NodeJS.ErrnoException).code === 'ENOENT'));
        });
    });
}

/** True when `cwd` is inside a git work tree; false when it is not or git is not installed. */
export async function insideGitRepository(cwd: string): Promise<boolean> {
    try {
        return (await git(['rev-parse', '--is-inside-work-tree'], cwd)).trim() === 'true';
    } catch {
        return false;
    }
}

/**
 * The `.integ` files of `revision` below the working folder, or below `paths` (relative to it)
 * when given; none when the estate did not exist yet. A revision that looks like an option is
 * refused before git sees it.
 */
export async function readRevision(revision: string, paths: string[], cwd: string): Promise<RevisionFiles> {
    if (revision.startsWith('-')) throw new UsageError(`${revision}: not a folder or a git revision`);
    let commit: string;
    try {
        commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd)).trim();
    } catch (error) {
        if (error instanceof GitFailure && error.missing) throw new UsageError('git is not installed; give two folders instead of revisions');
        throw new UsageError(`${revision}: no such folder, and not a revision of this git repository`);
    }
    const listing = await git(['ls-tree', '-r', '-l', '-z', commit, '--', ...paths], cwd).catch((error: unknown) => {
        throw new UsageError(`${revision}: cannot list its files (${error instanceof Error ? error.message : String(error)})`);
    });
    const files = listing.split('\0').filter(Boolean).map(entry => {
        const tab = entry.indexOf('\t');
        const [mode, type, object, size] = entry.slice(0, tab).split(/ +/);
        return { mode, type, object, size: Number(size), file: entry.slice(tab + 1) };
    }).filter(entry => entry.type === 'blob' && (entry.mode === '100644' || entry.mode === '100755') && isModelPath(entry.file));
    const texts = await inBatches(files, entry => readBlob(entry, revision, cwd));
    const sources: SourceText[] = [];
    const displayPath = new Map<string, string>();
    for (const [index, entry] of files.entries()) {
        const uri = pathToFileURL(path.resolve(cwd, entry.file)).toString();
        sources.push({ uri, text: texts[index] });
        displayPath.set(uri, entry.file);
    }
    return { commit, sources, displayPath };
}

/** Symbolic links are stored as blobs of another mode and are left out above, as a folder search does not follow links out. */
function isModelPath(file: string): boolean {
    const parts = file.split('/');
    return path.posix.extname(file) === '.integ' && !parts.slice(0, -1).some(part => SKIPPED_FOLDERS.has(part));
}

async function readBlob(entry: { object: string; size: number; file: string }, revision: string, cwd: string): Promise<string> {
    if (entry.size > MAX_FILE_BYTES) throw new UsageError(`${revision}:${entry.file}: larger than 64 MB, not read`);
    const text = await git(['cat-file', 'blob', entry.object], cwd);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function inBatches<T, R>(items: T[], read: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let index = next++; index < items.length; index = next++) results[index] = await read(items[index]);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, items.length) }, worker));
    return results;
}
