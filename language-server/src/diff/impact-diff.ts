import type { Estate } from '../model/estate.js';
import { coverage, currentSystems, liveFlows, manualHours } from '../model/inventory.js';
import { roundToTenth } from '../model/rounding.js';
import type { Finding } from '../rules/finding.js';
import { findingTotals } from '../analysis/findings-totals.js';
import { hoursSavedPerWeek } from '../model/initiative-impact.js';
import { scheduleRoadmaps } from '../analysis/roadmap-schedule.js';
import { regulatedFlows } from '../analysis/headline-figures.js';
import { savings } from '../analysis/roadmap-impact.js';

/** One figure on both sides; undefined where that side has no such figure (no roadmap, no hourly cost). */
export interface Figure {
    before?: number;
    after?: number;
    /** after − before, rounded to one decimal; undefined unless both sides have the figure. */
    delta?: number;
}

export interface ImpactDiff {
    manualHoursPerWeek: Figure;
    /** Percent of current systems with an automated flow. */
    coveragePercent: Figure;
    /** Live flows of regulated data with an open security or compliance finding. */
    regulatedFlowsOutOfCompliance: Figure;
    openErrors: Figure;
    openWarnings: Figure;
    /** Only when either side has initiatives. */
    roadmap?: {
        /** Manual hours per week the roadmap's initiatives eliminate. */
        hoursSavedPerWeek: Figure;
        /** Months from the first initiative's start to the last one's end. */
        months: Figure;
        /** The most initiatives in flight in any month. */
        peakWipPerMonth: Figure;
        cost: Figure;
        paybackMonths: Figure;
        /** Of the cost; undefined when the sides differ or have none. */
        currency?: string;
    };
}

export interface Side {
    estate: Estate;
    findings: readonly Finding[];
}

/** What the change does to the figures the report shows, before → after. */
export function diffImpact(base: Side, head: Side, today: string): ImpactDiff {
    const [before, after] = [figures(base, today), figures(head, today)];
    const figure = (read: (side: SideFigures) => number | undefined): Figure => {
        const [b, a] = [read(before), read(after)];
        return { before: b, after: a, delta: b !== undefined && a !== undefined ? roundToTenth(a - b) : undefined };
    };
    const impact: ImpactDiff = {
        manualHoursPerWeek: figure(side => side.manualHours),
        coveragePercent: figure(side => side.coverage),
        regulatedFlowsOutOfCompliance: figure(side => side.regulatedOutOfCompliance),
        openErrors: figure(side => side.errors),
        openWarnings: figure(side => side.warnings)
    };
    if (before.roadmap || after.roadmap) {
        const currencies = [before.roadmap?.currency, after.roadmap?.currency].filter(c => c !== undefined);
        impact.roadmap = {
            hoursSavedPerWeek: figure(side => side.roadmap?.hoursSavedPerWeek),
            months: figure(side => side.roadmap?.months),
            peakWipPerMonth: figure(side => side.roadmap?.peakWip),
            cost: figure(side => side.roadmap?.cost),
            paybackMonths: figure(side => side.roadmap?.paybackMonths),
            currency: currencies.length > 0 && currencies.every(c => c === currencies[0]) ? currencies[0] : undefined
        };
        // Amounts in two currencies have no difference to show.
        if (impact.roadmap.currency === undefined) impact.roadmap.cost.delta = undefined;
    }
    return impact;
}

interface SideFigures {
    manualHours: number;
    coverage: number;
    regulatedOutOfCompliance: number;
    errors: number;
    warnings: number;
    roadmap?: { hoursSavedPerWeek: number; months: number; peakWip: number; cost?: number; currency?: string; paybackMonths?: number };
}

function figures({ estate, findings }: Side, today: string): SideFigures {
    const flows = liveFlows(estate);
    const totals = findingTotals(findings).total;
    return {
        manualHours: manualHours(flows).hoursPerWeek,
        coverage: coverage(currentSystems(estate), flows).percent,
        regulatedOutOfCompliance: regulatedFlows(estate, findings).outOfCompliance,
        errors: totals.errors,
        warnings: totals.warnings,
        roadmap: estate.initiatives.size > 0 ? roadmapFigures(estate, today) : undefined
    };
}

/**
 * The roadmap's totals as `integ roadmap` shows them, from the initiatives alone: its full impact
 * analysis runs every rule again on the to-be estate, which for a 1,000-system estate took most
 * of the diff's time and yields nothing this table shows.
 */
function roadmapFigures(estate: Estate, today: string): NonNullable<SideFigures['roadmap']> {
    const initiatives = [...estate.initiatives.values()];
    const hoursSaved = roundToTenth(initiatives.reduce((sum, initiative) => sum + hoursSavedPerWeek(estate, initiative).hoursPerWeek, 0));
    const costs = initiatives.map(initiative => initiative.cost).filter(cost => cost !== undefined);
    const currency = costs[0]?.currency;
    const cost = costs.length > 0 && costs.every(c => c.currency === currency) ? costs.reduce((sum, c) => sum + c.amount, 0) : undefined;
    const schedule = scheduleRoadmaps(estate, today);
    return {
        hoursSavedPerWeek: hoursSaved,
        months: schedule.months.length,
        peakWip: Math.max(0, ...schedule.months.map(month => month.count)),
        cost,
        currency: cost === undefined ? undefined : currency,
        paybackMonths: cost === undefined || currency === undefined ? undefined : savings(hoursSaved, estate, { amount: cost, currency }).paybackMonths
    };
}
