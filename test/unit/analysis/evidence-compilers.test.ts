import { beforeAll, describe, expect, it } from 'vitest';
import { generalLedgers } from '../../../language-server/src/analysis/general-ledger.js';
import { hipaaPhi } from '../../../language-server/src/analysis/hipaa-phi.js';
import { pciDataflow } from '../../../language-server/src/analysis/pci-dataflow.js';
import { soxLineage } from '../../../language-server/src/analysis/sox-lineage.js';
import { loadFiles } from '../../../language-server/src/cli/load-files.js';
import type { Estate } from '../../../language-server/src/model/estate.js';
import type { Finding } from '../../../language-server/src/rules/finding.js';
import { loadTexts } from '../helpers/workspace.js';

// test/fixtures/evidence/clinic-shop.integ: card data over TLS 1.1, a settlement through a close
// workbook to the general ledger, PHI sent to a billing vendor with no BAA via Zapier.
let estate: Estate;
let findings: Finding[];

beforeAll(async () => {
    ({ estate, findings } = (await loadFiles(['test/fixtures/evidence'], process.cwd())).analysis);
});

const rules = (list: readonly Finding[]) => list.map(finding => finding.ruleId);

describe('pci-dataflow', () => {
    it('lists every system holding card data in lineage order and the one flow carrying it, with its controls and the TLS finding', () => {
        const map = pciDataflow(estate, findings);
        expect(map.regulation).toBe('PCI-DSS');
        expect(map.classifications).toEqual(['PCI']);
        // Expected: Checkout (system of record), Gateway (1 hop), then CloseSheet (stores it, no flow carries the PAN there).
        expect(map.systems.map(system => [system.name, system.roles])).toEqual([
            ['Checkout', ['system of record', 'stores', 'sends']],
            ['Gateway', ['stores', 'receives']],
            ['CloseSheet', ['stores']]
        ]);
        expect(map.systems.every(system => system.fields.join() === 'Payment.pan (PCI)')).toBe(true);
        expect(map.flows).toHaveLength(1);
        const [auth] = map.flows;
        expect(auth).toMatchObject({
            name: 'CardAuth', from: 'Checkout', to: 'Gateway', style: 'api', manual: false, fields: ['Payment.pan (PCI)'],
            controls: { tls: 1.1, requiredTls: 1.2, auth: 'oauth2', secrets: 'vault', audit: true, sourceEncryption: 'aes256', targetEncryption: 'aes256' }
        });
        expect(auth.platform).toBeUndefined();
        expect(rules(auth.findings)).toContain('security/tls');
        expect(auth.todos).toEqual([]);
    });

    it('names what the model does not say as to-dos: the workbook\'s encryption, hosting and region; a hosted gateway whose vendor signed nothing is no gap', () => {
        const map = pciDataflow(estate, findings);
        const sheet = map.systems.find(system => system.name === 'CloseSheet')!;
        expect(sheet.shadow).toBe(true);
        expect(sheet.todos).toEqual([
            'encryption at rest of CloseSheet not modelled: write encryption aes256 (or what it has)',
            'hosting of CloseSheet not modelled: write hosting saas, cloud, on-prem or desktop',
            'region of CloseSheet unknown: write region …'
        ]);
        expect(rules(sheet.findings)).toEqual(expect.arrayContaining(['security/encryption-at-rest', 'compliance/regulated-in-shadow-it']));
        expect(map.systems.find(system => system.name === 'Gateway')!.todos).toEqual([]);
    });
});

describe('hipaa-phi', () => {
    it('lists where PHI is and which vendors lack a BAA: the billing vendor and Zapier, not the EHR vendor', () => {
        const phi = hipaaPhi(estate, findings);
        expect(phi.systems.map(system => system.name)).toEqual(['Ehr', 'Billing']);
        expect(phi.flows.map(flow => flow.name)).toEqual(['VisitBilling']);
        expect(phi.vendors).toEqual([
            { vendor: 'EHR Vendor Inc.', runs: 'Ehr', kind: 'system', baa: true },
            { vendor: 'BillCo', runs: 'Billing', kind: 'system', baa: false },
            { vendor: 'Zapier', runs: 'Zapier', kind: 'platform', baa: false }
        ]);
        expect(phi.systems.find(system => system.name === 'Billing')!.todos).toEqual(['Billing is run by BillCo with no BAA (HIPAA §164.502(e)): sign one and write agreements baa']);
        expect(phi.systems.find(system => system.name === 'Ehr')!.todos).toEqual([]);
        const billing = phi.flows[0];
        expect(billing.platform).toEqual({ name: 'Zapier', agreements: ['dpa'] });
        expect(billing.todos).toEqual(['VisitBilling sends PHI via Zapier (Zapier), which has no BAA (HIPAA §164.502(e))']);
        expect(rules(billing.findings)).toContain('compliance/vendor-agreement');
        // The PII field of the same entity is no PHI: it is in no record's fields.
        expect([...phi.systems, ...phi.flows].flatMap(element => element.fields)).not.toContain('Visit.patientName (PII)');
    });
});

