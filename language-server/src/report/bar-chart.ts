import { escapeXml } from '../render/escape-xml.js';
import { chartSvg, CHAR_WIDTH, fitLabel, px } from './chart-kit.js';

export interface Bar {
    label: string;
    value: number;
    /** What is written after the bar (`45 h/week`, `2 of 5 · 40 %`). */
    text: string;
}

export interface BarChartOptions {
    /** The chart's accessible name. */
    label: string;
    width?: number;
    /** The value of a full-width bar; the largest value when not given (a share is out of 100). */
    scaleMax?: number;
    /** Shown instead of an empty chart. */
    empty: string;
}

const ROW = 22;
const BAR = 14;
const LABEL_WIDTH = 120;
const GAP = 6;

/**
 * Horizontal bars, one per row, labelled on the left and valued on the right: long model names
 * read across, and the rows stack in as many lines as there are items. Every bar carries its label
 * and value as data attributes (what the tests read, and the SVG's own text alternative).
 */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
    const width = options.width ?? 340;
    if (bars.length === 0) return chartSvg('bars', width, ROW, options.label, [`<text class="muted" x="0" y="15">${escapeXml(options.empty)}</text>`]);
    const textWidth = Math.min(110, Math.max(...bars.map(b => b.text.length)) * CHAR_WIDTH + GAP);
    const track = Math.max(40, width - LABEL_WIDTH - GAP - textWidth);
    const max = options.scaleMax ?? Math.max(...bars.map(b => b.value));
    const body: string[] = [];
    bars.forEach((bar, i) => {
        const y = i * ROW;
        const length = max > 0 ? Math.max(0, Math.min(1, bar.value / max)) * track : 0;
        const x = LABEL_WIDTH + GAP;
        const label = escapeXml(bar.label);
        body.push(`<g class="row"><title>${label}: ${escapeXml(bar.text)}</title>`);
        body.push(`<text x="${LABEL_WIDTH}" y="${y + 15}" text-anchor="end">${escapeXml(fitLabel(bar.label, LABEL_WIDTH))}</text>`);
        body.push(`<rect class="bar-track" x="${x}" y="${y + (ROW - BAR) / 2}" width="${px(track)}" height="${BAR}"/>`);
        body.push(`<rect class="bar" x="${x}" y="${y + (ROW - BAR) / 2}" width="${px(length)}" height="${BAR}" data-label="${label}" data-value="${bar.value}"/>`);
        body.push(`<text class="muted" x="${px(x + track + GAP)}" y="${y + 15}">${escapeXml(bar.text)}</text></g>`);
    });
    return chartSvg('bars', width, bars.length * ROW, options.label, body);
}
