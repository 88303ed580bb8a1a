import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { loadWorkspace, type LoadedWorkspace } from '../../../language-server/src/workspace/load-workspace.js';

/** Loads in-memory files (name → text) as one workspace with the standard library; URIs are `file:///ws/<name>`. */
export async function loadTexts(files: Record<string, string>): Promise<LoadedWorkspace> {
    return loadWorkspace(createIntegCoreServices(), Object.entries(files).map(([name, text]) => ({ uri: uri(name), text })));
}

/** The `.integ` files of a folder (not its subfolders), by file name: what a test loads as a workspace. */
export function folderTexts(folder: string): Record<string, string> {
    return Object.fromEntries(readdirSync(folder).filter(name => name.endsWith('.integ')).map(name => [name, readFileSync(join(folder, name), 'utf8')]));
}

export function uri(name: string): string {
    return `file:///ws/${name}`;
}

/** Every diagnostic of the workspace as `file:line message`, for readable assertions. */
export function summarise(workspace: LoadedWorkspace): string[] {
    const lines: string[] = [];
    for (const [documentUri, diagnostics] of workspace.diagnostics) {
        for (const d of diagnostics) {
            lines.push(`${documentUri.replace('file:///ws/', '')}:${d.range.start.line + 1} ${d.message}`);
        }
    }
    return lines;
}

/** Diagnostics of the language itself (syntax, links, checks, duplicate names), without rule findings. */
export function languageDiagnostics(workspace: LoadedWorkspace): string[] {
    return summarise({
        ...workspace,
        diagnostics: new Map([...workspace.diagnostics].map(([uri, list]) => [uri, list.filter(d => typeof d.code !== 'string' || !d.code.includes('/'))]))
    });
}
