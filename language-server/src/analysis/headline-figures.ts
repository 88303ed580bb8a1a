import type { Estate } from '../model/estate.js';
import { indexEstate } from '../model/estate-index.js';
import { coverage, currentSystems, liveFlows, manualHours, type Coverage, type ManualHours } from '../model/inventory.js';
import { roundToTenth } from '../model/rounding.js';
import type { Finding } from '../rules/finding.js';
import { ARTICLE_COVERAGE_PERCENT } from '../rules/roi-rules.js';
import { findingTotals } from './findings-totals.js';

/** The four numbers the brief opens with, each with what it is read against. */
export interface HeadlineFigures {
    coverage: Coverage;
    articleCoveragePercent: number;
    manualHours: ManualHours;
    hoursPerYear: number;
    /** The policy's `hourly-cost`, which prices every saving the brief names; undefined when not set. */
    hourlyCost?: { amount: number; currency: string };
    /** Hours a year at the policy's `hourly-cost`; undefined when the policy sets none. */
    costPerYear?: { amount: number; currency: string };
    /** Open errors (not waived), in all and per area with at least one, most first. */
    openErrors: { total: number; byArea: Array<{ area: string; errors: number }> };
    /** Live flows carrying regulated data, and those of them with an open security or compliance finding. */
    regulatedFlows: { total: number; outOfCompliance: number };
}

const CONTROL_AREAS = /^(security|compliance)\//;

/** Live flows carrying regulated data, and those of them with an open security or compliance finding. */
export function regulatedFlows(estate: Estate, findings: readonly Finding[]): HeadlineFigures['regulatedFlows'] {
    const index = indexEstate(estate);
    const regulated = liveFlows(estate).filter(flow => index.carriesRegulated(flow));
    const flagged = new Set(findings
        .filter(f => !f.accepted && f.element.kind === 'flow' && CONTROL_AREAS.test(f.ruleId))
        .map(f => f.element.name));
    return { total: regulated.length, outOfCompliance: regulated.filter(flow => flagged.has(flow.name)).length };
}

export function headlineFigures(estate: Estate, findings: readonly Finding[]): HeadlineFigures {
    const live = liveFlows(estate);
    const manual = manualHours(live);
    const hoursPerYear = roundToTenth(manual.hoursPerWeek * 52);
    const hourly = estate.policy.hourlyCost;
    const totals = findingTotals(findings);
    return {
        coverage: coverage(currentSystems(estate), live),
        articleCoveragePercent: ARTICLE_COVERAGE_PERCENT,
        manualHours: manual,
        hoursPerYear,
        hourlyCost: hourly,
        costPerYear: hourly ? { amount: Math.round(hoursPerYear * hourly.amount), currency: hourly.currency } : undefined,
        openErrors: {
            total: totals.total.errors,
            byArea: totals.byArea.filter(a => a.errors > 0).map(a => ({ area: a.area, errors: a.errors }))
                .sort((a, b) => b.errors - a.errors || a.area.localeCompare(b.area))
        },
        regulatedFlows: regulatedFlows(estate, findings)
    };
}
