import type { DeclarationKind, Declared, Estate } from '../model/estate.js';

/** A declaration as a reviewer compares it: property label → value as shown. Absent, false and empty properties are left out. */
export type DeclarationRecord = Record<string, string>;

/** Renames already found, per kind: the base's name → the head's. References are read through it. */
export type RenameMap = ReadonlyMap<DeclarationKind, ReadonlyMap<string, string>>;

/** The estate maps a diff compares, in the order a review reads them. */
export const COMPARED: ReadonlyArray<{ kind: DeclarationKind; map: keyof Estate }> = [
    { kind: 'system', map: 'systems' },
    { kind: 'flow', map: 'flows' },
    { kind: 'entity', map: 'entities' },
    { kind: 'classification', map: 'classifications' },
    { kind: 'regulation', map: 'regulations' },
    { kind: 'platform', map: 'platforms' },
    { kind: 'process', map: 'processes' },
    { kind: 'department', map: 'departments' },
    { kind: 'roadmap', map: 'roadmaps' },
    { kind: 'initiative', map: 'initiatives' }
];

/**
 * Properties that name other declarations. A rename made with the language's rename rewrites every
 * reference, so a flow whose `from` changed only because its system was renamed has not changed.
 */
const REFERENCES: Partial<Record<DeclarationKind, Record<string, DeclarationKind>>> = {
    system: { department: 'department', stores: 'entity', edits: 'entity' },
    flow: { sourceSystem: 'system', targetSystem: 'system', via: 'platform' },
    entity: { masters: 'system' },
    classification: { regulations: 'regulation' },
    process: { steps: 'flow' },
    initiative: { roadmap: 'roadmap', dependsOn: 'initiative', departments: 'department', replaces: 'flow', delivers: 'flow', retires: 'system', platform: 'platform' }
};

/**
 * Computed from other properties (a roadmap lists the initiatives that name it; absolute months
 * follow from the roadmap's start), so a change shows once, where it is written.
 */
const DERIVED: ReadonlySet<string> = new Set(['kind', 'name', 'title', 'source', 'startMonth', 'endMonth', 'fields', 'carries', 'initiatives']);

/** The words the language uses, where the estate's property name is not one. */
const LABELS: Record<string, string> = {
    sourceSystem: 'from', targetSystem: 'to', twoWay: 'two-way', systemKind: 'kind', platformKind: 'kind',
    dependsOn: 'depends on', bestFor: 'best for', effortHoursPerWeek: 'effort (h/week)', errorRatePercent: 'error rate (%)',
    downtimeHoursPerMonth: 'downtime (h/month)', volumePerDay: 'volume (per day)', freshnessMinutes: 'freshness (minutes)',
    retentionMonths: 'retention (months)', auditRetentionMonths: 'audit retention (months)', parallelRunWeeks: 'parallel run (weeks)',
    retrospectiveDays: 'retrospective (days)', needs: 'needs', minTls: 'min tls', manualHoursPercent: 'manual hours (%)',
    errorRateBelowPercent: 'error rate below (%)', reportTimePercent: 'report time (%)', productivityPercent: 'productivity (%)',
    downtimeBelowHoursPerMonth: 'downtime below (h/month)'
};

const label = (property: string) => LABELS[property] ?? property;

/** TLS versions are numbers in the estate; `tls 1.0` must not read as `1`. */
const TLS_VERSIONS: ReadonlySet<string> = new Set(['tls', 'minTls']);
const tlsVersion = (version: number) => Number.isInteger(version) ? version.toFixed(1) : String(version);

/** The declaration's properties as a reviewer reads them, with references spelled in the head's names. */
export function declarationRecord(declaration: Declared, renames: RenameMap = new Map()): DeclarationRecord {
    const record: DeclarationRecord = {};
    const references = REFERENCES[declaration.kind] ?? {};
    const renamed = (kind: DeclarationKind, name: string) => renames.get(kind)?.get(name) ?? name;
    // A title that only repeats the name is no title: renaming such a declaration changes nothing else.
    if (declaration.title !== declaration.name) record.title = declaration.title;
    for (const [property, value] of Object.entries(declaration)) {
        if (DERIVED.has(property)) continue;
        const kind = references[property];
        const mapped = kind === undefined ? value
            : Array.isArray(value) ? value.map(name => renamed(kind, String(name))) : typeof value === 'string' ? renamed(kind, value) : value;
        addValue(record, label(property), TLS_VERSIONS.has(property) && typeof mapped === 'number' ? tlsVersion(mapped) : mapped);
    }
    if (declaration.kind === 'flow') addCarries(record, declaration as Declared & { carries: Array<{ entity: string; fields: string[]; all: boolean }> }, renamed);
    if (declaration.kind === 'entity') {
        for (const field of (declaration as Declared & { fields: Array<{ name: string; classification?: string }> }).fields) {
            record[`field ${field.name}`] = field.classification ? renamed('classification', field.classification) : 'unclassified';
        }
    }
    return record;
}

function addCarries(record: DeclarationRecord, flow: { carries: Array<{ entity: string; fields: string[]; all: boolean }> }, renamed: (kind: DeclarationKind, name: string) => string): void {
    const carried = flow.carries.flatMap(data => {
        const entity = renamed('entity', data.entity);
        return data.all ? [`${entity}.*`] : data.fields.map(field => `${entity}.${field}`);
    });
    if (carried.length > 0) record.carries = carried.join(', ');
}

function addValue(record: DeclarationRecord, key: string, value: unknown): void {
    if (value === undefined || value === null || value === false) return;
    if (value === true) record[key] = 'yes';
    else if (typeof value === 'number' || typeof value === 'string') record[key] = String(value);
    else if (Array.isArray(value)) {
        if (value.length > 0) record[key] = value.map(item => shown(item)).join(', ');
    } else if (typeof value === 'object') {
        const text = compound(value as Record<string, unknown>);
        if (text !== undefined) record[key] = text;
        else {
            for (const [inner, innerValue] of Object.entries(value)) {
                addValue(record, `${key} ${label(inner)}`, TLS_VERSIONS.has(inner) && typeof innerValue === 'number' ? tlsVersion(innerValue) : innerValue);
            }
        }
    }
}

/** Values the language writes as one phrase: a schedule, an amount, a month range, a price. */
function compound(value: Record<string, unknown>): string | undefined {
    if (typeof value.text === 'string') return value.text;
    if (typeof value.amount === 'number' && typeof value.currency === 'string') return `${value.amount} ${value.currency}`;
    if (typeof value.from === 'number' && typeof value.to === 'number') return `${value.from} to ${value.to}`;
    if (typeof value.min === 'number' && typeof value.currency === 'string') {
        return `${value.min}${typeof value.max === 'number' ? `–${value.max}` : ''} ${value.currency} per ${String(value.per)}`;
    }
    if (typeof value.year === 'number' && typeof value.month === 'number') return `${value.year}-${String(value.month).padStart(2, '0')}`;
    return undefined;
}

function shown(item: unknown): string {
    if (typeof item === 'object' && item !== null) return compound(item as Record<string, unknown>) ?? JSON.stringify(item);
    return String(item);
}
