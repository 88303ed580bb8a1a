import { DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../model/estate.js';
import { findingDataOf } from '../workspace/finding-diagnostics.js';

/** One diagnostic as the CLI prints it: 1-based line and column, rule id or kind of language error. */
export interface DiagnosticRecord {
    file: string;
    uri: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    message: string;
    ruleId: string;
    accepted: boolean;
    acceptedReason?: string;
}

/** Rule ids for diagnostics that come from the language itself rather than the rule catalogue. */
export const LANGUAGE_RULES = {
    syntax: 'A parse error: the text does not follow the .integ grammar.',
    link: 'A reference names a declaration that does not exist.',
    'duplicate-name': 'Two declarations share a name in the workspace-wide namespace.',
    check: 'A value is out of range or a property is written twice.'
} as const;

function ruleIdOf(diagnostic: Diagnostic): string {
    const finding = findingDataOf(diagnostic);
    if (finding) return finding.ruleId;
    if (typeof diagnostic.code === 'string') return diagnostic.code;
    const code = (diagnostic.data as { code?: unknown } | undefined)?.code;
    if (code === DocumentValidator.ParsingError || code === DocumentValidator.LexingError) return 'syntax';
    if (code === DocumentValidator.LinkingError) return 'link';
    return 'check';
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

/**
 * A finding's line in a log or a CI annotation names its rule at the end, `… (security/tls)`, as
 * the checks have always printed it; the editor leaves that to the diagnostic's code.
 */
function cliMessage(diagnostic: Diagnostic, ruleId: string | undefined): string {
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    return ruleId === undefined ? message : `${message} (${ruleId})`;
}

export function toRecords(diagnostics: Map<string, Diagnostic[]>, displayPath: Map<string, string>): DiagnosticRecord[] {
    const records: DiagnosticRecord[] = [];
    for (const [uri, list] of diagnostics) {
        for (const diagnostic of list) {
            const finding = findingDataOf(diagnostic);
            records.push({
                file: displayPath.get(uri) ?? uri,
                uri,
                line: diagnostic.range.start.line + 1,
                column: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
                severity: SEVERITIES[diagnostic.severity ?? 1],
                message: cliMessage(diagnostic, finding?.ruleId),
                ruleId: ruleIdOf(diagnostic),
                accepted: Boolean(finding?.accepted),
                acceptedReason: finding?.acceptedReason
            });
        }
    }
    return records.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
