import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../helpers/cli-run.js';

// An EU web shop sends its customers' e-mail addresses to a CRM hosted in the United States.
const MODEL = `department Sales
department Support
entity Customer "Customer account" { master Shop  field email: PII  field segment: Internal }
system Shop "Web shop" { kind custom  department Sales  region de  owner "Eva"  stores Customer  encryption aes256 }
system Crm "US-hosted CRM" { kind crm  department Support  region us  processor "CRM Inc."  agreements dpa  owner "Ana"  stores Customer  encryption aes256 }
system Sheet { kind spreadsheet  department Sales  stores Customer }
flow ShopToCrm : Shop -> Crm { carries Customer.email  style api  auth oauth2  tls 1.2  audit  purpose "Answer customers' questions" }
flow Export : Shop -> Sheet { carries Customer.email  style manual }
process CustomerSupport "Customer support" { steps ShopToCrm }
`;

let root: string;
beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'integ-evidence-')); });
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

/** Writes the model as `<name>.integ` under the test's folder and returns its path. */
function fileWith(name: string, text: string): string {
    const file = join(root, `${name}.integ`);
    writeFileSync(file, text);
    return file;
}

async function csvRows(file: string): Promise<Array<Record<string, string>>> {
    const { code, stdout } = await runCliIn(root, 'evidence', 'gdpr-ropa', file, '--format', 'csv');
    expect(code).toBe(0);
    return parse(stdout, { columns: true });
}

describe('integ evidence gdpr-ropa', () => {
    it('CSV: one row per process moving personal data, then per entity no process covers, each column from the model', async () => {
        const rows = await csvRows(fileWith('no-scc', MODEL));
        expect(rows.map(row => [row.Activity, row.Process])).toEqual([['Customer support', 'CustomerSupport'], ['Customer account', '']]);
        const [support, entity] = rows;
        expect(support.Purposes).toBe("Answer customers' questions");
        expect(support['Data subjects']).toBe('Customer account');
        expect(support['Personal data']).toBe('Customer.email (PII)');
        expect(support.Systems).toBe('Shop (owner Eva, Sales, region de); Crm (owner Ana, Support, region us, run by CRM Inc.)');
        expect(support.Recipients).toBe('Support (Crm); CRM Inc., processor of Crm (DPA)');
        expect(support['Transfers to third countries']).toBe('ShopToCrm: Shop → Crm (us), no safeguard');
        expect(support.Retention).toBe('PII: not modelled');
        expect(support['Technical measures']).toBe('Shop: encryption at rest aes256; Crm: encryption at rest aes256; ShopToCrm: TLS 1.2, auth oauth2, audited');
        expect(support['To do'].split('; ')).toEqual([
            'ShopToCrm sends personal data to us without a safeguard (compliance/cross-border-transfer)',
            'no retention period for PII: write requires retention … on the classification'
        ]);
        // The export to a spreadsheet is in no process: a record for the entity, with what is missing listed, not left blank.
        expect(entity.Purposes).toBe('not modelled');
        expect(entity.Systems).toBe('Shop (owner Eva, Sales, region de); Crm (owner Ana, Support, region us, run by CRM Inc.); Sheet (no owner, Sales, region unknown)');
        expect(entity['To do'].split('; ')).toEqual(expect.arrayContaining([
            'no purpose: write purpose "…" on the flows that move it, or model the process',
            'region of Sheet unknown: transfers to or from it cannot be judged',
            'Sheet has no owner'
        ]));
        expect(entity['Transfers to third countries']).toBe('');
        expect(entity['Technical measures']).toContain('Export: TLS not modelled, auth not modelled, no audit log');
    });

    it('with `transfer scc` the transfer names its safeguard and is no longer a to-do', async () => {
        const rows = await csvRows(fileWith('scc', MODEL.replace('audit  purpose', 'audit  transfer scc  purpose')));
        expect(rows[0]['Transfers to third countries']).toBe('ShopToCrm: Shop → Crm (us), safeguard scc');
        expect(rows[0]['To do']).toBe('no retention period for PII: write requires retention … on the classification');
    });

    it('Markdown: one section per activity, every heading present even when the model says nothing', async () => {
        const { code, stdout } = await runCliIn(root, 'evidence', 'gdpr-ropa', fileWith('md', MODEL.replace('  purpose "Answer customers\' questions"', '')));
        expect(code).toBe(0);
        expect(stdout).toMatch(/^# Record of processing activities \(GDPR Art\. 30\)\n\n.*not legal advice\. Transfers judged against the EU adequacy decisions as of 2025-09-01\.\n/);
        const support = stdout.slice(stdout.indexOf('## Customer support'), stdout.indexOf('## Customer account'));
        expect(support).toContain('**Purposes:** not modelled');
        expect(support).toContain('**Transfers to third countries:**\n\n- ShopToCrm: Shop → Crm (us), no safeguard\n');
        expect(support).toContain('- no purpose: write purpose "…" on process CustomerSupport\n');
    });

    it('-o writes RFC 4180 CSV with CRLF; an unknown document or format is a usage error', async () => {
        const out = join(root, 'ropa.csv');
        expect((await runCliIn(root, 'evidence', 'gdpr-ropa', fileWith('file', MODEL), '--format', 'csv', '-o', out)).code).toBe(0);
        expect(readFileSync(out, 'utf8').startsWith('Activity,Process,Purposes,Data subjects,Personal data,Systems,Recipients,Transfers to third countries,Retention,Technical measures,To do\r\n')).toBe(true);
        const unknown = await runCliIn(root, 'evidence', 'soc2');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/^integ evidence: unknown evidence 'soc2' \(use gdpr-ropa, pci-dataflow, sox-lineage, hipaa-phi\)\nusage: integ evidence gdpr-ropa\|pci-dataflow\|sox-lineage\|hipaa-phi/);
        const format = await runCliIn(root, 'evidence', 'gdpr-ropa', '--format', 'pdf');
        expect(format.code).toBe(2);
        expect(format.stderr).toMatch(/^integ evidence: --format must be one of md, csv, html \(got 'pdf'\)/);
    });

    it('samples/acme: the trade-show leads leave the EEA for HubSpot with no safeguard', async () => {
        const { code, stdout } = await runCliIn(process.cwd(), 'evidence', 'gdpr-ropa', 'samples/acme', '--format', 'csv');
        expect(code).toBe(0);
        const rows: Array<Record<string, string>> = parse(stdout, { columns: true });
        const withTransfer = rows.filter(row => row['Transfers to third countries'].includes('TradeShowLeadImport'));
        expect(withTransfer.length).toBeGreaterThan(0);
        for (const row of withTransfer) expect(row['Transfers to third countries']).toContain('TradeShowLeadImport: TradeShowApp → HubSpot (us), no safeguard');
    });
});
