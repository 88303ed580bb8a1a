import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { STDLIB_URI } from '../stdlib/stdlib.js';
import type { SeveritySetting } from '../model/estate.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';

const SETTINGS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);

/** `integ.rules.severity` from the editor, keeping only well-formed entries (rule id → error|warning|info|off). */
export function parseSeveritySettings(value: unknown): Record<string, SeveritySetting> {
    // No prototype: a setting keyed `__proto__` or `constructor` is an entry, not a change of the object.
    const result: Record<string, SeveritySetting> = Object.create(null);
    if (typeof value !== 'object' || value === null) return result;
    for (const [rule, setting] of Object.entries(value)) {
        if (typeof setting === 'string' && SETTINGS.has(setting)) result[rule] = setting as SeveritySetting;
    }
    return result;
}

/**
 * Applies the editor's per-rule severities on top of the policy block: read from the
 * initialization options and from the `integ` configuration section, re-analysing on change.
 */
export function watchRuleSeveritySettings(shared: LangiumSharedServices, analysis: WorkspaceAnalysis): void {
    const apply = (severity: unknown): void => {
        const next = parseSeveritySettings(severity);
        if (JSON.stringify(next) === JSON.stringify(analysis.ruleSeverityOverrides)) return;
        analysis.ruleSeverityOverrides = next;
        const builder = shared.workspace.DocumentBuilder;
        const document = shared.workspace.LangiumDocuments.all.find(doc => doc.uri.toString() !== STDLIB_URI);
        if (!document) return;
        // Re-validating one document (no re-parse) reruns the workspace analysis and republishes changed diagnostics.
        builder.resetToState(document, DocumentState.IndexedReferences);
        void builder.update([], []);
    };
    shared.lsp.LanguageServer.onInitialize(params => {
        const options = params.initializationOptions as { rules?: { severity?: unknown } } | undefined;
        analysis.ruleSeverityOverrides = parseSeveritySettings(options?.rules?.severity);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        void shared.workspace.ConfigurationProvider.getConfiguration('integ', 'rules')
            .then((rules: { severity?: unknown } | undefined) => { if (rules) apply(rules.severity); });
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'integ') apply((update.configuration as { rules?: { severity?: unknown } } | undefined)?.rules?.severity);
    });
}
