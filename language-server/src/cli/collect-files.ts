import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

/**
 * Expands the CLI's paths to `.integ` files: a file is taken as it is, a folder is searched
 * recursively. Symlinked folders are followed once (a loop is cut by real path), and a folder
 * named `x.integ` is searched, not read.
 */
export async function collectIntegFiles(paths: string[], cwd = process.cwd()): Promise<string[]> {
    const files = new Set<string>();
    const visited = new Set<string>();
    for (const given of paths) {
        const full = path.resolve(cwd, given);
        let stat;
        try {
            stat = await fs.stat(full);
        } catch (error) {
            throw new UsageError(`${given}: ${describe(error)}`);
        }
        if (stat.isDirectory()) {
            const before = files.size;
            await walk(full, files, visited);
            if (files.size === before) {
                throw new UsageError(`${given}: no .integ files found`);
            }
        } else if (stat.isFile()) {
            files.add(full);
        } else {
            throw new UsageError(`${given}: not a file or folder`);
        }
    }
    return [...files].sort();
}

async function walk(folder: string, files: Set<string>, visited: Set<string>): Promise<void> {
    let real: string;
    try {
        real = await fs.realpath(folder);
    } catch {
        return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
        throw new UsageError(`${folder}: ${describe(error)}`);
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
            const target = await fs.stat(full).catch(() => undefined);
            isDirectory = target?.isDirectory() ?? false;
            isFile = target?.isFile() ?? false;
        }
        if (isDirectory) {
            if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full, files, visited);
        } else if (isFile && entry.name.endsWith('.integ')) {
            files.add(path.resolve(full));
        }
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
