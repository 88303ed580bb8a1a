import { escapeXml } from '../render/escape-xml.js';
import type { EstateDiff } from './estate-diff.js';
import { declarationLine, findingLine, impactRows, propertyLine, summaryLine } from './diff-wording.js';

const name = (text: string) => `<code>${escapeXml(text)}</code>`;

const DIFF_CSS = [
    'body { font: 13px system-ui, sans-serif; color: #1f2328; background: #ffffff; margin: 16px; } h1 { font-size: 18px; margin: 0 0 8px; }',
    'table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; } th { background: #f6f8fa; }',
    'td.num { text-align: right; font-variant-numeric: tabular-nums; }',
    '.added { color: var(--vscode-testing-iconPassed, #2f9e44); } .removed { color: var(--vscode-errorForeground, #c92a2a); }',
    '.renamed, .changed { color: var(--vscode-editorWarning-foreground, #b08800); }',
    'li.error { color: var(--vscode-errorForeground, #c92a2a); } li.warning { color: var(--vscode-editorWarning-foreground, #b08800); }',
    'summary { font-weight: 600; margin: 12px 0 4px; cursor: pointer; }'
].join('\n');

/** A self-contained page to attach to a change request: inline CSS, no scripts, every list complete. */
export function diffHtml(diff: EstateDiff): string {
    const title = `Estate diff ${diff.base} → ${diff.head}`;
    const out = [
        '<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
        `<title>${escapeXml(title)}</title>`, `<style>${DIFF_CSS}</style>`, '</head><body>',
        `<h1>${escapeXml(title)}</h1>`, `<p class="summary">${escapeXml(summaryLine(diff))}</p>`
    ];
    const rows = impactRows(diff.impact);
    if (rows.length > 0) {
        out.push('<table class="impact"><thead><tr><th>Impact</th><th>Before</th><th>After</th><th>Change</th></tr></thead><tbody>');
        for (const row of rows) {
            out.push(`<tr><td>${escapeXml(row.label)}</td>${[row.before, row.after, row.change].map(cell => `<td class="num">${escapeXml(cell)}</td>`).join('')}</tr>`);
        }
        out.push('</tbody></table>');
    }
    const section = (heading: string, open: boolean, items: Array<{ html: string; className: string }>) => {
        if (items.length === 0) return;
        out.push(`<details${open ? ' open' : ''}><summary>${escapeXml(heading)} (${items.length})</summary><ul>`);
        for (const item of items) out.push(`<li class="${item.className}">${item.html}</li>`);
        out.push('</ul></details>');
    };
    section('Findings introduced', true, diff.findings.introduced.map(finding => ({ html: findingLine(finding, name, escapeXml), className: finding.severity })));
    section('Findings resolved', false, diff.findings.resolved.map(finding => ({
        html: findingLine(finding, name, escapeXml) + (finding.waived ? ` — waived: ${escapeXml(finding.waived.reason)}` : ''), className: 'resolved'
    })));
    section('Findings at another severity', false, diff.findings.severityChanged.map(finding => ({ html: findingLine(finding, name, escapeXml), className: finding.severity })));
    section('Declarations', true, diff.declarations.map(change => ({
        html: `<span class="${change.change}">${declarationLine(change, name)}</span>`
            + (change.change === 'changed' ? `<ul>${change.properties.map(property => `<li>${propertyLine(property, name, escapeXml)}</li>`).join('')}</ul>` : ''),
        className: change.kind
    })));
    section('Policy', false, diff.policy.map(property => ({ html: propertyLine(property, name, escapeXml), className: 'policy' })));
    out.push('</body></html>', '');
    return out.join('\n');
}
