import { HEAT_AREAS, NO_DEPARTMENT } from '../analysis/department-figures.js';
import type { Brief } from './brief.js';
import { barChart } from './bar-chart.js';
import { formatNumber } from './chart-kit.js';
import { heatMap } from './heat-map.js';
import { lineChart } from './line-chart.js';

/** Rows a chart of departments shows; the rest are in the detail tables, and the chart says how many. */
export const CHART_ROWS = 8;

export interface BriefChart {
    key: 'gaps' | 'heat' | 'shadow' | 'roadmap';
    title: string;
    svg: string;
    /** Rows left out of the chart (they are in the tables), to say so under it. */
    more: number;
}

const CHART_WIDTH = 340;

export function gapsChart(brief: Brief): BriefChart {
    // A gap on automated flows costs no manual hours but is still there: its findings say so.
    const bars = brief.gaps.map(g => ({
        label: g.ruleId.replace(/^gap\//, ''), value: g.hoursPerWeek,
        text: g.hoursPerWeek > 0 ? `${formatNumber(g.hoursPerWeek)} h/week` : `0 h (${g.findings} finding${g.findings === 1 ? '' : 's'})`
    }));
    return {
        key: 'gaps', title: 'Gaps by type: manual hours a week on the flows with each gap', more: Math.max(0, bars.length - CHART_ROWS),
        svg: barChart(bars.slice(0, CHART_ROWS), { label: 'Manual hours per week by gap type', width: CHART_WIDTH, empty: 'No gap findings.' })
    };
}

export function heatChart(brief: Brief): BriefChart {
    const total = (counts: Record<string, number>) => HEAT_AREAS.reduce((sum, area) => sum + counts[area], 0);
    // The departments with the most findings, a clean one as a row of zeros; the unassigned row, if shown, stays last.
    const ranked = brief.departments.filter(row => row.department !== NO_DEPARTMENT)
        .sort((a, b) => total(b.counts) - total(a.counts) || a.title.localeCompare(b.title));
    const unassigned = brief.departments.filter(row => row.department === NO_DEPARTMENT);
    const shown = [...ranked.slice(0, CHART_ROWS - unassigned.length), ...unassigned];
    return {
        key: 'heat', title: 'Open findings by department and area', more: ranked.length + unassigned.length - shown.length,
        svg: heatMap({
            label: 'Open findings by department and area', columns: HEAT_AREAS,
            rows: shown.map(row => ({ label: row.title, values: HEAT_AREAS.map(area => row.counts[area]), key: row.department })),
            empty: 'No open gap, security, compliance or roadmap findings.'
        }, CHART_WIDTH)
    };
}

export function shadowChart(brief: Brief): BriefChart {
    const bars = brief.shadow.filter(row => row.shadow > 0)
        .map(row => ({ label: row.title, value: row.percent, text: `${formatNumber(row.percent)} % (${row.shadow} of ${row.systems})` }));
    return {
        key: 'shadow', title: 'Shadow IT: share of each department\'s systems', more: Math.max(0, bars.length - CHART_ROWS),
        svg: barChart(bars.slice(0, CHART_ROWS), { label: 'Share of shadow IT by department', width: CHART_WIDTH, scaleMax: 100, empty: 'No shadow IT in any department.' })
    };
}

/** Coverage and manual hours month by month, one figure of two charts; nothing when no initiative is on a schedule. */
export function trajectoryChart(brief: Brief): BriefChart[] {
    const points = brief.trajectory;
    if (!points || points.length < 2) return [];
    const x = points.map(p => p.label);
    const coverage = lineChart({
        label: 'Integration coverage month by month', x, yMax: 100,
        series: { name: 'coverage', values: points.map(p => p.coveragePercent), unit: ' %' },
        reference: { value: brief.headline.articleCoveragePercent, label: `article ${brief.headline.articleCoveragePercent} %` }
    }, CHART_WIDTH, 100);
    const hours = lineChart({
        label: 'Manual hours per week month by month', x,
        series: { name: 'manual hours', values: points.map(p => p.manualHoursPerWeek), unit: ' h' }
    }, CHART_WIDTH, 100);
    return [{ key: 'roadmap', title: 'Coverage (top) and manual hours a week (bottom), today → end of the roadmap', more: 0, svg: `${coverage}\n${hours}` }];
}

export function briefCharts(brief: Brief): BriefChart[] {
    return [gapsChart(brief), heatChart(brief), shadowChart(brief), ...trajectoryChart(brief)];
}
