import type { Range, Severity } from '../model/estate.js';

/** What a finding is about: a declaration of the estate, the policy block or a waiver. */
export interface FindingElement {
    kind: 'department' | 'regulation' | 'classification' | 'entity' | 'platform' | 'system' | 'flow'
        | 'process' | 'roadmap' | 'initiative' | 'policy' | 'waiver';
    name: string;
}

export interface RelatedLocation {
    uri: string;
    range: Range;
    message: string;
}

/**
 * One result of one rule. `uri`/`range` say where it is shown: the property's value when the
 * finding is about a property that is written, otherwise the element's name.
 */
export interface Finding {
    ruleId: string;
    /** Effective severity, after the policy's per-rule overrides. */
    severity: Severity;
    message: string;
    element: FindingElement;
    property?: string;
    uri: string;
    range: Range;
    related?: RelatedLocation[];
    /** Rule-specific figures, also what quick fixes read. */
    data?: Record<string, unknown>;
    /** Set when an `accept` waiver covers the finding: shown as information, not counted. */
    accepted?: { reason: string; ticket?: string; until?: string };
}
