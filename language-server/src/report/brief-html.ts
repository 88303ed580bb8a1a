import { escapeXml } from '../render/escape-xml.js';
import { actionLines, headlineCards, type Brief } from './brief.js';
import { briefCharts, type BriefChart } from './brief-charts.js';
import { CHART_CSS } from './chart-kit.js';

/** The brief's layout; with `@media print` it fills one A4 or Letter page (186 × 255 mm inside the margins of both). */
export const BRIEF_CSS = [
    CHART_CSS,
    '.brief h1 { margin-bottom: 2px; } .brief .subtitle { margin: 0 0 12px; opacity: 0.8; }',
    '.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 10px; margin-bottom: 12px; }',
    '.card { border: 1px solid var(--vscode-editorWidget-border, #d0d7de); border-left-width: 4px; border-radius: 4px; padding: 8px 10px; min-width: 0; }',
    '.card.warn { border-left-color: var(--vscode-charts-orange, #d55e00); } .card.ok { border-left-color: var(--vscode-charts-blue, #0072b2); }',
    '.card .big { font-size: 26px; font-weight: 600; line-height: 1.1; font-variant-numeric: tabular-nums; }',
    '.card .caption { font-weight: 600; } .card .vs { font-size: 11px; opacity: 0.85; overflow-wrap: anywhere; }',
    'ol.actions { margin: 0 0 12px; padding-left: 0; list-style-position: inside; }',
    'ol.actions li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }',
    'ol.actions .saving { font-weight: 600; }',
    '.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 10px 16px; }',
    '.charts figure { margin: 0; min-width: 0; } .charts figcaption { font-weight: 600; margin-bottom: 4px; }',
    '.charts .more { font-size: 11px; opacity: 0.8; margin: 2px 0 0; }',
    'details { margin: 6px 0; } details > summary { cursor: pointer; font-size: 15px; font-weight: 600; margin: 12px 0 6px; }',
    '@page { margin: 12mm; }',
    '@media print {',
    // Paper is white whatever the editor's theme: the variables fall back to their print colours.
    '  :root { --vscode-editor-foreground: #000; --vscode-editor-background: #fff; --vscode-descriptionForeground: #444; --vscode-editorWidget-border: #bbb; --vscode-editorWidget-background: #f2f2f2; }',
    '  body { margin: 0; font-size: 11px; }',
    '  .brief { break-after: page; }',
    '  .charts { grid-template-columns: 1fr 1fr; } .cards { grid-template-columns: repeat(4, 1fr); }',
    '  .charts figure, .card, ol.actions li { break-inside: avoid; }',
    '}'
].join('\n');

function figure(chart: BriefChart, rest: string): string {
    const more = chart.more > 0 ? `<p class="more">and ${chart.more} more ${escapeXml(rest)}</p>` : '';
    return `<figure data-chart="${chart.key}"><figcaption>${escapeXml(chart.title)}</figcaption>\n${chart.svg}\n${more}</figure>`;
}

/**
 * The one-page brief: headline figures, the five actions, the charts. Every model string is escaped here or in the charts.
 * `rest`: where the rows a chart leaves out are (the report's tables; elsewhere, the report itself).
 */
export function briefHtml(brief: Brief, subtitle: string, rest = 'in the tables below'): string {
    const out: string[] = ['<section class="brief">', '<h1>Integration brief</h1>', `<p class="subtitle">${escapeXml(subtitle)}</p>`, '<div class="cards">'];
    for (const card of headlineCards(brief.headline)) {
        out.push(`<div class="card ${card.warn ? 'warn' : 'ok'}" data-figure="${card.key}"><div class="big">${escapeXml(card.value)}</div>`
            + `<div class="caption">${escapeXml(card.caption)}</div><div class="vs">${escapeXml(card.comparison)}</div></div>`);
    }
    out.push('</div>', '<h2>Fix these first</h2>');
    const actions = actionLines(brief);
    if (actions.length === 0) out.push('<p class="note">No open findings.</p>');
    else {
        out.push('<ol class="actions">');
        for (const action of actions) {
            const line = `${action.element} — ${action.saving}: ${action.reason}`;
            // The saving before the reason: a long reason is cut at the end of the line, the saving never is.
            out.push(`<li title="${escapeXml(line)}"><b>${escapeXml(action.element)}</b> — <span class="saving">${escapeXml(action.saving)}</span>: <span class="reason">${escapeXml(action.reason)}</span></li>`);
        }
        out.push('</ol>');
    }
    out.push('<div class="charts">', ...briefCharts(brief).map(chart => figure(chart, rest)), '</div>', '</section>');
    return out.join('\n');
}
