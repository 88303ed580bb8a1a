import { describe, expect, test } from 'vitest';
import { at, check } from './rule-check.js';

const SECURE = 'style api  auth oauth2  secrets vault  tls 1.2  audit  monitored  owner "Eva"';

const MODEL = `
department Sales "Sales"
department Finance "Finance"
entity Customer { master Crm  field email: PII  field segment: Internal }
entity Invoice { master Crm  field total: Financial }
system Crm { kind crm  department Sales  owner "Ana"  stores Customer, Invoice  encryption aes256 }
system Ledger { kind finance  department Finance  owner "Eva"  stores Invoice  encryption aes256 }
system Bi { kind analytics  department Sales  owner "Li"  stores Customer  encryption aes256 }
flow Billing : Crm -> Ledger { carries Invoice.total  ${SECURE}  reconciled }
flow Segments : Crm -> Bi { carries Customer.segment  ${SECURE} }
`;

describe('compliance/unclassified-field', () => {
    const bad = MODEL.replace('field segment: Internal', 'field segment');

    test('fires as information on the field that leaves its master', async () => {
        const { findings, diagnostics } = await check(bad, 'compliance/unclassified-field');
        expect(findings.map(f => f.message)).toEqual(['Customer.segment has no classification but leaves its master Crm via Segments; no security or compliance rule can check it (compliance/unclassified-field)']);
        expect(findings[0].severity).toBe('info');
        expect(diagnostics[0].range.start).toEqual({ line: at(bad, 'field segment').line, character: at(bad, 'field segment').character + 6 });
    });

    test('does not fire when the field is classified', async () => {
        expect((await check(MODEL, 'compliance/unclassified-field')).findings).toEqual([]);
    });

    test('without a master, any flow that carries the field counts', async () => {
        const text = bad.replace('entity Customer { master Crm  ', 'entity Customer { ');
        const { findings } = await check(text, 'compliance/unclassified-field');
        expect(findings.map(f => f.message)).toEqual(['Customer.segment has no classification but is moved via Segments; no security or compliance rule can check it (compliance/unclassified-field)']);
    });

    test('does not fire when the field stays in its master', async () => {
        const text = bad.replace('carries Customer.segment', 'carries Customer.email');
        expect((await check(text, 'compliance/unclassified-field')).findings).toEqual([]);
    });
});

describe('compliance/regulated-in-shadow-it', () => {
    const bad = MODEL + `system Sheet { kind spreadsheet  department Sales  owner "Li"  stores Customer  encryption aes256 }
flow ToSheet : Crm -> Sheet { carries Customer.email  ${SECURE} }
`;

    test('fires on the spreadsheet that stores PII and on the flow that sends it there', async () => {
        const { findings, diagnostics } = await check(bad, 'compliance/regulated-in-shadow-it');
        expect(findings.map(f => f.message)).toEqual([
            'Shadow IT Sheet stores Customer.email (PII, GDPR); it has no access control, encryption or audit trail for regulated data (compliance/regulated-in-shadow-it)',
            'ToSheet sends Customer.email (PII, GDPR) to shadow IT Sheet, outside every control the regulation requires (compliance/regulated-in-shadow-it)'
        ]);
        expect(findings.every(f => f.severity === 'error')).toBe(true);
        const stores = at(bad, 'stores Customer  encryption aes256 }\nflow ToSheet');
        const target = at(bad, '-> Sheet');
        expect(diagnostics.map(d => d.range.start)).toEqual([
            { line: stores.line, character: stores.character + 7 },
            { line: target.line, character: target.character + 3 }
        ]);
    });

    test('does not fire when the spreadsheet holds only unregulated data', async () => {
        const text = bad.replace('carries Customer.email  ', 'carries Customer.segment  ').replace('owner "Li"  stores Customer  encryption aes256 }\nflow ToSheet', 'owner "Li"  encryption aes256 }\nflow ToSheet');
        expect((await check(text, 'compliance/regulated-in-shadow-it')).findings).toEqual([]);
    });
});

