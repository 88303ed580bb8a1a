import { describe, expect, it } from 'vitest';
import { InsertTextFormat, type CompletionItem, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lspWorkspace, marked } from './lsp-workspace.js';

const FILE = 'a.integ';
const URI = `file:///ws/${FILE}`;

const ESTATE = `department Sales
entity Customer { field email: PII  field segment }
system Crm "Sales Cloud" { kind crm  department Sales }
system Erp { kind erp }
flow Sync : Crm -> Erp { carries Customer.email  style api  auth oauth2  tls 1.2 }
`;

/** The completion items at the `|`, in the order the editor shows them (sortText, then label). */
async function completionAt(textWithCursor: string): Promise<{ items: CompletionItem[] }> {
    const { text, position } = marked(textWithCursor);
    const { integ, documents } = await lspWorkspace({ [FILE]: text });
    const document = documents.get(FILE)!;
    const list = await integ.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: URI }, position });
    const items = [...list?.items ?? []].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
    return { items };
}

const snippets = (items: CompletionItem[]) => items.filter(item => item.insertTextFormat === InsertTextFormat.Snippet).map(item => item.label);

describe('completion offers what is valid at the cursor', () => {
    it('after `syst` at the top level, the system snippet comes first, above the bare keyword', async () => {
        const { items } = await completionAt(`${ESTATE}syst|`);
        expect(items.map(item => [item.label, item.kind])).toEqual([['system', 15], ['system (shadow IT)', 15], ['system', 14]]);
        expect(items[0].preselect).toBe(true);
    });

    it('at the top level: a snippet for every declaration but the initiative, which belongs in a roadmap', async () => {
        const { items } = await completionAt(`${ESTATE}|`);
        expect(snippets(items).sort()).toEqual(['accept', 'classification', 'department', 'entity', 'flow', 'platform', 'policy', 'process', 'regulation', 'roadmap', 'system', 'system (shadow IT)']);
    });

    it('inside a system block: its properties, no declaration snippet (`department` is the property)', async () => {
        const { items } = await completionAt(`${ESTATE}system Hub {\n  |\n}\n`);
        expect(snippets(items)).toEqual([]);
        expect(items.map(item => item.label)).toEqual(expect.arrayContaining(['kind', 'department', 'stores', 'status']));
    });

    it('in value positions: values or names, no snippet', async () => {
        for (const text of [`${ESTATE}system Hub { kind | }`, `${ESTATE}flow F : |`, `${ESTATE}flow F : Crm -> Erp { style | }`, `${ESTATE}system Hub { department | }`]) {
            expect(snippets((await completionAt(text)).items), text).toEqual([]);
        }
    });

    it('inside a roadmap: only the initiative snippet', async () => {
        const { items } = await completionAt(`${ESTATE}roadmap Plan {\n  |\n}\n`);
        expect(snippets(items)).toEqual(['initiative']);
    });

    it('after `Entity.`: `*` first, then the fields', async () => {
        const { items } = await completionAt(`${ESTATE}flow F : Crm -> Erp { carries Customer.| }`);
        expect(items.map(item => item.label)).toEqual(['*', 'email', 'segment']);
        expect(items[0].detail).toBe('every field of the entity');
    });

    it('systems with kind · department', async () => {
        const { items } = await completionAt(`${ESTATE}flow F : |`);
        expect(items.filter(item => item.label === 'Crm' || item.label === 'Erp').map(item => [item.label, item.detail]))
            .toEqual([['Crm', 'crm · Sales — Sales Cloud'], ['Erp', 'erp · no department']]);
    });

    it('placeholders offer the workspace\'s names: the flow snippet\'s target is not its source', async () => {
        const { items } = await completionAt(`${ESTATE}flo|`);
        expect(items[0].insertText?.split('\n').slice(0, 2)).toEqual([
            'flow ${1:Flow1} "${2:Title}" : ${3|Crm,Erp|} ${4|->,<->|} ${5|Erp,Crm|} {',
            '\tcarries ${6|Customer|}.${7:*}'
        ]);
    });
});

