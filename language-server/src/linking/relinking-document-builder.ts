import {
    Cancellation, DocumentState,
    type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type MaybePromise, type Reference
} from 'langium';
import { DocumentBuilderWithInternals } from '../langium-internals.js';
import { SelectiveLinker } from './selective-linker.js';

/**
 * Langium's builder, with two changes to what an edit re-links:
 * - a document re-linked because another file changed keeps the references that file cannot
 *   affect (see `SelectiveLinker`); it is still re-indexed and re-validated, so its diagnostics and
 *   find-references follow the change;
 * - a document whose references a new declaration captures is re-linked too (a user
 *   `platform MuleSoft` replaces the library's for every flow `via MuleSoft`), which Langium,
 *   looking only at where references pointed before, misses.
 */
export class RelinkingDocumentBuilder extends DocumentBuilderWithInternals {
    /** Files indexed anew since the last check for captured references. */
    private readonly reindexed = new Set<string>();
    private buildOptions: BuildOptions = {};

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.IndexedContent, document => {
            this.reindexed.add(document.uri.toString());
        });
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        // When the selective reset applies, `update` must not reset the document for a full re-link.
        return this.affected(document, changedUris) && !this.resetForSelectiveRelink(document, changedUris);
    }

    /**
     * Langium asks the reference index; a document linked by a build the next edit cancelled has none
     * yet, and looked unaffected: its references into the changed file kept their old targets.
     */
    private affected(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (document.state < DocumentState.Linked || document.state >= DocumentState.IndexedReferences) return super.shouldRelink(document, changedUris);
        return document.references.some(reference => reference.error !== undefined || changedUris.has((reference as Reference).$nodeDescription?.documentUri.toString() ?? ''));
    }

    protected override buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        this.buildOptions = options;
        return super.buildDocuments(documents, options, cancelToken);
    }

    /**
     * Every listener hears of a phase the documents reached, even when the next edit cancels the
     * build meanwhile. Langium checks for cancellation between listeners: a build cancelled there
     * left the analysis cache or the diagnostics publisher unaware of a finished validation, and
     * with no file left to build, the editor kept the previous workspace's findings.
     */
    protected override async notifyBuildPhase(documents: LangiumDocument[], state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (documents.length === 0) return;
        for (const listener of this.listenersOf(state)) await listener(documents, cancelToken);
    }

    protected override async runCancelable(
        documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>
    ): Promise<void> {
        // Every file of the build is indexed by now and none is linked yet.
        if (targetState === DocumentState.ComputedScopes && this.reindexed.size > 0) this.addCapturedDocuments(documents);
        return super.runCancelable(documents, targetState, cancelToken, callback);
    }

    private addCapturedDocuments(documents: LangiumDocument[]): void {
        const changed = new Set(this.reindexed);
        this.reindexed.clear();
        // A document whose selective re-link a cancelled build left waiting (its reference index is
        // gone, so Langium no longer sees it as affected) takes every file indexed since into it.
        for (const document of documents) this.selectiveLinker(document)?.widenPending(document, changed);
        // Linked documents are not linked again by this build: those of a cancelled build included.
        const linked = this.langiumDocuments.all.filter(document => document.state >= DocumentState.Linked).toArray();
        if (linked.length === 0) return;
        const building = new Set(documents);
        const declared = new Set(this.indexManager.allElements(undefined, changed).map(description => description.name));
        for (const document of linked) {
            if (!document.references.some(reference => declared.has(reference.$refText))) continue;
            if (!this.resetForSelectiveRelink(document, changed)) this.resetToState(document, DocumentState.ComputedScopes);
            if (building.has(document)) continue;
            this.prepareBuild([document], this.buildOptions);
            documents.push(document);
        }
    }

    /**
     * Resets a linked document so that the next build re-links only what the changed files can
     * affect, and says whether it did: a document not fully linked, or with references the linker
     * cannot re-link one by one, needs a full re-link instead.
     */
    private resetForSelectiveRelink(document: LangiumDocument, changedUris: ReadonlySet<string>): boolean {
        if (document.state < DocumentState.Linked || !this.selectiveLinker(document)?.relinkLater(document, changedUris)) return false;
        this.linkAgainKeepingLinks(document);
        return true;
    }

    private selectiveLinker(document: LangiumDocument): SelectiveLinker | undefined {
        const linker = this.serviceRegistry.getServices(document.uri).references.Linker;
        return linker instanceof SelectiveLinker ? linker : undefined;
    }
}
