import { Cancellation, interruptAndCheck, isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/** Nodes visited between two checks for cancellation (a few hundred microseconds of work). */
const NODES_PER_CHECK = 500;

/**
 * Visits every node of the tree in document order, checking for cancellation every few hundred
 * nodes. Langium's linker and validator await a cancellation check at every node: on a large
 * estate that is one microtask per node, a noticeable share of linking and validation time. The
 * nodes are gathered by plain recursion first: Langium's tree streams made an iterator and a key
 * list per node, a good part of the garbage of every edit.
 */
export async function forEachNode(root: AstNode, cancelToken: Cancellation.CancellationToken, visit: (node: AstNode) => void | Promise<void>): Promise<void> {
    const nodes: AstNode[] = [];
    gatherNodes(root, nodes);
    for (let i = 0; i < nodes.length; i++) {
        if ((i + 1) % NODES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
        const pending = visit(nodes[i]);
        if (pending) await pending;
    }
}

/** The node and its descendants in document order, as Langium's `streamAst` gives them. */
function gatherNodes(node: AstNode, into: AstNode[]): void {
    into.push(node);
    const properties = node as unknown as Record<string, unknown>;
    for (const property in properties) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = properties[property];
        if (Array.isArray(value)) {
            for (const item of value) if (isAstNode(item)) gatherNodes(item, into);
        } else if (isAstNode(value)) {
            gatherNodes(value, into);
        }
    }
}

/** The references a node holds itself, in the order of Langium's `streamReferences`. */
export function forEachReference(node: AstNode, visit: (info: ReferenceInfo) => void): void {
    const properties = node as unknown as Record<string, unknown>;
    for (const property in properties) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = properties[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item) || isMultiReference(item)) visit({ reference: item, container: node, property, index });
            }
        }
    }
}

const DOLLAR = '$'.charCodeAt(0);
