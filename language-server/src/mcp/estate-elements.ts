import type { Declared, Estate } from '../model/estate.js';
import { ToolInputError } from './tool-result.js';

/** The kinds an assistant can search and describe, with the estate's table for each. */
export const ELEMENT_KINDS = ['system', 'flow', 'entity', 'process', 'initiative', 'platform', 'department', 'classification', 'regulation', 'roadmap'] as const;
export type ElementKind = typeof ELEMENT_KINDS[number];

const TABLE: Record<ElementKind, (estate: Estate) => ReadonlyMap<string, Declared>> = {
    system: estate => estate.systems,
    flow: estate => estate.flows,
    entity: estate => estate.entities,
    process: estate => estate.processes,
    initiative: estate => estate.initiatives,
    platform: estate => estate.platforms,
    department: estate => estate.departments,
    classification: estate => estate.classifications,
    regulation: estate => estate.regulations,
    roadmap: estate => estate.roadmaps
};

/** Every declaration written in the workspace (the standard library's are left out), of the given kinds. */
export function declarations(estate: Estate, kinds: readonly ElementKind[] = ELEMENT_KINDS): Declared[] {
    return kinds.flatMap(kind => [...TABLE[kind](estate).values()].filter(declared => !declared.source.builtin));
}

/**
 * The one declaration a name means. Names are unique per kind, not across kinds, so a name two
 * kinds share needs `kind`; a miss names close matches so the assistant can retry.
 */
export function findElement(estate: Estate, name: string, kind?: ElementKind): Declared {
    const kinds = kind ? [kind] : ELEMENT_KINDS;
    const found = kinds.flatMap(k => {
        const declared = TABLE[k](estate).get(name);
        return declared ? [declared] : [];
    });
    if (found.length === 1) return found[0];
    if (found.length > 1) throw new ToolInputError(`'${name}' names a ${found.map(d => d.kind).join(' and a ')}; pass kind to choose`);
    const lower = name.toLowerCase();
    const close = declarations(estate, kinds)
        .filter(d => d.name.toLowerCase().includes(lower) || lower.includes(d.name.toLowerCase()) || d.title.toLowerCase().includes(lower))
        .slice(0, 5).map(d => `${d.kind} ${d.name}`);
    throw new ToolInputError(`no ${kind ?? 'element'} named '${name}'${close.length > 0 ? `; did you mean ${close.join(', ')}?` : '; use the search tool to find names'}`);
}

/** Where a declaration is written, as the assistant should quote it: the file relative to the folder and a 1-based line. */
export function whereOf(declared: { source: { uri: string; range: { start: { line: number } } } }, displayPath: ReadonlyMap<string, string>): { file: string; line: number } {
    return { file: displayPath.get(declared.source.uri) ?? declared.source.uri, line: declared.source.range.start.line + 1 };
}
