/**
 * The estate keeps quantities normalised (hours per week, per day, minutes, months); written back,
 * each takes the first unit in which it is a whole number that converts back to exactly the same
 * value, so `16 hours per month` survives an export and an import unchanged.
 */
import { perDay, rateInHours, toMinutes, toMonths } from '../model/units.js';

function wholeIn<T>(value: number, candidates: T[], amountOf: (candidate: T) => number, back: (amount: number, candidate: T) => number): [number, T] | undefined {
    for (const candidate of candidates) {
        const amount = Math.round(amountOf(candidate));
        if (amount > 0 && back(amount, candidate) === value) return [amount, candidate];
    }
    return undefined;
}

const plural = (amount: number, unit: string) => `${amount} ${amount === 1 ? unit : `${unit}s`}`;

type RateUnit = { unit: string; per: string };
const EFFORT_UNITS: RateUnit[] = ['week', 'month', 'day', 'year'].flatMap(per => [{ unit: 'hour', per }, { unit: 'minute', per }]);

function rateText(value: number, target: 'week' | 'month', units: RateUnit[]): string | undefined {
    if (value === 0) return `0 hours per ${target}`;
    const found = wholeIn(value, units,
        ({ unit, per }) => value / rateInHours(1, unit, per, target),
        (amount, { unit, per }) => rateInHours(amount, unit, per, target));
    return found && `${plural(found[0], found[1].unit)} per ${found[1].per}`;
}

export const effortText = (hoursPerWeek: number) => rateText(hoursPerWeek, 'week', EFFORT_UNITS);
export const downtimeText = (hoursPerMonth: number) => rateText(hoursPerMonth, 'month', [{ unit: 'hour', per: 'month' }, { unit: 'minute', per: 'month' }, ...EFFORT_UNITS]);

export function volumeText(countPerDay: number): string | undefined {
    if (countPerDay === 0) return '0 per day';
    const found = wholeIn(countPerDay, ['day', 'week', 'month', 'year', 'hour'], per => countPerDay / perDay(1, per), (amount, per) => perDay(amount, per));
    return found && `${found[0]} per ${found[1]}`;
}

export function minutesText(minutes: number): string | undefined {
    const found = wholeIn(minutes, ['year', 'month', 'week', 'day', 'hour', 'minute'], unit => minutes / toMinutes(1, unit), (amount, unit) => toMinutes(amount, unit));
    return found ? plural(found[0], found[1]) : minutes === 0 ? '0 minutes' : undefined;
}

export function monthsText(months: number): string | undefined {
    const found = wholeIn(months, ['year', 'month', 'week', 'day'], unit => months / toMonths(1, unit), (amount, unit) => toMonths(amount, unit));
    return found ? plural(found[0], found[1]) : undefined;
}
