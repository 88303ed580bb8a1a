import { describe, expect, it } from 'vitest';
import { actionsFor, applyFix } from './fix-harness.js';

describe('gap and compliance quick fixes', () => {
    it('makes a one-way flow two-way', async () => {
        const text = `system Crm { stores Customer  edits Customer }
system Erp { stores Customer  edits Customer }
entity Customer { master Crm  field name }
flow Sync : Crm -> Erp { carries Customer.name  style api  auth oauth2  tls 1.2  monitored  owner "Ops" }
`;
        const fixed = await applyFix(text, 'gap/one-way', 'Sync', 'Make the flow two-way (<->)');
        expect(fixed).toBe(text.replace('Crm -> Erp', 'Crm <-> Erp'));
    });

    it('adds monitored to a fragile flow in a one-line block', async () => {
        const text = `system Crm\nsystem Erp\nflow Sync : Crm -> Erp { style api  auth oauth2  tls 1.2  owner "Ops" }\n`;
        const fixed = await applyFix(text, 'gap/fragile', 'Sync', 'Add monitored');
        expect(fixed).toBe(`system Crm\nsystem Erp\nflow Sync : Crm -> Erp { style api  auth oauth2  tls 1.2  owner "Ops"  monitored }\n`);
    });

    it('offers no Add monitored when the platform monitors the flow and only an owner is missing', async () => {
        const text = `system Crm\nsystem Erp\nflow Sync : Crm -> Erp { style api  auth oauth2  tls 1.2  via MuleSoft }\n`;
        const actions = await actionsFor(text, 'gap/fragile', 'Sync');
        expect(actions.map(a => a.title)).toEqual(['Accept (waive) this finding: gap/fragile on Sync']);
    });

    it('adds master <system>, one action per candidate, as the first line of the entity', async () => {
        const text = `system Crm { stores Customer }
system Erp { stores Customer }
entity Customer {
  field name
}
`;
        const actions = await actionsFor(text, 'gap/conflicting-master', 'Customer');
        expect(actions.map(a => a.title)).toEqual(['Add master Crm', 'Add master Erp', 'Accept (waive) this finding: gap/conflicting-master on Customer']);
        const fixed = await applyFix(text, 'gap/conflicting-master', 'Customer', 'Add master Erp');
        expect(fixed).toBe(text.replace('entity Customer {\n', 'entity Customer {\n  master Erp\n'));
    });

    it('keeps one of two masters', async () => {
        const text = `system Crm { stores Customer }\nsystem Erp { stores Customer }\nentity Customer { master Crm, Erp  field name }\n`;
        const fixed = await applyFix(text, 'gap/conflicting-master', 'Customer', 'Keep Crm as the only master');
        expect(fixed).toBe(text.replace('master Crm, Erp', 'master Crm'));
    });

    it('adds reconciled to a flow of financial data into an ERP', async () => {
        const text = `system Billing { kind finance  encryption aes256  stores Invoice }
system Erp { kind erp  encryption aes256  stores Invoice }
entity Invoice { master Billing  field amount: Financial }
flow Post : Billing -> Erp {
    carries Invoice.amount
    style api  auth oauth2  tls 1.2  audit retention 7 years
}
`;
        const fixed = await applyFix(text, 'compliance/sox-reconciliation', 'Post', 'Add reconciled');
        expect(fixed).toBe(text.replace('retention 7 years\n}', 'retention 7 years\n    reconciled\n}'));
    });

    it('raises an audit retention to the regulation minimum', async () => {
        const text = `system Billing { kind finance  encryption aes256  stores Invoice }
system Erp { kind erp  encryption aes256  stores Invoice }
entity Invoice { master Billing  field amount: Financial }
flow Post : Billing -> Erp { carries Invoice.amount  style api  auth oauth2  tls 1.2  audit retention 12 months  reconciled }
`;
        const fixed = await applyFix(text, 'compliance/retention', 'Post', 'Keep the audit log 7 years');
        expect(fixed).toBe(text.replace('retention 12 months', 'retention 7 years'));
    });
});
