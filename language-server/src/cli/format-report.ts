import type { Inventory } from '../model/inventory.js';
import type { GapTypeRow, RegulationRow } from '../analysis/findings-breakdown.js';
import type { AreaTotals, FindingTotals } from '../analysis/findings-totals.js';
import type { FixFirstRow } from '../analysis/fix-first.js';
import type { RoadmapTotals } from '../analysis/roadmap-impact.js';
import { escapeXml } from '../render/escape-xml.js';
import { escapeMarkdown } from '../render/markdown-escape.js';
import { ROADMAP_CSS } from '../roadmap/roadmap-html.js';
import { totalsRows } from '../roadmap/roadmap-text.js';
import { HEAT_AREAS } from '../analysis/department-figures.js';
import { ARTICLE_COVERAGE_PERCENT } from '../rules/roi-rules.js';
import type { Brief } from '../report/brief.js';
import { BRIEF_CSS, briefHtml } from '../report/brief-html.js';
import { briefMarkdown } from '../report/brief-markdown.js';

export interface Report {
    inventory: Inventory;
    totals: FindingTotals;
    /** The open findings to act on first, each with where it is written (`file:line`). */
    fixFirst: Array<FixFirstRow & { where: string }>;
    gaps: GapTypeRow[];
    regulations: RegulationRow[];
    /** Undefined when the estate has no initiative. */
    roadmap?: RoadmapTotals;
    brief: Brief;
    /** `YYYY-MM-DD` the report is for. */
    today: string;
}

/** A titled table: the one shape both Markdown and HTML render. */
interface Table {
    heading: string;
    columns: string[];
    /** Indexes of right-aligned (numeric) columns. */
    numeric: number[];
    rows: string[][];
    empty: string;
}

