import { DocumentState, WorkspaceCache, type AstNode, type IndexManager, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../generated/ast.js';
import type { Estate, SeveritySetting } from '../model/estate.js';
import { declarationContribution, fileContribution, mergeContributions, type DeclarationContribution, type FileContribution } from './build-estate.js';
import type { SelectiveLinker } from '../linking/selective-linker.js';
import type { Finding } from '../rules/finding.js';
import { ALL_RULES } from '../rules/all-rules.js';
import { RuleRunner } from '../rules/rule-runner.js';
import { todayIso } from '../model/units.js';
import { duplicateNameDiagnostics } from './duplicate-names.js';
import { declarationsByName, keptEntry, keyOf } from './kept-declarations.js';
import { findingToDiagnostic } from './finding-diagnostics.js';
import { describeError } from './integ-log.js';
import type { IntegCoreServices } from './integ-services.js';

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
    private readonly linker: SelectiveLinker;
    /**
     * Each document's part of the estate, kept across builds: an edit re-parses one file and
     * re-links some references of the files that refer to it, and only the declarations holding
     * those references are made again.
     */
    private readonly contributions = new WeakMap<LangiumDocument, { model: Model; contribution: FileContribution }>();
    private readonly declarations = new WeakMap<AstNode, { entry: DeclarationContribution }>();
    /** Keeps the findings of declarations an edit did not touch, so that only theirs are checked again. */
    private readonly rules: RuleRunner;
    /** A kept finding keeps its diagnostic: publishing compares it by identity. */
    private readonly diagnosticOf = new WeakMap<Finding, Diagnostic>();
    /** Per-rule severities from the editor settings (`integ.rules.severity`); they win over the policy block. */
    ruleSeverityOverrides: Record<string, SeveritySetting> = {};

    /** `remember`: false for a one-shot run (the CLI), which has no next edit to keep findings for. */
    constructor(services: IntegCoreServices, remember = true) {
        const log = services.log.Log;
        this.rules = new RuleRunner(ALL_RULES, remember, (ruleId, error) => log.error(`Rule ${ruleId} failed; its findings are replaced by an internal-error finding: ${describeError(error)}`));
        this.documents = services.shared.workspace.LangiumDocuments;
        this.indexManager = services.shared.workspace.IndexManager;
        // Kept until the next build completes, not dropped when it starts: a request answered during a
        // build sees the last complete analysis rather than a half-linked workspace that would stay cached.
        this.cache = new WorkspaceCache(services.shared, DocumentState.Validated);
        this.linker = services.references.Linker;
    }

    get result(): AnalysisResult {
        return this.cache.get('result', () => this.analyse());
    }

    get estate(): Estate {
        return this.result.estate;
    }

    private analyse(): AnalysisResult {
        const estate = mergeContributions(this.documents.all.map(document => this.contributionOf(document)));
        const findings = this.rules.run(this.withOverrides(estate), todayIso());
        const diagnostics = duplicateNameDiagnostics(this.indexManager.allElements());
        for (const finding of findings) {
            const list = diagnostics.get(finding.uri);
            let diagnostic = this.diagnosticOf.get(finding);
            if (!diagnostic) this.diagnosticOf.set(finding, diagnostic = findingToDiagnostic(finding));
            if (list) list.push(diagnostic); else diagnostics.set(finding.uri, [diagnostic]);
        }
        return { estate, findings, diagnostics };
    }

    /** The estate the rules judge: the editor's per-rule severities win over the policy block. */
    private withOverrides(estate: Estate): Estate {
        if (Object.keys(this.ruleSeverityOverrides).length === 0) return estate;
        return { ...estate, policy: { ...estate.policy, ruleSeverity: { ...estate.policy.ruleSeverity, ...this.ruleSeverityOverrides } } };
    }

    private contributionOf(document: LangiumDocument): FileContribution {
        const uri = document.uri.toString();
        const model = document.parseResult.value as Model;
        const cached = this.contributions.get(document);
        const relinked = this.linker.takeRelinked(document);
        if (cached?.model === model && relinked === undefined) return cached.contribution;
        const sameTree = cached?.model === model;
        const stale = sameTree && relinked !== 'all' && relinked ? new Set([...relinked].map(declarationOf)) : undefined;
        const formerly = cached && !sameTree ? declarationsByName(cached.model.elements ?? []) : undefined;
        const contribution = fileContribution(uri, (model.elements ?? []).map(element => {
            const known = stale && !stale.has(element) ? this.declarations.get(element) : undefined;
            if (known) return known.entry;
            const fresh = declarationContribution(element, uri);
            const key = formerly ? keyOf(element) : undefined;
            const before = sameTree ? element : key !== undefined ? formerly?.get(key) : undefined;
            const entry = before ? keptEntry(before, this.declarations.get(before)?.entry, element, fresh) : fresh;
            this.declarations.set(element, { entry });
            return entry;
        }));
        this.contributions.set(document, { model, contribution });
        return contribution;
    }
}

/** The top-level declaration (a child of the model) that holds the node. */
function declarationOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container?.$container) current = current.$container;
    return current;
}
