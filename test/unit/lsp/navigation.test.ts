import { beforeAll, describe, expect, it } from 'vitest';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectHighlight, expectHover, expectSymbols } from 'langium/test';
import type { DocumentSymbol } from 'vscode-languageserver';
import type { IntegServices } from '../../../language-server/src/lsp/lsp-services.js';
import { servicesWithStdlib } from './lsp-workspace.js';

let services: IntegServices;
beforeAll(async () => { services = await servicesWithStdlib(); });

describe('go to definition', () => {
    it('jumps from a flow endpoint to the system declaration', async () => {
        await expectGoToDefinition(services)({
            text: 'system <|CRM|> { kind crm }\nsystem ERP\nflow F : <|>CRM -> ERP',
            index: 0, rangeIndex: 0, disposeAfterCheck: true
        });
    });

    it('jumps from `Entity.field` to the field', async () => {
        await expectGoToDefinition(services)({
            text: 'entity Customer {\n  field <|email|>: PII\n}\nsystem A\nsystem B\nflow F : A -> B { carries Customer.<|>email }',
            index: 0, rangeIndex: 0, disposeAfterCheck: true
        });
    });
});

describe('find references and highlights', () => {
    it('finds every use of a system, with its declaration', async () => {
        await expectFindReferences(services)({
            text: 'system <|<|>CRM|>\nsystem ERP\nflow F : <|CRM|> -> ERP\nflow G : ERP -> <|CRM|>\nentity E { master <|CRM|> }',
            includeDeclaration: true, disposeAfterCheck: true
        });
    });

    it('highlights the uses of the name under the cursor in the file', async () => {
        await expectHighlight(services)({
            text: 'system <|<|>CRM|>\nsystem ERP\nflow F : <|CRM|> -> ERP',
            index: 0, rangeIndex: [0, 1], disposeAfterCheck: true
        });
    });
});

describe('hover', () => {
    const model = [
        'department Sales',
        'entity Customer { field email: PII  field segment }',
        'system CRM "Sales Cloud" { kind crm  department Sales  stores Customer  encryption aes256 }',
        'system Sheet "Orders workbook" { kind spreadsheet  department Sales  owner "Ana" }',
        'flow Rekey "Re-keying" : CRM -> Sheet { carries Customer.email, Customer.segment  style manual  effort 12 hours per week }',
        'accept "security/audit-log" on Rekey "legacy"'
    ].join('\n');

    it('shows a system\'s kind, department, flows, findings and manual hours', async () => {
        await expectHover(services)({ text: model.replace('system CRM', 'system <|>CRM'), index: 0, hover: /\*\*system CRM\*\* — Sales Cloud[\s\S]*kind \*\*crm\*\* · department \*\*Sales\*\*[\s\S]*0 flows in[\s\S]*1 flow out: Rekey → Sheet[\s\S]*12 h\/week/, disposeAfterCheck: true });
    });

    it('shows a flow\'s route, carried fields with classifications, style, hours and the count of its findings', async () => {
        await expectHover(services)({ text: model.replace('flow Rekey', 'flow <|>Rekey'), index: 0, hover: /CRM → Sheet[\s\S]*- Customer\.email — PII\n- Customer\.segment\n[\s\S]*style \*\*manual\*\*[\s\S]*12 h\/week[\s\S]*\d+ findings: [\s\S]*1 accepted$/, disposeAfterCheck: true });
    });

    it('shows the rule\'s title and rationale on a rule id in an accept', async () => {
        await expectHover(services)({ text: model.replace('accept "security', 'accept "<|>security'), index: 0, hover: /\*\*security\/audit-log\*\* — [\s\S]*audit/i, disposeAfterCheck: true });
    });

    it('shows a rule in a policy `rule` setting, and nothing for an unknown id', async () => {
        await expectHover(services)({ text: 'policy {\n  rule "<|>gap/batch" off\n}', index: 0, hover: /\*\*gap\/batch\*\*[\s\S]*yesterday/, disposeAfterCheck: true });
        await expectHover(services)({ text: 'policy {\n  rule "<|>nope/none" off\n}', index: 0, hover: undefined, disposeAfterCheck: true });
    });
});

describe('hover on keywords', () => {
    it('explains enum values and property keywords', async () => {
        await expectHover(services)({ text: 'system A\nsystem B\nflow F : A -> B { style <|>manual }', index: 0, hover: /`manual` — A person re-keys the data/, disposeAfterCheck: true });
        await expectHover(services)({ text: 'system A\nsystem B\nflow F : A -> B { <|>carries }', index: 0, hover: /`carries` — The fields this flow moves/, disposeAfterCheck: true });
    });
});

describe('document symbols', () => {
    it('groups the outline by kind, with fields under entities and initiatives under roadmaps', async () => {
        const text = 'system A\nflow F : A -> B\nsystem B\nentity E { field x }\nroadmap R { initiative I }\ndepartment D';
        await expectSymbols(services)({
            text, disposeAfterCheck: true,
            assert: (symbols: DocumentSymbol[]) => {
                const outline = symbols.map(group => `${group.name}: ${(group.children ?? []).map(child => `${child.name}${child.children?.length ? `(${child.children.map(c => c.name).join(',')})` : ''}`).join(' ')}`);
                expect(outline).toEqual(['Departments: D', 'Entities: E(x)', 'Systems: A B', 'Flows: F', 'Roadmaps: R(I)']);
            }
        });
    });
});

describe('folding', () => {
    it('folds multi-line blocks, block comments and runs of line comments', async () => {
        await expectFoldings(services)({
            text: '/* a\n   comment */\nsystem A {\n  kind crm\n}\nsystem B { kind erp }\n// one\n// two\n\n// alone',
            disposeAfterCheck: true,
            assert: foldings => {
                const lines = foldings.map(f => `${f.startLine}-${f.endLine}${f.kind === 'comment' ? ' comment' : ''}`).sort();
                // Langium ends a block's folding on the line before its `}` so the brace stays visible.
                expect(lines).toEqual(['0-1 comment', '2-3', '6-7 comment']);
            }
        });
    });
});
