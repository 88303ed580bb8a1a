/**
 * What a click in the picture means. A click waits a moment for a second one, so that a double click
 * on a system opens its context view without also revealing its declaration in the editor.
 *
 * - a collapsed department: open it (a double click too);
 * - the title or fold mark of an opened department box: fold it back (elsewhere in the box: reveal the department);
 * - a system or flow: reveal its declaration; a double click on a system opens its context view;
 * - the background: clear the highlight.
 */
import { isIdOf, nameInId } from '../../../language-server/src/diagram/element-ids.js';

export type ClickTarget =
    | { kind: 'expand'; id: string }
    | { kind: 'collapse'; id: string }
    | { kind: 'element'; id: string; system: boolean }
    | { kind: 'background' };

export interface ClickActions {
    expand(id: string): void;
    collapse(id: string): void;
    reveal(id: string): void;
    openContext(systemName: string): void;
    clear(): void;
}

/** Long enough to tell a double click from two clicks, short enough not to feel slow. */
export const DOUBLE_CLICK_MS = 250;

/** The meaning of a press on `target`, given the departments the picture can open and fold. */
export function clickTarget(target: Element | null, expandable: readonly string[], collapsible: readonly string[]): ClickTarget {
    const element = target?.closest('[data-id]');
    const id = element?.getAttribute('data-id');
    if (!element || !id) return { kind: 'background' };
    if (expandable.includes(id)) return { kind: 'expand', id };
    if (element.classList.contains('integ-group')) {
        const onTitle = target?.closest('g.fold') !== null || (target?.parentElement === element && target.tagName.toLowerCase() === 'text');
        if (onTitle && collapsible.includes(id)) return { kind: 'collapse', id };
    }
    return { kind: 'element', id, system: element.classList.contains('integ-node') && isIdOf('system', id) };
}

export class Clicks {
    private pending?: ReturnType<typeof setTimeout>;

    constructor(private readonly actions: ClickActions) {}

    /** `count` is the click count of the release (2 for the second click of a double click). */
    click(target: ClickTarget, count: number): void {
        clearTimeout(this.pending);
        this.pending = undefined;
        if (count >= 2) {
            this.double(target);
            return;
        }
        this.pending = setTimeout(() => {
            this.pending = undefined;
            this.single(target);
        }, DOUBLE_CLICK_MS);
    }

    /** Enter on a node: a click without the wait. */
    single(target: ClickTarget): void {
        switch (target.kind) {
            case 'expand': return this.actions.expand(target.id);
            case 'collapse': return this.actions.collapse(target.id);
            case 'element': return this.actions.reveal(target.id);
            case 'background': return this.actions.clear();
        }
    }

    /** Shift+Enter on a node, or a double click. */
    double(target: ClickTarget): void {
        if (target.kind === 'element') {
            const system = target.system ? nameInId('system', target.id) : undefined;
            if (system !== undefined) this.actions.openContext(system);
            return;
        }
        this.single(target);
    }
}
