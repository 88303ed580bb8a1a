import { describe, expect, it } from 'vitest';
import { hoverAt } from './lsp-workspace.js';

const ESTATE = `department Sales
department Finance
entity Customer { master Crm  field email: PII  field segment }
system Crm "Sales Cloud" { kind crm  department Sales }
system Erp { kind erp  department Finance  stores Customer }
system Sheet { kind spreadsheet  department Sales  owner "Ana" }
system Mail { kind marketing }
flow Rekey "Re-keying" : Crm -> Sheet { carries Customer.email  style manual  schedule weekly  effort 12 hours per week }
flow Sync : Crm -> Erp { carries Customer.*  style api  auth oauth2  tls 1.2  monitored }
flow Copy : Erp -> Mail { carries Customer.segment  style file  auth basic  tls 1.2  secrets vault }
process Billing { rank 1  steps Sync }
`;


describe('flow hover', () => {
    it('leads with route, fields and classifications, schedule, effort and controls, then one line counting the findings', async () => {
        const hover = await hoverAt(ESTATE.replace('flow Rekey', 'flow |Rekey'));
        expect(hover).toBe([
            '**flow Rekey** — Re-keying',
            '',
            'Crm → Sheet',
            '',
            'Carries:',
            '- Customer.email — PII',
            '',
            'schedule **weekly** · style **manual**',
            '',
            'Effort: **12 h/week**',
            '',
            'Controls: none',
            '',
            '5 findings: 2 errors, 2 warnings, 1 information'
        ].join('\n'));
    });

    it('lists the controls written on the flow', async () => {
        const hover = await hoverAt(ESTATE.replace('flow Copy', 'flow |Copy'));
        expect(hover).toContain('Controls: auth basic · tls 1.2 · secrets vault\n');
    });

    it('counts accepted findings apart', async () => {
        const hover = await hoverAt(`${ESTATE.replace('flow Sync', 'flow |Sync')}accept "security/audit-log" on Sync "legacy"\n`);
        expect(hover.split('\n').at(-1)).toMatch(/, 1 accepted$/);
    });
});

describe('field and entity hover', () => {
    it('a field: its classification, where it is stored (master first) and every flow that carries it, Entity.* included', async () => {
        const hover = await hoverAt(ESTATE.replace('field email', 'field |email'));
        expect(hover).toBe([
            '**field Customer.email**: PII — Personal data (GDPR Art. 4) (GDPR)',
            '',
            'Stored in: Crm (master), Erp',
            '',
            'Carried by 2 flows:',
            '- Rekey: Crm → Sheet',
            '- Sync: Crm → Erp (Customer.\\*)'
        ].join('\n'));
    });

    it('flows out of the master come first', async () => {
        const hover = await hoverAt(ESTATE.replace('field segment', 'field |segment'));
        expect(hover).toBe([
            '**field Customer.segment** (unclassified)',
            '',
            'Stored in: Crm (master), Erp',
            '',
            'Carried by 2 flows:',
            '- Sync: Crm → Erp (Customer.\\*)',
            '- Copy: Erp → Mail'
        ].join('\n'));
    });

    it('an entity: its stores and every flow carrying any of its fields', async () => {
        const hover = await hoverAt(ESTATE.replace('entity Customer', 'entity |Customer'));
        expect(hover).toContain('Stored in: Crm (master), Erp\n\nCarried by 3 flows:\n- Rekey: Crm → Sheet\n- Sync: Crm → Erp (Customer.\\*)\n- Copy: Erp → Mail');
    });
});

describe('system hover: what retiring it breaks', () => {
    it('a live system: its live flows, the processes using them and their hours', async () => {
        const hover = await hoverAt(ESTATE.replace('system Crm', 'system |Crm'));
        expect(hover).toContain('If retired: **2 live flows, 1 process, 12 h/week affected** (Rekey, Sync, Billing)');
    });

    it('a retired system: what still depends on it', async () => {
        const hover = await hoverAt(ESTATE.replace('system Mail { kind marketing }', 'system |Mail { kind marketing  status retired }'));
        expect(hover).toContain('Retired, still depended on by: **1 live flow, 0 processes, 0 h/week affected** (Copy)');
    });

    it('flows an initiative replaces are already planned for', async () => {
        const hover = await hoverAt(`${ESTATE.replace('system Crm', 'system |Crm')}roadmap Plan { start 2027-01  initiative Replace { months 1 to 2  replaces Rekey } }\n`);
        expect(hover).toContain('If retired: **1 live flow, 1 process, 0 h/week affected** (Sync, Billing)');
    });
});
