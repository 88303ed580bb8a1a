import { DocumentState, WorkspaceCache, type IndexManager, type LangiumCoreServices, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../generated/ast.js';
import type { Estate, SeveritySetting } from '../model/estate.js';
import { contributionOf, mergeContributions, type FileContribution } from '../model/build-estate.js';
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
    /**
     * Each document's part of the estate, kept across builds: an edit re-parses one file and
     * re-links the files that refer to it, and only those parts are made again.
     */
    private readonly contributions = new WeakMap<LangiumDocument, { model: Model; contribution: FileContribution }>();
    /** Documents linked since their part was last made: names they resolve to may have changed. */
    private readonly relinked = new Set<string>();
    /** Per-rule severities from the editor settings (`integ.rules.severity`); they win over the policy block. */
    ruleSeverityOverrides: Record<string, SeveritySetting> = {};

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.indexManager = services.shared.workspace.IndexManager;
        this.cache = new WorkspaceCache(services.shared);
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => {
            this.relinked.add(document.uri.toString());
        });
    }

    get result(): AnalysisResult {
        return this.cache.get('result', () => this.analyse());
    }

    get estate(): Estate {
        return this.result.estate;
    }

    private analyse(): AnalysisResult {
        const estate = mergeContributions(this.documents.all.map(document => this.contributionOf(document)));
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

    private contributionOf(document: LangiumDocument): FileContribution {
        const uri = document.uri.toString();
        const model = document.parseResult.value as Model;
        const cached = this.contributions.get(document);
        if (cached && cached.model === model && !this.relinked.has(uri)) return cached.contribution;
        const contribution = contributionOf({ uri, model });
        this.contributions.set(document, { model, contribution });
        this.relinked.delete(uri);
        return contribution;
    }
}
