import { beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import type { IntegServices } from '../../../language-server/src/lsp/lsp-services.js';
import { completionsAt as completionsIn, servicesWithStdlib } from './lsp-workspace.js';

const MODEL = `
department Sales "Sales team"
entity Customer "Customer" {
  field name: PII
  field email: PII
  field segment
}
system CRM "Sales Cloud" { kind crm  department Sales  stores Customer }
system ERP "SAP" { kind erp }
`;

let services: IntegServices;
beforeAll(async () => { services = await servicesWithStdlib(); });

function completionsAt(text: string): Promise<CompletionItem[]> {
    return completionsIn(services, text);
}

function labels(items: CompletionItem[]): string[] {
    return items.map(item => item.label);
}

describe('completion', () => {
    it('offers the top-level keywords with their meaning', async () => {
        const items = await completionsAt(`${MODEL}\n<|>`);
        expect(labels(items)).toEqual(expect.arrayContaining(['system', 'flow', 'entity', 'process', 'roadmap', 'accept', 'policy']));
        expect(items.find(item => item.label === 'flow')?.documentation).toMatch(/Data moving from one system to another/);
    });

    it('offers the properties of a flow block', async () => {
        const items = await completionsAt(`${MODEL}\nflow F : CRM -> ERP {\n  <|>\n}`);
        expect(labels(items)).toEqual(expect.arrayContaining(['carries', 'style', 'schedule', 'auth', 'tls', 'audit', 'monitored', 'effort']));
    });

    it('offers enum values with documentation (styles, auth, system kinds)', async () => {
        const styles = await completionsAt(`${MODEL}\nflow F : CRM -> ERP { style <|> }`);
        expect(labels(styles)).toEqual(expect.arrayContaining(['manual', 'email', 'batch', 'api', 'script', 'shared-db']));
        const manual = styles.find(item => item.label === 'manual')!;
        expect(manual.detail).toBe('FlowStyle');
        expect(manual.documentation).toMatch(/10–20 h\/week/);
        const auth = await completionsAt(`${MODEL}\nflow F : CRM -> ERP { auth <|> }`);
        expect(labels(auth)).toEqual(expect.arrayContaining(['oauth2', 'mtls', 'api-key', 'shared-account']));
        expect(auth.find(item => item.label === 'oauth2')?.documentation).toMatch(/OAuth 2\.0/);
        const kinds = await completionsAt(`system X { kind <|> }`);
        expect(labels(kinds)).toEqual(expect.arrayContaining(['crm', 'erp', 'spreadsheet', 'personal-tool', 'legacy']));
        expect(kinds.find(item => item.label === 'spreadsheet')?.documentation).toMatch(/shadow IT/);
    });

    it('offers systems as flow endpoints with what the estate knows about them', async () => {
        const items = await completionsAt(`${MODEL}\nflow F : <|>`);
        const crm = items.find(item => item.label === 'CRM');
        expect(crm?.detail).toBe('crm · Sales — Sales Cloud');
        expect(JSON.stringify(crm?.documentation)).toMatch(/kind crm · department Sales/);
        expect(labels(items)).toContain('ERP');
        expect(labels(items)).not.toContain('Customer');
    });

    it('offers departments, entities and platforms where they are referenced', async () => {
        expect(labels(await completionsAt(`${MODEL}\nsystem X { department <|> }`))).toContain('Sales');
        expect(labels(await completionsAt(`${MODEL}\nsystem X { stores <|> }`))).toContain('Customer');
        const platforms = await completionsAt(`${MODEL}\nflow F : CRM -> ERP { via <|> }`);
        expect(labels(platforms)).toEqual(expect.arrayContaining(['MuleSoft', 'Zapier']));
    });

    it('offers the fields of the entity after `Entity.`, with their classification', async () => {
        const items = await completionsAt(`${MODEL}\nflow F : CRM -> ERP { carries Customer.<|> }`);
        expect(labels(items)).toEqual(expect.arrayContaining(['name', 'email', 'segment']));
        expect(items.find(item => item.label === 'email')?.detail).toBe('field: PII');
        expect(items.find(item => item.label === 'segment')?.detail).toBe('field (unclassified)');
        expect(labels(items)).not.toContain('CRM');
    });

    it('offers schedules with what they mean for staleness', async () => {
        const items = await completionsAt(`${MODEL}\nflow F : CRM -> ERP { schedule <|> }`);
        expect(labels(items)).toEqual(expect.arrayContaining(['realtime', 'hourly', 'nightly', 'every']));
        expect(items.find(item => item.label === 'nightly')?.documentation).toMatch(/yesterday/);
    });

    it('offers the catalogue\'s rule ids inside `accept "…"` and `rule "…"`, replacing what is typed', async () => {
        const accept = await completionsAt(`${MODEL}\naccept "sec<|>" on CRM "reason"`);
        expect(labels(accept)).toEqual(expect.arrayContaining(['security/sso', 'gap/batch', 'roadmap/wip-limit']));
        const sso = accept.find(item => item.label === 'security/sso')!;
        expect(sso.detail).toMatch(/\(warning\)$/);
        const line = MODEL.split('\n').length;
        expect(sso.textEdit).toEqual({ range: { start: { line, character: 8 }, end: { line, character: 11 } }, newText: 'security/sso' });
        const policy = await completionsAt(`policy {\n  rule "<|>\n}`);
        expect(labels(policy)).toContain('gap/one-way');
        expect(labels(await completionsAt(`${MODEL}\nsystem X "<|>"`))).not.toContain('gap/batch');
    });
});
