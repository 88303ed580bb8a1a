import type { Declared, Estate, Range, Severity, SourceLocation } from '../model/estate.js';
import type { EstateIndex } from '../model/estate-index.js';
import type { Finding, FindingElement, RelatedLocation } from './finding.js';

/** What every rule gets: the estate and its lookups. */
export interface RuleContext {
    estate: Estate;
    index: EstateIndex;
    /** `YYYY-MM-DD`; waivers and the roadmap's "today" are judged against it (injectable for tests). */
    today: string;
    /**
     * The raw findings of `rule`: those the runner already recorded when the rule ran earlier in this
     * pass (rules run in catalogue order), else computed now. Lets a rule build on others' results
     * without running them twice.
     */
    findingsOf(rule: Rule): readonly RawFinding[];
}

/** A finding before the runner applies the policy's severity overrides and the waivers. */
export type RawFinding = Omit<Finding, 'severity' | 'accepted'> & { severity?: Severity };

/** One rule of the catalogue: a pure function of the estate. */
export interface Rule {
    id: string;
    run(context: RuleContext): Iterable<RawFinding>;
}

export interface FindingOptions {
    /** The property the finding is about; the finding is shown on its value when it is written, else on the name. */
    property?: string;
    related?: RelatedLocation[];
    data?: Record<string, unknown>;
    /** Overrides the catalogue's default (e.g. security/oauth2 is an error for regulated data). */
    severity?: Severity;
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
