import type { Severity } from '../model/estate.js';

export interface RuleMetadata {
    id: string;
    defaultSeverity: Severity;
    title: string;
    /** One paragraph: why it matters, citing the article or the regulation. */
    rationale: string;
    /** Anchor of the rule's section in docs/rules.md. */
    anchor: string;
}

export const CATALOGUE: RuleMetadata[] = [];