/** The snippet as inserted when the user tabs through it: each placeholder's default or first choice, `names` for tab stop 1. */
function tabThrough(snippet: string, name: string): string {
    return snippet
        .replace(/\$\{(\d+)\|([^|,]*)[^|]*\|\}/g, (_, _tab, first: string) => first)
        .replace(/\$\{(\d+):([^}]*)\}/g, (_, tab: string, value: string) => (tab === '1' ? name : value));
}

async function errorsOf(text: string): Promise<string[]> {
    const { documents } = await lspWorkspace({ [FILE]: text });
    const diagnostics: Diagnostic[] = documents.get(FILE)!.diagnostics ?? [];
    return diagnostics.filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`);
}

describe('no declaration snippet where no declaration may start', () => {
    const insideBlocks: Array<[string, string]> = [
        ['policy', 'policy {\n  |\n}'],
        ['department', 'department Ops {\n  |\n}'],
        ['regulation', 'regulation Local {\n  |\n}'],
        ['classification', 'classification Secret {\n  |\n}'],
        ['entity', 'entity Order {\n  |\n}'],
        ['platform', 'platform Hub {\n  |\n}'],
        ['system', 'system Hub {\n  |\n}'],
        ['flow', 'flow F : Crm -> Erp {\n  |\n}'],
        ['process', 'process P {\n  |\n}'],
        ['initiative', 'roadmap R {\n  initiative I {\n    |\n  }\n}'],
        ['targets', 'roadmap R {\n  initiative I {\n    targets {\n      |\n    }\n  }\n}'],
        ['accept', 'accept "gap/batch" on Sync "reason" {\n  |\n}']
    ];
    it.each(insideBlocks)('inside a %s block', async (_, block) => {
        expect(snippets((await completionAt(`${ESTATE}${block}\n`)).items)).toEqual([]);
    });

    const afterKeywords = ['kind', 'department', 'owner', 'hosting', 'stores', 'edits', 'encryption', 'supports', 'users', 'status'].map(keyword => `system Hub { ${keyword} | }`)
        .concat(['carries', 'style', 'schedule', 'via', 'auth', 'secrets', 'tls', 'effort', 'errors', 'downtime', 'volume', 'status'].map(keyword => `flow F : Crm -> Erp { ${keyword} | }`))
        .concat(['master', 'freshness'].map(keyword => `entity Order { ${keyword} | }`))
        .concat(['rank', 'needs', 'steps'].map(keyword => `process P { ${keyword} | }`))
        .concat(['flow F : |', 'flow F : Crm -> |', 'accept "gap/batch" on |']);
    it.each(afterKeywords)('after a keyword that takes a value: %s', async text => {
        expect(snippets((await completionAt(`${ESTATE}${text}\n`)).items)).toEqual([]);
    });
});

describe('a first estate, from an empty file, with snippets and completion alone', () => {
    it('3 systems and 2 flows, with no error after each completed snippet', async () => {
        let text = '';
        const steps: Array<[string, string]> = [['sys', 'Crm'], ['sys', 'Erp'], ['sys', 'Sheet'], ['flo', 'Orders'], ['flo', 'Invoices']];
        for (const [typed, name] of steps) {
            const { items } = await completionAt(`${text}${typed}|`);
            const first = items[0];
            expect(first.insertTextFormat, `${typed}: the snippet is first`).toBe(InsertTextFormat.Snippet);
            const edit = first.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
            const typedText = `${text}${typed}`;
            text = `${TextDocument.applyEdits(TextDocument.create(URI, 'integ', 1, typedText), [{ range: edit.range, newText: tabThrough(edit.newText, name) }])}\n`;
            expect(await errorsOf(text), `after the ${name} snippet:\n${text}`).toEqual([]);
        }
        expect(text).toContain('flow Invoices "Title" : Crm -> Erp {');
        expect(text.match(/^system /gm)).toHaveLength(3);
        expect(text.match(/^flow /gm)).toHaveLength(2);
    });
});
