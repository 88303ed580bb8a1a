import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isAccept, isEntity, isField, isRuleSeverity } from '../generated/ast.js';
import type { IntegServices } from './lsp-services.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { declaredOf } from './declared-of.js';
import { lookupFor } from './element-summary.js';
import { dataHover, declarationHover, flowHover, ruleHover, systemHover } from './hover-content.js';
import { KEYWORD_DOCS, VALUE_DOCS } from './keyword-docs.js';

/**
 * Hover with the impact figures of the current analysis: a system's flows, findings, manual hours
 * and what retiring it would break; a flow's route, carried fields with their classifications,
 * schedule, hours and controls; where an entity's or field's data is stored and which flows carry
 * it; and the catalogue entry for a rule id written in `accept "…"` or `rule "…"`.
 */
export class IntegHoverProvider extends AstNodeHoverProvider {
    private readonly analysis: WorkspaceAnalysis;

    constructor(services: IntegServices) {
        super(services);
        this.analysis = services.analysis.WorkspaceAnalysis;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (root) {
            const offset = document.textDocument.offsetAt(params.position);
            const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
            const node = leaf?.astNode;
            if (leaf && (isAccept(node) || isRuleSeverity(node)) && GrammarUtils.findNodeForProperty(node.$cstNode, 'rule') === leaf) {
                const content = ruleHover(node.rule);
                return content ? { contents: { kind: 'markdown', value: content }, range: leaf.range } : undefined;
            }
        }
        return super.getHoverContent(document, params);
    }

    /** Keywords and enum values explain themselves (`style manual`: the manual-re-entry gap). */
    protected override getKeywordHoverContent(node: AstNode): Hover | undefined {
        if (!GrammarAST.isKeyword(node)) return undefined;
        const rule = AstUtils.getContainerOfType(node, GrammarAST.isParserRule);
        const text = (rule && VALUE_DOCS[rule.name]?.[node.value]) ?? KEYWORD_DOCS[node.value];
        return text ? { contents: { kind: 'markdown', value: `\`${node.value}\` — ${text}` } } : undefined;
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        const { estate, findings } = this.analysis.result;
        const lookup = lookupFor(estate, findings);
        if (isField(node) && isEntity(node.$container)) {
            const summary = lookup.data(node.$container.name, node.name);
            if (summary) return dataHover(summary);
        }
        if (isEntity(node)) {
            const summary = lookup.data(node.name);
            if (summary) return dataHover(summary);
        }
        if (node.$type === 'System') {
            const summary = lookup.system((node as AstNode & { name: string }).name);
            if (summary) return systemHover(summary);
        }
        if (node.$type === 'Flow') {
            const summary = lookup.flow((node as AstNode & { name: string }).name);
            if (summary) return flowHover(summary, lookup);
        }
        const declared = declaredOf(estate, node);
        return declared ? declarationHover(declared) : undefined;
    }
}
