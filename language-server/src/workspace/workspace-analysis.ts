import { WorkspaceCache, type IndexManager, type LangiumCoreServices, type LangiumDocuments } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../generated/ast.js';
import type { Estate, SeveritySetting } from '../model/estate.js';
import { buildEstate } from '../model/build-estate.js';
import type { Finding } from '../rules/finding.js';
import { runRules } from '../rules/run-rules.js';
import { duplicateNameDiagnostics } from './duplicate-names.js';
import { findingToDiagnostic } from './finding-diagnostics.js';

export interface AnalysisResult {
    estate: Estate;
    findings: Finding[];
    /** Workspace-level diagnostics (duplicate names, rule findings) per document URI. */
    diagnostics: Map<string, Diagnostic[]>;
}

/**
 * The estate and its findings for the current workspace state, computed once per build and shared
 * by diagnostics, hover, code lens and the previews.
 */
export class WorkspaceAnalysis {
    private readonly documents: LangiumDocuments;
    private readonly indexManager: IndexManager;
    private readonly cache: WorkspaceCache<'result', AnalysisResult>;
    /** Per-rule severities from the editor settings (`integ.rules.severity`); they win over the policy block. */
    ruleSeverityOverrides: Record<string, SeveritySetting> = {};

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.indexManager = services.shared.workspace.IndexManager;
        this.cache = new WorkspaceCache(services.shared);
    }

    get result(): AnalysisResult {
        return this.cache.get('result', () => this.analyse());
    }

    get estate(): Estate {
        return this.result.estate;
    }

    private analyse(): AnalysisResult {
        const estate = buildEstate(this.documents.all.map(document => ({
            uri: document.uri.toString(),
            model: document.parseResult.value as Model
        })));
        const policy = { ...estate.policy, ruleSeverity: { ...estate.policy.ruleSeverity, ...this.ruleSeverityOverrides } };
        const findings = runRules({ ...estate, policy });
        const diagnostics = duplicateNameDiagnostics(this.indexManager.allElements());
        for (const finding of findings) {
            const list = diagnostics.get(finding.uri);
            const diagnostic = findingToDiagnostic(finding);
            if (list) list.push(diagnostic); else diagnostics.set(finding.uri, [diagnostic]);
        }
        return { estate, findings, diagnostics };
    }
}
