import type { Inventory } from '../analysis/inventory.js';

export interface Report {
    inventory: Inventory;
}

function escapeCell(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}

export function reportMarkdown(report: Report): string {
    const { inventory } = report;
    const lines: string[] = [];
    lines.push('# Integration report', '');
    lines.push('## Inventory', '');
    lines.push(`- Systems: **${inventory.systems}** (${inventory.shadowIt.length} shadow IT)`);
    lines.push(`- Integration coverage: **${inventory.coverage.percent}%** (${inventory.coverage.integrated} of ${inventory.coverage.total} systems have at least one live automated flow; the article's average is 29%)`);
    const estimated = inventory.manualHours.estimatedFlows;
    lines.push(`- Manual data movement: **${inventory.manualHours.hoursPerWeek} h/week** over ${inventory.manualHours.flows} manual flows${estimated ? ` (${estimated} without \`effort\`, counted at 15 h/week, the article's 10–20 h midpoint)` : ''}`);
    lines.push(`- Flows: ${inventory.flows.live} live, ${inventory.flows.planned} planned, ${inventory.flows.retired} retired`, '');
    lines.push('### Systems by kind', '', '| Kind | Systems |', '|---|---:|');
    for (const row of inventory.byKind) lines.push(`| ${escapeCell(row.kind)} | ${row.count} |`);
    lines.push('', '### Live flows by style', '', '| Style | Flows |', '|---|---:|');
    for (const row of inventory.flows.byStyle) lines.push(`| ${escapeCell(row.style)} | ${row.count} |`);
    lines.push('', '### Shadow IT', '');
    if (inventory.shadowIt.length === 0) {
        lines.push('None declared.');
    } else {
        lines.push('| System | Kind | Department | Owner |', '|---|---|---|---|');
        for (const s of inventory.shadowIt) {
            lines.push(`| ${escapeCell(s.title)} (\`${s.name}\`) | ${escapeCell(s.kind ?? '—')} | ${escapeCell(s.department ?? '—')} | ${escapeCell(s.owner ?? '—')} |`);
        }
    }
    return lines.join('\n') + '\n';
}

export function reportJson(report: Report): string {
    return JSON.stringify(report, null, 2) + '\n';
}
