import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { isFieldRef } from '../generated/ast.js';
import type { IntegServices } from './lsp-services.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';

/**
 * After each carried `Entity.field`, its classification (`: PII`), and after `Entity.*` how many
 * fields that is and which classifications come with them: what a reviewer needs to judge a flow
 * without opening the entity.
 */
export class IntegInlayHintProvider extends AbstractInlayHintProvider {
    private readonly analysis: WorkspaceAnalysis;

    constructor(services: IntegServices) {
        super();
        this.analysis = services.analysis.WorkspaceAnalysis;
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isFieldRef(node) || !node.$cstNode) return;
        const entity = this.analysis.result.estate.entities.get(node.entity?.$refText ?? '');
        if (!entity) return;
        const position = node.$cstNode.range.end;
        if (node.all) {
            const classifications = [...new Set(entity.fields.map(field => field.classification).filter((c): c is string => c !== undefined))];
            const label = `${entity.fields.length} fields${classifications.length > 0 ? `: ${classifications.join(', ')}` : ''}`;
            acceptor({ position, label, kind: InlayHintKind.Type, paddingLeft: true });
            return;
        }
        const field = entity.fields.find(f => f.name === node.field?.$refText);
        if (field?.classification) {
            acceptor({ position, label: `: ${field.classification}`, kind: InlayHintKind.Type });
        }
    }
}
