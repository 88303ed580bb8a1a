import type { DeclarationChange } from './declaration-diff.js';

/** What a change does to one system or flow. */
export interface ElementChange {
    kind: 'system' | 'flow';
    name: string;
    change: DeclarationChange['change'];
    /** In words, for the picture's tooltip. */
    note: string;
    /** A renamed element's old name. */
    from?: string;
}

function drawn(kind: DeclarationChange['kind']): kind is ElementChange['kind'] {
    return kind === 'system' || kind === 'flow';
}

/**
 * The systems and flows a diff adds, removes, renames or changes, under the names the union of
 * both estates gives them: the head's, and the base's for what was removed.
 */
export function elementChanges(declarations: readonly DeclarationChange[]): ElementChange[] {
    const changes: ElementChange[] = [];
    for (const declaration of declarations) {
        const { kind, name } = declaration;
        if (!drawn(kind)) continue;
        changes.push({
            kind, name, change: declaration.change, note: noteOf(declaration), ...(declaration.change === 'renamed' ? { from: declaration.from } : {})
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
