import type { Severity } from '../model/estate.js';
import { diffDeclarations, type DeclarationChange, type PropertyChange } from './declaration-diff.js';
import { diffFindings, type FindingDiff } from './finding-diff.js';
import { diffImpact, type ImpactDiff, type Side } from './impact-diff.js';

export interface EstateDiff {
    /** How the user named each side: a folder or a git revision. */
    base: string;
    head: string;
    declarations: DeclarationChange[];
    policy: PropertyChange[];
    findings: FindingDiff;
    impact: ImpactDiff;
    summary: DiffSummary;
}

export interface DiffSummary {
    added: number;
    removed: number;
    renamed: number;
    changed: number;
    introduced: Record<Severity, number>;
    resolved: Record<Severity, number>;
    /** Findings that became errors: introduced as errors or raised from a lower severity. */
    newErrors: number;
    /** Findings that became warnings or errors. */
    newWarnings: number;
    /** True when nothing a review would look at differs. */
    empty: boolean;
}

export function diffEstates(base: Side & { label: string }, head: Side & { label: string }, today: string): EstateDiff {
    const { changes, policy, renames } = diffDeclarations(base.estate, head.estate);
    const findings = diffFindings(base.findings, head.findings, renames);
    const impact = diffImpact(base, head, today);
    return { base: base.label, head: head.label, declarations: changes, policy, findings, impact, summary: summarise(changes, policy, findings) };
}

function summarise(changes: DeclarationChange[], policy: PropertyChange[], findings: FindingDiff): DiffSummary {
    const count = (change: DeclarationChange['change']) => changes.filter(c => c.change === change).length;
    const bySeverity = (list: ReadonlyArray<{ severity: Severity }>): Record<Severity, number> => ({
        error: list.filter(f => f.severity === 'error').length,
        warning: list.filter(f => f.severity === 'warning').length,
        info: list.filter(f => f.severity === 'info').length
    });
    const introduced = bySeverity(findings.introduced);
    // Raised means to a higher severity: info → warning or error, warning → error.
    const raisedTo = (severity: Severity) => findings.severityChanged.filter(f => f.severity === severity && (severity === 'error' || f.before === 'info')).length;
    const newErrors = introduced.error + raisedTo('error');
    return {
        added: count('added'), removed: count('removed'), renamed: count('renamed'), changed: count('changed'),
        introduced,
        resolved: bySeverity(findings.resolved),
        newErrors,
        newWarnings: newErrors + introduced.warning + raisedTo('warning'),
        empty: changes.length === 0 && policy.length === 0 && findings.introduced.length === 0 && findings.resolved.length === 0 && findings.severityChanged.length === 0
    };
}
