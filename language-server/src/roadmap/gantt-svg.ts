import type { RoadmapSchedule, ScheduledInitiative } from '../analysis/roadmap-schedule.js';
import { escapeXml } from '../render/escape-xml.js';

/** Geometry of the chart; exported so views can hit-test or size around it. */
export const GANTT_LAYOUT = { labelWidth: 230, monthWidth: 58, rowHeight: 30, headerHeight: 34, footerHeight: 30, barInset: 6, margin: 8 } as const;

/** Bar colours by priority (1 hottest); theme variables override them, the defaults read on light and dark. */
const PRIORITY_DEFAULTS = ['#d9480f', '#e8590c', '#f08c00', '#2f9e44', '#1971c2', '#6741d9'];

export function priorityClass(priority: number | undefined): string {
    return priority === undefined ? 'p-none' : `p${Math.min(Math.max(priority, 1), PRIORITY_DEFAULTS.length)}`;
}

/** CSS for the chart: every colour is a CSS variable with a default, so VS Code themes restyle it. */
export const GANTT_CSS = [
    '.gantt { font: 12px var(--vscode-font-family, system-ui, sans-serif); }',
    '.gantt text { fill: var(--vscode-editor-foreground, #1f2328); }',
    '.gantt .grid { stroke: var(--vscode-editorWidget-border, #d0d7de); stroke-width: 1; }',
    '.gantt .over-limit { fill: var(--integ-over-limit, rgba(224, 49, 49, 0.16)); }',
    '.gantt .over-limit-count { fill: var(--vscode-errorForeground, #c92a2a); font-weight: 600; }',
    '.gantt .today { stroke: var(--vscode-charts-red, #e03131); stroke-width: 2; stroke-dasharray: 4 3; }',
    '.gantt .today-label { fill: var(--vscode-charts-red, #e03131); font-weight: 600; }',
    '.gantt .bar rect { stroke: var(--vscode-editor-foreground, #1f2328); stroke-opacity: 0.25; }',
    '.gantt .bar { cursor: pointer; }',
    '.gantt .bar:hover rect, .gantt .bar:focus rect { stroke-opacity: 1; stroke-width: 2; }',
    '.gantt .bar-label { fill: #ffffff; font-weight: 600; pointer-events: none; }',
    '.gantt .dependency { stroke: var(--vscode-editor-foreground, #1f2328); stroke-opacity: 0.6; fill: none; stroke-width: 1.5; }',
    '.gantt .dependency.late { stroke: var(--vscode-errorForeground, #c92a2a); stroke-opacity: 1; }',
    '.gantt .arrowhead { fill: var(--vscode-editor-foreground, #1f2328); }',
    ...PRIORITY_DEFAULTS.map((colour, i) => `.gantt .p${i + 1} rect { fill: var(--integ-priority-${i + 1}, ${colour}); }`),
    '.gantt .p-none rect { fill: var(--integ-priority-none, #868e96); }'
].join('\n');

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function truncate(text: string, max: number): string {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function barTooltip(initiative: ScheduledInitiative, start: string, end: string): string {
    const priority = initiative.priority === undefined ? '' : `Priority ${initiative.priority}: `;
    return `${priority}${initiative.title} (${initiative.name}), ${start} to ${end}`;
}

/**
 * The schedule as an SVG Gantt chart: one row per initiative, one column per month, months over
 * the WIP limit shaded, today's month marked, dependency arrows (red when the dependent starts
 * before its dependency ends). Every model string is escaped; bars carry `data-initiative` so a
 * view can make them clickable.
 */
export function renderGanttSvg(schedule: RoadmapSchedule): string {
    const L = GANTT_LAYOUT;
    const columns = schedule.months.length;
    const rows = schedule.initiatives.length;
    const width = L.margin * 2 + L.labelWidth + Math.max(columns, 1) * L.monthWidth;
    const chartTop = L.margin + L.headerHeight;
    const chartBottom = chartTop + rows * L.rowHeight;
    const height = chartBottom + L.footerHeight + L.margin;
    const x0 = L.margin + L.labelWidth;
    const monthX = (index: number) => x0 + index * L.monthWidth;
    const rowY = (row: number) => chartTop + row * L.rowHeight;
    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="gantt" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Roadmap Gantt chart">`);
    out.push('<defs><marker id="gantt-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>');

    schedule.months.forEach((month, index) => {
        if (month.overLimit) {
            out.push(`<rect class="over-limit" x="${monthX(index)}" y="${chartTop}" width="${L.monthWidth}" height="${rows * L.rowHeight}"><title>${escapeXml(`${month.label}: ${month.count} initiatives in flight, the WIP limit is ${schedule.wipLimit}`)}</title></rect>`);
        }
        const label = month.month.month === 1 || index === 0 ? `${MONTH_NAMES[month.month.month - 1]} ${month.month.year}` : MONTH_NAMES[month.month.month - 1];
        out.push(`<text class="month" x="${monthX(index) + L.monthWidth / 2}" y="${L.margin + L.headerHeight - 10}" text-anchor="middle">${escapeXml(label)}</text>`);
        out.push(`<line class="grid" x1="${monthX(index)}" y1="${L.margin + L.headerHeight - 4}" x2="${monthX(index)}" y2="${chartBottom}"/>`);
        const count = month.count;
        out.push(`<text class="${month.overLimit ? 'over-limit-count' : 'count'}" x="${monthX(index) + L.monthWidth / 2}" y="${chartBottom + 20}" text-anchor="middle">${count}${month.overLimit ? ` &gt; ${schedule.wipLimit}` : ''}</text>`);
    });
    out.push(`<line class="grid" x1="${monthX(columns)}" y1="${L.margin + L.headerHeight - 4}" x2="${monthX(columns)}" y2="${chartBottom}"/>`);
    out.push(`<line class="grid" x1="${L.margin}" y1="${chartBottom}" x2="${monthX(columns)}" y2="${chartBottom}"/>`);
    out.push(`<text class="count-label" x="${L.margin}" y="${chartBottom + 20}">${escapeXml(`In flight (WIP limit ${schedule.wipLimit})`)}</text>`);

    schedule.initiatives.forEach((initiative, row) => {
        const y = rowY(row);
        const x = monthX(initiative.startIndex);
        const w = (initiative.endIndex - initiative.startIndex + 1) * L.monthWidth;
        const start = schedule.months[initiative.startIndex]?.label ?? '';
        const end = schedule.months[initiative.endIndex]?.label ?? '';
        const label = `${initiative.priority === undefined ? '' : `${initiative.priority}. `}${initiative.title}`;
        out.push(`<text class="row-label" x="${L.margin}" y="${y + L.rowHeight / 2 + 4}">${escapeXml(truncate(label, 34))}</text>`);
        out.push(`<g class="bar ${priorityClass(initiative.priority)}" data-initiative="${escapeXml(initiative.name)}" tabindex="0" role="button">`
            + `<title>${escapeXml(barTooltip(initiative, start, end))}</title>`
            + `<rect x="${x + 1}" y="${y + L.barInset}" width="${w - 2}" height="${L.rowHeight - 2 * L.barInset}" rx="4"/>`
            + `<text class="bar-label" x="${x + 6}" y="${y + L.rowHeight / 2 + 4}">${escapeXml(truncate(initiative.name, Math.max(1, Math.floor(w / 7))))}</text></g>`);
    });

    const rowOf = new Map(schedule.initiatives.map((initiative, row) => [initiative.name, row]));
    const late = new Set(schedule.dependencyProblems.map(p => `${p.initiative}\u0000${p.dependsOn}`));
    for (const initiative of schedule.initiatives) {
        for (const dependency of initiative.dependsOn) {
            const from = rowOf.get(dependency);
            const to = rowOf.get(initiative.name);
            if (from === undefined || to === undefined) continue;
            const other = schedule.initiatives[from];
            const x1 = monthX(other.endIndex + 1) - 2;
            const y1 = rowY(from) + L.rowHeight / 2;
            const x2 = monthX(initiative.startIndex) + 2;
            const y2 = rowY(to) + L.rowHeight / 2;
            const bend = Math.max(x1, x2);
            const isLate = late.has(`${initiative.name}\u0000${dependency}`);
            const path = x2 > x1 + 8
                ? `M${x1},${y1} C${x1 + 20},${y1} ${x2 - 20},${y2} ${x2},${y2}`
                : `M${x1},${y1} L${bend + 8},${y1} L${bend + 8},${(y1 + y2) / 2} L${x2 - 8},${(y1 + y2) / 2} L${x2 - 8},${y2} L${x2},${y2}`;
            out.push(`<path class="dependency${isLate ? ' late' : ''}" d="${path}" marker-end="url(#gantt-arrow)"><title>${escapeXml(`${initiative.name} depends on ${dependency}${isLate ? ' but starts before it ends' : ''}`)}</title></path>`);
        }
    }

    if (schedule.todayIndex !== undefined) {
        const x = monthX(schedule.todayIndex) + L.monthWidth / 2;
        out.push(`<line class="today" x1="${x}" y1="${L.margin + 2}" x2="${x}" y2="${chartBottom}"/>`);
        out.push(`<text class="today-label" x="${x + 4}" y="${L.margin + 10}">${escapeXml(`Today ${schedule.today}`)}</text>`);
    }
    out.push('</svg>');
    return out.join('\n');
}
