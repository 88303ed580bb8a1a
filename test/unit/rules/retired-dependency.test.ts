import { describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { IntegCodeActionProvider } from '../../../language-server/src/fixes/integ-code-action-provider.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { uri } from '../helpers/workspace.js';
import { actionsFor, applyFix, diagnosticsOf, messageOf } from '../fixes/fix-harness.js';

const ESTATE = `system As400 "AS/400" { kind legacy  status retired }
system Erp "ERP" { kind erp }
system Crm "CRM" { kind crm }
flow Orders : As400 -> Erp { style file  schedule nightly  effort 4 hours per week }
flow Leads : Crm -> As400 { style api  auth oauth2  tls 1.2 }
flow Old : As400 -> Crm { style file  status retired }
flow Next : Crm -> Erp { style api  auth oauth2  tls 1.2  status planned }
process OrderToCash { rank 1  steps Orders, Next }
`;

const RULE = 'inventory/retired-dependency';

function findings(diagnostics: Awaited<ReturnType<typeof diagnosticsOf>>) {
    return diagnostics.filter(d => d.code === RULE).map(d => ({ element: (d.data as { element: { name: string } }).element.name, line: d.range.start.line + 1, character: d.range.start.character, message: messageOf(d) }));
}

describe('inventory/retired-dependency', () => {
    it('reports each live flow on its end at the retired system, and the process using one, not retired or planned flows', async () => {
        const diagnostics = await diagnosticsOf(ESTATE);
        expect(findings(diagnostics)).toEqual([
            { element: 'Orders', line: 4, character: 14, message: 'Live flow Orders depends on As400, marked retired (4 h/week of manual work); retire the flow or plan its replacement in an initiative' },
            { element: 'Leads', line: 5, character: 20, message: 'Live flow Leads depends on As400, marked retired; retire the flow or plan its replacement in an initiative' },
            { element: 'OrderToCash', line: 8, character: 36, message: 'Process OrderToCash depends on As400, marked retired, through Orders' }
        ]);
        const orders = diagnostics.find(d => d.code === RULE)!;
        expect(orders.relatedInformation?.map(r => [r.location.range.start.line + 1, r.message])).toEqual([[1, 'As400 is marked retired here']]);
    });

    it('a flow an initiative replaces is planned for and not reported', async () => {
        const text = `${ESTATE}roadmap Plan { start 2027-01  initiative Replace { months 1 to 3  replaces Orders, Leads } }\n`;
        expect(findings(await diagnosticsOf(text))).toEqual([]);
    });

    it('quick fix: plan the replacement in an initiative of the file, added to its replaces', async () => {
        const text = `${ESTATE}roadmap Plan { start 2027-01  initiative Replace { months 1 to 3  replaces Leads } }\n`;
        const fixed = await applyFix(text, RULE, 'Orders', 'Plan the replacement of Orders in Replace');
        expect(fixed).toBe(text.replace('replaces Leads', 'replaces Leads, Orders'));
    });

    it('quick fix: without replaces written, the initiative gets one', async () => {
        const text = `${ESTATE}roadmap Plan { start 2027-01  initiative Replace { months 1 to 3 } }\n`;
        const fixed = await applyFix(text, RULE, 'Leads', 'Plan the replacement of Leads in Replace');
        expect(fixed).toBe(text.replace('months 1 to 3', 'months 1 to 3  replaces Leads'));
    });

    it('quick fix: without an initiative, marking the flow retired is the preferred fix', async () => {
        const actions = await actionsFor(ESTATE, RULE, 'Leads');
        expect(actions.map(a => [a.title, a.isPreferred ?? false])).toEqual([['Set status retired', true], ['Accept (waive) this finding: inventory/retired-dependency on Leads', false]]);
        const fixed = await applyFix(ESTATE, RULE, 'Leads', 'Set status retired');
        expect(fixed).toBe(ESTATE.replace('auth oauth2  tls 1.2 }\nflow Old', 'auth oauth2  tls 1.2  status retired }\nflow Old'));
    });
});

describe('inventory/retired-dependency: a system a roadmap initiative retires', () => {
    const LIVE = `system Fax "Fax server" { kind legacy }
system Erp "ERP" { kind erp }
flow Confirmations : Erp -> Fax { style manual  effort 2 hours per week }
flow Faxed : Fax -> Erp { style manual }
process OrderToCash { rank 1  steps Confirmations }
`;

    it('reports the live flows the initiative leaves behind, naming the initiative and its month, and the process using one', async () => {
        const text = `${LIVE}roadmap Plan { start 2027-01  initiative SwitchOff { months 1 to 2  retires Fax  replaces Faxed } }\n`;
        const diagnostics = await diagnosticsOf(text);
        expect(findings(diagnostics)).toEqual([
            { element: 'Confirmations', line: 3, character: 28, message: 'Initiative SwitchOff in 2027-02 retires Fax, but live flow Confirmations still depends on it and no initiative replaces the flow by then; plan its replacement' },
            { element: 'OrderToCash', line: 5, character: 36, message: 'Process OrderToCash depends on Fax, which SwitchOff retires, through Confirmations' }
        ]);
        const flow = diagnostics.find(d => d.code === RULE)!;
        expect(flow.relatedInformation?.map(r => [r.location.range.start.line + 1, r.message])).toEqual([[6, 'SwitchOff retires Fax here']]);
    });

    it('a replacement that ends later than the retirement is too late; one that ends no later, or a roadmap without months, is in time', async () => {
        const late = `${LIVE}roadmap Plan { start 2027-01  initiative SwitchOff { months 1 to 2  retires Fax  replaces Faxed }  initiative Portal { months 3 to 6  replaces Confirmations } }\n`;
        expect(findings(await diagnosticsOf(late)).map(f => f.element)).toEqual(['Confirmations', 'OrderToCash']);
        const early = late.replace('months 3 to 6', 'months 1 to 2');
        expect(findings(await diagnosticsOf(early))).toEqual([]);
        const unscheduled = `${LIVE}roadmap Plan { initiative SwitchOff { retires Fax  replaces Faxed }  initiative Portal { replaces Confirmations } }\n`;
        expect(findings(await diagnosticsOf(unscheduled))).toEqual([]);
    });

    it('quick fix: the retiring initiative is offered first, and one in the roadmap\'s own file is edited there', async () => {
        const roadmap = `roadmap Plan { start 2027-01  initiative Other { months 1 to 3 }  initiative SwitchOff { months 4 to 5  retires Fax  replaces Faxed } }\n`;
        const services = createIntegCoreServices();
        const workspace = await loadWorkspace(services, [{ uri: uri('estate.integ'), text: LIVE }, { uri: uri('roadmap.integ'), text: roadmap }]);
        const diagnostic = workspace.diagnostics.get(uri('estate.integ'))!.find(d => d.code === RULE && (d.data as { element: { name: string } }).element.name === 'Confirmations')!;
        const document = workspace.documents.find(d => d.uri.toString() === uri('estate.integ'))!;
        const provider = new IntegCodeActionProvider(() => '2027-01-15', services.shared.workspace.LangiumDocuments);
        const actions = await provider.getCodeActions(document, { textDocument: { uri: uri('estate.integ') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
        expect(actions.map(action => [action.title, action.isPreferred ?? false]).slice(0, 2)).toEqual([
            ['Plan the replacement of Confirmations in SwitchOff', true], ['Plan the replacement of Confirmations in Other', false]
        ]);
        const changes = actions[0].edit!.changes!;
        expect(changes[uri('estate.integ')]).toEqual([]);
        const edited = TextDocument.applyEdits(TextDocument.create(uri('roadmap.integ'), 'integ', 1, roadmap), changes[uri('roadmap.integ')]);
        expect(edited).toBe(roadmap.replace('replaces Faxed', 'replaces Faxed, Confirmations'));
    });
});

describe('the rule id in the editor and in the CLI', () => {
    it('a diagnostic names its rule once, as its code; an accepted one too', async () => {
        const diagnostics = await diagnosticsOf(`${ESTATE}accept "inventory/retired-dependency" on Leads "switched off in March"\n`);
        const leads = diagnostics.filter(d => d.code === RULE && (d.data as { element: { name: string } }).element.name === 'Leads');
        expect(leads.map(messageOf)).toEqual(['accepted: switched off in March — Live flow Leads depends on As400, marked retired; retire the flow or plan its replacement in an initiative']);
        expect(diagnostics.filter(d => typeof d.code === 'string' && messageOf(d).includes(`(${d.code})`))).toEqual([]);
    });
});
