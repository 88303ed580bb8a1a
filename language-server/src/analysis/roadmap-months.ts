import type { Estate, Initiative, Roadmap, YearMonth } from '../model/estate.js';
import { addMonths, formatYearMonth, monthNumber } from '../model/units.js';

/**
 * The month schedule of a roadmap. Months are counted from the roadmap's `start` (month 1 is the
 * start month), as initiatives write them; a calendar month is attached when the roadmap has a start.
 */

/** An initiative with a usable `months` range (from ≤ to, both ≥ 1). */
export interface ScheduledInitiative {
    initiative: Initiative;
    from: number;
    to: number;
}

export interface MonthInFlight {
    /** 1-based month of the roadmap. */
    month: number;
    /** `2027-03` when the roadmap has a start, else `month 3`. */
    label: string;
    /** In order of start month, then priority, then name. */
    initiatives: Initiative[];
}

export function monthLabel(start: YearMonth | undefined, month: number): string {
    return start ? formatYearMonth(addMonths(start, month - 1)) : `month ${month}`;
}

/** The initiative's months when they are written and well-formed. */
export function spanOf(initiative: Initiative): { from: number; to: number } | undefined {
    const months = initiative.months;
    if (!months || months.from < 1 || months.to < months.from) return undefined;
    return months;
}

function byStart(a: ScheduledInitiative, b: ScheduledInitiative): number {
    return a.from - b.from
        || (a.initiative.priority ?? Number.MAX_SAFE_INTEGER) - (b.initiative.priority ?? Number.MAX_SAFE_INTEGER)
        || a.initiative.name.localeCompare(b.initiative.name);
}

/** The roadmap's initiatives that have months, in order of start month, then priority, then name. */
export function scheduledInitiatives(estate: Estate, roadmap: Roadmap): ScheduledInitiative[] {
    const result: ScheduledInitiative[] = [];
    for (const name of roadmap.initiatives) {
        const initiative = estate.initiatives.get(name);
        const span = initiative ? spanOf(initiative) : undefined;
        if (initiative && span) result.push({ initiative, ...span });
    }
    return result.sort(byStart);
}

/**
 * Every month from the first start to the last end with the initiatives in flight in it. Linear in
 * the sum of the initiatives' durations (a sweep would gain nothing at roadmap sizes).
 */
export function monthsInFlight(estate: Estate, roadmap: Roadmap): MonthInFlight[] {
    const scheduled = scheduledInitiatives(estate, roadmap);
    if (scheduled.length === 0) return [];
    const first = scheduled[0].from;
    const last = Math.max(...scheduled.map(s => s.to));
    const months: MonthInFlight[] = [];
    for (let month = first; month <= last; month++) {
        months.push({ month, label: monthLabel(roadmap.start, month), initiatives: [] });
    }
    for (const { initiative, from, to } of scheduled) {
        for (let month = from; month <= to; month++) months[month - first].initiatives.push(initiative);
    }
    return months;
}

/**
 * A month index comparable across initiatives: calendar months when the roadmap has a start,
 * otherwise the roadmap's own month numbers (comparable only within that roadmap).
 */
export function comparableMonths(estate: Estate, initiative: Initiative): { scale: string; from: number; to: number } | undefined {
    const span = spanOf(initiative);
    if (!span) return undefined;
    const start = estate.roadmaps.get(initiative.roadmap)?.start;
    if (!start) return { scale: `roadmap:${initiative.roadmap}`, ...span };
    const base = monthNumber(start);
    return { scale: 'calendar', from: base + span.from - 1, to: base + span.to - 1 };
}
