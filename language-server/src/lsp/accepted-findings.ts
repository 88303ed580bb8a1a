import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { findingDataOf } from '../workspace/finding-diagnostics.js';

/**
 * An accepted (waived) finding is published as a hint. VS Code counts every information in the
 * status bar and lists it in the Problems panel, while the report and `integ check` list accepted
 * findings apart and count only the open ones; a hint is neither counted nor listed there, so the
 * three agree. The editor still marks the element and its hover says "accepted: <reason>"; the
 * findings view lists accepted findings under their own filter.
 */
export function asPublished(diagnostic: Diagnostic): Diagnostic {
    return findingDataOf(diagnostic)?.accepted ? { ...diagnostic, severity: DiagnosticSeverity.Hint } : diagnostic;
}
