import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { VALUE_DOCS } from './keyword-docs.js';

/** Token type per declaration type, used for declarations and for references to them alike. */
const TYPE_OF: Record<string, string> = {
    Department: SemanticTokenTypes.namespace,
    Regulation: SemanticTokenTypes.macro,
    Classification: SemanticTokenTypes.enum,
    Entity: SemanticTokenTypes.struct,
    Field: SemanticTokenTypes.property,
    Platform: SemanticTokenTypes.interface,
    System: SemanticTokenTypes.class,
    Flow: SemanticTokenTypes.function,
    Process: SemanticTokenTypes.method,
    Roadmap: SemanticTokenTypes.namespace,
    Initiative: SemanticTokenTypes.event,
    Declaration: SemanticTokenTypes.variable
};

/**
 * Colours names by what they denote (systems, flows, entities, fields…) wherever they are written,
 * and enum values (`kind crm`, `style batch`) as enum members, which TextMate cannot tell apart
 * from names because keywords are valid names.
 */
export class IntegSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const cst = node.$cstNode;
        if (!cst) return;
        const nameNode = TYPE_OF[node.$type] ? GrammarUtils.findNodeForProperty(cst, 'name') : undefined;
        for (const leaf of CstUtils.streamCst(cst)) {
            if (!isLeafCstNode(leaf) || leaf.hidden || leaf.astNode !== node) continue;
            if (leaf === nameNode) {
                acceptor({ cst: leaf, type: TYPE_OF[node.$type], modifier: SemanticTokenModifiers.declaration });
                continue;
            }
            const source = leaf.grammarSource;
            if (GrammarAST.isCrossReference(source)) {
                const type = TYPE_OF[source.type.ref?.name ?? ''];
                if (type) acceptor({ cst: leaf, type });
            } else if (GrammarAST.isKeyword(source)) {
                const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule);
                if (rule && VALUE_DOCS[rule.name]) acceptor({ cst: leaf, type: SemanticTokenTypes.enumMember });
            }
        }
    }
}
