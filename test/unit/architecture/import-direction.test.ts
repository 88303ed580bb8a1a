import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of docs/architecture.md as a table: each unit of the code and the units it may import
 * (its own files always). Anything else is a forbidden import, and a file no unit claims fails too,
 * so that a new folder is placed in the table — and in the document — before it is used.
 */
const CORE = ['render', 'model', 'rules', 'analysis', 'diagram', 'roadmap', 'exchange', 'diff', 'report', 'evidence'];
const LANGUAGE = ['generated', 'stdlib', 'langium-internals', 'parser', 'scoping', 'linking', 'validation', 'workspace'];

const MAY_IMPORT: Record<string, readonly string[]> = {
    // The domain core: the estate as plain data and functions over it, lowest first.
    'render': [],
    'model': [],
    'rules': ['model'],
    'analysis': ['rules', 'model'],
    'diagram': ['analysis', 'rules', 'model', 'render'],
    'roadmap': ['analysis', 'rules', 'model', 'render'],
    'exchange': ['diagram', 'analysis', 'rules', 'model', 'render'],
    'diff': ['analysis', 'rules', 'model', 'render'],
    'report': ['roadmap', 'analysis', 'rules', 'model', 'render'],
    'evidence': ['exchange', 'analysis', 'rules', 'model', 'render'],
    // The language on Langium, lowest first; the workspace turns its syntax trees into the estate.
    'generated': [],
    'stdlib': [],
    'langium-internals': [],
    'parser': ['generated', 'stdlib', 'langium-internals'],
    'scoping': ['generated', 'stdlib'],
    'linking': ['parser', 'generated', 'langium-internals'],
    'validation': ['parser', 'generated', 'model'],
    'workspace': ['linking', 'scoping', 'parser', 'generated', 'stdlib', ...CORE],
    'module': ['workspace', 'validation', 'linking', 'scoping', 'parser', 'generated', 'stdlib'],
    'fixes': ['workspace', 'parser', 'generated', ...CORE],
    // What the editor and the command line run, and the one protocol the extension shares with the server.
    'protocol': ['diagram', 'roadmap', 'analysis'],
    'lsp': ['protocol', 'module', 'fixes', ...LANGUAGE, ...CORE],
    // The MCP server answers an assistant from the same estate; the CLI hosts it as `integ mcp` and lends it its file loader.
    'mcp': ['fixes', ...LANGUAGE, ...CORE],
    'cli': ['lsp', 'mcp', 'module', 'fixes', 'node-polyfills', ...LANGUAGE, ...CORE],
    'node-polyfills': [],
    'main': ['lsp', 'module', 'node-polyfills'],
    // The VS Code extension and its webviews, which share only the protocol and pure parts of the core.
    'webview-messages': ['protocol', 'diagram'],
    'extension': ['webview-messages', 'protocol', 'diagram', 'roadmap', 'render'],
    'webview': ['webview-messages', 'protocol', 'diagram']
};

/** Packages a unit may not import: the core and the webviews know nothing of Langium, LSP or VS Code. */
const EDITOR_PACKAGES = /^(langium|chevrotain|vscode|vscode-languageserver|vscode-languageserver-types|vscode-languageclient|vscode-jsonrpc|vscode-uri)(\/|$)/;
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
    ...Object.fromEntries(CORE.map(unit => [unit, EDITOR_PACKAGES])),
    // Only the protocol's types cross into the webview; its bundle holds nothing from a package.
    'webview': /^[^.]/,
    'webview-messages': /^[^.]/,
    'extension': /^(langium|chevrotain|vscode-languageserver)(\/|$)/
};

const root = path.join(__dirname, '../../..');

/** The unit a file belongs to: a few files named on their own, else its folder (or, at the top of the server, its name). */
function unitOf(file: string): string | undefined {
    if (file === 'language-server/src/lsp/protocol.ts') return 'protocol';
    if (/^extension\/src\/preview\/[\w-]+-messages\.ts$/.test(file)) return 'webview-messages';
    if (file.startsWith('extension/src/')) return 'extension';
    if (file.startsWith('extension/webview/')) return 'webview';
    const inServer = /^language-server\/src\/(?:([^/]+)\/|([^/]+)\.(?:ts|cjs)$)/.exec(file);
    const unit = inServer?.[1] ?? inServer?.[2];
    return unit !== undefined && unit in MAY_IMPORT ? unit : undefined;
}

function sourceFiles(folder: string): string[] {
    return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter(name => /\.(ts|cjs)$/.test(name) && !name.endsWith('.d.ts'))
        .map(name => `${folder}/${name.split(path.sep).join('/')}`);
}

/** What a file imports: relative imports as repository paths (`.js` read as the `.ts` it is compiled from), packages as named. */
function importsOf(file: string): Array<{ target: string; relative: boolean }> {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
    return importedFiles.map(({ fileName }) => {
        if (!fileName.startsWith('.')) return { target: fileName, relative: false };
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName)).replace(/\.js$/, '.ts');
        return { target, relative: true };
    });
}

/** Every import that breaks the table, as `unit → unit: file → import`. */
function forbiddenImports(files: readonly string[]): string[] {
    const found: string[] = [];
    for (const file of files) {
        const unit = unitOf(file);
        if (unit === undefined) {
            found.push(`${file} belongs to no unit of the table`);
            continue;
        }
        for (const { target, relative } of importsOf(file)) {
            if (!relative) {
                if (FORBIDDEN_PACKAGES[unit]?.test(target)) found.push(`${unit} → package ${target}: ${file}`);
                continue;
            }
            if (!target.startsWith('language-server/src/') && !target.startsWith('extension/')) continue;
            const to = unitOf(target);
            if (to !== unit && !(to !== undefined && MAY_IMPORT[unit].includes(to))) found.push(`${unit} → ${to ?? target}: ${file} → ${target}`);
        }
    }
    return found;
}

const FILES = [...sourceFiles('language-server/src'), ...sourceFiles('extension/src'), ...sourceFiles('extension/webview')];

describe('imports between the layers go one way (docs/architecture.md)', () => {
    it('every import of the server, the extension and the webviews is one the table allows', () => {
        expect(forbiddenImports(FILES)).toEqual([]);
    });

    it('the table has no cycle: no unit may import, through others, one that may import it', () => {
        const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
            MAY_IMPORT[from].some(next => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
        expect(Object.keys(MAY_IMPORT).filter(unit => reaches(unit, unit))).toEqual([]);
    });
});
