import { DefaultScopeComputation, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { MultiMap } from 'langium';
import { isRoadmap, type Model } from '../generated/ast.js';

/**
 * One workspace-wide namespace: every top-level declaration and every initiative (nested in a
 * roadmap) goes to the global index. No local symbols are collected: the only nested scope,
 * fields of an entity, is computed from the resolved entity by the scope provider.
 */
export class GlobalScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const model = document.parseResult.value as Model;
        for (const element of model.elements ?? []) {
            this.addExportedSymbol(element, exports, document);
            if (isRoadmap(element)) {
                for (const initiative of element.initiatives) {
                    this.addExportedSymbol(initiative, exports, document);
                }
            }
        }
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }

    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        // Error recovery can leave declarations without a name; they must not reach the index.
        const name = this.nameProvider.getName(node);
        if (name) {
            exports.push(this.descriptions.createDescription(node, name, document));
        }
    }
}
