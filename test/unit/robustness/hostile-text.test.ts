import { CstUtils, createLangiumParser, isLeafCstNode, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { loadTexts } from '../helpers/workspace.js';
import { lspWorkspace } from '../lsp/lsp-workspace.js';
import { sampleWorkspaces } from './fuzz-inputs.js';

/** Issue 15 items 2 and 4: what a user sees for text that once made lexing quadratic or overflowed the parser's stack. */

const URI = 'file:///ws/a.integ';

async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
    return (await loadTexts({ 'a.integ': text })).diagnostics.get(URI)!;
}

/** Syntax diagnostics as `line:character-line:character message`. */
function syntax(diagnostics: Diagnostic[]): string[] {
    return diagnostics
        .filter(d => ['lexing-error', 'parsing-error'].includes((d.data as { code?: string } | undefined)?.code ?? ''))
        .map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}

describe('unclosed strings and comments: one error each, in linear time', () => {
    test('a 120 KB line of "\\"\\"\\"… (6.5 s before) is one quoted text that is never closed', async () => {
        const text = `"${'\\"'.repeat(60_000)}`;
        expect(syntax(await diagnosticsOf(text))).toEqual([`0:0-0:${text.length} This quoted text is never closed: end it with " on the same line.`]);
    });

    test('480 KB of "/* " repeated (15.6 s before) is one comment that is never closed', async () => {
        expect(syntax(await diagnosticsOf('/* '.repeat(160_000)))).toEqual(['0:0-0:2 This comment is never closed: end it with */.']);
    });

    test('an unclosed title ends at the end of its line: the declarations of the next lines are read', async () => {
        const ws = await loadTexts({ 'a.integ': 'system A "Sales \\"deal desk { kind crm }\nsystem B { kind erp }\n' });
        expect(syntax(ws.diagnostics.get(URI)!)).toEqual(['0:9-0:40 This quoted text is never closed: end it with " on the same line.']);
        expect([...ws.analysis.estate.systems.keys()].filter(name => name.length === 1)).toEqual(['A', 'B']);
    });

    test('everything after an unclosed comment is comment, as the editor colours it', async () => {
        const ws = await loadTexts({ 'a.integ': 'system A { kind crm }\n/* unfinished\nsystem B { kind erp }\n' });
        expect(syntax(ws.diagnostics.get(URI)!)).toEqual(['1:0-1:2 This comment is never closed: end it with */.']);
        expect(ws.analysis.estate.systems.has('B')).toBe(false);
    });
});

describe('unexpected characters are reported as before, without retrying every token at every character', () => {
    test('a run of characters no token starts with is one error; a lone one is named', async () => {
        expect(syntax(await diagnosticsOf('system A { kind crm } @@@ é\n'))).toEqual([
            "0:22-0:25 Unexpected characters '@@@'.",
            "0:26-0:27 Unexpected character 'é'."
        ]);
    });

    test('a megabyte of them: the first 100 errors and a count of the rest', async () => {
        const shown = syntax(await diagnosticsOf('x @ '.repeat(262_144)));
        const unexpected = shown.filter(line => line.includes('Unexpected character'));
        expect(unexpected).toHaveLength(100);
        expect(unexpected[0]).toBe("0:2-0:3 Unexpected character '@'.");
        expect(shown).toContain('0:398-0:399 … and 262044 more unexpected characters or unclosed quotes after this one.');
    });
});

describe('a name declared thousands of times', () => {
    test('each declaration says how often and links at most 10 of the others (each linking all others was n²)', async () => {
        const diagnostics = (await diagnosticsOf('system flow { }\n'.repeat(5_000))).filter(d => d.code === 'duplicate-name');
        expect(diagnostics).toHaveLength(5_000);
        expect(diagnostics[0].message).toBe("Duplicate name 'flow': it is also declared 4999 more times in the workspace (the first 10 are linked).");
        expect(diagnostics.every(d => d.relatedInformation!.length === 10)).toBe(true);
        expect(diagnostics[3].relatedInformation!.map(r => r.location.range.start.line)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, 10]);
    });

    test('two declarations still link each other', async () => {
        const diagnostics = (await diagnosticsOf('system A\nsystem A\n')).filter(d => d.code === 'duplicate-name');
        expect(diagnostics.map(d => [d.message, d.relatedInformation!.map(r => r.location.range.start.line)])).toEqual([
            ["Duplicate name 'A': it is also declared elsewhere in the workspace.", [1]],
            ["Duplicate name 'A': it is also declared elsewhere in the workspace.", [0]]
        ]);
    });
});

