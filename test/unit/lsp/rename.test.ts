import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { lspWorkspace, marked } from './lsp-workspace.js';

function apply(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'integ', 1, text), edits);
}

async function rename(files: Record<string, string>, cursorFile: string, newName: string): Promise<Record<string, string>> {
    const cursor = marked(files[cursorFile]);
    const texts = { ...files, [cursorFile]: cursor.text };
    const { integ, documents } = await lspWorkspace(texts);
    const document = documents.get(cursorFile)!;
    const edit: WorkspaceEdit | undefined = await integ.lsp.RenameProvider!.rename(document, {
        textDocument: { uri: document.uri.toString() }, position: cursor.position, newName
    });
    const result: Record<string, string> = {};
    for (const [name, text] of Object.entries(texts)) {
        result[name] = apply(text, edit?.changes?.[`file:///ws/${name}`] ?? []);
    }
    return result;
}

describe('rename', () => {
    it('renames a system in every file that refers to it', async () => {
        const result = await rename({
            'systems.integ': 'system |CRM "Sales Cloud"\nsystem ERP\nentity Customer { master CRM  field email }',
            'flows.integ': 'flow F : CRM -> ERP { carries Customer.email }\nflow G : ERP <-> CRM\naccept "gap/batch" on CRM "ok"'
        }, 'systems.integ', 'SalesCloud');
        expect(result['systems.integ']).toBe('system SalesCloud "Sales Cloud"\nsystem ERP\nentity Customer { master SalesCloud  field email }');
        expect(result['flows.integ']).toBe('flow F : SalesCloud -> ERP { carries Customer.email }\nflow G : ERP <-> SalesCloud\naccept "gap/batch" on SalesCloud "ok"');
    });

    it('renames from a reference as well as from the declaration', async () => {
        const result = await rename({
            'a.integ': 'system CRM\nsystem ERP',
            'b.integ': 'flow F : |CRM -> ERP'
        }, 'b.integ', 'Crm2');
        expect(result['a.integ']).toBe('system Crm2\nsystem ERP');
        expect(result['b.integ']).toBe('flow F : Crm2 -> ERP');
    });

    it('renames a field and every `Entity.field` that carries it, but not a same-named field of another entity', async () => {
        const result = await rename({
            'data.integ': 'entity Customer {\n  field |email: PII\n}\nentity Lead { field email }',
            'flows.integ': 'system A\nsystem B\nflow F : A -> B { carries Customer.email, Lead.email }'
        }, 'data.integ', 'mail');
        expect(result['data.integ']).toBe('entity Customer {\n  field mail: PII\n}\nentity Lead { field email }');
        expect(result['flows.integ']).toBe('system A\nsystem B\nflow F : A -> B { carries Customer.mail, Lead.email }');
    });
});
