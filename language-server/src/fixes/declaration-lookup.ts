import { GrammarUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isRoadmap, type Model } from '../generated/ast.js';
import type { FindingElement } from '../rules/finding.js';
import type { BlockShape } from './property-edits.js';

const AST_TYPE: Partial<Record<FindingElement['kind'], string>> = {
    department: 'Department', regulation: 'Regulation', classification: 'Classification', entity: 'Entity',
    platform: 'Platform', system: 'System', flow: 'Flow', process: 'Process', roadmap: 'Roadmap', initiative: 'Initiative'
};

/** The declaration a finding is about, when it is written in this document. */
export function findDeclaration(model: Model, element: FindingElement): AstNode | undefined {
    const type = AST_TYPE[element.kind];
    if (!type) return undefined;
    for (const node of model.elements ?? []) {
        if (node.$type === type && (node as { name?: string }).name === element.name) return node;
        if (type === 'Initiative' && isRoadmap(node)) {
            const initiative = node.initiatives.find(i => i.name === element.name);
            if (initiative) return initiative;
        }
    }
    return undefined;
}

/** The node's own `{` and `}` (not those of nested declarations such as initiatives or `targets`). */
export function blockShapeOf(node: AstNode): BlockShape | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const closes = GrammarUtils.findNodesForKeyword(cst, '}');
    const close = closes[closes.length - 1];
    // An unclosed block (a parse error) has no sensible place for an insertion.
    if (open && !close) return undefined;
    return { end: cst.range.end, open: open?.range.start, close: close?.range.start };
}

/** Range of a written property's value(s): first to last node assigned to it. */
export function propertyRange(node: AstNode, property: string): Range | undefined {
    const nodes = node.$cstNode ? GrammarUtils.findNodesForProperty(node.$cstNode, property) : [];
    if (nodes.length === 0) return undefined;
    return { start: nodes[0].range.start, end: nodes[nodes.length - 1].range.end };
}

export function keywordRange(node: AstNode, keyword: string): Range | undefined {
    return node.$cstNode ? GrammarUtils.findNodeForKeyword(node.$cstNode, keyword)?.range : undefined;
}
