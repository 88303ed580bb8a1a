import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Finding, FindingElement } from '../rules/finding.js';

export const RULES_DOC_URL = 'https://github.com/integration-architect/integration-architect/blob/main/docs/rules.md';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
};

/**
 * What a finding's diagnostic carries in `data`: the rule's figures, then its rule, element and
 * waiver state. The quick fixes and the CLI read it back with `findingDataOf`.
 */
export interface FindingData extends Record<string, unknown> {
    ruleId: string;
    element: FindingElement;
    property?: string;
    accepted: boolean;
    acceptedReason?: string;
}

export function findingData(finding: Finding): FindingData {
    return { ...finding.data, ruleId: finding.ruleId, element: finding.element, property: finding.property, accepted: Boolean(finding.accepted), acceptedReason: finding.accepted?.reason };
}

/** The finding's data of a diagnostic a finding made; undefined for any other diagnostic (or data the client altered). */
export function findingDataOf(diagnostic: { data?: unknown }): FindingData | undefined {
    const data = diagnostic.data as Partial<FindingData> | undefined;
    if (!data || typeof data.ruleId !== 'string' || typeof data.element?.name !== 'string' || typeof data.element.kind !== 'string') return undefined;
    return data as FindingData;
}

/**
 * The finding's message without its trailing `(rule-id)`: the editor shows the rule id as the
 * diagnostic's code, next to the message, and the Problems panel would show it twice.
 */
export function messageWithoutRuleId(finding: Pick<Finding, 'message' | 'ruleId'>): string {
    const suffix = ` (${finding.ruleId})`;
    return finding.message.endsWith(suffix) ? finding.message.slice(0, -suffix.length) : finding.message;
}

/** The thin adapter from a finding to an LSP diagnostic: rule id as code, docs link, figures as data. */
export function findingToDiagnostic(finding: Finding): Diagnostic {
    const message = messageWithoutRuleId(finding);
    return {
        severity: finding.accepted ? DiagnosticSeverity.Information : SEVERITY[finding.severity],
        range: finding.range,
        message: finding.accepted ? `accepted: ${finding.accepted.reason} — ${message}` : message,
        source: 'integ',
        code: finding.ruleId,
        codeDescription: { href: `${RULES_DOC_URL}#${finding.ruleId.replace('/', '')}` },
        relatedInformation: finding.related?.map(related => ({ location: { uri: related.uri, range: related.range }, message: related.message })),
        data: findingData(finding)
    };
}
