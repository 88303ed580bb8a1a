import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../helpers/cli-run.js';

/** Card data over TLS 1.1, a settlement through a close workbook to the ledger, PHI to a vendor without a BAA via Zapier. */
const FIXTURE = 'test/fixtures/evidence';
const AT = 'test/fixtures/evidence/clinic-shop.integ';

let root: string;
beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'integ-evidence-docs-')); });
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

async function csvRows(kind: string, path = FIXTURE): Promise<Array<Record<string, string>>> {
    const { code, stdout } = await runCliIn(process.cwd(), 'evidence', kind, path, '--format', 'csv');
    expect(code).toBe(0);
    return parse(stdout, { columns: true });
}

/** No script, no stylesheet or image from elsewhere: the page opens the same offline and in an archive. */
function expectSelfContained(html: string): void {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(\s*['"]?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*['"]?(?:https?:)?\/\//i);
    expect(html).toContain('@media print');
}

const DATA_MAP_HEADERS = ['Element', 'Name', 'Title', 'Account data', 'Where', 'Vendor or platform', 'Encryption at rest', 'TLS', 'Authentication', 'Audit log', 'Manual or shadow IT', 'Findings', 'To do'];

describe('integ evidence pci-dataflow', () => {
    it('CSV: one row per system then per flow, stable columns, controls per hop and the TLS 1.1 finding with its place', async () => {
        const { stdout } = await runCliIn(process.cwd(), 'evidence', 'pci-dataflow', FIXTURE, '--format', 'csv');
        expect(stdout.split('\n')[0]).toBe(DATA_MAP_HEADERS.join(','));
        const rows = await csvRows('pci-dataflow');
        expect(rows.map(row => [row.Element, row.Name])).toEqual([['system', 'Checkout'], ['system', 'Gateway'], ['system', 'CloseSheet'], ['flow', 'CardAuth']]);
        const [checkout, , sheet, auth] = rows;
        expect(checkout).toMatchObject({
            Title: 'Checkout', 'Account data': 'Payment.pan (PCI)', Where: 'system of record, stores, sends, department Finance, owner Ana, hosting saas, region de',
            'Vendor or platform': 'PayCo Ltd (DPA)', 'Encryption at rest': 'aes256', TLS: '—', Authentication: '—', 'Audit log': '—', 'Manual or shadow IT': 'no', Findings: '', 'To do': ''
        });
        expect(sheet).toMatchObject({ Where: 'stores, department Finance, owner Dee, hosting not modelled, region unknown', 'Vendor or platform': 'no processor named', 'Encryption at rest': 'not modelled', 'Manual or shadow IT': 'shadow IT' });
        expect(sheet['To do'].split('; ')).toEqual([
            'encryption at rest of CloseSheet not modelled: write encryption aes256 (or what it has)',
            'hosting of CloseSheet not modelled: write hosting saas, cloud, on-prem or desktop',
            'region of CloseSheet unknown: write region …'
        ]);
        expect(sheet.Findings).toContain(`error compliance/regulated-in-shadow-it: Shadow IT CloseSheet stores Payment.pan (PCI, PCI-DSS) and 1 more field; it has no access control, encryption or audit trail for regulated data (${AT}:15:96)`);
        expect(auth).toMatchObject({
            Title: 'Card authorisation', 'Account data': 'Payment.pan (PCI)', Where: 'Checkout → Gateway, api', 'Vendor or platform': 'point to point (no platform)',
            'Encryption at rest': 'aes256 → aes256', TLS: 'TLS 1.1 (requires 1.2+)', Authentication: 'oauth2, secrets vault', 'Audit log': 'yes', 'Manual or shadow IT': 'no', 'To do': ''
        });
        expect(auth.Findings).toContain(`error security/tls: Payment.pan (PCI, PCI-DSS) and 1 more field move over TLS 1.1; PCI requires TLS 1.2+ (${AT}:21:46)`);
    });

    it('Markdown with -o: the diagram goes next to the document and the document shows it', async () => {
        const out = join(root, 'pci.md');
        const { code, stderr } = await runCliIn(process.cwd(), 'evidence', 'pci-dataflow', FIXTURE, '-o', out);
        expect(code).toBe(0);
        expect(stderr).toContain(`integ evidence: the diagram is in ${join(root, 'pci.svg')}`);
        const md = readFileSync(out, 'utf8');
        expect(md).toMatch(/^# Account data flows \(PCI DSS\)\n\n.*not a PCI DSS assessment\.\n\n!\[Account data flows: .*\]\(pci\.svg\)\n/);
        expect(md).toContain('**In scope:**\n\n- 3 systems\n- 1 flow\n');
        const auth = md.slice(md.indexOf('## Flow CardAuth'));
        expect(auth).toContain('**TLS:** TLS 1.1 (requires 1.2+)\n');
        expect(auth).toContain('**To do:** none\n');
        // A system's section leaves the hop-only controls out rather than filling them with dashes.
        const checkout = md.slice(md.indexOf('## System Checkout'), md.indexOf('## System Gateway'));
        expect(checkout).not.toContain('**TLS:**');
        const svg = readFileSync(join(root, 'pci.svg'), 'utf8');
        expect(svg).toContain('<title>Account data flows (PCI DSS)</title>');
        for (const id of ['system:Checkout', 'system:Gateway', 'system:CloseSheet', 'flow:CardAuth']) expect(svg).toContain(`data-id='${id}'`);
        expect(svg).not.toContain("data-id='system:Ehr'");
    });

    it('Markdown on stdout says where the diagram would be; HTML embeds it, self-contained and printable', async () => {
        const md = await runCliIn(process.cwd(), 'evidence', 'pci-dataflow', FIXTURE);
        expect(md.stderr).toContain('integ evidence: the diagram is written next to the document with -o, or embedded with --format html');
        expect(md.stdout).not.toContain('![');
        const { code, stdout } = await runCliIn(process.cwd(), 'evidence', 'pci-dataflow', FIXTURE, '--format', 'html');
        expect(code).toBe(0);
        expectSelfContained(stdout);
        expect(stdout).toMatch(/<figure><svg xmlns='http:\/\/www\.w3\.org\/2000\/svg'[^>]*>[\s\S]*<\/svg><figcaption>Account data flows: /);
        expect(stdout).toContain('<dt>TLS</dt><dd>TLS 1.1 (requires 1.2+)</dd>');
        expect(stdout).toContain('<dd class="todo"><ul><li>encryption at rest of CloseSheet not modelled');
    });

    it('a model without card data says so, and draws no empty picture', async () => {
        const file = join(root, 'no-cards.integ');
        writeFileSync(file, 'entity Payment { master Shop  field amount: Financial }\nsystem Shop { kind custom  stores Payment }\n');
        const { code, stdout } = await runCliIn(root, 'evidence', 'pci-dataflow', file, '--format', 'html');
        expect(code).toBe(0);
        expect(stdout).toContain('<p class="none">No cardholder data (no field classified under PCI-DSS) in the model.</p>');
        expect(stdout).not.toContain('<figure>');
    });

    it('-o refuses to put the document where its diagram goes', async () => {
        const { code, stderr } = await runCliIn(process.cwd(), 'evidence', 'pci-dataflow', FIXTURE, '-o', join(root, 'pci.svg'));
        expect(code).toBe(2);
        expect(stderr).toContain('the diagram goes to a .svg file next to the document');
    });
});

describe('integ evidence hipaa-phi', () => {
    it('CSV: where PHI is and the vendor of each place, the missing BAAs as to-dos', async () => {
        const rows = await csvRows('hipaa-phi');
        expect(rows.map(row => [row.Element, row.Name, row.PHI])).toEqual([
            ['system', 'Ehr', 'Visit.diagnosis (PHI)'], ['system', 'Billing', 'Visit.diagnosis (PHI)'], ['flow', 'VisitBilling', 'Visit.diagnosis (PHI)']
        ]);
        const [ehr, billing, flow] = rows;
        expect(ehr['Vendor or platform']).toBe('EHR Vendor Inc. (DPA, BAA)');
        expect(ehr['To do']).toBe('');
        expect(billing['Vendor or platform']).toBe('BillCo (DPA)');
        expect(billing['To do']).toBe('Billing is run by BillCo with no BAA (HIPAA §164.502(e)): sign one and write agreements baa');
        expect(flow['Vendor or platform']).toBe('via Zapier (DPA)');
        expect(flow['To do']).toBe('VisitBilling sends PHI via Zapier (Zapier), which has no BAA (HIPAA §164.502(e))');
        expect(flow.Findings).toContain('error compliance/vendor-agreement: VisitBilling sends Visit.diagnosis (PHI, HIPAA) via Zapier, which has no BAA (HIPAA §164.502(e))');
    });

    it('Markdown: the vendors without a BAA come first', async () => {
        const { stdout } = await runCliIn(process.cwd(), 'evidence', 'hipaa-phi', FIXTURE);
        expect(stdout).toContain('**Vendors without a BAA:**\n\n- BillCo (system Billing)\n- Zapier (platform Zapier)\n\n**Vendors with a BAA:**\n\n- EHR Vendor Inc. (system Ehr)\n');
        expect(stdout).toContain('**Hosted by a vendor the model does not name (BAA unknown):** none\n');
    });
});

describe('integ evidence sox-lineage', () => {
    it('CSV: the path of each financial entity to the ledger, the spreadsheet and manual hops and the missing reconciliation flagged', async () => {
        const rows = await csvRows('sox-lineage');
        expect(rows.map(row => row.Entity)).toEqual(['Payment', 'Journal']);
        const [payment, journal] = rows;
        expect(payment).toMatchObject({
            'Financial data': 'Payment.amount (Financial)', 'System of record': 'Checkout', 'General ledger': 'Ledger',
            'Path to the ledger': 'CardAuth: Checkout → Gateway (api, not reconciled); Settlement: Gateway → CloseSheet (manual, through spreadsheet CloseSheet, not reconciled); '
                + 'SheetToLedger: CloseSheet → Ledger (manual, through spreadsheet CloseSheet, reconciled)',
            'Feeds into the system of record': '', 'Other copies': '',
            'Manual hops': 'Settlement; SheetToLedger', 'Spreadsheet hops': 'Settlement (CloseSheet); SheetToLedger (CloseSheet)', 'Not reconciled': 'CardAuth; Settlement',
            'To do': ''
        });
        expect(payment.Controls.split('; ')).toEqual([
            'CardAuth: TLS 1.1 (requires 1.2+), auth oauth2, audited, at rest aes256 → aes256',
            'Settlement: TLS not modelled (requires 1.2+), auth not modelled, no audit log, at rest aes256 → not modelled',
            'SheetToLedger: TLS not modelled (requires 1.2+), auth not modelled, no audit log, at rest not modelled → aes256'
        ]);
        expect(payment.Findings).toContain('warning compliance/sox-reconciliation: CardAuth feeds Payment.amount (Financial, SOX) into Gateway (finance) without reconciliation');
        expect(journal).toMatchObject({ 'System of record': 'Ledger', 'General ledger': 'Ledger', 'Path to the ledger': 'none needed: the system of record is the general ledger', 'To do': '' });
    });

    it('a model without a ledger says so in the summary and in each record, never a blank', async () => {
        const file = join(root, 'no-ledger.integ');
        writeFileSync(file, 'entity Payment { master Shop  field amount: Financial }\nsystem Shop { kind custom  stores Payment }\n');
        const { stdout } = await runCliIn(root, 'evidence', 'sox-lineage', file);
        expect(stdout).toContain('**General ledger:** none recognised in the model (see the to-dos)\n');
        expect(stdout).toContain('**General ledger:** not reached\n');
        expect(stdout).toContain('- no general ledger in the model: make it the master of a journal-entry entity, or name it "General ledger" with kind finance or erp\n');
        const rows = parse((await runCliIn(root, 'evidence', 'sox-lineage', file, '--format', 'csv')).stdout, { columns: true }) as Array<Record<string, string>>;
        expect(rows[0]['General ledger']).toBe('not reached');
    });
});

describe('every evidence document in every format', () => {
    it('escapes model strings in HTML and Markdown and keeps CSV cells from turning into formulas', async () => {
        const file = join(root, 'hostile.integ');
        writeFileSync(file, `entity Payment "<script>alert(1)</script>" { master Shop  field pan: PCI  field amount: Financial }
system Shop "=HYPERLINK(\\"http://evil\\") <b>shop</b>" { kind custom  owner "[x](http://evil)"  stores Payment }
`);
        const html = await runCliIn(root, 'evidence', 'sox-lineage', file, '--format', 'html');
        expectSelfContained(html.stdout);
        expect(html.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        const pci = await runCliIn(root, 'evidence', 'pci-dataflow', file, '--format', 'html');
        expectSelfContained(pci.stdout);
        expect(pci.stdout).not.toContain('<b>shop</b>');
        const md = await runCliIn(root, 'evidence', 'pci-dataflow', file);
        expect(md.stdout).toContain('owner \\[x\\](http:\\/\\/evil)');
        const csv = parse((await runCliIn(root, 'evidence', 'pci-dataflow', file, '--format', 'csv')).stdout, { columns: true }) as Array<Record<string, string>>;
        expect(csv[0].Title.startsWith("'=HYPERLINK")).toBe(true);
    });

    it('samples/acme: each kind compiles in md, csv and html, one CSV row per record of the document', async () => {
        for (const kind of ['gdpr-ropa', 'pci-dataflow', 'sox-lineage', 'hipaa-phi']) {
            const md = await runCliIn(process.cwd(), 'evidence', kind, 'samples/acme');
            expect(md.code, kind).toBe(0);
            const sections = md.stdout.split('\n').filter(line => line.startsWith('## ')).length;
            const rows = await csvRows(kind, 'samples/acme');
            expect(rows.length, kind).toBe(sections);
            expect(rows.length, kind).toBeGreaterThan(0);
            const html = await runCliIn(process.cwd(), 'evidence', kind, 'samples/acme', '--format', 'html');
            expect(html.code, kind).toBe(0);
            expectSelfContained(html.stdout);
            expect(html.stdout.match(/<section class="record">/g)?.length, kind).toBe(rows.length);
        }
    }, 60_000);
});
