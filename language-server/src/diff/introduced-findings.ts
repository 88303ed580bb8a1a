import type { Finding } from '../rules/finding.js';
import type { DiffFinding, FindingDiff } from './finding-diff.js';

/**
 * The head's findings that the change brings in or raises: what the picture of a change shows as
 * badges, so that a badge means "this change did it", not "this was already wrong".
 */
export function findingsIntroduced(head: readonly Finding[], findings: FindingDiff): Finding[] {
    const key = (finding: DiffFinding | Finding) =>
        JSON.stringify([finding.ruleId, finding.severity, finding.element.kind, finding.element.name, finding.property ?? '', finding.message]);
    const raised = new Set([...findings.introduced, ...findings.severityChanged].map(key));
    return head.filter(finding => !finding.accepted && raised.has(key(finding)));
}
