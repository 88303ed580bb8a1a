import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, SYSTEMS, integ, tempFolder, writeFiles } from './diff-fixture.js';

/**
 * Two folders side by side in one working folder: `before` is the estate, `after` changes one of
 * each kind of declaration, a policy setting, and waives a finding.
 */
/** Not monitored: gap/fragile, a warning before and an error after. */
const UNWATCHED = 'flow Sync "Sync" : Erp -> Crm { carries Customer.name  style api  auth oauth2  tls 1.2  audit  owner "Ben" }\n';
const BEFORE = {
    'people.integ': PEOPLE + 'policy { rule "gap/fragile" warning }\n',
    'systems.integ': SYSTEMS + UNWATCHED + 'process OrderToCash "Order to cash" { rank 1  owner "Ana"  steps CustomerFeed }\n'
};
const AFTER = {
    'people.integ': PEOPLE.replace('"Ana", "Ben"', '"Ana", "Cy"') + 'policy { rule "gap/fragile" error }\n'
        + 'accept "gap/no-integration" on Rekey "Keying stops with the ERP upgrade" { ticket "OPS-7" }\n',
    'systems.integ': SYSTEMS
        .replace('field email: PII }', 'field email: PII  field phone: PII }')
        .replace('owner "Ben"  hosting saas', 'owner "Cy"  hosting cloud')
        + UNWATCHED + 'process OrderToCash "Order to cash" { rank 1  owner "Ana"  steps CustomerFeed, Rekey }\n'
};

let cwd: string;

beforeAll(async () => {
    cwd = await tempFolder('folders');
    await writeFiles(path.join(cwd, 'before'), BEFORE);
    await writeFiles(path.join(cwd, 'after'), AFTER);
});

afterAll(async () => {
    await fs.rm(cwd, { recursive: true, force: true });
});

describe('integ diff between folders', () => {
    it('lists each changed property old → new, per kind of declaration', async () => {
        const result = await integ(cwd, 'diff', 'before', 'after');
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const declarations = result.stdout.slice(result.stdout.indexOf('\nDeclarations\n'), result.stdout.indexOf('\nPolicy\n'));
        expect(declarations).toBe([
            '',
            'Declarations',
            '  changed system Erp (ERP)',
            '      owner: Ben → Cy',
            '      hosting: saas → cloud',
            '  changed entity Customer',
            '      field phone: not set → PII',
            '  changed process OrderToCash (Order to cash)',
            '      steps: CustomerFeed → CustomerFeed, Rekey',
            '  changed department Ops',
            '      champions: Ana, Ben → Ana, Cy',
            ''
        ].join('\n'));
    });

    it('shows policy settings, findings at another severity and findings resolved by a waiver', async () => {
        const { stdout } = await integ(cwd, 'diff', 'before', 'after');
        expect(stdout).toContain('\nPolicy\n  rule "gap/fragile": warning → error\n');
        expect(stdout).toContain('\nFindings at another severity\n  warning → error gap/fragile on flow Sync: Sync is not monitored');
        expect(stdout).toContain('warning gap/no-integration on flow Rekey (style): Manual re-entry from Crm to Erp costs 10 h/week [waived: Keying stops with the ERP upgrade]');
    });

    it('counts a finding raised to an error as a new error for --fail-on', async () => {
        const json = JSON.parse((await integ(cwd, 'diff', 'before', 'after', '--format', 'json')).stdout);
        expect(json.summary.introduced.error).toBe(0);
        expect(json.summary.newErrors).toBeGreaterThan(0);
        expect((await integ(cwd, 'diff', 'before', 'after', '--fail-on', 'new-errors')).code).toBe(1);
        expect((await integ(cwd, 'diff', 'before', 'before', '--fail-on', 'new-warnings')).code).toBe(0);
    });

    it('gates new warnings separately from new errors', async () => {
        await writeFiles(cwd, { 'warn/systems.integ': BEFORE['systems.integ'] + 'flow Notes "Notes" : Crm -> Erp { carries Customer.name  style api  auth oauth2  tls 1.2  audit  owner "Ana" }\n', 'warn/people.integ': BEFORE['people.integ'] });
        const json = JSON.parse((await integ(cwd, 'diff', 'before', 'warn', '--format', 'json')).stdout);
        expect(json.summary.introduced).toMatchObject({ error: 0 });
        expect(json.summary.introduced.warning).toBeGreaterThan(0);
        expect((await integ(cwd, 'diff', 'before', 'warn', '--fail-on', 'new-errors')).code).toBe(0);
        expect((await integ(cwd, 'diff', 'before', 'warn', '--fail-on', 'new-warnings')).code).toBe(1);
    });
});