function summary(report: Report): string[] {
    const { inventory } = report;
    const estimated = inventory.manualHours.estimatedFlows;
    return [
        `Systems: ${inventory.systems} (${inventory.shadowIt.length} shadow IT)`,
        `Integration coverage: ${inventory.coverage.percent}% (${inventory.coverage.integrated} of ${inventory.coverage.total} systems have at least one live automated flow; the article's average is ${ARTICLE_COVERAGE_PERCENT}%)`,
        `Manual data movement: ${inventory.manualHours.hoursPerWeek} h/week over ${inventory.manualHours.flows} manual flows${estimated ? ` (${estimated} without effort, counted at 15 h/week, the article's 10–20 h midpoint)` : ''}`,
        `Flows: ${inventory.flows.live} live, ${inventory.flows.planned} planned, ${inventory.flows.retired} retired`,
        `Open findings: ${openCounts(report.totals.total)}`
    ];
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function openCounts(totals: AreaTotals): string {
    return `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${plural(totals.infos, 'info')}`
        + (totals.accepted ? ` (${totals.accepted} more accepted by a waiver)` : '');
}

/** How many regulated fields are named before "and N more". */
const NAMED_FIELDS = 3;

function impactText(row: FixFirstRow): string {
    const parts: string[] = [];
    if (row.hoursPerWeek > 0) parts.push(`${row.hoursPerWeek} h/week of manual work${row.hoursEstimated ? ' (estimated)' : ''}`);
    const fields = row.regulatedFields;
    if (fields.length > 0) {
        const named = fields.slice(0, NAMED_FIELDS).join(', ');
        parts.push(`exposes ${plural(fields.length, 'regulated field')} (${named}${fields.length > NAMED_FIELDS ? `, and ${fields.length - NAMED_FIELDS} more` : ''})`);
    }
    return parts.length > 0 ? parts.join('; ') : '—';
}

/** `gap/batch, compliance/unclassified-field ×2`: each rule once, with how often. */
function alsoText(ruleIds: readonly string[]): string {
    const counts = new Map<string, number>();
    for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].map(([id, count]) => (count > 1 ? `${id} ×${count}` : id)).join(', ');
}

function totalsRow(totals: AreaTotals, label: string): string[] {
    return [label, String(totals.errors), String(totals.warnings), String(totals.infos), String(totals.accepted)];
}

function tables(report: Report): Table[] {
    const { inventory } = report;
    const result: Table[] = [
        {
            heading: 'Fix these first', columns: ['#', 'Severity', 'Finding', 'Impact', 'Quick fix', 'Where'], numeric: [0],
            rows: report.fixFirst.map((row, i) => [String(i + 1), row.finding.severity,
                row.finding.message + (row.alsoRules.length > 0 ? `; also ${alsoText(row.alsoRules)} on ${row.finding.element.name}` : ''),
                impactText(row), row.fix ?? '—', row.where]),
            empty: 'No open findings.'
        },
        {
            heading: 'Findings by area', columns: ['Area', 'Errors', 'Warnings', 'Infos', 'Accepted'], numeric: [1, 2, 3, 4],
            rows: report.totals.byArea.length === 0 ? [] : [...report.totals.byArea.map(area => totalsRow(area, area.area)), totalsRow(report.totals.total, 'All areas (each finding once)')],
            empty: 'No findings.'
        },
        { heading: 'Systems by kind', columns: ['Kind', 'Systems'], numeric: [1], rows: inventory.byKind.map(r => [r.kind, String(r.count)]), empty: 'No systems.' },
        { heading: 'Live flows by style', columns: ['Style', 'Flows'], numeric: [1], rows: inventory.flows.byStyle.map(r => [r.style, String(r.count)]), empty: 'No live flows.' },
        {
            heading: 'Shadow IT', columns: ['System', 'Kind', 'Department', 'Owner'], numeric: [],
            rows: inventory.shadowIt.map(s => [`${s.title} (${s.name})`, s.kind ?? '—', s.department ?? '—', s.owner ?? '—']), empty: 'None declared.'
        },
        {
            heading: 'Gaps by type', columns: ['Gap', 'Findings', 'Flows', 'Manual h/week on these flows'], numeric: [1, 2, 3],
            rows: report.gaps.map(g => [g.ruleId, String(g.findings), String(g.flows), `${g.hoursPerWeek}${g.estimatedFlows ? ` (${g.estimatedFlows} estimated)` : ''}`]),
            empty: 'No gap findings.'
        },
        {
            heading: 'Open findings by department', columns: ['Department', ...HEAT_AREAS.map(a => a[0].toUpperCase() + a.slice(1))], numeric: HEAT_AREAS.map((_, i) => i + 1),
            rows: report.brief.departments.map(row => [row.title, ...HEAT_AREAS.map(area => String(row.counts[area]))]),
            empty: 'No departments declared.'
        },
        {
            heading: 'Shadow IT by department', columns: ['Department', 'Systems', 'Shadow IT', 'Share'], numeric: [1, 2, 3],
            rows: report.brief.shadow.map(row => [row.title, String(row.systems), String(row.shadow), `${row.percent}%`]),
            empty: 'No systems.'
        },
        {
            heading: 'Findings by regulation', columns: ['Regulation', 'Errors', 'Warnings', 'Infos', 'Accepted', 'Rules'], numeric: [1, 2, 3, 4],
            rows: report.regulations.map(r => [`${r.title} (${r.regulation})`, String(r.errors), String(r.warnings), String(r.infos), String(r.accepted),
                r.byRule.map(x => `${x.ruleId} ×${x.count}`).join(', ')]),
            empty: 'No findings on regulated data.'
        }
    ];
    if (report.roadmap) {
        result.push({ heading: 'Roadmap totals', columns: ['Figure', 'Value'], numeric: [], rows: totalsRows(report.roadmap), empty: '' });
        result.push({
            heading: 'ROI targets vs the article', columns: ['Metric', 'Article', 'Roadmap targets', 'Modelled after the roadmap', 'Verdict'], numeric: [],
            rows: report.roadmap.roi.map(r => [r.label, r.article, r.planned, r.modelled ?? '—', r.meets === undefined ? '—' : r.meets ? 'meets' : 'misses']),
            empty: ''
        });
    }
    return result;
}

function subtitle(report: Report): string {
    const { inventory } = report;
    return `${plural(inventory.systems, 'system')}, ${plural(inventory.flows.live, 'live flow')}; as of ${report.today}. The detail tables follow the page.`;
}

export function reportMarkdown(report: Report): string {
    const lines: string[] = ['# Integration report', '', ...briefMarkdown(report.brief), '', '## Summary', ''];
    for (const line of summary(report)) lines.push(`- ${escapeMarkdown(line)}`);
    if (!report.roadmap) lines.push('- Roadmap: no initiatives declared');
    for (const table of tables(report)) {
        lines.push('', `## ${table.heading}`, '');
        if (table.rows.length === 0) { lines.push(table.empty); continue; }
        lines.push(`| ${table.columns.join(' | ')} |`);
        lines.push(`|${table.columns.map((_, i) => (table.numeric.includes(i) ? '---:' : '---')).join('|')}|`);
        for (const row of table.rows) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
    }
    return lines.join('\n') + '\n';
}

export function reportJson(report: Report): string {
    return JSON.stringify(report, null, 2) + '\n';
}

/** A self-contained page for the COO's deck: inline CSS, no scripts, no remote resources. */
export function reportHtml(report: Report): string {
    const out: string[] = [
        '<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        '<title>Integration report</title>', `<style>${ROADMAP_CSS}\n${BRIEF_CSS}</style>`, '</head><body>',
        briefHtml(report.brief, subtitle(report)),
        '<details><summary>Summary</summary><ul>'
    ];
    for (const line of summary(report)) out.push(`<li>${escapeXml(line)}</li>`);
    out.push('</ul></details>');
    for (const table of tables(report)) {
        out.push(`<details><summary>${escapeXml(table.heading)}</summary>`);
        if (table.rows.length === 0) { out.push(`<p class="note">${escapeXml(table.empty)}</p></details>`); continue; }
        out.push(`<table><thead><tr>${table.columns.map(c => `<th>${escapeXml(c)}</th>`).join('')}</tr></thead><tbody>`);
        for (const row of table.rows) {
            out.push(`<tr>${row.map((value, i) => `<td${table.numeric.includes(i) ? ' class="num"' : ''}>${escapeXml(value)}</td>`).join('')}</tr>`);
        }
        out.push('</tbody></table></details>');
    }
    out.push('</body></html>', '');
    return out.join('\n');
}
