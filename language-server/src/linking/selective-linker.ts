import { AstUtils, Cancellation, DefaultLinker, isAstNode, type AstNode, type IndexManager, type LangiumCoreServices, type LangiumDocument, type Reference, type URI } from 'langium';
import { forgetResolution, isLinkable, referenceInfo, resolution, type LinkableReference } from '../langium-internals.js';
import { forEachNode, forEachReference } from '../parser/ast-walk.js';

/** What changed in a document's links since the workspace analysis last asked. */
export type RelinkedNodes = 'all' | ReadonlySet<AstNode>;

/**
 * Langium re-links every reference of every document that refers into an edited file. Renaming a
 * hub system re-linked a dozen whole files per keystroke. This linker, told which files changed,
 * re-links only the references that can resolve differently now: those that failed, those that
 * resolved into a changed file, and those whose name a changed file now declares (a user
 * declaration replaces a library one). Everything else keeps its target.
 */
export class SelectiveLinker extends DefaultLinker {
    private readonly indexManager: () => IndexManager;
    /** Documents waiting for a selective re-link, with the files that changed. */
    private readonly pending = new WeakMap<LangiumDocument, Set<string>>();
    private readonly relinked = new WeakMap<LangiumDocument, 'all' | Set<AstNode>>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.indexManager = () => services.shared.workspace.IndexManager;
    }

    /** The next link of this fully linked document only revisits what the changed files can affect. */
    relinkLater(document: LangiumDocument, changedUris: ReadonlySet<string>): boolean {
        if (!document.references.every(isLinkable)) return false;
        this.pending.set(document, new Set(changedUris));
        return true;
    }

    /**
     * Files changed again before the document's selective re-link ran (the build was cancelled by
     * the next edit): the re-link revisits them too. Nothing happens if it is not waiting for one.
     */
    widenPending(document: LangiumDocument, changedUris: Iterable<string>): void {
        const pending = this.pending.get(document);
        if (pending) for (const uri of changedUris) pending.add(uri);
    }

    /** The containers whose references were (re-)linked since the last call, or 'all'. */
    takeRelinked(document: LangiumDocument): RelinkedNodes | undefined {
        const relinked = this.relinked.get(document);
        this.relinked.delete(document);
        return relinked;
    }

    override unlink(document: LangiumDocument): void {
        this.pending.delete(document);
        super.unlink(document);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const changed = this.pending.get(document);
        if (!changed) {
            this.relinked.set(document, 'all');
            return forEachNode(document.parseResult.value, cancelToken, node => {
                forEachReference(node, reference => this.doLink(reference, document));
            });
        }
        this.pending.delete(document);
        const declaredThere = new Set(this.indexManager().allElements(undefined, changed).map(description => description.name));
        const kept: Reference[] = [];
        const stale: LinkableReference[] = [];
        const roots = new Map<URI, AstNode | undefined>();
        for (const reference of document.references as LinkableReference[]) {
            const target = reference.$nodeDescription?.documentUri.toString();
            if (reference.error || target === undefined || changed.has(target) || declaredThere.has(reference.$refText) || this.outdated(reference, roots)) stale.push(reference);
            else kept.push(reference);
        }
        document.references = kept;
        const nodes = this.relinkedNodes(document);
        for (const reference of stale) {
            forgetResolution(reference);
            this.doLink(referenceInfo(reference), document);
            if (nodes !== 'all') nodes.add(reference.node);
        }
    }

    /**
     * The target's file was parsed again since the reference was resolved: a file changed by an edit
     * whose build was cancelled may be missing from the changed files this re-link was told about.
     */
    private outdated(reference: LinkableReference, roots: Map<URI, AstNode | undefined>): boolean {
        const target = resolution(reference);
        const uri = reference.$nodeDescription?.documentUri;
        if (!isAstNode(target) || !uri) return false;
        // Looking a document up normalises its URI: once per target file, not per reference.
        if (!roots.has(uri)) roots.set(uri, this.langiumDocuments().getDocument(uri)?.parseResult.value);
        return roots.get(uri) !== AstUtils.findRootNode(target);
    }

    private relinkedNodes(document: LangiumDocument): 'all' | Set<AstNode> {
        let nodes = this.relinked.get(document);
        if (!nodes) {
            nodes = new Set();
            this.relinked.set(document, nodes);
        }
        return nodes;
    }
}
