import { describe, expect, it } from 'vitest';
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

describe('the rule id in the editor and in the CLI', () => {
    it('a diagnostic names its rule once, as its code; an accepted one too', async () => {
        const diagnostics = await diagnosticsOf(`${ESTATE}accept "inventory/retired-dependency" on Leads "switched off in March"\n`);
        const leads = diagnostics.filter(d => d.code === RULE && (d.data as { element: { name: string } }).element.name === 'Leads');
        expect(leads.map(messageOf)).toEqual(['accepted: switched off in March — Live flow Leads depends on As400, marked retired; retire the flow or plan its replacement in an initiative']);
        expect(diagnostics.filter(d => typeof d.code === 'string' && messageOf(d).includes(`(${d.code})`))).toEqual([]);
    });
});
