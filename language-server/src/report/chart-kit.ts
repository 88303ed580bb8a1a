import { escapeXml } from '../render/escape-xml.js';

/**
 * What every chart of the brief shares. Colours are CSS variables (VS Code's chart palette, with
 * print-safe fallbacks), so a chart follows the editor's theme in the preview and the stylesheet
 * alone decides how it prints; the SVG itself carries no colour.
 */
export const CHART_CSS = [
    ':root { --chart-fg: var(--vscode-editor-foreground, #1f2328); --chart-muted: var(--vscode-descriptionForeground, #59636e);',
    '  --chart-grid: var(--vscode-editorWidget-border, #d0d7de); --chart-a: var(--vscode-charts-blue, #0072b2) }',
    'svg.chart { display: block; max-width: 100%; height: auto; font: 11px var(--vscode-font-family, system-ui, sans-serif); }',
    'svg.chart text { fill: var(--chart-fg); }',
    'svg.chart .muted { fill: var(--chart-muted); }',
    'svg.chart .column-label { font-size: 10px; }',
    'svg.chart .axis { stroke: var(--chart-grid); stroke-width: 1; }',
    'svg.chart .bar { fill: var(--chart-a); }',
    'svg.chart .bar-track { fill: var(--chart-grid); opacity: 0.35; }',
    // One hue whose strength carries the count: readable without telling colours apart.
    'svg.chart .cell { fill: var(--chart-a); stroke: var(--chart-grid); }',
    'svg.chart .cell.zero { fill: none; }',
    'svg.chart .cell-label.strong { fill: #ffffff; font-weight: 600; }',
    'svg.chart .series-a { fill: none; stroke: var(--chart-a); stroke-width: 2; }',
    'svg.chart .dot-a { fill: var(--chart-a); }'
].join('\n');

/** Rough width of a character of the 10 px column headings. */
export const SMALL_CHAR_WIDTH = 5.6;

/** Rough width of a label at the charts' 11 px font: enough to lay out columns without a browser. */
export const CHAR_WIDTH = 6.8;

/** A label cut to `width` pixels with an ellipsis; the chart's table and the SVG `<title>` keep it whole. */
export function fitLabel(text: string, width: number, charWidth = CHAR_WIDTH): string {
    const max = Math.max(1, Math.floor(width / charWidth));
    const chars = [...text];
    return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A number for a label: no trailing `.0`, thousands grouped. */
export function formatNumber(value: number): string {
    return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above `value`: an axis top that reads easily and wastes little height. */
export function niceCeiling(value: number): number {
    if (!(value > 0) || !Number.isFinite(value)) return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    // toPrecision: 3 × 0.1 is 0.30000000000000004, which would print as the axis's label.
    for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value) return Number((step * power).toPrecision(12));
    return 10 * power;
}

/** Coordinates to at most two decimals: shorter SVG, and no `1e-7` an XML reader would misread. */
export function px(value: number): string {
    return String(Math.round(value * 100) / 100);
}

/** The `<svg>` element of a chart: an image with an accessible name and a `<title>` a hover shows. */
export function chartSvg(kind: string, width: number, height: number, label: string, body: string[]): string {
    const name = escapeXml(label);
    return [
        `<svg class="chart ${kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-label="${name}">`,
        `<title>${name}</title>`,
        ...body,
        '</svg>'
    ].join('\n');
}
