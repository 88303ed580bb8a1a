import type { DeclarationChange } from './declaration-diff.js';

/** What a change does to one system or flow, keyed as the diagram keys its elements (`system:<name>`, `flow:<name>`). */
export interface ElementChange {
    change: DeclarationChange['change'];
    /** In words, for the picture's tooltip. */
    note: string;
    /** A renamed element's old name. */
    from?: string;
}

const DRAWN = new Set<DeclarationChange['kind']>(['system', 'flow']);

/**
 * The systems and flows a diff adds, removes, renames or changes, under the names the union of
 * both estates gives them: the head's, and the base's for what was removed.
 */
export function elementChanges(declarations: readonly DeclarationChange[]): Map<string, ElementChange> {
    const changes = new Map<string, ElementChange>();
    for (const declaration of declarations) {
        if (!DRAWN.has(declaration.kind)) continue;
        changes.set(`${declaration.kind}:${declaration.name}`, {
            change: declaration.change, note: noteOf(declaration), ...(declaration.change === 'renamed' ? { from: declaration.from } : {})
        });
    }
    return changes;
}

function noteOf(declaration: DeclarationChange): string {
    switch (declaration.change) {
        case 'added': return 'added by the change';
        case 'removed': return 'removed by the change';
        case 'renamed': return `renamed from ${declaration.from}`;
        case 'changed': return `changed: ${declaration.properties
            .map(property => `${property.property} ${property.before ?? 'not set'} → ${property.after ?? 'not set'}`).join('; ')}`;
    }
}
