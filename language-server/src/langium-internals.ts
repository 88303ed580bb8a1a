/**
 * Every use of Langium's internals — members outside its public API, which any release may change —
 * goes through this file. Checked against Langium 4.4.0 and the Chevrotain 13.2.0 it runs on;
 * package.json pins both exactly. To upgrade either, read each declaration below against the new
 * sources (langium/lib/references/linker.js, workspace/document-builder.js, parser/langium-parser.js,
 * parser/cst-node-builder.js, chevrotain's recoverable parser): the compiler then finds every use.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
    DefaultDocumentBuilder, DocumentState,
    type AstNode, type AstNodeDescription, type CompositeCstNode, type CstNode, type DocumentBuildListener,
    type LangiumDocument, type LangiumParser, type Reference, type ReferenceInfo
} from 'langium';

// ---------------------------------------------------------------- references (DefaultReferenceImpl)

/** A reference as Langium's linker makes it: besides the public fields, its resolution and where it is written. */
export interface LinkableReference extends Reference {
    /** The resolved node, a linking error, or undefined while unresolved. */
    _ref: unknown;
    _nodeDescription?: AstNodeDescription;
    /** The node holding the reference and the property it is written in. */
    node: AstNode;
    property: string;
}

/** A single-target reference made by Langium's linker, which can be reset and linked again on its own. */
export function isLinkable(reference: unknown): reference is LinkableReference {
    const candidate = reference as Partial<LinkableReference>;
    return '_ref' in (reference as object) && candidate.node !== undefined && typeof candidate.property === 'string';
}

/** What the reference resolved to (a node, a linking error, or undefined), without resolving it now. */
export function resolution(reference: LinkableReference): unknown {
    return reference._ref;
}

/** Unresolved again, as Langium's `unlink` leaves it, so that linking it resolves its name afresh. */
export function forgetResolution(reference: LinkableReference): void {
    reference._ref = undefined;
    delete reference._nodeDescription;
}

/** Where the reference is written, as the linker is given it. */
export function referenceInfo(reference: LinkableReference): ReferenceInfo {
    const value = (reference.node as unknown as Record<string, unknown>)[reference.property];
    const index = Array.isArray(value) ? value.indexOf(reference) : undefined;
    return { reference, container: reference.node, property: reference.property, index: index !== undefined && index >= 0 ? index : undefined };
}

// ---------------------------------------------------------------- document builder (DefaultDocumentBuilder)

/** Langium's document builder with the two of its internals the relinking builder needs. */
export abstract class DocumentBuilderWithInternals extends DefaultDocumentBuilder {
    /** The listeners of a build phase, in the order Langium calls them. */
    protected listenersOf(state: DocumentState): DocumentBuildListener[] {
        return this.buildPhaseListeners.get(state).slice();
    }

    /**
     * Keeps the document's links but has the next build link it again: Langium's reset to `Linked`
     * keeps them, and a state below `Linked` makes the build call the linker, which then decides
     * which references to revisit.
     */
    protected linkAgainKeepingLinks(document: LangiumDocument): void {
        this.resetToState(document, DocumentState.Linked);
        document.state = DocumentState.ComputedScopes;
    }
}

// ---------------------------------------------------------------- parser (LangiumParser, CstNodeBuilder, Chevrotain)

/** The members of Chevrotain's recoverable parser that decide how far recovery goes. */
export interface RecoveringParser {
    recoveryEnabled: boolean;
    findReSyncTokenType(): TokenType;
    flattenFollowSet(): TokenType[];
    LA(k: number): IToken;
    SAVE_ERROR(error: Error): Error;
    attemptInRepetitionRecovery(...args: unknown[]): void;
}

/** The members of Langium's CST builder that place comments in the syntax tree. */
export interface CstBuilderInternals {
    readonly current: CompositeCstNode;
    rootNode: CompositeCstNode;
    createLeafNode(token: IToken, hidden: boolean): CstNode;
    addHiddenNodes(tokens: IToken[]): void;
    removeNode(node: CstNode): void;
}

/** The members of Langium's parser that the guarded parser and the comment placement replace. */
export interface ParserInternals {
    wrapper: RecoveringParser;
    nodeBuilder: CstBuilderInternals;
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
}

export function parserInternals(parser: LangiumParser): ParserInternals {
    return parser as unknown as ParserInternals;
}

/** Makes a CST node a child of `parent` (Langium sets `container` only when it builds the node). */
export function adoptCstNode(node: CstNode, parent: CompositeCstNode): void {
    (node as { container?: CompositeCstNode }).container = parent;
}