describe('sox-lineage', () => {
    it('recognises the ledger as the system of record of the journal entries', () => {
        expect(generalLedgers(estate)).toEqual([{ system: 'Ledger', reason: 'system of record of Journal (Journal entry)' }]);
    });

    it('follows Payment.amount from its system of record through the close workbook to the ledger, marking the spreadsheet, manual and unreconciled hops', () => {
        const sox = soxLineage(estate, findings);
        expect(sox.records.map(record => record.entity)).toEqual(['Payment', 'Journal']);
        const payment = sox.records[0];
        expect(payment.fields).toEqual(['Payment.amount (Financial)']);
        expect(payment.masters).toEqual(['Checkout']);
        expect(payment.ledgers).toEqual(['Ledger']);
        expect(payment.path.map(hop => [hop.flow, hop.manual, hop.spreadsheets, hop.reconciled])).toEqual([
            ['CardAuth', false, [], false],
            ['Settlement', true, ['CloseSheet'], false],
            ['SheetToLedger', true, ['CloseSheet'], true]
        ]);
        expect(payment.feeds).toEqual([]);
        expect(payment.elsewhere).toEqual([]);
        expect(payment.todos).toEqual([]);
        expect(rules(payment.path.find(hop => hop.flow === 'CardAuth')!.findings)).toContain('compliance/sox-reconciliation');
        expect(rules(payment.systemFindings)).toContain('compliance/regulated-in-shadow-it');
    });

    it('a ledger that is its own system of record needs no path', () => {
        const journal = soxLineage(estate, findings).records[1];
        expect(journal).toMatchObject({ entity: 'Journal', masters: ['Ledger'], ledgers: ['Ledger'], path: [], todos: [] });
    });

    it('without a recognisable ledger every record says so, and a ledger system is found by its name when no journal entity exists', async () => {
        const base = `entity Payment { master Shop  field amount: Financial }
system Shop { kind custom  stores Payment }
system Books "Finance books" { kind finance }
flow Post : Shop -> Books { carries Payment.amount  style api }
`;
        const none = (await loadTexts({ 'a.integ': base })).analysis;
        const sox = soxLineage(none.estate, none.findings);
        expect(sox.ledgers).toEqual([]);
        expect(sox.records[0].todos).toEqual(['no general ledger in the model: make it the master of a journal-entry entity, or name it "General ledger" with kind finance or erp']);
        const named = (await loadTexts({ 'a.integ': base.replace('"Finance books"', '"GL (finance books)"') })).analysis;
        expect(generalLedgers(named.estate)).toEqual([{ system: 'Books', reason: 'kind finance, named GL (finance books)' }]);
        const found = soxLineage(named.estate, named.findings).records[0];
        expect(found.path.map(hop => hop.flow)).toEqual(['Post']);
        expect(found.ledgers).toEqual(['Books']);
        expect(found.todos).toEqual([]);
    });
});

describe('on samples/acme', () => {
    let acme: { estate: Estate; findings: Finding[] };
    beforeAll(async () => { acme = (await loadFiles(['samples/acme'], process.cwd())).analysis; });

    it('pci-dataflow: the phone-orders sheet keys card numbers into Stripe by hand', () => {
        const map = pciDataflow(acme.estate, acme.findings);
        expect(map.flows.map(flow => [flow.name, flow.manual])).toEqual([['CardKeying', true]]);
        expect(map.systems.map(system => system.name)).toEqual(expect.arrayContaining(['PhoneOrdersSheet', 'Stripe', 'SageIntacct', 'Concur']));
        expect(map.systems.find(system => system.name === 'PhoneOrdersSheet')!.roles).toEqual(['stores', 'sends']);
    });

    it('sox-lineage: Sage Intacct is the ledger; the journal entries leave it for the close workbook by hand', () => {
        const sox = soxLineage(acme.estate, acme.findings);
        expect(sox.ledgers.map(ledger => ledger.system)).toEqual(['SageIntacct']);
        const journal = sox.records.find(record => record.entity === 'JournalEntry')!;
        expect(journal.path).toEqual([]);
        expect(journal.elsewhere.map(hop => [hop.flow, hop.spreadsheets, hop.reconciled])).toEqual(expect.arrayContaining([
            ['CloseExport', ['CloseWorkbook'], false], ['ReconUpload', ['CloseWorkbook'], true]
        ]));
        const payroll = sox.records.find(record => record.entity === 'PayrollRun')!;
        expect(payroll.path.map(hop => [hop.flow, hop.style, hop.manual, hop.reconciled])).toEqual([['PayrollJournal', 'email', true, false]]);
    });

    it('hipaa-phi: the fitness-for-duty Zap runs through Zapier, which signs no BAA', () => {
        const phi = hipaaPhi(acme.estate, acme.findings);
        expect(phi.vendors.filter(vendor => !vendor.baa).map(vendor => vendor.vendor)).toEqual(['Zapier']);
        expect(phi.flows.find(flow => flow.name === 'FitForDuty')!.todos).toEqual(['FitForDuty sends PHI via Zapier (Zapier), which has no BAA (HIPAA §164.502(e))']);
    });
});
