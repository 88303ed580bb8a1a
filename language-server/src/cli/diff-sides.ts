import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI, type LangiumDocument } from 'langium';
import type { Side } from '../diff/impact-diff.js';
import { createIntegCoreServices } from '../module.js';
import { InMemoryFiles } from '../workspace/in-memory-files.js';
import { loadWorkspace, type SourceText } from '../workspace/load-workspace.js';
import type { AnalysisResult } from '../workspace/workspace-analysis.js';
import { UsageError } from './collect-files.js';
import { insideGitRepository, readRevision } from './git-revision.js';
import { readSources } from './load-files.js';

export interface LoadedSide extends Side {
    label: string;
    /** How many model files were read. */
    files: number;
    /** Files with syntax errors: their declarations may be missing and so show as added or removed. */
    brokenFiles: string[];
}

/** One side's files before parsing, each under its path relative to the side's root. */
interface SideFiles {
    label: string;
    /** Path relative to the root (the same file on both sides has the same one) → text and path as shown. */
    files: Map<string, { text: string; shown: string }>;
}

/**
 * The two sides of a diff. `baseSpec` and `headSpec` are each an existing folder or model file (a
 * path wins over a revision of the same name, as `./main` would), a git revision of the repository
 * the working folder is in, or (head only, when undefined) the working tree; `paths` narrow the
 * working tree and revisions.
 *
 * The head is built as an edit of the base, the way the language server follows an edit: only the
 * files whose text differs are parsed again, and only the references and declarations they can
 * affect are linked and judged again. A review's two sides share most of their files.
 */
export async function loadSides(baseSpec: string, headSpec: string | undefined, paths: string[], cwd: string, warn: (note: string) => void): Promise<[LoadedSide, LoadedSide]> {
    const base = await readSide(baseSpec, paths, cwd, warn);
    const head = await readSide(headSpec, paths, cwd, warn);
    const buffers = new InMemoryFiles();
    const services = createIntegCoreServices({ fileSystemProvider: () => buffers });
    const sources: SourceText[] = [];
    for (const [key, file] of base.files) {
        buffers.texts.set(uriOf(key), file.text);
        sources.push({ uri: uriOf(key), text: file.text });
    }
    const loaded = await loadWorkspace(services, sources);
    const baseSide = side(base, loaded.analysis, loaded.documents);

    const changed: URI[] = [];
    for (const [key, file] of head.files) {
        if (base.files.get(key)?.text === file.text) continue;
        buffers.texts.set(uriOf(key), file.text);
        changed.push(URI.parse(uriOf(key)));
    }
    const deleted = [...base.files.keys()].filter(key => !head.files.has(key)).map(key => URI.parse(uriOf(key)));
    for (const uri of deleted) buffers.texts.delete(uri.toString());
    await services.shared.workspace.DocumentBuilder.update(changed, deleted);
    const documents = services.shared.workspace.LangiumDocuments;
    const headDocuments = [...head.files.keys()].map(key => documents.getDocument(URI.parse(uriOf(key)))).filter(document => document !== undefined);
    return [baseSide, side(head, services.integ.analysis.WorkspaceAnalysis.result, headDocuments)];
}

/**
 * A URI of its own per relative path, the same on both sides: both sides live in one workspace in
 * turn. Spelled as Langium spells it, since the changed files' texts are looked up by that spelling.
 */
function uriOf(key: string): string {
    return URI.parse(`file:///integ-diff/${key.split('/').map(encodeURIComponent).join('/')}`).toString();
}

async function readSide(spec: string | undefined, paths: string[], cwd: string, warn: (note: string) => void): Promise<SideFiles> {
    if (spec === undefined) return fromFolder(paths.length > 0 ? paths : [cwd], 'working tree', cwd, cwd, warn);
    const resolved = path.resolve(cwd, spec);
    const stat = await statOf(resolved);
    if (stat) return fromFolder([spec], spec, stat.isDirectory() ? resolved : path.dirname(resolved), cwd, warn);
    if (!(await insideGitRepository(cwd))) throw new UsageError(`${spec}: no such folder, and the working folder is not in a git repository`);
    const revision = await readRevision(spec, paths, cwd);
    return keyed(spec, revision.sources, cwd, uri => revision.displayPath.get(uri) ?? uri);
}

async function fromFolder(paths: string[], label: string, root: string, cwd: string, warn: (note: string) => void): Promise<SideFiles> {
    const read = await readSources(paths, cwd, warn);
    return keyed(label, read.sources, root, uri => read.displayPath.get(uri) ?? uri);
}

function keyed(label: string, sources: SourceText[], root: string, shown: (uri: string) => string): SideFiles {
    const files = new Map<string, { text: string; shown: string }>();
    for (const source of sources) {
        files.set(path.relative(root, fileURLToPath(source.uri)).split(path.sep).join('/'), { text: source.text, shown: shown(source.uri) });
    }
    return { label, files };
}

function side(files: SideFiles, analysis: AnalysisResult, documents: LangiumDocument[]): LoadedSide {
    const shownOf = new Map([...files.files.keys()].map(key => [uriOf(key), files.files.get(key)!.shown]));
    const brokenFiles = documents
        .filter(document => document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0)
        .map(document => shownOf.get(document.uri.toString()) ?? document.uri.toString());
    return { label: files.label, files: files.files.size, estate: analysis.estate, findings: analysis.findings, brokenFiles };
}

async function statOf(file: string): Promise<import('node:fs').Stats | undefined> {
    try {
        return await fs.lstat(file);
    } catch {
        return undefined;
    }
}
