import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCliServices } from './cli-services.js';
import { loadWorkspace, type LoadedWorkspace, type SourceText } from '../workspace/load-workspace.js';
import { UsageError, collectIntegFiles, describe } from './collect-files.js';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface ReadSources {
    sources: SourceText[];
    /** Document URI → path as the user should read it (relative to the working folder). */
    displayPath: Map<string, string>;
    files: string[];
    /** One sentence per symbolic link that was not followed, naming it (see collect-files.ts). */
    skipped: string[];
}

export interface LoadedFiles extends LoadedWorkspace, Omit<ReadSources, 'sources'> {}

/** `warn` hears about every symbolic link that was not followed, as it is also listed in `skipped`. */
export async function loadFiles(paths: string[], cwd = process.cwd(), warn?: (note: string) => void): Promise<LoadedFiles> {
    const read = await readSources(paths, cwd, warn);
    const workspace = await loadWorkspace(createCliServices(), read.sources);
    // Langium normalises URIs (e.g. percent-encoding); map its spelling back to the path too.
    for (const document of workspace.documents) {
        const key = document.uri.toString();
        if (!read.displayPath.has(key)) {
            const file = read.files[workspace.documents.indexOf(document)];
            read.displayPath.set(key, relative(cwd, file));
        }
    }
    return { ...workspace, displayPath: read.displayPath, files: read.files, skipped: read.skipped };
}

/** The texts of the `.integ` files under `paths` (the working folder when none), not yet parsed. */
export async function readSources(paths: string[], cwd = process.cwd(), warn?: (note: string) => void): Promise<ReadSources> {
    const collected = await collectIntegFiles(paths.length > 0 ? paths : [cwd], cwd);
    const skipped = collected.skipped.map(link => `${relative(cwd, link.shown)}: ${link.reason}; not read`);
    if (warn) skipped.forEach(warn);
    const files = collected.files.map(file => file.shown);
    // Read side by side: the reads wait on the file system, not on each other. The real path is read: the one that was checked.
    const texts = await Promise.allSettled(collected.files.map(file => readSource(file.real, file.shown, cwd)));
    const sources: SourceText[] = [];
    const displayPath = new Map<string, string>();
    for (const [index, file] of files.entries()) {
        const read = texts[index];
        if (read.status === 'rejected') throw read.reason;
        const uri = pathToFileURL(file).toString();
        sources.push({ uri, text: read.value });
        displayPath.set(uri, relative(cwd, file));
    }
    return { sources, displayPath, files, skipped };
}

async function readSource(real: string, shown: string, cwd: string): Promise<string> {
    let text: string;
    try {
        const stat = await fs.stat(real);
        if (stat.size > MAX_FILE_BYTES) throw new UsageError(`${relative(cwd, shown)}: larger than 64 MB, not read`);
        text = await fs.readFile(real, 'utf8');
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${relative(cwd, shown)}: ${describe(error)}`);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The path as the user should read it: relative to the working folder when inside it (`..x.integ` is inside). */
function relative(cwd: string, file: string): string {
    const rel = path.relative(path.resolve(cwd), file);
    return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? file : rel;
}
