import type { Declared, Entity, Estate, Flow, Range, Severity, SourceLocation, System, Waiver } from '../model/estate.js';
import type { EstateIndex } from '../model/estate-index.js';
import type { Finding, FindingElement, RelatedLocation } from './finding.js';

/** What a whole-estate rule gets: the estate and its lookups. */
export interface RuleContext {
    estate: Estate;
    index: EstateIndex;
    /** `YYYY-MM-DD`; waivers and the roadmap's "today" are judged against it (injectable for tests). */
    today: string;
}

/** A finding before the runner applies the policy's severity overrides and the waivers. */
export type RawFinding = Omit<Finding, 'severity' | 'accepted'> & { severity?: Severity };

/** Something a name resolves to, as `Map.get` gives it. */
export interface Lookup<T> {
    get(name: string): T | undefined;
}

/**
 * The estate's settings and small declarations (policy, classifications, platforms, processes,
 * roadmaps, waivers): the runner compares them as a whole between runs, so element checks may read
 * them freely.
 */
export type EstateSettings = Omit<Estate, 'systems' | 'entities' | 'flows'>;

/**
 * What an element check may read besides its element: the settings, and systems, entities and the
 * index's lists by name. The runner records each name a check looks up, so that after an edit it
 * checks again only the elements whose element or looked-up names changed.
 */
export interface ElementContext {
    estate: EstateSettings & { systems: Lookup<System>; entities: Lookup<Entity> };
    index: Pick<EstateIndex, 'carriedFields' | 'fieldsOf' | 'regulatedFields' | 'passedOn' | 'flowsBetween'> & {
        flowsFrom: Lookup<readonly Flow[]>;
        flowsTo: Lookup<readonly Flow[]>;
        flowsCarrying: Lookup<readonly Flow[]>;
        storedIn: Lookup<readonly System[]>;
        masteredBy: Lookup<readonly Entity[]>;
    };
    today: string;
    /** A value worked out from the settings alone, once per run and shared by every element. */
    once<T>(derive: (settings: EstateSettings, today: string) => T): T;
    /** True when an earlier rule of the run reported on this same element. */
    reported(ruleId: string): boolean;
}

export type Report = (finding: RawFinding) => void;

interface ElementKinds { flow: Flow; system: System; entity: Entity }
export type ElementKind = keyof ElementKinds;

/** A rule's check of one element of a kind; it reports what it finds on that element. */
export type ElementCheck = { [K in ElementKind]: { kind: K; check(element: ElementKinds[K], context: ElementContext, report: Report): void } }[ElementKind];

/**
 * One rule of the catalogue: a pure function of the estate. Most rules judge each flow, system or
 * entity on its own (`each`, in order); the others read the whole estate (`run`) and are cheap.
 */
export type Rule =
    | { id: string; run(context: RuleContext): Iterable<RawFinding>; each?: undefined }
    | { id: string; each: readonly ElementCheck[]; run?: undefined };

export function flowRule(id: string, check: (flow: Flow, context: ElementContext, report: Report) => void): Rule {
    return { id, each: [{ kind: 'flow', check }] };
}

export function systemRule(id: string, check: (system: System, context: ElementContext, report: Report) => void): Rule {
    return { id, each: [{ kind: 'system', check }] };
}

export function entityRule(id: string, check: (entity: Entity, context: ElementContext, report: Report) => void): Rule {
    return { id, each: [{ kind: 'entity', check }] };
}

export interface FindingOptions {
    /** The property the finding is about; the finding is shown on its value when it is written, else on the name. */
    property?: string;
    related?: RelatedLocation[];
    data?: Record<string, unknown>;
    /** Overrides the catalogue's default (e.g. security/oauth2 is an error for regulated data). */
    severity?: Severity;
}

/** A waiver accepts findings until the end of its `until` date, or for good without one. */
export function inForce(waiver: Waiver, today: string): boolean {
    return waiver.until === undefined || waiver.until >= today;
}

/** Where a finding about `declared` (and optionally one of its properties) is shown. */
export function locationOf(source: SourceLocation, property?: string): { uri: string; range: Range } {
    const range = (property ? source.properties[property] : undefined) ?? source.nameRange;
    return { uri: source.uri, range };
}

export function findingOn(ruleId: string, declared: Declared, message: string, options: FindingOptions = {}): RawFinding {
    const element: FindingElement = { kind: declared.kind, name: declared.name };
    const property = options.property;
    // One object literal with every property, no spread: thousands of findings per edit stay cheap to make and read.
    return {
        ruleId,
        message: `${message} (${ruleId})`,
        element,
        property,
        uri: declared.source.uri,
        range: (property ? declared.source.properties[property] : undefined) ?? declared.source.nameRange,
        related: options.related,
        data: options.data,
        severity: options.severity
    };
}

/** A related location pointing at a declaration's name. */
export function relatedTo(declared: Declared, message: string): RelatedLocation {
    return { uri: declared.source.uri, range: declared.source.nameRange, message };
}
