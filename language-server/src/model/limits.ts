import { parseYearMonth, rateInHours, toMinutes } from './units.js';

/**
 * The largest values the language accepts (docs/language.md, "Limits"). The validator reports a
 * value beyond them as an error on the value, and the estate leaves such a value out, as it does a
 * value the parser recovered past: no figure downstream is ever NaN or Infinity, no date is out of
 * the calendar, and no loop runs over a million months.
 */
export const LIMITS = {
    /** Initiative months, counted from the roadmap's start: 50 years. */
    month: 600,
    /** Years of dates; `until 9999-12-31` is the usual "never" of a waiver. */
    year: { first: 1900, last: 9999 },
    /**
     * Years a roadmap may start in: one calendar holds every roadmap, so two starts 8,000 years apart
     * made a chart of 97,000 months (20 MB) from a hundred bytes of model.
     */
    startYear: { first: 1900, last: 2199 },
    /** Any duration: retention, freshness, schedules, parallel run, retrospective. */
    durationYears: 100,
    /** Whole numbers that count: users, volumes, priorities, ranks, wip-limit, champions. */
    count: 1_000_000_000,
    /** Money in any currency: cost, price, hourly-cost. */
    money: 1_000_000_000_000,
    /** Manual effort on one flow: 250 people full time. */
    effortHoursPerWeek: 10_000,
    /** Percentages, signed or not. */
    percent: 100
} as const;

const MINUTES_PER_YEAR = toMinutes(1, 'year');

export function countWithinLimit(value: number): boolean {
    return value <= LIMITS.count;
}

export function moneyWithinLimit(amount: number): boolean {
    return amount <= LIMITS.money;
}

export function durationWithinLimit(value: number, unit: string): boolean {
    // No unit is longer than a year: the usual small values need no conversion (this runs on every duration of every build).
    return value <= LIMITS.durationYears || toMinutes(value, unit) <= LIMITS.durationYears * MINUTES_PER_YEAR;
}

export function effortWithinLimit(amount: number, unit: string, per: string): boolean {
    return rateInHours(amount, unit, per, 'week') <= LIMITS.effortHoursPerWeek;
}

/** Downtime cannot be longer than the period it is counted in (`800 hours per month` is more than a month). */
export function downtimeWithinLimit(amount: number, unit: string, per: string): boolean {
    return toMinutes(amount, unit) <= toMinutes(1, per);
}

export function percentWithinLimit(value: number): boolean {
    return Math.abs(value) <= LIMITS.percent;
}

export function monthWithinLimit(month: number): boolean {
    return month <= LIMITS.month;
}

export interface YearRange {
    first: number;
    last: number;
}

export function yearWithinLimit(year: number, range: YearRange = LIMITS.year): boolean {
    return year >= range.first && year <= range.last;
}

/** A `YYYY-MM` or `YYYY-MM-DD` date whose year is in the range (its month and day are checked apart). */
export function dateWithinLimit(text: string, range: YearRange = LIMITS.year): boolean {
    const date = parseYearMonth(text);
    return date !== undefined && yearWithinLimit(date.year, range);
}
