import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { lspWorkspace } from './lsp-workspace.js';

async function outlineOf(files: Record<string, string>, name: string): Promise<DocumentSymbol[]> {
    const { integ, documents } = await lspWorkspace(files);
    const document = documents.get(name)!;
    return integ.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as Promise<DocumentSymbol[]>;
}

/** What VS Code's quick outline (Ctrl+Shift+O) counts in its "symbols (N)" line: every symbol, at every level. */
function quickOutlineCount(symbols: readonly DocumentSymbol[]): number {
    return symbols.reduce((sum, symbol) => sum + 1 + quickOutlineCount(symbol.children ?? []), 0);
}

describe('outline counts', () => {
    it('a file of one kind lists its declarations without a group: the quick outline counts exactly them', async () => {
        const text = readFileSync('samples/acme/systems-operations.integ', 'utf8');
        const systems = text.match(/^\s*system /gm)!.length;
        const outline = await outlineOf({ 'systems.integ': text }, 'systems.integ');
        expect(outline.map(symbol => symbol.name)).not.toContain('Systems');
        expect(outline).toHaveLength(systems);
        expect(quickOutlineCount(outline)).toBe(systems);
    });

    it('a file of several kinds groups them; each group\'s count is the number of declarations under it', async () => {
        const text = `department D
system A { kind crm  department D }
system B { kind erp  department D }
system C { kind erp }
flow F : A -> B { style api }
`;
        const outline = await outlineOf({ 'm.integ': text }, 'm.integ');
        expect(outline.map(group => [group.name, group.detail, group.children?.length])).toEqual([
            ['Departments', '1', 1], ['Systems', '3', 3], ['Flows', '1', 1]
        ]);
    });
});