describe('no stack depth that grows with the file (issue 15 item 4)', () => {
    const COMMENTS = '// a comment line\n'.repeat(150_000);

    test('150,000 comment lines before a declaration: the model is read (it was empty: stack overflow)', async () => {
        const ws = await loadTexts({ 'a.integ': `${COMMENTS}system Crm "CRM" { kind crm }\n` });
        expect(syntax(ws.diagnostics.get(URI)!)).toEqual([]);
        expect(ws.analysis.estate.systems.get('Crm')?.source.nameRange.start).toEqual({ line: 150_000, character: 7 });
    });

    test('150,000 comment lines after the last declaration, and between declarations', async () => {
        const between = Array.from({ length: 20_000 }, (_, i) => `// system ${i}\n/* block */\nsystem S${i} { kind crm }\n`).join('');
        const ws = await loadTexts({ 'a.integ': `${between}${COMMENTS}` });
        expect(syntax(ws.diagnostics.get(URI)!)).toEqual([]);
        expect(ws.analysis.estate.systems.has('S19999')).toBe(true);
    });

    test('formatting such a file tidies its declaration and keeps every comment', async () => {
        const ws = await lspWorkspace({ 'a.integ': `${COMMENTS}system    Crm "CRM" {    kind crm }\n${COMMENTS}` });
        const document = ws.documents.get('a.integ')!;
        const edits = await ws.integ.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        expect(formatted.split('\n').filter(line => line === '// a comment line')).toHaveLength(300_000);
        expect(formatted).toContain('\nsystem Crm "CRM" {  kind crm }\n');
    });

    test('the outline of such a file lists its declarations (it showed none)', async () => {
        const ws = await lspWorkspace({ 'a.integ': `${COMMENTS}system Crm { kind crm }\nsystem Erp { kind erp }\n` });
        const document = ws.documents.get('a.integ')!;
        const symbols = await ws.integ.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(JSON.stringify(symbols)).toContain('"name":"Crm"');
        expect(JSON.stringify(symbols)).toContain('"name":"Erp"');
    });
});

/** The syntax tree as nested lists: leaves by offset, hidden ones marked, so two trees compare by shape. */
function shape(node: CstNode): unknown {
    if (isLeafCstNode(node)) return node.hidden ? `#${node.offset}` : node.offset;
    return ('content' in node ? (node.content as CstNode[]) : []).map(shape);
}

describe('comments are placed in the syntax tree exactly where Langium places them', () => {
    const texts = [
        ...[...sampleWorkspaces().values()].flatMap(files => Object.values(files)),
        '// first\n/* a */ system A /* b */ { /* c */ kind crm // d\n } // e\n/* f */',
        '/* only a comment */',
        'policy { /* x */ wip-limit /* y */ 2 }\n// tail\n// tail 2'
    ];

    test.each(texts.map((text, i) => [i, text] as const))('text %i', (_i, text) => {
        const { integ } = createIntegCoreServices();
        const langium = createLangiumParser(integ);
        const ours = integ.parser.LangiumParser.parse(text).value.$cstNode!;
        const theirs = langium.parse(text).value.$cstNode!;
        expect(shape(ours)).toEqual(shape(theirs));
        expect(CstUtils.streamCst(ours).filter(node => isLeafCstNode(node) && node.hidden).count())
            .toBe(CstUtils.streamCst(theirs).filter(node => isLeafCstNode(node) && node.hidden).count());
    });
});
