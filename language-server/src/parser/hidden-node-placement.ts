import type { IToken } from 'chevrotain';
import type { CompositeCstNode, CstNode, LangiumParser } from 'langium';
import { adoptCstNode, parserInternals } from '../langium-internals.js';

const NONE: IToken[] = [];

/**
 * Comments go where Langium puts them, placed in time linear in the file. Langium's own placement
 * passes every comment before a token as arguments of one call (a file starting with 150,000
 * comment lines overflowed the stack and lost its whole model), takes them off the front of the
 * comment list with `splice` and finds the node being built with `indexOf` among its siblings, both
 * once per token: quadratic in a file of many commented declarations.
 */
export function placeHiddenNodesLinearly(langiumParser: LangiumParser): void {
    const parser = parserInternals(langiumParser);
    const builder = parser.nodeBuilder;
    /** The comment list of the parse under way and how many of its comments are placed. */
    let hidden: IToken[] | undefined;
    let placed = 0;

    parser.extractHiddenTokens = token => {
        const all = parser.lexerResult!.hidden;
        if (all !== hidden) {
            hidden = all;
            placed = 0;
        }
        const from = placed;
        while (placed < all.length && all[placed].startOffset <= token.startOffset) placed++;
        return from === placed ? NONE : all.slice(from, placed);
    };

    builder.addHiddenNodes = tokens => {
        // After parsing, Langium passes the whole list for the comments after the last token.
        if (tokens === hidden) {
            tokens = tokens.slice(placed);
            hidden = undefined;
        }
        if (tokens.length === 0) return;
        const nodes = tokens.map(token => builder.createLeafNode(token, true));
        let current = builder.current;
        if (current.content.length > 0) {
            insert(current, current.content.length, nodes);
            return;
        }
        // A node just opened: the comments go before it, in the nearest ancestor where it is not the first child.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                insert(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        insert(builder.rootNode, 0, nodes);
    };

    // The node removed is an empty one just built, so it is found from the end.
    builder.removeNode = node => {
        const content = node.container?.content as CstNode[] | undefined;
        const index = content?.lastIndexOf(node) ?? -1;
        if (index >= 0) content!.splice(index, 1);
    };
}

/**
 * Inserts in place without passing the nodes as arguments (past ~100,000 of them that overflows the
 * stack); the insertion point is at or next to the end, so only a node or two move.
 */
function insert(parent: CompositeCstNode, index: number, nodes: CstNode[]): void {
    const content = parent.content as CstNode[];
    const after = content.splice(index);
    for (const node of nodes) {
        adoptCstNode(node, parent);
        content.push(node);
    }
    for (const node of after) content.push(node);
}
