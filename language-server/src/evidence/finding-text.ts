import type { Finding } from '../rules/finding.js';

/** Where a finding is written, as the caller can say it: `file:line:col` relative to what was loaded. */
export type FindingPlace = (finding: Finding) => string;

/** `error security/tls: <message> (flows.integ:12:3)`; the message's own `(rule-id)` suffix is dropped, the rule is named first. */
export function findingText(finding: Finding, place: FindingPlace): string {
    const suffix = ` (${finding.ruleId})`;
    const message = finding.message.endsWith(suffix) ? finding.message.slice(0, -suffix.length) : finding.message;
    return `${finding.accepted ? 'accepted' : finding.severity} ${finding.ruleId}: ${message} (${place(finding)})`;
}
