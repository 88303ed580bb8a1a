import type { Estate, Initiative, Roadmap, YearMonth } from './estate.js';
import { monthWithinLimit } from './limits.js';
import { addMonths, formatYearMonth, monthNumber } from './units.js';
import { FenwickTree } from './fenwick-tree.js';

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

/**
 * Initiatives named per month: listing every one of thousands of initiatives in each of hundreds of
 * months made findings and pages of gigabytes.
 */
export const NAMED_PER_MONTH = 10;

export interface MonthInFlight {
    /** 1-based month of the roadmap. */
    month: number;
    /** `2027-03` when the roadmap has a start, else `month 3`. */
    label: string;
    /** How many initiatives are in flight. */
    count: number;
    /** The first NAMED_PER_MONTH of them, in order of start month, then priority, then name. */
    initiatives: Initiative[];
    /** The last of them in that order: the latest to start. */
    latest?: Initiative;
}

/** One month of `monthLoads`. */
export interface MonthLoadOf<T> {
    count: number;
    /** The first NAMED_PER_MONTH items in flight, in the order given. */
    named: T[];
    /** The last item in flight in the order given. */
    last?: T;
}

/**
 * For every month from the first start to the last end, the items in flight: how many, the first
 * few and the last in the order given. A sweep over starts and ends with the items in flight kept
 * by position, so the cost is items plus months, not their product.
 */
export function monthLoads<T>(items: readonly T[], span: (item: T) => { from: number; to: number }): { first: number; months: Array<MonthLoadOf<T>> } {
    const starts = new Map<number, number[]>();
    const ends = new Map<number, number[]>();
    let first = Infinity;
    let last = -Infinity;
    items.forEach((item, position) => {
        const { from, to } = span(item);
        first = Math.min(first, from);
        last = Math.max(last, to);
        push(starts, from, position);
        push(ends, to, position);
    });
    const inFlight = new FenwickTree(items.length);
    let count = 0;
    const months: Array<MonthLoadOf<T>> = [];
    for (let month = first; month <= last; month++) {
        for (const position of starts.get(month) ?? []) inFlight.add(position);
        count += starts.get(month)?.length ?? 0;
        const named: T[] = [];
        for (let k = 1; k <= Math.min(count, NAMED_PER_MONTH); k++) named.push(items[inFlight.kth(k)]);
        months.push({ count, named, last: count > 0 ? items[inFlight.kth(count)] : undefined });
        for (const position of ends.get(month) ?? []) inFlight.add(position, -1);
        count -= ends.get(month)?.length ?? 0;
    }
    return { first, months };
}

export function monthLabel(start: YearMonth | undefined, month: number): string {
    return start ? formatYearMonth(addMonths(start, month - 1)) : `month ${month}`;
}

/** The initiative's months when they are written, well-formed and within the language's limit. */
export function spanOf(initiative: Initiative): { from: number; to: number } | undefined {
    const months = initiative.months;
    if (!months || months.from < 1 || months.to < months.from || !monthWithinLimit(months.to)) return undefined;
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

function push(map: Map<number, number[]>, key: number, value: number): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

/** Every month from the first start to the last end with the initiatives in flight in it. */
export function monthsInFlight(estate: Estate, roadmap: Roadmap): MonthInFlight[] {
    const { first, months } = monthLoads(scheduledInitiatives(estate, roadmap), scheduled => scheduled);
    return months.map((load, index) => ({
        month: first + index, label: monthLabel(roadmap.start, first + index), count: load.count,
        initiatives: load.named.map(s => s.initiative), latest: load.last?.initiative
    }));
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
