import type { AstNode } from 'langium';
import type { DeclarationContribution } from './build-estate.js';
import type { Declared, Entity } from '../model/estate.js';
import { sameValue } from './same-value.js';

type Named = AstNode & { name?: unknown };

/** A file's previous top-level declarations by kind and name, to find a re-parsed declaration's former self. */
export function declarationsByName(elements: readonly AstNode[]): Map<string, AstNode> {
    const byName = new Map<string, AstNode>();
    for (const element of elements) {
        const key = keyOf(element);
        if (key !== undefined && !byName.has(key)) byName.set(key, element);
    }
    return byName;
}

export function keyOf(element: AstNode): string | undefined {
    const name = (element as Named).name;
    return typeof name === 'string' ? `${element.$type}\u0000${name}` : undefined;
}

/**
 * The entry made before for a declaration that is parsed or linked again, when the new one is
 * written exactly as before at the same place and resolves to the same value: the rules, which
 * keep their findings per declaration object, and the previews then see it unchanged. A re-parsed
 * declaration's entry takes the new syntax tree's source locations, which read the same, so that
 * the old tree is not kept alive by it.
 */
export function keptEntry(before: AstNode, previous: DeclarationContribution, node: AstNode, entry: DeclarationContribution): DeclarationContribution {
    if (previous?.kind !== 'declared' || entry?.kind !== 'declared' || previous.map !== entry.map) return entry;
    if (before !== node && !writtenAlike(before, node)) return entry;
    if (!sameValue(previous.value, entry.value, 'source')) return entry;
    if (before !== node) adoptSources(previous.value, entry.value);
    return previous;
}

/** Same text starting at the same line and character: every position inside is the same too. */
function writtenAlike(before: AstNode, node: AstNode): boolean {
    const old = before.$cstNode;
    const now = node.$cstNode;
    if (!old || !now || old.length !== now.length) return false;
    const from = old.range.start;
    const to = now.range.start;
    return from.line === to.line && from.character === to.character && old.text === now.text;
}

function adoptSources(kept: Declared, fresh: Declared): void {
    kept.source = fresh.source;
    if (kept.kind === 'entity') {
        const fields = (fresh as Entity).fields;
        (kept as Entity).fields.forEach((field, i) => { field.source = fields[i].source; });
    }
}
