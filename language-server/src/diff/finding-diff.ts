import type { DeclarationKind, Severity } from '../model/estate.js';
import type { Finding, FindingElement } from '../rules/finding.js';
import type { RenameMap } from './declaration-record.js';

/** A finding as a review lists it: where it sits in the source does not matter, what it is about does. */
export interface DiffFinding {
    ruleId: string;
    severity: Severity;
    element: FindingElement;
    property?: string;
    message: string;
    /** On a resolved finding: the head waives it with `accept` rather than fixing it. */
    waived?: { reason: string; ticket?: string };
}

export interface SeverityChange extends DiffFinding {
    before: Severity;
}

export interface FindingDiff {
    introduced: DiffFinding[];
    resolved: DiffFinding[];
    /** The same finding at another severity (a policy override changed, or a rule's judgement did). */
    severityChanged: SeverityChange[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Open findings (waived ones are not) introduced and resolved, matched by rule, element and
 * property, never by line: moving a declaration to another file changes no finding. A finding on
 * a renamed declaration is matched under its new name.
 */
export function diffFindings(base: readonly Finding[], head: readonly Finding[], renames: RenameMap): FindingDiff {
    const waiting = new Map<string, DiffFinding[]>();
    for (const finding of base.filter(open)) {
        const shown = asShown(finding, renames);
        const key = keyOf(shown);
        waiting.set(key, [...(waiting.get(key) ?? []), shown]);
    }
    const severityChanged: SeverityChange[] = [];
    const introduced: DiffFinding[] = [];
    for (const finding of head.filter(open)) {
        const shown = asShown(finding, renames);
        const candidates = waiting.get(keyOf(shown));
        // Same rule, element and property can hold several findings (one per field, say): pair equal messages first.
        const match = candidates && candidates.length > 0
            ? candidates.splice(Math.max(0, candidates.findIndex(candidate => candidate.message === shown.message)), 1)[0] : undefined;
        if (!match) introduced.push(shown);
        else if (match.severity !== shown.severity) severityChanged.push({ ...shown, before: match.severity });
    }
    const waivers = new Map(head.filter(finding => finding.accepted).map(finding => [keyOf(asShown(finding, renames)), finding.accepted!]));
    const resolved = [...waiting.values()].flat().map(finding => {
        const waiver = waivers.get(keyOf(finding));
        return waiver ? { ...finding, waived: { reason: waiver.reason, ticket: waiver.ticket } } : finding;
    });
    return { introduced: sorted(introduced), resolved: sorted(resolved), severityChanged: sorted(severityChanged) };
}

const open = (finding: Finding) => !finding.accepted;

function asShown(finding: Finding, renames: RenameMap): DiffFinding {
    const name = renames.get(finding.element.kind as DeclarationKind)?.get(finding.element.name) ?? finding.element.name;
    return { ruleId: finding.ruleId, severity: finding.severity, element: { kind: finding.element.kind, name }, property: finding.property, message: finding.message };
}

function keyOf(finding: DiffFinding): string {
    return JSON.stringify([finding.ruleId, finding.element.kind, finding.element.name, finding.property ?? '']);
}

function sorted<T extends DiffFinding>(findings: T[]): T[] {
    return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
        || a.ruleId.localeCompare(b.ruleId) || a.element.name.localeCompare(b.element.name) || a.message.localeCompare(b.message));
}
