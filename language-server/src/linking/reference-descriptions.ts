import { CstUtils, UriUtils, type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type Reference, type ReferenceDescription, type ReferenceDescriptionProvider, type URI } from 'langium';
import { isLinkable } from '../langium-internals.js';

/**
 * The reference index read from the references the linker recorded, rather than from a walk over
 * every node of the document, and with paths and text segments worked out only when find-references
 * or rename reads them: re-indexing a re-linked file was a noticeable share of every edit.
 */
export class LinkedReferenceDescriptionProvider implements ReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;
    /**
     * A file re-linked because another changed keeps most references as they were (the selective
     * linker leaves them alone): each keeps its description while it points at the same target entry.
     */
    private readonly described = new WeakMap<Reference, { target: AstNodeDescription; description: LazyReferenceDescription }>();

    constructor(services: LangiumCoreServices) {
        this.locator = services.workspace.AstNodeLocator;
    }

    async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        for (const reference of document.references) {
            if (!isLinkable(reference) || reference.error || !reference.$refNode) continue;
            const target = reference.$nodeDescription;
            if (!target) continue;
            const known = this.described.get(reference);
            if (known?.target === target) {
                descriptions.push(known.description);
                continue;
            }
            const description = new LazyReferenceDescription(this.locator, document.uri, reference.node, reference, target.documentUri, target.path);
            this.described.set(reference, { target, description });
            descriptions.push(description);
        }
        return descriptions;
    }
}

class LazyReferenceDescription implements ReferenceDescription {
    readonly local: boolean;
    private path?: string;
    private range?: DocumentSegment;

    constructor(
        private readonly locator: AstNodeLocator,
        readonly sourceUri: URI,
        private readonly container: AstNode,
        private readonly reference: Reference,
        readonly targetUri: URI,
        readonly targetPath: string
    ) {
        this.local = UriUtils.equals(targetUri, sourceUri);
    }

    get sourcePath(): string {
        return this.path ??= this.locator.getAstNodePath(this.container);
    }

    get segment(): DocumentSegment {
        return this.range ??= CstUtils.toDocumentSegment(this.reference.$refNode!);
    }
}
