import type { InitiativeImpact, RoadmapTotals } from '../analysis/roadmap-impact.js';
import type { MonthLoad } from '../analysis/roadmap-schedule.js';
import type { Coverage } from '../model/inventory.js';

/** Plain-text figures shared by the HTML and Markdown renderings, so both say the same thing. */

export function money(value: { amount: number; currency: string }): string {
    return `${value.amount.toLocaleString('en-US')} ${value.currency}`;
}

/** The initiatives in flight in a month, as many as the schedule names. */
export function inFlightText(month: MonthLoad): string {
    const more = month.count - month.inFlight.length;
    return `${month.inFlight.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export function coverageText(before: Coverage, after: Coverage): string {
    return `${before.percent}% (${before.integrated} of ${before.total}) → ${after.percent}% (${after.integrated} of ${after.total})`;
}

export function monthsText(impact: InitiativeImpact): string {
    if (!impact.start || !impact.end) return 'not scheduled';
    return impact.start === impact.end ? impact.start : `${impact.start} – ${impact.end}`;
}

export function hoursText(impact: InitiativeImpact): string {
    const estimated = impact.replaced.filter(flow => flow.estimated).length;
    return `${impact.hoursPerWeek}${estimated ? ` (${estimated} estimated at 15 h)` : ''}`;
}

export function departmentsText(impact: InitiativeImpact): string {
    if (impact.departments.length === 0) return '—';
    return impact.departments.map(d => `${d.title}: ${d.champions.length ? d.champions.join(', ') : 'no champions'}${d.enoughChampions ? '' : ' (too few)'}`).join('; ');
}

export function parallelRunText(impact: InitiativeImpact): string {
    if (impact.parallelRunWeeks === undefined) return 'not planned';
    return `${impact.parallelRunWeeks} weeks${impact.parallelRunWithinPolicy === false ? ' (outside policy)' : ''}`;
}

export function retrospectiveText(impact: InitiativeImpact): string {
    return impact.retrospectiveDate ?? (impact.retrospectiveDays === undefined ? 'not planned' : `${impact.retrospectiveDays} days after the end`);
}

export function costText(impact: InitiativeImpact): string {
    if (!impact.cost) return '—';
    return `${money(impact.cost)}${impact.paybackMonths !== undefined ? `, payback ${impact.paybackMonths} months` : ''}`;
}

export function findingsText(counts: RoadmapTotals['findingsBefore']): string {
    return `${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos (${counts.gaps} gaps)`;
}

/** The totals as label/value pairs, in reading order. */
export function totalsRows(totals: RoadmapTotals): Array<[string, string]> {
    const rows: Array<[string, string]> = [
        ['Manual hours eliminated', `${totals.hoursPerWeek} h/week · ${totals.hoursPerYear} h/year${totals.estimatedFlows ? ` (${totals.estimatedFlows} flows estimated at the article's 15 h/week)` : ''}`],
        ['Manual data movement', `${totals.manualHoursBefore.hoursPerWeek} → ${totals.manualHoursAfter.hoursPerWeek} h/week`],
        ['Integration coverage', `${coverageText(totals.coverageBefore, totals.coverageAfter)} (the article's average: 29%)`],
        ['Findings', `${findingsText(totals.findingsBefore)} → ${findingsText(totals.findingsAfter)}`],
        ['Gaps closed', String(totals.gapsClosed)],
        ['Regulated flows brought into compliance', String(totals.broughtIntoCompliance)]
    ];
    if (totals.cost) rows.push(['Cost', money(totals.cost)]);
    if (totals.savingsPerYear) rows.push(['Labour saved per year', money(totals.savingsPerYear)]);
    if (totals.paybackMonths !== undefined) rows.push(['Payback', `${totals.paybackMonths} months`]);
    return rows;
}
