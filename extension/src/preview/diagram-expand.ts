/**
 * Opening and folding departments of the estate overview, as changes of the view's options. Pure
 * (no `vscode` import): the panel and the browser test's stand-in for it share it. Only ids the
 * picture on screen offers are accepted.
 */
import type { DiagramRequestResult } from '../../../language-server/src/lsp/protocol.js';
import { nameInId } from '../../../language-server/src/diagram/element-ids.js';
import type { DiagramViewOptions } from './diagram-messages.js';

type Drawn = Pick<DiagramRequestResult, 'expandable' | 'collapsible'>;

/** `dept:<name>` clicked: that department opens too. */
export function withExpanded(options: DiagramViewOptions, drawn: Drawn | undefined, id: string): DiagramViewOptions | undefined {
    const department = nameInId('dept', id);
    if (!drawn?.expandable.includes(id) || department === undefined) return undefined;
    return { ...options, expand: [...new Set([...(options.expand ?? []), department])] };
}

/** `group:<name>` folded: the departments left open are those drawn open but this one. */
export function withCollapsed(options: DiagramViewOptions, drawn: Drawn | undefined, id: string): DiagramViewOptions | undefined {
    const open = drawn?.collapsible ?? [];
    if (!open.includes(id)) return undefined;
    return { ...options, expand: open.filter(other => other !== id).flatMap(other => nameInId('group', other) ?? []) };
}
