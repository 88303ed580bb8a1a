/**
 * The ids the diagram gives the elements it draws, which the rest go by too: the findings
 * grouped by element, the references an export links back with, the preview's clicks. Spelled here
 * only, so that a click, a finding and a line name the same element.
 */

/** The kinds of id a diagram draws, each the prefix before the element's name. */
export type ElementIdKind = 'system' | 'flow' | 'group' | 'dept' | 'agg';

function idOf(kind: string, name: string): string {
    return `${kind}:${name}`;
}

/** A system's box, and the system in findings and exports. */
export function systemId(name: string): string {
    return idOf('system', name);
}

/** A flow's own line, and the flow in findings and exports. */
export function flowId(name: string): string {
    return idOf('flow', name);
}

/** An opened department's frame. */
export function groupId(department: string): string {
    return idOf('group', department);
}

/** A closed department's box. */
export function departmentBoxId(department: string): string {
    return idOf('dept', department);
}

/** A line standing for the flows between two boxes (`kind`: where it carries flows of one kind only). */
export function bundleId(source: string, target: string, kind?: string): string {
    return idOf('agg', `${source}->${target}`) + (kind ? `:${kind}` : '');
}

/** Any element (a finding's, a change's) under the id its kind has in the diagram (systems and flows). */
export function elementIdOf(element: { kind: string; name: string }): string {
    return idOf(element.kind, element.name);
}

/** Whether `id` is of that kind. */
export function isIdOf(kind: ElementIdKind, id: string): boolean {
    return id.startsWith(idOf(kind, ''));
}

/** The name in an id of that kind, or undefined where the id is of another kind. */
export function nameInId(kind: ElementIdKind, id: string): string | undefined {
    return isIdOf(kind, id) ? id.slice(idOf(kind, '').length) : undefined;
}
