import type { YearMonth } from './estate.js';

/** Minutes in one unit; a month is 30 days and a year 365 days. */
const MINUTES: Record<string, number> = {
    minute: 1, hour: 60, day: 1440, week: 10080, month: 43200, year: 525600
};

/** A unit the parser recovered past is missing from the AST; it converts as an unknown unit (to 0). */
function singular(unit: string | undefined): string {
    if (unit === undefined) return '';
    return unit.endsWith('s') ? unit.slice(0, -1) : unit;
}

export function toMinutes(value: number, unit: string): number {
    return value * (MINUTES[singular(unit)] ?? 0);
}

export function toMonths(value: number, unit: string): number {
    const u = singular(unit);
    if (u === 'year') return value * 12;
    if (u === 'month') return value;
    return toMinutes(value, unit) / MINUTES.month;
}

export function toWeeks(value: number, unit: string): number {
    const u = singular(unit);
    if (u === 'month') return value * 52 / 12;
    if (u === 'year') return value * 52;
    return toMinutes(value, unit) / MINUTES.week;
}

export function toDays(value: number, unit: string): number {
    const u = singular(unit);
    if (u === 'month') return value * 30;
    if (u === 'year') return value * 365;
    return toMinutes(value, unit) / MINUTES.day;
}

/** `amount unit per period` expressed as hours per `target` period (e.g. 2 hours per month → h/week). */
export function rateInHours(amount: number, unit: string, per: string, target: 'week' | 'month'): number {
    const hours = toMinutes(amount, unit) / 60;
    return hours * MINUTES[target] / (MINUTES[singular(per)] ?? MINUTES[target]);
}

/** `amount per period` as a count per day. */
export function perDay(amount: number, per: string): number {
    return amount * MINUTES.day / (MINUTES[singular(per)] ?? MINUTES.day);
}

/** `-50%` → -50; undefined for anything that is not a percentage. */
export function parsePercent(text: string | undefined): number | undefined {
    if (!text) return undefined;
    const value = Number.parseFloat(text.replace('%', ''));
    return Number.isFinite(value) ? value : undefined;
}

/** `2027-01` or `2027-01-15` → { year: 2027, month: 1 }; undefined when the month is not 1–12. */
export function parseYearMonth(text: string | undefined): YearMonth | undefined {
    const match = /^(\d{4})-(\d{2})/.exec(text ?? '');
    if (!match) return undefined;
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
}

/** Months since year 0, so months compare and subtract across year boundaries. */
export function monthNumber(month: YearMonth): number {
    return month.year * 12 + month.month - 1;
}

/** The month `offset` months after `start` (offset 0 is `start`). */
export function addMonths(start: YearMonth, offset: number): YearMonth {
    const index = monthNumber(start) + offset;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function formatYearMonth(month: YearMonth): string {
    return `${month.year}-${String(month.month).padStart(2, '0')}`;
}

/** The last day of the `until` date as `YYYY-MM-DD`: `2027-06` means 2027-06-30. */
export function endOfDate(text: string): string | undefined {
    const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (full) return text;
    const ym = parseYearMonth(text);
    if (!ym) return undefined;
    const lastDay = new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
    return `${formatYearMonth(ym)}-${String(lastDay).padStart(2, '0')}`;
}

/** Today as `YYYY-MM-DD` (UTC): the default "today" of waivers, quick fixes and the roadmap. */
export function todayIso(): string {
    return new Date().toISOString().slice(0, 10);
}