describe('compliance/vendor-agreement', () => {
    const bad = MODEL + `entity Patient { master Crm  field diagnosis: PHI }
system Clinic { kind custom  department Sales  owner "Ana"  stores Patient  encryption aes256 }
flow Referral : Crm -> Clinic { carries Patient.diagnosis  via Zapier  ${SECURE} }
`;

    test('fires when PHI goes through a platform without BAA, on via', async () => {
        const { findings, diagnostics } = await check(bad, 'compliance/vendor-agreement');
        expect(findings.map(f => f.message)).toEqual(['Referral sends Patient.diagnosis (PHI, HIPAA) via Zapier, which has no BAA (HIPAA §164.502(e)) (compliance/vendor-agreement)']);
        expect(findings[0].data).toEqual({ platform: 'Zapier', missing: ['baa'] });
        expect(diagnostics[0].range.start).toEqual(at(bad, 'Zapier'));
    });

    test('fires when personal data goes through a platform without DPA', async () => {
        const text = MODEL + `platform Glue { kind custom }
flow Mail : Crm -> Bi { carries Customer.email  via Glue  ${SECURE} }
`;
        const { findings } = await check(text, 'compliance/vendor-agreement');
        expect(findings.map(f => f.message)).toEqual(['Mail sends Customer.email (PII, GDPR) via Glue, which has no DPA (GDPR Art. 28) (compliance/vendor-agreement)']);
    });

    test('does not fire through a platform with a BAA', async () => {
        expect((await check(bad.replace('via Zapier', 'via MuleSoft'), 'compliance/vendor-agreement')).findings).toEqual([]);
    });
});

describe('compliance/sox-reconciliation', () => {
    const bad = MODEL.replace('  reconciled }', ' }');

    test('fires when financial data enters a finance system unreconciled', async () => {
        const { findings, diagnostics } = await check(bad, 'compliance/sox-reconciliation');
        expect(findings.map(f => f.message)).toEqual(['Billing feeds Invoice.total (Financial, SOX) into Ledger (finance) without reconciliation; SOX §404 needs control totals or record counts (compliance/sox-reconciliation)']);
        expect(diagnostics[0].range.start).toEqual(at(bad, 'Billing'));
    });

    test('does not fire when reconciled, nor into a non-financial system', async () => {
        expect((await check(MODEL, 'compliance/sox-reconciliation')).findings).toEqual([]);
        expect((await check(bad.replace('system Ledger { kind finance', 'system Ledger { kind analytics'), 'compliance/sox-reconciliation')).findings).toEqual([]);
    });
});

describe('compliance/retention', () => {
    const bad = MODEL.replace('carries Invoice.total  style api  auth oauth2  secrets vault  tls 1.2  audit', 'carries Invoice.total  style api  auth oauth2  secrets vault  tls 1.2  audit retention 1 year');

    test("fires when audit retention is below SOX's 7 years, on the retention", async () => {
        const { findings, diagnostics } = await check(bad, 'compliance/retention');
        expect(findings.map(f => f.message)).toEqual(['Billing keeps its audit log 1 year; Financial requires 7 years for Invoice.total (Financial, SOX) (compliance/retention)']);
        expect(diagnostics[0].range.start).toEqual({ line: at(bad, 'retention 1 year').line, character: at(bad, 'retention 1 year').character + 10 });
    });

    test("takes the classification's own retention requirement", async () => {
        const text = MODEL + `entity Patient { master Crm  field diagnosis: PHI }
system Clinic { kind custom  department Sales  owner "Ana"  stores Patient  encryption aes256 }
flow Referral : Crm -> Clinic { carries Patient.diagnosis  style api  auth oauth2  tls 1.2  audit retention 2 years }
`;
        const { findings } = await check(text, 'compliance/retention');
        expect(findings.map(f => f.message)).toEqual(['Referral keeps its audit log 2 years; PHI requires 6 years for Patient.diagnosis (PHI, HIPAA) (compliance/retention)']);
    });

    test('does not fire at 7 years', async () => {
        expect((await check(bad.replace('retention 1 year', 'retention 7 years'), 'compliance/retention')).findings).toEqual([]);
    });
});
