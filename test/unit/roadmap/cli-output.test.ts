import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from '../helpers/cli-run.js';
import { ARTICLE_ROADMAP, SMALL_ESTATE } from './fixtures.js';

let dir: string;

beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'integ-roadmap-'));
    await fs.writeFile(path.join(dir, 'estate.integ'), SMALL_ESTATE);
    await fs.writeFile(path.join(dir, 'hostile.integ'), ARTICLE_ROADMAP
        .replace('roadmap Plan "Integration roadmap"', 'roadmap Article "Article: plan; #1 <b>"')
        .replace('"CRM to ERP"', '"section CRM: to ERP; #1 <script>alert(1)</script>"'));
});

afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
    return runCliIn(dir, ...args);
}

/** Checks a Mermaid gantt block line by line; returns the problems and the tasks. */
function validateMermaidGantt(markdown: string): { problems: string[]; tasks: Array<{ title: string; id: string; start: string; end: string }>; sections: string[] } {
    const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
    if (!match) return { problems: ['no ```mermaid block'], tasks: [], sections: [] };
    const lines = match[1].split('\n').map(line => line.trim()).filter(line => line !== '');
    const problems: string[] = [];
    const tasks: Array<{ title: string; id: string; start: string; end: string }> = [];
    const sections: string[] = [];
    const ids = new Set<string>();
    if (lines[0] !== 'gantt') problems.push(`first line is '${lines[0]}', not 'gantt'`);
    let dateFormat: string | undefined;
    let inSection = false;
    for (const line of lines.slice(1)) {
        let m: RegExpExecArray | null;
        if ((m = /^title (.+)$/.exec(line))) {
            if (/[:#;]/.test(m[1])) problems.push(`title has : # or ; — ${line}`);
        } else if ((m = /^dateFormat (\S+)$/.exec(line))) {
            dateFormat = m[1];
        } else if (/^axisFormat \S+$/.test(line)) {
            // allowed
        } else if ((m = /^section ([^:#;]+)$/.exec(line))) {
            sections.push(m[1]);
            inSection = true;
        } else if ((m = /^([^:#;]+?) :([A-Za-z_][A-Za-z0-9_]*), (\d{4}-\d{2}-\d{2}), (\d{4}-\d{2}-\d{2}|\d+[dwMy])$/.exec(line))) {
            if (!inSection) problems.push(`task before any section: ${line}`);
            if (/^(section|title|dateFormat|axisFormat|excludes|todayMarker|click)\b/i.test(m[1])) problems.push(`task title starts with a keyword: ${line}`);
            if (ids.has(m[2])) problems.push(`duplicate id ${m[2]}`);
            ids.add(m[2]);
            if (m[4] <= m[3]) problems.push(`end not after start: ${line}`);
            tasks.push({ title: m[1], id: m[2], start: m[3], end: m[4] });
        } else {
            problems.push(`not gantt syntax: ${line}`);
        }
    }
    if (dateFormat !== 'YYYY-MM-DD') problems.push(`dateFormat is ${dateFormat}`);
    return { problems, tasks, sections };
}

describe('integ roadmap', () => {
    it('prints Markdown with a valid Mermaid gantt block, one task per initiative', async () => {
        const { code, stdout } = await run('roadmap', path.join(dir, 'estate.integ'), '--today', '2027-01-15');
        expect(code).toBe(0);
        const gantt = validateMermaidGantt(stdout);
        expect(gantt.problems).toEqual([]);
        expect(gantt.sections).toEqual(['Plan']);
        // start 2026-11: months 2–4 → Dec 2026 up to (exclusive) Mar 2027; month 5 → Mar 2027.
        expect(gantt.tasks).toEqual([
            { title: '1. Sheet to ERP', id: 'SheetToErp', start: '2026-12-01', end: '2027-03-01' },
            { title: '2. Ledger feed', id: 'LedgerFeed', start: '2027-03-01', end: '2027-04-01' }
        ]);
        expect(stdout).toMatch(/\| 1 \| Sheet to ERP \(`SheetToErp`\) \| 2026-12 – 2027-02 \| \d+ \| 12 \|/);
        expect(stdout).toContain('- Manual hours eliminated: **27 h/week · 1404 h/year');
        expect(stdout).toContain('- Integration coverage: **50% (2 of 4) → 100% (4 of 4)');
    });

    it('keeps hostile titles out of the Mermaid syntax and the Markdown table', async () => {
        const { stdout } = await run('roadmap', path.join(dir, 'hostile.integ'));
        const gantt = validateMermaidGantt(stdout);
        expect(gantt.problems).toEqual([]);
        expect(gantt.tasks).toHaveLength(6);
        expect(gantt.tasks[0].title).toBe('1. section CRM to ERP 1 <script>alert(1)</script>');
        expect(stdout).toContain('**Over the WIP limit of 2:** 2027-03 (3: CrmToErp, ErpToFinance, HrToPayroll); 2027-04');
        const table = stdout.split('\n').filter(line => line.startsWith('| 1 |'));
        expect(table[0]).toContain('\\<script\\>alert(1)\\</script\\>');
    });

    it('writes a self-contained HTML page with one bar per initiative, escaped titles and no scripts', async () => {
        const { code } = await run('roadmap', path.join(dir, 'hostile.integ'), '-o', path.join(dir, 'out', 'r.html'), '--today', '2027-04-02');
        expect(code).toBe(0);
        const html = await fs.readFile(path.join(dir, 'out', 'r.html'), 'utf8');
        expect(html.match(/<g class="bar p\d"/g)).toHaveLength(6);
        expect(html).not.toContain('<script');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
        expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
        expect(html.match(/<rect class="over-limit"/g)).toHaveLength(4);
        expect(html).toContain('Today 2027-04');
    });

    it('refuses other extensions and bad dates with exit 2', async () => {
        expect((await run('roadmap', path.join(dir, 'estate.integ'), '-o', path.join(dir, 'r.pdf'))).code).toBe(2);
        expect((await run('roadmap', path.join(dir, 'estate.integ'), '--today', '2027-13')).code).toBe(2);
    });
});

describe('integ report', () => {
    it('has gaps by type with hours, findings by regulation and roadmap totals in JSON', async () => {
        const { code, stdout } = await run('report', path.join(dir, 'estate.integ'), '--format', 'json');
        expect(code).toBe(0);
        const report = JSON.parse(stdout);
        const noIntegration = report.gaps.find((g: { ruleId: string }) => g.ruleId === 'gap/no-integration');
        // SheetKeying 12 h/week + LedgerMail at the article's 15 h/week.
        expect(noIntegration).toMatchObject({ flows: 2, hoursPerWeek: 27, estimatedFlows: 1 });
        expect(Array.isArray(report.regulations)).toBe(true);
        expect(report.roadmap.hoursPerWeek).toBe(27);
        expect(report.roadmap.coverageAfter.percent).toBe(100);
    });

    it('writes Markdown and HTML with the new sections', async () => {
        const md = await run('report', path.join(dir, 'estate.integ'));
        expect(md.stdout).toContain('## Gaps by type');
        expect(md.stdout).toMatch(/\| gap\/no-integration \| \d+ \| 2 \| 27 \(1 estimated\) \|/);
        expect(md.stdout).toContain('## Findings by regulation');
        expect(md.stdout).toContain('| Manual hours eliminated | 27 h/week · 1404 h/year');
        const target = path.join(dir, 'report.html');
        expect((await run('report', path.join(dir, 'estate.integ'), '--format', 'html', '-o', target)).code).toBe(0);
        const html = await fs.readFile(target, 'utf8');
        expect(html).toContain('<details><summary>Gaps by type</summary>');
        expect(html).toContain('<details><summary>Roadmap totals</summary>');
        expect(html).not.toContain('<script');
    });
});
