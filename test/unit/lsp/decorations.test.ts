import { describe, expect, it } from 'vitest';
import { SemanticTokensDecoder } from 'langium/lsp';
import { lspWorkspace } from './lsp-workspace.js';

const MODEL = [
    'department Sales',
    'entity Customer { field email: PII  field segment  field card: PCI }',
    'system CRM "Sales Cloud" { kind crm  department Sales  stores Customer }',
    'system ERP { kind erp  department Sales  stores Customer }',
    'system Sheet { kind spreadsheet  department Sales  owner "Ana" }',
    'flow Rekey : CRM -> Sheet { carries Customer.email, Customer.segment  style manual  effort 12 hours per week }',
    'flow Sync : CRM -> ERP {',
    '  carries Customer.*',
    '  style api',
    '  auth oauth2',
    '  tls 1.2',
    '}'
].join('\n');

describe('code lens', () => {
    it('puts the figures and "Show in diagram" above each system and flow, and what retiring it breaks above a system', async () => {
        const { integ, documents } = await lspWorkspace({ 'm.integ': MODEL });
        const document = documents.get('m.integ')!;
        const lenses = await integ.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
        const byLine = lenses.map(lens => `${lens.range.start.line}: ${lens.command?.title}`);
        const { findings } = integ.analysis.WorkspaceAnalysis.result;
        const open = (name: string): number => findings.filter(f => f.element.name === name && !f.accepted).length;
        expect(byLine).toEqual([
            `2: 2 flows · ${open('CRM')} finding${open('CRM') === 1 ? '' : 's'} · 12 h/week`, '2: Show in diagram', '2: If retired: 2 live flows, 0 processes, 12 h/week affected',
            `3: 1 flow · ${open('ERP')} finding${open('ERP') === 1 ? '' : 's'} · 0 h/week`, '3: Show in diagram', '3: If retired: 1 live flow, 0 processes, 0 h/week affected',
            `4: 1 flow · ${open('Sheet')} finding${open('Sheet') === 1 ? '' : 's'} · 12 h/week`, '4: Show in diagram', '4: If retired: 1 live flow, 0 processes, 12 h/week affected',
            `5: 2 fields · ${open('Rekey')} finding${open('Rekey') === 1 ? '' : 's'} · 12 h/week`, '5: Show in diagram',
            `6: 3 fields · ${open('Sync')} finding${open('Sync') === 1 ? '' : 's'} · 0 h/week`, '6: Show in diagram'
        ]);
        expect(open('Rekey')).toBeGreaterThan(0);
        const show = lenses.find(lens => lens.range.start.line === 6 && lens.command?.title === 'Show in diagram');
        expect(show?.command).toEqual({ title: 'Show in diagram', command: 'integ.showInDiagram', arguments: ['Sync', 'flow'] });
    });
});

describe('inlay hints', () => {
    it('shows the classification after each carried field and the expansion of `Entity.*`', async () => {
        const { integ, documents } = await lspWorkspace({ 'm.integ': MODEL });
        const document = documents.get('m.integ')!;
        const hints = await integ.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }
        }) ?? [];
        const lines = MODEL.split('\n');
        const shown = hints.map(hint => `${lines[hint.position.line].slice(0, hint.position.character).split(/[ ,]/).pop()}${hint.label}`);
        expect(shown).toEqual(['Customer.email: PII', 'Customer.*3 fields: PII, PCI']);
    });
});

describe('semantic tokens', () => {
    it('colours names by what they denote and enum values as enum members', async () => {
        const { integ, documents } = await lspWorkspace({ 'm.integ': MODEL });
        const document = documents.get('m.integ')!;
        const tokens = await integ.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const decoded = SemanticTokensDecoder.decode(tokens, integ.lsp.SemanticTokenProvider!.tokenTypes, document);
        const text = document.textDocument.getText();
        const typeOf = (needle: string, from = 0): string | undefined => {
            const offset = text.indexOf(needle, from);
            return decoded.find(token => token.offset === offset)?.tokenType;
        };
        expect(typeOf('CRM')).toBe('class');
        expect(typeOf('Sales', text.indexOf('department Sales  stores'))).toBe('namespace');
        expect(typeOf('crm ')).toBe('enumMember');
        expect(typeOf('manual')).toBe('enumMember');
        expect(typeOf('Rekey')).toBe('function');
        expect(typeOf('email', text.indexOf('carries'))).toBe('property');
        expect(typeOf('Customer', text.indexOf('carries'))).toBe('struct');
        expect(typeOf('PII')).toBe('enum');
    });
});
