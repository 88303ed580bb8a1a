import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../helpers/cli-run.js';

/**
 * Parts have no regulation; Customer names and e-mails are PII (GDPR). Labelled before running:
 * PartsKeyed is manual re-entry at 20 h/week, PartsMail an export by e-mail at 5 h/week;
 * CustomerFeed carries the two PII fields over TLS 1.0 (security/tls, error, fix "Set tls 1.2");
 * PartsFeed has `auth none` on data with no regulation (security/no-auth, error), which a
 * report grouped only by regulation would not show; its least-privilege finding is waived, so it
 * is counted as accepted and named nowhere else.
 */
const ESTATE = `
department Ops "Ops" { champions "Ana", "Ben" }
entity Part "Part" { master Erp  field code  field price }
entity Customer "Customer" { master Crm  field name: PII  field email: PII  field note }
system Crm "CRM" { kind crm  department Ops  owner "Ana"  hosting saas  stores Customer  encryption aes256  supports sso-saml }
system Erp "ERP" { kind erp  department Ops  owner "Ben"  hosting saas  stores Part, Customer  encryption aes256  supports sso-saml }
system Sheet "Parts sheet" { kind spreadsheet  department Ops  owner "Ana"  stores Part }
flow PartsKeyed "Parts re-keyed" : Sheet -> Erp { carries Part.code  style manual  effort 20 hours per week }
flow PartsMail "Prices by e-mail" : Erp -> Sheet { carries Part.price  style email  effort 5 hours per week }
flow CustomerFeed "Customer feed" : Crm -> Erp { carries Customer.name, Customer.email  style api  auth oauth2  tls 1.0  audit  monitored  owner "Ana" }
flow PartsFeed "Parts feed" : Erp -> Crm { carries Part.code  style api  auth none  tls 1.2  monitored  owner "Ben" }
accept "security/least-privilege" on PartsFeed "Crm shows part codes on orders" { ticket "T-1" }
`;

let dir: string;

beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'integ-report-'));
    await fs.writeFile(path.join(dir, 'estate.integ'), ESTATE);
});

afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
    return runCliIn(dir, ...args);
}

interface Check { ruleId: string; severity: string; accepted: boolean; file: string; line: number }

describe('integ report: totals and "Fix these first"', () => {
    it('counts every finding of `integ check` exactly once, by area and severity, unregulated errors included', async () => {
        const checked = JSON.parse((await run('check', '.', '--format', 'json')).stdout) as Check[];
        const report = JSON.parse((await run('report', '.', '--format', 'json')).stdout);
        const rules = checked.filter(c => c.ruleId.includes('/'));
        const count = (severity: string) => rules.filter(c => c.severity === severity && !c.accepted).length;
        expect(report.totals.total).toEqual({ area: 'all', errors: count('error'), warnings: count('warning'), infos: count('info'), accepted: rules.filter(c => c.accepted).length });
        const security = report.totals.byArea.find((row: { area: string }) => row.area === 'security');
        expect(security.errors).toBe(rules.filter(c => c.ruleId.startsWith('security/') && c.severity === 'error' && !c.accepted).length);
        expect(rules.some(c => c.ruleId === 'security/no-auth')).toBe(true);
        for (const column of ['errors', 'warnings', 'infos', 'accepted'] as const) {
            expect(report.totals.byArea.reduce((sum: number, row: Record<string, number>) => sum + row[column], 0)).toBe(report.totals.total[column]);
        }
    });

    it('alternates the largest manual hours and the largest regulated exposure, one row per element, each with its quick fix', async () => {
        const report = JSON.parse((await run('report', '.', '--format', 'json')).stdout);
        const rows = report.fixFirst as Array<{ finding: { ruleId: string; element: { name: string }; severity: string }; hoursPerWeek: number; regulatedFields: string[]; fix?: string; where: string }>;
        expect(rows[0]).toMatchObject({ finding: { ruleId: 'gap/no-integration', element: { name: 'PartsKeyed' } }, hoursPerWeek: 20, where: 'estate.integ:8' });
        expect(rows[1]).toMatchObject({ finding: { ruleId: 'security/tls', element: { name: 'CustomerFeed' } }, regulatedFields: ['Customer.name', 'Customer.email'], fix: 'Set tls 1.2' });
        expect(rows[2]).toMatchObject({ finding: { element: { name: 'PartsMail' } }, hoursPerWeek: 5 });
        const names = rows.map(row => `${row.finding.element.name} ${row.hoursPerWeek > 0 ? 'hours' : row.regulatedFields.length > 0 ? 'exposure' : 'other'}`);
        expect(new Set(names).size).toBe(names.length);
        const noAuth = rows.find(row => row.finding.ruleId === 'security/no-auth');
        expect(noAuth).toMatchObject({ finding: { element: { name: 'PartsFeed' }, severity: 'error' }, regulatedFields: [], alsoRules: [], fix: 'Set auth oauth2' });
        expect(report.totals.total.accepted).toBe(1);
        expect(rows.length).toBeLessThanOrEqual(10);
    });

    it('shows both in Markdown and HTML, before the detail tables', async () => {
        const md = (await run('report', '.')).stdout;
        expect(md.indexOf('## Fix these first')).toBeLessThan(md.indexOf('## Systems by kind'));
        expect(md).toMatch(/^\| 1 \| warning \| Manual re-entry from Sheet to Erp costs 20 h\/week[^|]*\| 20 h\/week of manual work \| — \| estate\.integ:8 \|$/m);
        expect(md).toMatch(/^\| 2 \| error \| [^|]*TLS 1\.0[^|]*\| exposes 2 regulated fields \(Customer\.name, Customer\.email\) \| Set tls 1\.2 \| estate\.integ:10 \|$/m);
        expect(md).toMatch(/^\| All areas \(each finding once\) \| \d+ \| \d+ \| \d+ \| \d+ \|$/m);
        expect(md).toMatch(/^- Open findings: \d+ errors?, \d+ warnings?, \d+ infos?/m);
        const html = (await run('report', '.', '--format', 'html')).stdout;
        expect(html).toContain('<details><summary>Fix these first</summary>');
        expect(html).toContain('<td>Set tls 1.2</td>');
        expect(html).toContain('<details><summary>Findings by area</summary>');
    });
});
