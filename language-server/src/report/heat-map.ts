import { escapeXml } from '../render/escape-xml.js';
import { chartSvg, fitLabel, px, SMALL_CHAR_WIDTH } from './chart-kit.js';

export interface HeatMapData {
    /** The chart's accessible name. */
    label: string;
    columns: readonly string[];
    /** `key`: what the row stands for (a department's name), as `data-key` on its cells, for a page that links them. */
    rows: ReadonlyArray<{ label: string; values: readonly number[]; key?: string }>;
    empty: string;
}

const LABEL_WIDTH = 104;
const CELL_HEIGHT = 22;
const HEADER = 18;
/** The faintest filled cell: a count of one must still be seen against the page. */
const MIN_OPACITY = 0.18;

/**
 * Rows × columns of counts; the fill's strength is the count against the largest, the count is
 * written in the cell, and an empty cell is left unfilled, so the chart reads in grey scale and
 * without telling hues apart.
 */
export function heatMap(data: HeatMapData, width = 340): string {
    if (data.rows.length === 0) return chartSvg('heat', width, CELL_HEIGHT, data.label, [`<text class="muted" x="0" y="15">${escapeXml(data.empty)}</text>`]);
    const cellWidth = (width - LABEL_WIDTH - 4) / data.columns.length;
    let max = 0;
    for (const row of data.rows) for (const value of row.values) max = Math.max(max, value);
    const body: string[] = [];
    data.columns.forEach((column, c) => {
        body.push(`<text class="muted column-label" x="${px(LABEL_WIDTH + 4 + (c + 0.5) * cellWidth)}" y="12" text-anchor="middle">${escapeXml(fitLabel(column, cellWidth, SMALL_CHAR_WIDTH))}</text>`);
    });
    data.rows.forEach((row, r) => {
        const y = HEADER + r * CELL_HEIGHT;
        const rowLabel = escapeXml(row.label);
        const rowKey = row.key ? ` data-key="${escapeXml(row.key)}"` : '';
        body.push(`<text x="${LABEL_WIDTH}" y="${y + 15}" text-anchor="end"><title>${rowLabel}</title>${escapeXml(fitLabel(row.label, LABEL_WIDTH))}</text>`);
        row.values.forEach((value, c) => {
            const x = LABEL_WIDTH + 4 + c * cellWidth;
            const strength = max > 0 && value > 0 ? MIN_OPACITY + (1 - MIN_OPACITY) * value / max : 0;
            const column = escapeXml(data.columns[c]);
            body.push(`<g><title>${rowLabel} · ${column}: ${value}</title>`);
            body.push(`<rect class="cell${value === 0 ? ' zero' : ''}" x="${px(x)}" y="${y}" width="${px(cellWidth)}" height="${CELL_HEIGHT}"${value > 0 ? ` fill-opacity="${px(strength)}"` : ''} data-row="${rowLabel}"${rowKey} data-column="${column}" data-value="${value}"/>`);
            // On a strong fill the count is written in white; on a faint one in the text colour.
            body.push(`<text class="cell-label${strength > 0.6 ? ' strong' : ''}" x="${px(x + cellWidth / 2)}" y="${y + 15}" text-anchor="middle">${value}</text></g>`);
        });
    });
    return chartSvg('heat', width, HEADER + data.rows.length * CELL_HEIGHT, data.label, body);
}