describe('integ diff --format md', () => {
    it('starts with the summary line and puts each section in a collapsible block', async () => {
        const { stdout } = await integ(cwd, 'diff', 'before', 'after', '--format', 'md');
        const lines = stdout.split('\n');
        expect(lines[0]).toMatch(/^\*\*Estate diff\*\* `before` → `after`: 4 changed, 1 policy setting changed; 1 new error, 0 new warnings, \d+ findings? resolved\.$/);
        expect(lines).toContain('| Impact | Before | After | Change |');
        expect(lines).toContain('| manual hours per week | 10 h | 10 h | no change |');
        expect(lines).toContain('<details open><summary>Declarations (4)</summary>');
        expect(lines).toContain('- changed system `Erp` (`ERP`)');
        expect(lines).toContain('  - hosting: `saas` → `cloud`');
        expect(stdout.match(/<details/g)?.length).toBe(stdout.match(/<\/details>/g)?.length);
    });

    it('cuts a diff too long for a pull-request comment at 60 KB and says how much it left out', async () => {
        const many = Array.from({ length: 1500 }, (_, i) => `system Added${i} "A system with a fairly long title, number ${i}" { kind custom }`).join('\n');
        await writeFiles(cwd, { 'big/systems.integ': many + '\n' + BEFORE['systems.integ'], 'big/people.integ': BEFORE['people.integ'] });
        const { stdout, code } = await integ(cwd, 'diff', 'before', 'big', '--format', 'md');
        expect(code).toBe(0);
        expect(Buffer.byteLength(stdout)).toBeLessThanOrEqual(60 * 1024);
        expect(stdout.split('\n')[0]).toMatch(/^\*\*Estate diff\*\* `before` → `big`: 1500 added;/);
        const note = /_Cut to fit a pull-request comment: (\d+) more entries left out\. Run `integ diff` for the full list\._\n$/.exec(stdout);
        expect(note).not.toBeNull();
        const listed = stdout.split('\n').filter(line => line.startsWith('- ')).length;
        const json = JSON.parse((await integ(cwd, 'diff', 'before', 'big', '--format', 'json')).stdout);
        const total = json.declarations.length + json.findings.introduced.length + json.findings.resolved.length + json.findings.severityChanged.length + json.policy.length;
        expect(listed + Number(note![1])).toBe(total);
        expect(stdout.match(/<details/g)?.length).toBe(stdout.match(/<\/details>/g)?.length);
    });
});

describe('integ diff -o', () => {
    it('writes the file in the format its name says and prints nothing else', async () => {
        const result = await integ(cwd, 'diff', 'before', 'after', '-o', 'out/diff.md');
        expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'integ diff: wrote out/diff.md\n' });
        expect((await fs.readFile(path.join(cwd, 'out/diff.md'), 'utf8')).startsWith('**Estate diff** `before` → `after`:')).toBe(true);
    });

    it('writes a self-contained HTML page for a .html name', async () => {
        const result = await integ(cwd, 'diff', 'before', 'after', '-o', 'out/diff.html');
        expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'integ diff: wrote out/diff.html\n' });
        const html = await fs.readFile(path.join(cwd, 'out/diff.html'), 'utf8');
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
        expect(html).toContain('<p class="summary">4 changed, 1 policy setting changed; 1 new error, 0 new warnings, 2 findings resolved.</p>');
        expect(html).toContain('<details open><summary>Declarations (4)</summary><ul>');
        expect(html).toContain('<li class="system"><span class="changed">changed system <code>Erp</code> (<code>ERP</code>)</span><ul><li>owner: <code>Ben</code> → <code>Cy</code></li>');
        expect(html).not.toContain('<script');
    });

    it('refuses to write over a model file', async () => {
        const result = await integ(cwd, 'diff', 'before', 'after', '-o', 'after/people.integ');
        expect(result.code).toBe(2);
        expect(result.stderr.split('\n')[0]).toBe('integ diff: after/people.integ: refusing to write output over a .integ model file');
        expect(await fs.readFile(path.join(cwd, 'after/people.integ'), 'utf8')).toBe(AFTER['people.integ']);
    });

    it('names a folder without model files', async () => {
        await fs.mkdir(path.join(cwd, 'empty'), { recursive: true });
        const result = await integ(cwd, 'diff', 'before', 'empty');
        expect(result.code).toBe(2);
        expect(result.stderr.split('\n')[0]).toBe('integ diff: empty: no .integ files found');
    });
});

describe('integ diff: text from the model', () => {
    it('cannot inject Markdown or HTML into a comment, nor break a line of text output', async () => {
        const hostile = 'system Crm "CRM </details><img src=x onerror=alert(1)> [link](http://evil)\\n# heading"';
        await writeFiles(cwd, { 'hostile/systems.integ': BEFORE['systems.integ'].replace('system Crm "CRM"', hostile), 'hostile/people.integ': BEFORE['people.integ'] });
        const md = (await integ(cwd, 'diff', 'before', 'hostile', '--format', 'md')).stdout;
        const title = md.split('\n').find(line => line.startsWith('- changed system `Crm`'));
        // Inside a code span: shown as written, the line break as a space.
        expect(title).toBe('- changed system `Crm` (`CRM </details><img src=x onerror=alert(1)> [link](http://evil) # heading`)');
        const lines = md.split('\n');
        // Only the comment's own tags start a line, where an HTML block can start.
        expect(lines.filter(line => /^\s*<\/?details/.test(line)).length).toBe(2 * lines.filter(line => line.startsWith('<details')).length);
        const text = (await integ(cwd, 'diff', 'before', 'hostile')).stdout;
        expect(text).toContain('      title: CRM → CRM </details><img src=x onerror=alert(1)> [link](http://evil)\\x0a# heading\n');
        expect(text).not.toMatch(/^# heading/m);
        const html = (await integ(cwd, 'diff', 'before', 'hostile', '--format', 'html')).stdout;
        expect(html).toContain('<code>CRM &lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;');
        expect(html).not.toContain('<img');
    });
});
