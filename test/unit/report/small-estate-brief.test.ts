import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { readBrief, type ShownBrief } from './read-brief.js';

/**
 * Five current systems in two departments, labelled before running:
 * - coverage: only CustomerFeed is automated and live, so Crm and Erp are integrated: 2 of 5 = 40 %,
 *   11 points above the article's 29 %.
 * - manual hours: PartsKeyed 20 h + CustomerMail without effort at the article's 15 h = 35 h/week,
 *   1,820 h a year, at 50 EUR an hour 91,000 EUR a year.
 * - shadow IT: Ops has Erp, Mes and Sheet (a spreadsheet): 1 of 3 = 33.3 %; Finance has Crm and Tool
 *   (a personal tool): 1 of 2 = 50 %.
 * - the roadmap starts 2026-03: AutoParts (months 1–2) replaces PartsKeyed with PartsApi (Mes → Erp,
 *   api), MailOff (months 3–4) replaces CustomerMail. Month by month: today 40 % / 35 h; 2026-03 the
 *   same; 2026-04 Mes joins (3 of 5 = 60 %) and 20 h go (15 h); 2026-05 the same; 2026-06 0 h.
 * - gaps: PartsKeyed (20 h) and CustomerMail (15 h) are no-integration gaps: 35 h on that bar.
 * - CustomerFeed carries PII over TLS 1.0 (security/tls) and CustomerMail moves it without an audit
 *   log (security/audit-log, as `integ check` reports): both regulated flows are out of compliance,
 *   2 of 2, and both errors are charged to Ops, the department of their target Erp, as are the two
 *   no-integration gaps.
 */
const ESTATE = `
policy { hourly-cost 50 EUR  wip-limit 3 }
department Ops "Operations" { champions "Ana", "Ben" }
department Fin "Finance" { champions "Cy", "Di" }
entity Part "Part" { master Erp  field code }
entity Customer "Customer" { master Crm  field name: PII  field email: PII }
system Crm "CRM" { kind crm  department Fin  owner "Cy"  hosting saas  stores Customer  encryption aes256  supports sso-saml }
system Erp "ERP" { kind erp  department Ops  owner "Ana"  hosting saas  stores Part, Customer  encryption aes256  supports sso-saml }
system Mes "MES" { kind erp  department Ops  owner "Ben"  hosting saas  encryption aes256  supports sso-saml }
system Sheet "Parts sheet" { kind spreadsheet  department Ops  owner "Ana"  stores Part }
system Tool "Finance tool" { kind personal-tool  department Fin  owner "Cy" }
flow PartsKeyed "Parts re-keyed" : Sheet -> Erp { carries Part.code  style manual  effort 20 hours per week }
flow CustomerMail "Customers by e-mail" : Crm -> Erp { carries Customer.name  style email }
flow CustomerFeed "Customer feed" : Crm -> Erp { carries Customer.name, Customer.email  style api  auth oauth2  tls 1.0  audit  monitored  owner "Cy" }
flow PartsApi "Parts API" : Mes -> Erp { carries Part.code  style api  auth oauth2  tls 1.2  audit  monitored  owner "Ben"  status planned }
roadmap R "Roadmap" {
  start 2026-03
  initiative AutoParts "Parts by API" { priority 1  months 1 to 2  departments Ops  replaces PartsKeyed  delivers PartsApi }
  initiative MailOff "No more e-mail" { priority 2  months 3 to 4  departments Fin  replaces CustomerMail }
}
`;

let dir: string;
let html: string;
let brief: ShownBrief;
let json: { brief: { headline: { regulatedFlows: { total: number; outOfCompliance: number }; openErrors: { total: number; byArea: Array<{ area: string; errors: number }> } } } };

async function run(...args: string[]): Promise<string> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return stdout;
}

beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'integ-brief-'));
    await fs.writeFile(path.join(dir, 'estate.integ'), ESTATE);
    html = await run('report', '.', '--format', 'html', '--today', '2026-01-15');
    brief = readBrief(html);
    json = JSON.parse(await run('report', '.', '--format', 'json', '--today', '2026-01-15'));
});

afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
});

