import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IntegCodeActionProvider } from '../../../language-server/src/fixes/integ-code-action-provider.js';
import { loadTexts, uri } from '../helpers/workspace.js';

const FILE = 'a.integ';

const ESTATE = `department Sales
department Finance
classification Secret
entity Customer { field email : Secret  field phone }
system SAP { kind erp  department Finance }
system Salesforce { kind crm  department Sales }
`;

async function errorsOf(text: string): Promise<{ errors: Diagnostic[]; actions: (d: Diagnostic) => Promise<CodeAction[]> }> {
    const workspace = await loadTexts({ [FILE]: text });
    const errors = (workspace.diagnostics.get(uri(FILE)) ?? []).filter(d => d.severity === 1);
    const document = workspace.documents.find(d => d.uri.toString() === uri(FILE))!;
    const provider = new IntegCodeActionProvider(() => '2027-01-15');
    const actions = async (diagnostic: Diagnostic) => (await provider.getCodeActions(document, {
        textDocument: { uri: uri(FILE) }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) ?? []) as CodeAction[];
    return { errors, actions };
}

function apply(text: string, action: CodeAction): string {
    return TextDocument.applyEdits(TextDocument.create(uri(FILE), 'integ', 1, text), action.edit?.changes?.[uri(FILE)] ?? []);
}

/** The one error of `text`, its message, what it covers, and the text after its preferred fix (which must have no error left). */
async function fixOne(text: string): Promise<{ message: string; covers: string; titles: string[]; fixed: string }> {
    const { errors, actions } = await errorsOf(text);
    expect(errors.map(e => e.message)).toHaveLength(1);
    const [error] = errors;
    const document = TextDocument.create(uri(FILE), 'integ', 1, text);
    const offered = await actions(error);
    const preferred = offered.find(a => a.isPreferred);
    expect(preferred?.kind).toBe('quickfix');
    const fixed = apply(text, preferred!);
    expect((await errorsOf(fixed)).errors.map(e => e.message)).toEqual([]);
    return { message: error.message as string, covers: document.getText(error.range), titles: offered.map(a => a.title), fixed };
}

describe('did you mean, for an unknown reference', () => {
    it('names the nearest system (a transposition is one typo) and replaces the word', async () => {
        const result = await fixOne(`${ESTATE}flow Orders : Salesforce -> SPA\n`);
        expect(result.message).toBe("Unknown system 'SPA'. Did you mean 'SAP'?");
        expect(result.covers).toBe('SPA');
        expect(result.titles).toEqual(["Change to 'SAP'"]);
        expect(result.fixed).toBe(`${ESTATE}flow Orders : Salesforce -> SAP\n`);
    });

    it('names the nearest entity, field, department, classification and platform', async () => {
        const cases: Array<[string, string, string]> = [
            [`flow F : Salesforce -> SAP { carries Custmer.email }`, "Unknown entity 'Custmer'. Did you mean 'Customer'?", 'Customer.email'],
            [`flow F : Salesforce -> SAP { carries Customer.emial }`, "Unknown field 'emial' in entity 'Customer'. Did you mean 'email'?", 'Customer.email'],
            [`system Hub { department Finanse }`, "Unknown department 'Finanse'. Did you mean 'Finance'?", 'department Finance'],
            [`entity Invoice { field total : Secrett }`, "Unknown classification 'Secrett'. Did you mean 'Secret'?", ': Secret }'],
            [`flow F : Salesforce -> SAP { via Zapeir }`, "Unknown platform 'Zapeir'. Did you mean 'Zapier'?", 'via Zapier']
        ];
        for (const [line, message, after] of cases) {
            const result = await fixOne(`${ESTATE}${line}\n`);
            expect(result.message).toBe(message);
            expect(result.fixed).toContain(after);
        }
    });

    it('lists up to three candidates, nearest first, and offers each as a fix with the nearest preferred', async () => {
        const text = `system Ledgers { kind erp }\nsystem Ledger { kind erp }\nsystem Ledge { kind erp }\nsystem Legend { kind erp }\nsystem Crm { kind crm }\nflow F : Crm -> Ledgr\n`;
        const { errors, actions } = await errorsOf(text);
        expect(errors.map(e => e.message)).toEqual(["Unknown system 'Ledgr'. Did you mean 'Ledger', 'Ledge' or 'Ledgers'?"]);
        const offered = await actions(errors[0]);
        expect(offered.map(a => [a.title, a.isPreferred ?? false])).toEqual([
            ["Change to 'Ledger'", true], ["Change to 'Ledge'", false], ["Change to 'Ledgers'", false]
        ]);
    });

    it('names the nearest for every reference to a renamed system, each with its own fix', async () => {
        const { errors, actions } = await errorsOf(`${ESTATE}flow Orders : Salesforce -> SPA\nflow Invoices : SPA -> Salesforce\nflow Leads : Salesforc -> SPA\n`);
        expect(errors.map(e => e.message)).toEqual([
            "Unknown system 'SPA'. Did you mean 'SAP'?", "Unknown system 'SPA'. Did you mean 'SAP'?",
            "Unknown system 'Salesforc'. Did you mean 'Salesforce'?", "Unknown system 'SPA'. Did you mean 'SAP'?"
        ]);
        for (const error of errors) expect((await actions(error)).find(action => action.isPreferred)?.edit?.changes?.[uri(FILE)]?.[0].range).toEqual(error.range);
    });

    it('says nothing more when no name is near, and offers no fix', async () => {
        const { errors, actions } = await errorsOf(`${ESTATE}flow Orders : Salesforce -> Workday\n`);
        expect(errors.map(e => e.message)).toEqual(["Unknown system 'Workday'."]);
        expect(await actions(errors[0])).toEqual([]);
    });
});

describe('did you mean, for a misspelt value', () => {
    it('names the nearest allowed value instead of the first eight, and replaces it', async () => {
        const result = await fixOne(`system Shop { kind crn }\n`);
        expect(result.message).toBe("'crn' is not allowed here. Did you mean 'crm'?");
        expect(result.covers).toBe('crn');
        expect(result.fixed).toBe(`system Shop { kind crm }\n`);
    });

    it('works for each kind of value', async () => {
        const cases: Array<[string, string]> = [
            ['system A { hosting sass }', 'hosting saas'],
            ['system A { status retierd }', 'status retired'],
            ['system A { kind erp }\nsystem B { kind crm }\nflow F : A -> B { style webhok }', 'style webhook'],
            ['system A { kind erp }\nsystem B { kind crm }\nflow F : A -> B { auth oauth }', 'auth oauth2']
        ];
        for (const [text, after] of cases) expect((await fixOne(`${text}\n`)).fixed).toContain(after);
    });

    it('keeps the list of allowed values when none is near', async () => {
        const { errors, actions } = await errorsOf(`system Shop { kind ecommerce }\n`);
        expect(errors[0].message).toMatch(/^Expected one of 'crm', 'erp', .* but found 'ecommerce'\.$/);
        expect(await actions(errors[0])).toEqual([]);
    });
});

describe('an unclosed brace', () => {
    it('the syntax error it causes points at the { that is never closed', async () => {
        const text = `system A {\n  kind crm\nsystem B { kind erp }\nflow F : A -> B\n`;
        const { errors } = await errorsOf(text);
        expect(errors.length).toBeGreaterThan(0);
        const [first] = errors;
        expect(first.range.start.line).toBe(2);
        expect(first.relatedInformation).toEqual([{
            location: { uri: uri(FILE), range: { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } } },
            message: "This '{' (line 1) is never closed: is a '}' missing?"
        }]);
        expect(errors.slice(1).every(e => e.relatedInformation === undefined)).toBe(true);
    });

    it('a closed brace, or one in a string, is not blamed', async () => {
        const { errors } = await errorsOf(`system A "a { b" { kind crm }\nsystem B { kind }\n`);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every(e => e.relatedInformation === undefined)).toBe(true);
    });
});
