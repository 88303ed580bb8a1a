import type { RoadmapImpact } from '../analysis/roadmap-impact.js';
import type { RoadmapSchedule } from '../analysis/roadmap-schedule.js';
import { escapeXml } from '../render/escape-xml.js';
import { GANTT_CSS, renderGanttSvg } from './gantt-svg.js';
import {
    costText, departmentsText, hoursText, inFlightText, monthsText, parallelRunText, retrospectiveText, totalsRows
} from './roadmap-text.js';

/** Page and table styles; colours come from VS Code theme variables with light defaults. */
export const ROADMAP_CSS = [
    'body { font: 13px var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-editor-foreground, #1f2328); background: var(--vscode-editor-background, #ffffff); margin: 16px; }',
    'h1 { font-size: 18px; margin: 0 0 8px; } h2 { font-size: 15px; margin: 20px 0 8px; }',
    '.roadmap-layout { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }',
    '.roadmap-layout > div { min-width: 0; max-width: 100%; }',
    '.gantt-box { overflow-x: auto; max-width: 100%; }',
    // A preview beside the editor is narrow: the chart scales down to fit, wide tables scroll.
    '.gantt-box svg.gantt { max-width: 100%; height: auto; }',
    'table.impact, table.roi { display: block; overflow-x: auto; max-width: 100%; }',
    'table { border-collapse: collapse; }',
    'th, td { border: 1px solid var(--vscode-editorWidget-border, #d0d7de); padding: 4px 8px; text-align: left; vertical-align: top; }',
    'th { background: var(--vscode-editorWidget-background, #f6f8fa); }',
    'td.num { text-align: right; font-variant-numeric: tabular-nums; }',
    '.meets { color: var(--vscode-testing-iconPassed, #2f9e44); } .misses { color: var(--vscode-errorForeground, #c92a2a); }',
    '.problems li { color: var(--vscode-errorForeground, #c92a2a); }',
    '.note { opacity: 0.8; }',
    'tr[data-initiative] { cursor: pointer; }',
    'tr[data-initiative]:hover { background: var(--vscode-list-hoverBackground, #f1f3f5); }',
    GANTT_CSS
].join('\n');

function cell(text: string, className?: string): string {
    return `<td${className ? ` class="${className}"` : ''}>${escapeXml(text)}</td>`;
}

function verdict(meets: boolean | undefined): string {
    if (meets === undefined) return cell('—');
    return cell(meets ? 'meets' : 'misses', meets ? 'meets' : 'misses');
}

/**
 * The roadmap's body: Gantt, impact per initiative, totals, ROI against the article. Used inside
 * the preview webview and in the exported page; every model string is escaped here.
 */
export function roadmapFragment(schedule: RoadmapSchedule, impact: RoadmapImpact): string {
    const out: string[] = [];
    const titles = schedule.roadmaps.map(r => r.title).join(' · ') || 'Roadmap';
    out.push(`<h1>${escapeXml(titles)}</h1>`);
    if (schedule.initiatives.length === 0) {
        out.push('<p class="note">No initiative has months on a roadmap with a <code>start</code> yet.</p>');
    } else {
        out.push(`<div class="gantt-box">${renderGanttSvg(schedule)}</div>`);
    }
    const over = schedule.months.filter(m => m.overLimit);
    // One array literal, not push(...list): 150,000 unscheduled initiatives as arguments overflow the stack.
    const problems: string[] = [
        ...over.map(m => `${m.label}: ${m.count} initiatives in flight (${inFlightText(m)}); the WIP limit is ${schedule.wipLimit}`),
        ...schedule.dependencyProblems.map(p => `${p.initiative} starts ${p.starts}, before ${p.dependsOn} ends (${p.dependencyEnds})`),
        ...schedule.unscheduled.map(u => `${u.name} is not on the calendar: ${u.reason}`)
    ];
    if (problems.length) out.push(`<ul class="problems">${problems.map(p => `<li>${escapeXml(p)}</li>`).join('')}</ul>`);
    if (schedule.initiatives.length && schedule.todayIndex === undefined) {
        out.push(`<p class="note">${escapeXml(`Today (${schedule.today}) is outside the roadmap's months.`)}</p>`);
    }

    out.push('<div class="roadmap-layout"><div>');
    out.push('<h2>Impact per initiative</h2>');
    out.push('<table class="impact"><thead><tr><th>#</th><th>Initiative</th><th>Months</th><th>Gaps closed</th><th>h/week saved</th><th>Compliance</th><th>Departments and champions</th><th>Parallel run</th><th>Retrospective</th><th>Cost</th></tr></thead><tbody>');
    for (const i of impact.initiatives) {
        const gaps = i.closes.length ? `${i.closes.length}: ${[...new Set(i.closes.map(g => g.ruleId))].join(', ')}` : '0';
        out.push(`<tr data-initiative="${escapeXml(i.name)}">${cell(i.priority === undefined ? '—' : String(i.priority))}${cell(`${i.title} (${i.name})`)}${cell(monthsText(i))}${cell(gaps)}${cell(hoursText(i), 'num')}${cell(i.broughtIntoCompliance.length ? `${i.broughtIntoCompliance.length} regulated flows` : '—')}${cell(departmentsText(i))}${cell(parallelRunText(i))}${cell(retrospectiveText(i))}${cell(costText(i))}</tr>`);
    }
    out.push('</tbody></table></div><div>');
    out.push('<h2>Totals</h2><table class="totals"><tbody>');
    for (const [label, value] of totalsRows(impact.totals)) out.push(`<tr><th>${escapeXml(label)}</th>${cell(value)}</tr>`);
    out.push('</tbody></table>');
    out.push('<h2>ROI targets vs the article</h2><table class="roi"><thead><tr><th>Metric</th><th>Article</th><th>Roadmap targets</th><th>Modelled after the roadmap</th><th></th></tr></thead><tbody>');
    for (const row of impact.totals.roi) {
        out.push(`<tr>${cell(row.label)}${cell(row.article)}${cell(row.planned)}${cell(row.modelled ?? '—')}${verdict(row.meets)}</tr>`);
    }
    out.push('</tbody></table></div></div>');
    return out.join('\n');
}

/** A self-contained page: inline CSS and SVG, no scripts, no remote resources (the CSP says so too). */
export function roadmapHtmlPage(schedule: RoadmapSchedule, impact: RoadmapImpact): string {
    const title = schedule.roadmaps.map(r => r.title).join(' · ') || 'Roadmap';
    return [
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeXml(title)}</title>`,
        `<style>${ROADMAP_CSS}</style>`,
        '</head><body>',
        roadmapFragment(schedule, impact),
        `<p class="note">Generated by Integration Architect for ${escapeXml(schedule.today)}.</p>`,
        '</body></html>',
        ''
    ].join('\n');
}