describe('the brief of a small estate shows the labelled figures', () => {
    it('reads as well-formed markup', () => {
        expect(brief.errors).toEqual([]);
    });

    it('opens with coverage against the article, manual hours and their cost', () => {
        expect(brief.cards.coverage.value).toBe('40 %');
        expect(brief.cards.coverage.comparison).toBe("11 points above the article's 29 % average (2 of 5 systems)");
        expect(brief.cards['manual-hours'].value).toBe('35 h');
        expect(brief.cards['manual-hours'].comparison).toBe('91,000 EUR a year (1,820 h); 1 flow estimated at 15 h');
    });

    it('counts the regulated flows out of compliance and the open errors by area as the analysis does', () => {
        const { regulatedFlows, openErrors } = json.brief.headline;
        expect(regulatedFlows).toEqual({ total: 2, outOfCompliance: 2 });
        expect(brief.cards.regulated.value).toBe('2 of 2');
        expect(brief.cards.errors.value).toBe(String(openErrors.total));
        expect(openErrors.byArea.find(a => a.area === 'security')?.errors).toBe(2);
        expect(brief.cards.errors.comparison).toBe(openErrors.byArea.map(a => `${a.area} ${a.errors}`).join(' · '));
    });

    it('draws the no-integration gap at 35 h/week, the longest bar', () => {
        const [gaps] = brief.charts.gaps;
        const bar = gaps.bars.find(b => b.label === 'no-integration')!;
        expect(bar.value).toBe(35);
        expect(bar.width).toBe(bar.track);
        for (const other of gaps.bars) expect(other.width).toBeCloseTo(other.value / 35 * bar.track, 1);
    });

    it('draws the shadow-IT share per department on a scale of 100 %', () => {
        const [shadow] = brief.charts.shadow;
        expect(shadow.bars.map(b => [b.label, b.value])).toEqual([['Finance', 50], ['Operations', 33.3]]);
        for (const bar of shadow.bars) expect(bar.width).toBeCloseTo(bar.value / 100 * bar.track, 1);
        expect(shadow.texts).toContain('50 % (1 of 2)');
        expect(shadow.texts).toContain('33.3 % (1 of 3)');
    });

    it('charges the findings on flows into Erp to Operations, the department of their target', () => {
        const [heat] = brief.charts.heat;
        const row = (title: string) => Object.fromEntries(heat.cells.filter(c => c.row === title).map(c => [c.column, c.value]));
        expect(row('Operations')).toMatchObject({ gap: 2, security: 2 });
        expect(row('Finance')).toMatchObject({ gap: 0, security: 0 });
        for (const cell of heat.cells) expect(cell.text).toBe(String(cell.value));
    });

    it('steps coverage up and manual hours down in the months the initiatives end', () => {
        const [coverage, hours] = brief.charts.roadmap;
        expect(coverage.label).toBe('Integration coverage month by month');
        // A dot where the figure changes and at the last month.
        expect(coverage.points.map(p => [p.x, p.value])).toEqual([['today', 40], ['2026-04', 60], ['2026-06', 60]]);
        expect(hours.points.map(p => [p.x, p.value])).toEqual([['today', 35], ['2026-04', 15], ['2026-06', 0]]);
        // Higher on the page is more: the 60 % dot sits above the 40 % one.
        expect(coverage.points[1].cy).toBeLessThan(coverage.points[0].cy);
        expect(hours.points[2].cy).toBeGreaterThan(hours.points[0].cy);
    });

    it('names five actions at most, the 20 h/week re-keying first with its saving in euros', () => {
        expect(brief.actions.length).toBeGreaterThan(0);
        expect(brief.actions.length).toBeLessThanOrEqual(5);
        expect(brief.actions[0]).toMatch(/^flow PartsKeyed — 20 h\/week, 52,000 EUR a year: /);
    });

    it('gives the Markdown report the same figures and actions as text', async () => {
        const markdown = await run('report', '.', '--format', 'md', '--today', '2026-01-15');
        expect(markdown).toContain("- **40 %** integration coverage: 11 points above the article's 29 % average (2 of 5 systems)");
        expect(markdown).toContain('- **35 h** manual work per week: 91,000 EUR a year (1,820 h); 1 flow estimated at 15 h');
        expect(markdown).toMatch(/\n1\. \*\*flow PartsKeyed\*\* — 20 h\/week, 52,000 EUR a year: /);
        expect(markdown).not.toContain('<svg');
    });
});
