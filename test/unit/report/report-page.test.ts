import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { readBrief } from './read-brief.js';

/** Titles a hostile or careless model could write, in every place the brief prints a model string. */
const ATTACK = '<img src=x onerror=alert(1)></svg><script>alert(2)</script>"\'&';
const HOSTILE = `
policy { hourly-cost 40 EUR }
department Ops "${ATTACK.replace(/"/g, '\\"')}" { champions "Ana", "Ben" }
entity Part "Part" { master Erp  field code }
system Erp "${ATTACK.replace(/"/g, '\\"')}" { kind erp  department Ops  owner "Ana"  hosting saas  stores Part  encryption aes256  supports sso-saml }
system Sheet "Sheet" { kind spreadsheet  department Ops  owner "Ana"  stores Part }
flow Keyed "${ATTACK.replace(/"/g, '\\"')}" : Sheet -> Erp { carries Part.code  style manual  effort 10 hours per week }
`;

/** No findings, no roadmap, one department: the brief must still read sensibly. */
const QUIET = `
department Ops "Operations" { champions "Ana", "Ben" }
system Erp "ERP" { kind erp  department Ops  owner "Ana"  hosting saas  encryption aes256  supports sso-saml }
`;

let dir: string;

async function report(file: string, format: string): Promise<string> {
    let stdout = '';
    const code = await runCli(['report', file, '--format', format], { stdout: { write: t => (stdout += t) }, stderr: { write: () => true }, cwd: dir });
    expect(code).toBe(0);
    return stdout;
}

beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'integ-page-'));
    await fs.writeFile(path.join(dir, 'hostile.integ'), HOSTILE);
    await fs.writeFile(path.join(dir, 'quiet.integ'), QUIET);
});

afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
});

describe('the HTML report page', () => {
    it('runs no script and loads nothing: the strict CSP, no script element, no event handler', async () => {
        const html = await report('hostile.integ', 'html');
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
        expect(html).not.toMatch(/<script|<img|<iframe|<object/i);
        // An event handler is an attribute of a tag; the same words in escaped text or inside a quoted value are only text.
        expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+=/i);
        expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
    });

    it('prints the hostile titles as text in the cards, the actions and the charts', async () => {
        const html = await report('hostile.integ', 'html');
        const brief = readBrief(html);
        expect(brief.errors).toEqual([]);
        expect(brief.charts.shadow[0].bars[0].label).toBe(ATTACK);
        expect(brief.charts.heat[0].cells[0].row).toBe(ATTACK);
        expect(brief.actions[0]).toMatch(/^flow Keyed — 10 h\/week, 20,800 EUR a year: /);
    });

    it('puts the brief first and every detail table in a collapsible section', async () => {
        const html = await report('hostile.integ', 'html');
        expect(html.indexOf('<section class="brief">')).toBeLessThan(html.indexOf('<details>'));
        for (const heading of ['Fix these first', 'Findings by area', 'Shadow IT', 'Gaps by type', 'Open findings by department', 'Shadow IT by department']) {
            expect(html).toContain(`<details><summary>${heading}</summary>`);
        }
        expect(html.match(/<details>/g)!.length).toBe(html.match(/<\/details>/g)!.length);
    });

    it('has a print style that keeps the brief on its own page', async () => {
        const html = await report('hostile.integ', 'html');
        expect(html).toMatch(/@media print \{[^]*\.brief \{ break-after: page; \}/);
    });

    it('reads sensibly for an estate with no findings, no roadmap and one department', async () => {
        const html = await report('quiet.integ', 'html');
        expect(html).not.toMatch(/NaN|undefined|Infinity/);
        const brief = readBrief(html);
        expect(brief.errors).toEqual([]);
        expect(brief.cards['manual-hours'].comparison).toBe("0 h a year; set the policy's hourly-cost to price it");
        expect(brief.cards.regulated.comparison).toBe('no live flow carries regulated data');
        expect(brief.charts.gaps[0].texts).toEqual(['No gap findings.']);
        expect(brief.charts.shadow[0].texts).toEqual(['No shadow IT in any department.']);
        // No roadmap: no before → after figure rather than an empty one.
        expect(brief.charts.roadmap).toBeUndefined();
        expect(brief.charts.heat[0].cells.map(c => c.row)).toEqual(['Operations', 'Operations', 'Operations', 'Operations']);
    });
});

describe('the Markdown report', () => {
    it('opens with the brief as text, the hostile titles escaped, no HTML', async () => {
        const markdown = await report('hostile.integ', 'md');
        expect(markdown.indexOf('## Brief')).toBeLessThan(markdown.indexOf('## Summary'));
        expect(markdown).toContain('- **10 h** manual work per week: 20,800 EUR a year (520 h)');
        // Every `<` of a title is escaped (`\<`), so none opens a tag.
        expect(markdown).not.toMatch(/(?<!\\)<(?:img|script|svg)/);
        expect(markdown).toContain('\\<img src=x');
    });
});
