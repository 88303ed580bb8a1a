import type { AstNode, ValidationCheck, ValidationChecks } from 'langium';
import type * as ast from '../generated/ast.js';
import { declarationChecks } from './declaration-checks.js';
import { rangeChecks } from './range-checks.js';

/**
 * The language's own checks, one function per node type: Langium wraps each registered check of
 * each node in a promise, so check sets registered apart would multiply that cost on every
 * declaration of every build.
 */
export const languageChecks: ValidationChecks<ast.IntegrationAstType> = mergeChecks(declarationChecks, rangeChecks);

function mergeChecks(...sets: Array<ValidationChecks<ast.IntegrationAstType>>): ValidationChecks<ast.IntegrationAstType> {
    const byType = new Map<string, ValidationCheck[]>();
    for (const set of sets) {
        for (const [type, checks] of Object.entries(set) as Array<[string, ValidationCheck | ValidationCheck[]]>) {
            byType.set(type, [...byType.get(type) ?? [], ...Array.isArray(checks) ? checks : [checks]]);
        }
    }
    const merged: Record<string, ValidationCheck> = {};
    for (const [type, checks] of byType) {
        merged[type] = checks.length === 1 ? checks[0] : (node: AstNode, accept, cancelToken) => {
            let pending: Array<Promise<void>> | undefined;
            for (const check of checks) {
                const result = check(node, accept, cancelToken);
                if (result instanceof Promise) (pending ??= []).push(result);
            }
            return pending && Promise.all(pending).then(() => undefined);
        };
    }
    return merged as ValidationChecks<ast.IntegrationAstType>;
}
