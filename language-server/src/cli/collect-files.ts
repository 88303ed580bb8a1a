import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

/** `x.integ`, as the language server finds models: a file named just `.integ`, or `x.txt`, has no language. */
const isModelName = (name: string) => path.extname(name) === '.integ';

/** One model file: the path it was found under (shown to the user) and its real path (read). */
export interface FoundFile {
    shown: string;
    real: string;
}

/** A symbolic link that was not followed, and why. */
export interface SkippedLink {
    shown: string;
    reason: string;
}

export interface CollectedFiles {
    /** Sorted by the path shown. */
    files: FoundFile[];
    skipped: SkippedLink[];
}

interface PendingLink {
    shown: string;
    name: string;
    /** The given folder it was found under. */
    folder: number;
}

/**
 * Expands the CLI's paths to `.integ` files: a file is taken as it is, a folder is searched
 * recursively, and a folder named `x.integ` is searched, not read. A repository decides what its
 * symbolic links point at, so a link found in a folder is followed only when its real path stays
 * inside the folders given (`ln -s /etc/passwd leak/x.integ` and `ln -s / w/root` are skipped and
 * named); a path given on the command line that is itself a link must resolve inside the working
 * folder. Each real folder is searched once and each real file read once, under the path that
 * needs no link when there is one.
 */
export async function collectIntegFiles(paths: string[], cwd = process.cwd()): Promise<CollectedFiles> {
    const given: Array<{ text: string; shown: string; real: string; folder: boolean }> = [];
    const workingFolder = await fs.realpath(cwd);
    for (const text of paths) {
        const shown = path.resolve(cwd, text);
        const entry = await orUsage(text, fs.lstat(shown));
        const real = await orUsage(text, fs.realpath(shown));
        if (entry.isSymbolicLink() && !inside(real, [workingFolder])) {
            throw new UsageError(`${text}: a symbolic link to ${real}, outside the working folder; give that path instead`);
        }
        const target = entry.isSymbolicLink() ? await orUsage(text, fs.stat(real)) : entry;
        if (!target.isDirectory() && !target.isFile()) throw new UsageError(`${text}: not a file or folder`);
        if (target.isFile() && !isModelName(path.basename(shown))) throw new UsageError(`${text}: not a model file (its name must end in .integ)`);
        given.push({ text, shown, real, folder: target.isDirectory() });
    }
    const folders = given.filter(item => item.folder);
    const search = new FolderSearch(folders.map(folder => folder.real));
    for (const item of given) if (!item.folder) search.add(item.shown, item.real);
    const found = await search.searchFolders(folders);
    const empty = folders.find((_, index) => found[index] === 0);
    if (empty) throw new UsageError(`${empty.text}: no .integ files found`);
    return search.result();
}

class FolderSearch {
    private readonly files = new Map<string, string>();
    private readonly visited = new Set<string>();
    private readonly skipped: SkippedLink[] = [];
    /** Per given folder: the files first found under it. */
    private readonly found: number[] = [];

    constructor(private readonly roots: string[]) {}

    add(shown: string, real: string, folder?: number): void {
        if (this.files.has(real)) return;
        this.files.set(real, shown);
        if (folder !== undefined) this.found[folder] = (this.found[folder] ?? 0) + 1;
    }

    /**
     * Every given folder, then the links found in them: links last, so a file reachable both ways
     * is shown under the path that needs no link. Returns the files found under each folder.
     */
    async searchFolders(folders: ReadonlyArray<{ shown: string; real: string }>): Promise<number[]> {
        const links: PendingLink[] = [];
        for (const [index, folder] of folders.entries()) await this.walk(folder.shown, folder.real, links, index);
        for (let link = links.shift(); link; link = links.shift()) await this.follow(link, links);
        return folders.map((_, index) => this.found[index] ?? 0);
    }

    result(): CollectedFiles {
        const files = [...this.files].map(([real, shown]) => ({ shown, real }));
        return { files: files.sort((a, b) => a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0), skipped: this.skipped };
    }

    private async walk(shown: string, real: string, links: PendingLink[], folder: number): Promise<void> {
        if (this.visited.has(real)) return;
        this.visited.add(real);
        let entries;
        try {
            entries = await fs.readdir(real, { withFileTypes: true });
        } catch (error) {
            throw new UsageError(`${shown}: ${describe(error)}`);
        }
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const entry of entries) {
            const entryShown = path.join(shown, entry.name);
            if (entry.isSymbolicLink()) {
                links.push({ shown: entryShown, name: entry.name, folder });
            } else if (entry.isDirectory()) {
                if (!SKIPPED_FOLDERS.has(entry.name)) await this.walk(entryShown, path.join(real, entry.name), links, folder);
            } else if (entry.isFile() && isModelName(entry.name)) {
                this.add(entryShown, path.join(real, entry.name), folder);
            }
        }
    }

    private async follow(link: PendingLink, links: PendingLink[]): Promise<void> {
        const model = isModelName(link.name);
        let real: string;
        try {
            real = await fs.realpath(link.shown);
        } catch (error) {
            if (model) this.skip(link, (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'a loop of symbolic links' : 'a symbolic link to nothing');
            return;
        }
        let target;
        try {
            target = await fs.stat(real);
        } catch (error) {
            this.skip(link, describe(error));
            return;
        }
        const wanted = target.isDirectory() ? !SKIPPED_FOLDERS.has(link.name) : target.isFile() && model;
        if (!wanted) return;
        if (!inside(real, this.roots)) {
            this.skip(link, `a symbolic link to a ${target.isDirectory() ? 'folder' : 'file'} outside the folders given`);
        } else if (target.isDirectory()) {
            await this.walk(link.shown, real, links, link.folder);
        } else {
            this.add(link.shown, real, link.folder);
        }
    }

    private skip(link: PendingLink, reason: string): void {
        this.skipped.push({ shown: link.shown, reason });
    }
}

function inside(real: string, folders: readonly string[]): boolean {
    return folders.some(folder => real === folder || real.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
}

/** The file system's answer, or a usage error naming the path as the user wrote it. */
async function orUsage<T>(text: string, operation: Promise<T>): Promise<T> {
    try {
        return await operation;
    } catch (error) {
        throw new UsageError(`${text}: ${describe(error)}`);
    }
}

export function describe(error: unknown): string {
    const code = (error as NodeJS.ErrnoException)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'ELOOP': return 'too many levels of symbolic links';
        case 'EISDIR': return 'is a folder';
        default: return error instanceof Error ? error.message : String(error);
    }
}
