import { describe, expect, it } from 'vitest';
import { barChart } from '../../../language-server/src/report/bar-chart.js';
import { niceCeiling } from '../../../language-server/src/report/chart-kit.js';
import { heatMap } from '../../../language-server/src/report/heat-map.js';
import { lineChart } from '../../../language-server/src/report/line-chart.js';
import { readBrief } from './read-brief.js';

/** Parses one chart as XML (strict: an unescaped label fails) and returns its marks. */
function chart(svg: string) {
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    const shown = readBrief(`<section class="brief"><figure data-chart="c">${svg}</figure></section>`);
    expect(shown.errors).toEqual([]);
    return shown.charts.c[0];
}

const HOSTILE = '</text><script>alert(1)</script> & "quoted" \u0001';

describe('bar chart', () => {
    it('draws each bar in proportion to the largest, which fills its track', () => {
        const marks = chart(barChart([{ label: 'a', value: 40, text: '40 h' }, { label: 'b', value: 10, text: '10 h' }, { label: 'c', value: 0, text: '0 h' }], { label: 'hours', empty: '' }));
        expect(marks.bars.map(b => b.value)).toEqual([40, 10, 0]);
        expect(marks.bars[0].width).toBe(marks.bars[0].track);
        expect(marks.bars[1].width).toBeCloseTo(marks.bars[0].track / 4, 1);
        expect(marks.bars[2].width).toBe(0);
    });

    it('measures a share against a fixed 100 and never draws past the track', () => {
        const marks = chart(barChart([{ label: 'a', value: 25, text: '25 %' }, { label: 'b', value: 140, text: '140 %' }], { label: 'share', scaleMax: 100, empty: '' }));
        expect(marks.bars[0].width).toBeCloseTo(marks.bars[0].track / 4, 1);
        expect(marks.bars[1].width).toBe(marks.bars[1].track);
    });

    it('says why it is empty instead of drawing an empty axis', () => {
        const marks = chart(barChart([], { label: 'hours', empty: 'No gap findings.' }));
        expect(marks.bars).toEqual([]);
        expect(marks.texts).toEqual(['No gap findings.']);
    });

    it('keeps a long or hostile label whole in its data and title, escaped, and cuts only what is drawn', () => {
        const label = `${HOSTILE} ${'x'.repeat(60)}`;
        const svg = barChart([{ label, value: 1, text: HOSTILE }], { label: HOSTILE, empty: '' });
        expect(svg).not.toContain('<script>');
        const marks = chart(svg);
        expect(marks.label).toBe('</text><script>alert(1)</script> & "quoted" \\x01');
        expect(marks.bars[0].label).toBe(`${marks.label} ${'x'.repeat(60)}`);
        expect(marks.texts[0].endsWith('…')).toBe(true);
    });
});

describe('heat map', () => {
    const data = {
        label: 'findings', columns: ['gap', 'security'], empty: 'none',
        rows: [{ label: 'Ops', values: [4, 0] }, { label: HOSTILE, values: [1, 2] }]
    };

    it('has one cell per row and column holding its count, written in the cell', () => {
        const marks = chart(heatMap(data));
        expect(marks.cells.map(c => [c.column, c.value, c.text])).toEqual([['gap', 4, '4'], ['security', 0, '0'], ['gap', 1, '1'], ['security', 2, '2']]);
        expect(marks.cells[2].row).toBe('</text><script>alert(1)</script> & "quoted" \\x01');
    });

    it('fills the largest count fully, a count of one faintly, and leaves zero unfilled', () => {
        const cells = chart(heatMap(data)).cells;
        expect(cells.map(c => [c.value, c.opacity])).toEqual([[4, 1], [0, undefined], [1, 0.39], [2, 0.59]]);
    });

    it('says why it is empty when there is no department', () => {
        expect(chart(heatMap({ ...data, rows: [] })).texts).toEqual(['none']);
    });
});

describe('line chart', () => {
    it('puts a dot where the figure changes and at the end, higher for more', () => {
        const marks = chart(lineChart({ label: 'hours', x: ['today', '2026-01', '2026-02', '2026-03'], series: { name: 'h', values: [35, 35, 10, 10], unit: ' h' } }));
        expect(marks.points.map(p => [p.x, p.value])).toEqual([['today', 35], ['2026-02', 10], ['2026-03', 10]]);
        expect(marks.points[1].cy).toBeGreaterThan(marks.points[0].cy);
        // The axis tops out at a round number above the largest value.
        expect(marks.texts).toContain('40');
    });

    it('draws an estate with no manual hours at all without dividing by zero', () => {
        const marks = chart(lineChart({ label: 'hours', x: ['today', '2026-01'], series: { name: 'h', values: [0, 0], unit: ' h' } }));
        expect(marks.points.map(p => p.value)).toEqual([0, 0]);
    });
});

describe('round axis tops', () => {
    it('rounds up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten', () => {
        expect([0, 0.3, 1, 7, 109.8, 2001, 9000].map(niceCeiling)).toEqual([1, 0.3, 1, 8, 120, 2500, 10000]);
    });
});
