/**
 * The pure part of "Integration: Compare with…": reading git's answers and checking what the
 * diagram panel is asked to compare with. No `vscode` import, so vitest checks it.
 */
import type { CompareBase } from '../../language-server/src/lsp/protocol.js';

/** What the diagram shows the change from: a revision's texts and the workspace folder they belong to. */
export interface Comparison {
    base: CompareBase;
    /** URI of the workspace folder. */
    root: string;
}

/** One entry of the quick pick: what git is asked for, and how the reader sees it. */
export interface RevisionChoice {
    revision: string;
    label: string;
    description?: string;
}

/** As `integ diff` skips them in a folder (cli/git-revision.ts), so that comparing an unchanged tree shows no change. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

/** HEAD, then the local branches (`git for-each-ref --format=%(refname:short) refs/heads`), then the recent commits (`git log --format=%h%x09%s`). */
export function revisionChoices(branches: string, commits: string): RevisionChoice[] {
    const choices: RevisionChoice[] = [{ revision: 'HEAD', label: 'HEAD', description: 'the last commit' }];
    for (const branch of branches.split('\n').map(line => line.trim()).filter(Boolean)) {
        choices.push({ revision: branch, label: branch, description: 'branch' });
    }
    for (const line of commits.split('\n').filter(Boolean)) {
        const tab = line.indexOf('\t');
        const hash = tab < 0 ? line : line.slice(0, tab);
        if (!/^[0-9a-f]{4,40}$/.test(hash)) continue;
        choices.push({ revision: hash, label: hash, description: tab < 0 ? undefined : line.slice(tab + 1) });
    }
    return choices;
}

/** The `.integ` files of `git ls-tree -r -z --name-only <revision>` (paths relative to the folder it ran in). */
export function integPaths(lsTree: string): string[] {
    return lsTree.split('\0').filter(path => path.toLowerCase().endsWith('.integ') && !path.split('/').some(part => SKIPPED_FOLDERS.has(part)));
}

/** A comparison the panel may act on: anything else (from another extension's call) is refused. */
export function validComparison(value: unknown): Comparison | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const { base, root } = value as Partial<Comparison>;
    if (typeof root !== 'string' || typeof base !== 'object' || base === null) return undefined;
    if (typeof base.label !== 'string' || !Array.isArray(base.sources)) return undefined;
    if (!base.sources.every(source => typeof source?.path === 'string' && typeof source.text === 'string')) return undefined;
    return { root, base: { label: base.label, sources: base.sources.map(({ path, text }) => ({ path, text })) } };
}
