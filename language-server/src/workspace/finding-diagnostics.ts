import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Finding } from '../rules/finding.js';

export const RULES_DOC_URL = 'https://github.com/integration-architect/integration-architect/blob/main/docs/rules.md';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
};

/** What a finding's diagnostic carries for the quick fixes: its figures, rule, element and waiver state. */
export function findingData(finding: Finding): Record<string, unknown> {
    return { ...finding.data, ruleId: finding.ruleId, element: finding.element, property: finding.property, accepted: Boolean(finding.accepted), acceptedReason: finding.accepted?.reason };
}

/** The thin adapter from a finding to an LSP diagnostic: rule id as code, docs link, figures as data. */
export function findingToDiagnostic(finding: Finding): Diagnostic {
    return {
        severity: finding.accepted ? DiagnosticSeverity.Information : SEVERITY[finding.severity],
        range: finding.range,
        message: finding.accepted ? `accepted: ${finding.accepted.reason} — ${finding.message}` : finding.message,
        source: 'integ',
        code: finding.ruleId,
        codeDescription: { href: `${RULES_DOC_URL}#${finding.ruleId.replace('/', '')}` },
        relatedInformation: finding.related?.map(related => ({ location: { uri: related.uri, range: related.range }, message: related.message })),
        data: findingData(finding)
    };
}
