import type { Classification, Flow } from '../model/estate.js';
import type { CarriedField } from '../model/estate-index.js';
import { roundToTenth } from '../model/rounding.js';

/**
 * Small shared helpers of the inventory, gap, security and compliance rules: which flows a rule
 * looks at, and how figures and data are written in messages (one wording across rules).
 */

/** Security, compliance and inventory rules judge live and planned flows: a planned flow must be compliant by design. */
export function isCurrentOrPlanned(flow: Flow): boolean {
    return flow.status !== 'retired';
}

/** Gap rules describe the as-is estate. */
export function isLive(flow: Flow): boolean {
    return flow.status === 'live';
}

/** Systems that receive the flow's data: the target, and the source too for `<->`. */
export function receiversOf(flow: Flow): string[] {
    return flow.twoWay && flow.sourceSystem !== flow.targetSystem ? [flow.targetSystem, flow.sourceSystem] : [flow.targetSystem];
}

export function isRegulated(classification: Classification | undefined): classification is Classification {
    return classification !== undefined && classification.regulations.length > 0;
}

/** `Customer.email (PII, GDPR)`; the regulations are left out when there are none. */
export function describeField(field: CarriedField): string {
    const name = `${field.entity}.${field.field}`;
    if (!field.classification) return name;
    return `${name} (${[field.classification.name, ...field.classification.regulations].join(', ')})`;
}

/** `Customer.email (PII, GDPR)`, or `… and 2 more fields` when several are concerned. */
export function describeFields(fields: readonly CarriedField[]): string {
    const first = describeField(fields[0]);
    const more = fields.length - 1;
    return more === 0 ? first : `${first} and ${more} more field${more === 1 ? '' : 's'}`;
}

/** `A, B and C`. */
export function listNames(names: string[]): string {
    if (names.length <= 1) return names.join('');
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function plural(value: number, unit: string): string {
    return `${value} ${unit}${value === 1 ? '' : 's'}`;
}

/** 12 → `12 h/week`, 7.5 → `7.5 h/week`. */
export function hoursPerWeek(hours: number): string {
    return `${roundToTenth(hours)} h/week`;
}

/** Staleness in minutes as a person says it: `15 minutes`, `1 hour`, `1 day`. */
export function formatMinutes(minutes: number): string {
    if (minutes === 0) return 'realtime';
    if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
    if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
    return plural(roundToTenth(minutes), 'minute');
}

/** 84 → `7 years`, 6 → `6 months`. */
export function formatMonths(months: number): string {
    if (months >= 12 && months % 12 === 0) return plural(months / 12, 'year');
    return plural(roundToTenth(months), 'month');
}

/** 1.2 → `TLS 1.2`, 1 → `TLS 1.0`. */
export function formatTls(version: number): string {
    return `TLS ${version.toFixed(1)}`;
}
