import { escapeXml } from '../render/escape-xml.js';
import { chartSvg, CHAR_WIDTH, formatNumber, niceCeiling, px } from './chart-kit.js';

export interface LineSeries {
    name: string;
    /** One value per x label. */
    values: readonly number[];
    unit: string;
}

export interface LineChartData {
    /** The chart's accessible name. */
    label: string;
    /** One per point: `today`, then `YYYY-MM`. */
    x: readonly string[];
    series: LineSeries;
    /** The top of the y axis; the largest value rounded up to a round number when not given. */
    yMax?: number;
    /** A horizontal reference line (the article's 29 %), labelled. */
    reference?: { value: number; label: string };
}

const PAD = { right: 70, top: 16, bottom: 18 };

/**
 * One series as a step line over the months (a figure changes when an initiative ends and holds
 * until the next), a dot and value at each change, the first and last month labelled on the axis.
 */
export function lineChart(data: LineChartData, width = 340, height = 130): string {
    const values = data.series.values;
    let largest = 0;
    for (const v of values) largest = Math.max(largest, v);
    const yMax = data.yMax ?? niceCeiling(largest);
    // Room on the left for the axis's top label, however many digits it has.
    const left = Math.max(20, formatNumber(yMax).length * CHAR_WIDTH + 8);
    const plotW = width - left - PAD.right;
    const plotH = height - PAD.top - PAD.bottom;
    const xOf = (i: number) => left + (values.length > 1 ? i / (values.length - 1) : 0.5) * plotW;
    const yOf = (v: number) => PAD.top + plotH - Math.max(0, Math.min(1, v / yMax)) * plotH;
    const body: string[] = [
        `<line class="axis" x1="${px(left)}" y1="${px(PAD.top + plotH)}" x2="${px(left + plotW)}" y2="${px(PAD.top + plotH)}"/>`,
        `<text class="muted" x="${px(left - 4)}" y="${px(PAD.top + plotH)}" text-anchor="end">0</text>`,
        `<text class="muted" x="${px(left - 4)}" y="${PAD.top + 8}" text-anchor="end">${formatNumber(yMax)}</text>`
    ];
    if (data.reference) {
        const y = yOf(data.reference.value);
        body.push(`<line class="axis" x1="${px(left)}" y1="${px(y)}" x2="${px(left + plotW)}" y2="${px(y)}" stroke-dasharray="2 3"/>`);
        body.push(`<text class="muted reference" x="${px(left + 4)}" y="${px(y - 3)}">${escapeXml(data.reference.label)}</text>`);
    }
    const points: string[] = [];
    values.forEach((v, i) => {
        if (i > 0) points.push(`${px(xOf(i))},${px(yOf(values[i - 1]))}`);
        points.push(`${px(xOf(i))},${px(yOf(v))}`);
    });
    body.push(`<polyline class="series-a" points="${points.join(' ')}" data-series="${escapeXml(data.series.name)}"/>`);
    values.forEach((v, i) => {
        const changed = i === 0 || v !== values[i - 1];
        if (!changed && i !== values.length - 1) return;
        const label = escapeXml(data.x[i]);
        body.push(`<circle class="dot-a" cx="${px(xOf(i))}" cy="${px(yOf(v))}" r="3" data-x="${label}" data-value="${v}"><title>${label}: ${formatNumber(v)} ${escapeXml(data.series.unit)}</title></circle>`);
    });
    const last = values.length - 1;
    if (last >= 0) {
        // Where the line starts and where it ends are the before and after the chart is about.
        body.push(`<text class="start-value" x="${px(xOf(0))}" y="${px(yOf(values[0]) - 6)}">${formatNumber(values[0])}${escapeXml(data.series.unit)}</text>`);
        body.push(`<text class="end-value" x="${px(xOf(last) + 6)}" y="${px(yOf(values[last]) + 4)}">${formatNumber(values[last])}${escapeXml(data.series.unit)}</text>`);
        body.push(`<text class="muted" x="${px(left)}" y="${height - 4}">${escapeXml(data.x[0])}</text>`);
        if (last > 0) body.push(`<text class="muted" x="${px(left + plotW)}" y="${height - 4}" text-anchor="end">${escapeXml(data.x[last])}</text>`);
    }
    return chartSvg('line', width, height, data.label, body);
}
