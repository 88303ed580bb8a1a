import { GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type * as ast from '../generated/ast.js';
import {
    LIMITS, countWithinLimit, dateWithinLimit, downtimeWithinLimit, durationWithinLimit, effortWithinLimit, moneyWithinLimit, monthWithinLimit,
    type YearRange
} from '../model/limits.js';
import { parseYearMonth } from '../model/units.js';

/**
 * Every number the language accepts has a documented maximum (model/limits.ts); a value beyond it is
 * an error on the value, and the estate leaves it out. These checks read only the syntax tree.
 */

const COUNT = LIMITS.count.toLocaleString('en');
const MONEY = LIMITS.money.toLocaleString('en');

/** The number as written, shortened: a value of 400 digits converts to Infinity, which would tell the reader nothing. */
export function shortNumber(text: string): string {
    return text.length > 15 ? `${text.slice(0, 12)}… (${text.length} digits)` : text;
}

function written(node: AstNode, property: string, value: number): string {
    return shortNumber(GrammarUtils.findNodeForProperty(node.$cstNode, property)?.text ?? String(value));
}

/**
 * Where a diagnostic goes: on the property's value, or (without a property) on the whole node, a
 * quantity such as `300000 years` or `5 USD`.
 */
interface Place {
    node: AstNode;
    property?: string;
}

function checkCount(node: AstNode, property: string, value: number | undefined, what: string, accept: ValidationAcceptor): void {
    if (value !== undefined && !countWithinLimit(value)) {
        accept('error', `${written(node, property, value)} is too large: ${what} is at most ${COUNT}.`, { node, property });
    }
}

function checkMoney(place: Place, property: string, amount: number | undefined, accept: ValidationAcceptor): void {
    if (amount !== undefined && !moneyWithinLimit(amount)) {
        accept('error', `${written(place.node, property, amount)} is too large: amounts of money are at most ${MONEY}, in any currency.`, place);
    }
}

function checkDuration(place: Place, property: string, value: number | undefined, unit: string | undefined, accept: ValidationAcceptor): void {
    if (value !== undefined && unit !== undefined && !durationWithinLimit(value, unit)) {
        accept('error', `${written(place.node, property, value)} ${unit} is too long: durations are at most ${LIMITS.durationYears} years.`, place);
    }
}

function checkMonth(node: ast.MonthRange, property: 'from' | 'to', accept: ValidationAcceptor): void {
    const month = node[property];
    if (month !== undefined && !monthWithinLimit(month)) {
        accept('error', `Month ${written(node, property, month)} is too far out: initiative months run from 1 to ${LIMITS.month} (${LIMITS.month / 12} years from the roadmap's start).`, { node, property });
    }
}

/** The year only: a month or day out of the calendar is the date check's (declaration-checks.ts). */
function checkYear(node: AstNode, property: string, text: string | undefined, range: YearRange, what: string, accept: ValidationAcceptor): void {
    if (text !== undefined && parseYearMonth(text) && !dateWithinLimit(text, range)) {
        accept('error', `Year ${text.slice(0, 4)} is outside ${range.first}–${range.last}, the years ${what}.`, { node, property });
    }
}

/** Effort is team effort and may exceed the period; downtime cannot. */
function checkRate(rate: ast.Rate | undefined, accept: ValidationAcceptor): void {
    if (rate?.amount === undefined || rate.unit === undefined || rate.per === undefined) return;
    const text = () => `${written(rate, 'amount', rate.amount)} ${rate.unit} per ${rate.per}`;
    if (rate.$containerProperty === 'effort') {
        if (!effortWithinLimit(rate.amount, rate.unit, rate.per)) {
            accept('error', `${text()} is too much: effort is at most ${LIMITS.effortHoursPerWeek.toLocaleString('en')} hours per week (250 people full time).`, { node: rate });
        }
    } else if (!downtimeWithinLimit(rate.amount, rate.unit, rate.per)) {
        accept('error', `${text()} is longer than the ${rate.per} itself.`, { node: rate });
    }
}

function checkDurationNode(duration: ast.Duration | undefined, accept: ValidationAcceptor): void {
    if (duration) checkDuration({ node: duration }, 'value', duration.value, duration.unit, accept);
}

function checkSetting(setting: ast.PolicySetting, accept: ValidationAcceptor): void {
    switch (setting.$type) {
        case 'WipLimit': return checkCount(setting, 'value', setting.value, 'the wip-limit', accept);
        case 'ChampionsPolicy':
            checkCount(setting, 'min', setting.min, 'a number of champions', accept);
            return checkCount(setting, 'max', setting.max, 'a number of champions', accept);
        case 'ParallelRunPolicy':
            checkDuration({ node: setting, property: 'min' }, 'min', setting.min, setting.unit, accept);
            return checkDuration({ node: setting, property: 'max' }, 'max', setting.max, setting.unit, accept);
        case 'DowntimeBudget': return checkRate(setting.rate, accept);
        case 'HourlyCost': return checkMoney({ node: setting, property: 'amount' }, 'amount', setting.amount, accept);
    }
}

/**
 * Registered on the declarations, which have checks already (validation/language-checks.ts runs a
 * declaration's checks as one): Langium wraps every check of every node in a promise, and a check
 * per quantity node would add thousands of them to each build of a large estate.
 */
export const rangeChecks: ValidationChecks<ast.IntegrationAstType> = {
    Policy: (policy, accept) => policy.settings.forEach(setting => checkSetting(setting, accept)),
    Regulation: (regulation, accept) => checkDurationNode(regulation.retention, accept),
    Classification: (classification, accept) => classification.requires.forEach(requirement => checkDurationNode(requirement.retention, accept)),
    Entity: (entity, accept) => checkDurationNode(entity.freshness, accept),
    Platform: (platform, accept) => {
        if (!platform.price) return;
        checkMoney({ node: platform.price, property: 'min' }, 'min', platform.price.min, accept);
        checkMoney({ node: platform.price, property: 'max' }, 'max', platform.price.max, accept);
    },
    System: (system, accept) => checkCount(system, 'users', system.users, 'the number of users', accept),
    Flow: (flow, accept) => {
        checkDurationNode(flow.schedule?.every, accept);
        checkDurationNode(flow.auditRetention, accept);
        checkRate(flow.effort, accept);
        checkRate(flow.downtime, accept);
        if (flow.volume) checkCount(flow.volume, 'amount', flow.volume.amount, 'a volume', accept);
    },
    Process: (process, accept) => {
        checkCount(process, 'rank', process.rank, 'a rank', accept);
        checkDurationNode(process.needs?.every, accept);
    },
    Roadmap: (roadmap, accept) => checkYear(roadmap, 'start', roadmap.start, LIMITS.startYear, 'a roadmap may start in', accept),
    Initiative: (initiative, accept) => {
        checkCount(initiative, 'priority', initiative.priority, 'a priority', accept);
        if (initiative.months) {
            checkMonth(initiative.months, 'from', accept);
            checkMonth(initiative.months, 'to', accept);
        }
        checkDurationNode(initiative.parallelRun, accept);
        checkDurationNode(initiative.retrospective, accept);
        if (initiative.cost) checkMoney({ node: initiative.cost }, 'amount', initiative.cost.amount, accept);
        checkRate(initiative.targets?.downtime, accept);
    },
    Accept: (waiver, accept) => checkYear(waiver, 'until', waiver.until, LIMITS.year, 'the language accepts', accept)
};
