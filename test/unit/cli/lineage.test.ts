import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliIn } from '../helpers/cli-run.js';

const ACME = 'samples/acme';

describe('integ lineage', () => {
    it('text: the classification, each system with its place and findings, each hop with its controls and findings', async () => {
        const { code, stdout, stderr } = await runCliIn(process.cwd(), 'lineage', 'Customer.contactEmail', ACME);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const lines = stdout.split('\n');
        expect(lines[0]).toBe('Customer.contactEmail: PII (GDPR)');
        expect(lines).toContain('  Salesforce: system of record, stores it · owner Raj Patel · saas · encryption aes256');
        expect(lines).toContain('  DealerNewsletter: 1 hop downstream, stores it, shadow IT · owner Claire Dubois · saas');
        // The manual export comes first: both hops leave the system of record, and the export is named first.
        const export_ = lines.indexOf('  1. NewsletterExport: Salesforce -> DealerNewsletter (manual, monthly)');
        expect(export_).toBeGreaterThan(0);
        expect(lines[export_ + 1]).toBe('     carries contactEmail');
        expect(lines[export_ + 2]).toBe('     TLS not modelled (requires 1.2+) · auth not modelled · no audit log · at rest aes256 → not modelled · point to point');
        expect(lines).toContain('     samples/acme/flows-sales-marketing.integ:26:6 error NewsletterExport moves Customer.contactName (PII, GDPR) and 1 more field '
            + 'from Salesforce to DealerNewsletter without an audit log; PII requires every movement to be logged with timestamp, source, destination and user [security/audit-log]');
        expect(lines).toContain('  2. SupportCustomerSync: Salesforce -> Zendesk (api, every 15 minutes)');
        expect(lines).toContain('     TLS 1.2 (requires 1.2+) · auth oauth2 · audited · at rest aes256 → aes256 · via Workato');
        expect(lines.at(-2)).toMatch(/^6 systems, 2 hops, \d+ findings on them$/);
    });

    it('json: the same lineage, each finding with its file, line and column', async () => {
        const { code, stdout } = await runCliIn(process.cwd(), 'lineage', 'Order.total', ACME, '--format', 'json');
        expect(code).toBe(0);
        const lineage = JSON.parse(stdout);
        expect(lineage).toMatchObject({ entity: 'Order', field: 'total', classifications: [{ name: 'Financial', regulations: ['SOX'] }] });
        const dealer = lineage.hops.find((hop: { flow: string }) => hop.flow === 'DealerOrders');
        expect(dealer).toMatchObject({ from: 'AS400', to: 'Epicor', fields: ['total'], controls: { tls: 'none', requiredTls: 1.2, audit: false } });
        const tls = dealer.findings.find((finding: { ruleId: string }) => finding.ruleId === 'security/tls');
        expect(tls).toMatchObject({ severity: 'error', file: 'samples/acme/flows-sales-marketing.integ' });
        // Where the value is written, found in the file so that an edit above it does not break the test.
        const text = readFileSync(join(ACME, 'flows-sales-marketing.integ'), 'utf8').split('\n');
        const line = text.findIndex((row, index) => row.includes('tls none') && index > text.findIndex(r => r.startsWith('flow DealerOrders')));
        expect([tls.line, tls.column]).toEqual([line + 1, text[line].indexOf('none') + 1]);
        expect(tls.message).not.toMatch(/\(security\/tls\)$/);
    });

    it('md: a systems table and a hops table', async () => {
        const { code, stdout } = await runCliIn(process.cwd(), 'lineage', 'Customer.contactEmail', ACME, '--format', 'md');
        expect(code).toBe(0);
        expect(stdout.startsWith('# Lineage of Customer.contactEmail\n\nClassification: PII (GDPR)\n\n## Systems\n')).toBe(true);
        expect(stdout).toContain('| 2 | SupportCustomerSync | Salesforce → Zendesk | contactEmail | api | TLS 1.2 (requires 1.2+) | oauth2 | yes | aes256 → aes256 | Workato | — |');
    });

    it('exit 2 with the reason and the usage for unknown data, a missing name or a bad format', async () => {
        const unknown = await runCliIn(process.cwd(), 'lineage', 'Customer.nope', ACME);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/^integ lineage: entity Customer has no field 'nope' \(fields: accountName, contactName, contactEmail, .*\)\nusage: integ lineage <Entity\[\.field\]>/);
        const missing = await runCliIn(process.cwd(), 'lineage');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/^integ lineage: name the data to trace/);
        const format = await runCliIn(process.cwd(), 'lineage', 'Customer', ACME, '--format', 'png');
        expect(format.code).toBe(2);
        expect(format.stderr).toMatch(/^integ lineage: --format must be one of text, md, json, svg \(got 'png'\)/);
    });
});
