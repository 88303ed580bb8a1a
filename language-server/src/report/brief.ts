import type { DepartmentFindingsRow, ShadowShareRow } from '../analysis/department-figures.js';
import type { GapTypeRow } from '../analysis/findings-breakdown.js';
import type { FixFirstRow } from '../analysis/fix-first.js';
import type { HeadlineFigures } from '../analysis/headline-figures.js';
import type { TrajectoryPoint } from '../analysis/roadmap-trajectory.js';
import { formatNumber } from './chart-kit.js';
import { roundToTenth } from '../model/rounding.js';
import { money } from '../roadmap/roadmap-text.js';

/** Everything the one-page brief shows, as figures; the HTML and Markdown briefs only lay it out. */
export interface Brief {
    headline: HeadlineFigures;
    /** "Fix these first", its first BRIEF_ACTIONS rows: the ranking the rest of the product uses. */
    actions: FixFirstRow[];
    gaps: GapTypeRow[];
    departments: DepartmentFindingsRow[];
    shadow: ShadowShareRow[];
    /** Undefined when no initiative is on a schedule. */
    trajectory?: TrajectoryPoint[];
}

/** How many actions the brief names: what fits on the page beside the charts. */
export const BRIEF_ACTIONS = 5;

/** One headline figure: the number as it is printed large, and the line that says what it is read against. */
export interface HeadlineCard {
    key: 'coverage' | 'manual-hours' | 'errors' | 'regulated';
    value: string;
    caption: string;
    comparison: string;
    /** True when the figure is on the wrong side of its comparison. */
    warn: boolean;
}

function plural(count: number, word: string): string {
    return `${formatNumber(count)} ${word}${count === 1 ? '' : 's'}`;
}

export function headlineCards(figures: HeadlineFigures): HeadlineCard[] {
    const { coverage, manualHours, openErrors, regulatedFlows } = figures;
    const gap = roundToTenth(coverage.percent - figures.articleCoveragePercent);
    const estimated = manualHours.estimatedFlows > 0 ? `; ${plural(manualHours.estimatedFlows, 'flow')} estimated at 15 h` : '';
    return [
        {
            key: 'coverage', value: `${formatNumber(coverage.percent)} %`, caption: 'integration coverage',
            comparison: `${gap >= 0 ? `${formatNumber(gap)} points above` : `${formatNumber(-gap)} points below`} the article's ${figures.articleCoveragePercent} % average (${coverage.integrated} of ${coverage.total} systems)`,
            warn: coverage.percent < figures.articleCoveragePercent
        },
        {
            key: 'manual-hours', value: `${formatNumber(manualHours.hoursPerWeek)} h`, caption: 'manual work per week',
            comparison: figures.costPerYear
                ? `${money(figures.costPerYear)} a year (${formatNumber(figures.hoursPerYear)} h)${estimated}`
                : `${formatNumber(figures.hoursPerYear)} h a year; set the policy's hourly-cost to price it${estimated}`,
            warn: manualHours.hoursPerWeek > 0
        },
        {
            key: 'errors', value: formatNumber(openErrors.total), caption: 'open errors',
            comparison: openErrors.byArea.length === 0 ? 'none in any area' : openErrors.byArea.map(a => `${a.area} ${formatNumber(a.errors)}`).join(' · '),
            warn: openErrors.total > 0
        },
        {
            key: 'regulated', value: `${formatNumber(regulatedFlows.outOfCompliance)} of ${formatNumber(regulatedFlows.total)}`, caption: 'regulated flows out of compliance',
            comparison: regulatedFlows.total === 0 ? 'no live flow carries regulated data'
                : 'live flows of regulated data with an open security or compliance finding',
            warn: regulatedFlows.outOfCompliance > 0
        }
    ];
}

/** One action as one line: the element, why, and what fixing it saves. */
export interface ActionLine {
    element: string;
    reason: string;
    saving: string;
}

export function actionLines(brief: Brief): ActionLine[] {
    const hourly = brief.headline.hourlyCost;
    return brief.actions.map(row => {
        const { kind, name } = row.finding.element;
        let saving = '—';
        if (row.hoursPerWeek > 0) {
            const perYear = hourly ? `, ${money({ amount: Math.round(row.hoursPerWeek * 52 * hourly.amount), currency: hourly.currency })} a year` : '';
            saving = `${formatNumber(row.hoursPerWeek)} h/week${row.hoursEstimated ? ' (estimated)' : ''}${perYear}`;
        } else if (row.regulatedFields.length > 0) {
            saving = `${plural(row.regulatedFields.length, 'regulated field')} no longer exposed`;
        } else {
            saving = `one ${row.finding.severity} fewer`;
        }
        return { element: `${kind} ${name}`, reason: row.finding.message, saving };
    });
}
