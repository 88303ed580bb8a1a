import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Side } from '../diff/impact-diff.js';
import { loadWorkspace } from '../workspace/load-workspace.js';
import { createCliServices } from './cli-services.js';
import { UsageError } from './collect-files.js';
import { insideGitRepository, readRevision } from './git-revision.js';
import { loadFiles } from './load-files.js';

export interface LoadedSide extends Side {
    label: string;
    /** How many model files were read. */
    files: number;
    /** Files with syntax errors: their declarations may be missing and so show as added or removed. */
    brokenFiles: string[];
}

/**
 * One side of a diff: an existing folder or model file (a path wins over a revision of the same
 * name, as `./main` would), the working tree when `spec` is undefined, else a git revision of the
 * repository the working folder is in. `paths` narrow the working tree and revisions.
 */
export async function loadSide(spec: string | undefined, paths: string[], cwd: string, warn: (note: string) => void): Promise<LoadedSide> {
    if (spec === undefined) return fromFolder(paths.length > 0 ? paths : [cwd], 'working tree', cwd, warn);
    if (await exists(path.resolve(cwd, spec))) return fromFolder([spec], spec, cwd, warn);
    if (!(await insideGitRepository(cwd))) throw new UsageError(`${spec}: no such folder, and the working folder is not in a git repository`);
    const revision = await readRevision(spec, paths, cwd);
    const loaded = await loadWorkspace(createCliServices(), revision.sources);
    return side(spec, loaded.analysis, loaded.documents, uri => revision.displayPath.get(uri) ?? uri);
}

async function fromFolder(paths: string[], label: string, cwd: string, warn: (note: string) => void): Promise<LoadedSide> {
    const loaded = await loadFiles(paths, cwd, warn);
    return side(label, loaded.analysis, loaded.documents, uri => loaded.displayPath.get(uri) ?? uri);
}

function side(label: string, analysis: Side, documents: LangiumDocument[], shown: (uri: string) => string): LoadedSide {
    const brokenFiles = documents
        .filter(document => document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0)
        .map(document => shown(document.uri.toString()));
    return { label, files: documents.length, estate: analysis.estate, findings: analysis.findings, brokenFiles };
}

async function exists(file: string): Promise<boolean> {
    try {
        await fs.lstat(file);
        return true;
    } catch {
        return false;
    }
}
