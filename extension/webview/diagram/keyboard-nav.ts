/**
 * Moving between nodes with the keyboard: every node is focusable (one at a time in the tab order,
 * the arrow keys move focus to the nearest node in their direction), Enter acts as a click, Shift+Enter
 * as a double click, Escape clears the highlight, + and − zoom.
 */
import { centreOf, nodeElements, pictureBox, shapeOf, type Point } from './picture-geometry.js';

export type Direction = 'left' | 'right' | 'up' | 'down';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The candidate nearest `from` in `direction`: ahead of it, preferring those within 60° or so of the
 * direction, and among them the one with least distance ahead plus twice the distance aside.
 */
export function nearestInDirection(from: Point, candidates: ReadonlyArray<{ id: string; at: Point }>, direction: Direction): string | undefined {
    const along = (p: Point) => direction === 'right' ? p.x - from.x : direction === 'left' ? from.x - p.x : direction === 'down' ? p.y - from.y : from.y - p.y;
    const aside = (p: Point) => direction === 'right' || direction === 'left' ? Math.abs(p.y - from.y) : Math.abs(p.x - from.x);
    const ahead = candidates.filter(c => along(c.at) > 1);
    const inCone = ahead.filter(c => aside(c.at) <= along(c.at) * 2);
    const pool = inCone.length > 0 ? inCone : ahead;
    let best: { id: string; score: number } | undefined;
    for (const candidate of pool) {
        const score = along(candidate.at) + 2 * aside(candidate.at);
        if (!best || score < best.score) best = { id: candidate.id, score };
    }
    return best?.id;
}

export interface KeyboardActions {
    /** Enter on a node: what a click does. */
    activate(id: string): void;
    /** Shift+Enter on a node: what a double click does. */
    open(id: string): void;
    /** Focus moved to this node. */
    focused(id: string, node: SVGGElement): void;
    /** Focus left the nodes. */
    left(): void;
    escape(): void;
    zoom(factor: number): void;
    /** The node nearest the middle of what is on screen, where arrow keys start from when no node has focus. */
    middleNode(): SVGGElement | undefined;
}

export class KeyboardNav {
    constructor(private readonly viewport: HTMLElement, private readonly actions: KeyboardActions) {
        viewport.addEventListener('keydown', event => this.key(event));
        viewport.addEventListener('focusin', event => {
            const node = nodeOf(event.target);
            if (node) {
                this.makeCurrent(node);
                actions.focused(node.getAttribute('data-id') ?? '', node);
            }
        });
        viewport.addEventListener('focusout', event => {
            if (!nodeOf(event.relatedTarget)) actions.left();
        });
    }

    /**
     * Makes the new picture's nodes focusable; the node focused before keeps focus if it is still
     * drawn and the panel has focus: a live update must not pull focus out of the editor or a quick
     * pick the user has moved to (the webview's document keeps its focused node while it is unfocused).
     */
    prepare(svg: SVGSVGElement, focusedId: string | undefined): void {
        const nodes = nodeElements(svg);
        for (const node of nodes) {
            node.setAttribute('tabindex', '-1');
            node.setAttribute('role', 'button');
            const title = Array.from(node.querySelectorAll(':scope > text.label')).map(text => text.textContent ?? '').join(' ');
            const detail = node.querySelector(':scope > text.detail')?.textContent ?? '';
            node.setAttribute('aria-label', detail ? `${title}, ${detail}` : title);
        }
        const keep = nodes.find(node => node.getAttribute('data-id') === focusedId);
        const current = keep ?? nodes[0];
        current?.setAttribute('tabindex', '0');
        if (keep && document.hasFocus()) keep.focus({ preventScroll: true });
    }

    focus(node: SVGGElement): void {
        this.makeCurrent(node);
        node.focus({ preventScroll: true });
    }

    /** One node in the tab order at a time (a roving tab index): Tab leaves the picture instead of visiting every node. */
    private makeCurrent(node: SVGGElement): void {
        for (const other of Array.from(this.viewport.querySelectorAll('g.integ-node[tabindex="0"]'))) if (other !== node) other.setAttribute('tabindex', '-1');
        node.setAttribute('tabindex', '0');
    }

    private key(event: KeyboardEvent): void {
        const node = nodeOf(event.target);
        const direction = ARROWS[event.key];
        if (direction) {
            event.preventDefault();
            const next = node ? this.neighbour(node, direction) : this.actions.middleNode();
            if (next) this.focus(next);
            return;
        }
        const id = node?.getAttribute('data-id');
        if (event.key === 'Enter' && id) {
            event.preventDefault();
            if (event.shiftKey) this.actions.open(id);
            else this.actions.activate(id);
        } else if (event.key === 'Escape') {
            this.actions.escape();
        } else if (event.key === '+' || event.key === '=') {
            this.actions.zoom(1.25);
        } else if (event.key === '-') {
            this.actions.zoom(0.8);
        }
    }

    private neighbour(node: SVGGElement, direction: Direction): SVGGElement | undefined {
        const nodes = nodeElements(this.viewport);
        const at = (element: SVGGElement) => centreOf(pictureBox(shapeOf(element)));
        const candidates = nodes.filter(other => other !== node).map(other => ({ id: other.getAttribute('data-id') ?? '', at: at(other) }));
        const id = nearestInDirection(at(node), candidates, direction);
        return nodes.find(other => other.getAttribute('data-id') === id);
    }
}

function nodeOf(target: EventTarget | null): SVGGElement | undefined {
    return target instanceof Element && target.matches('g.integ-node[data-id]') ? target as SVGGElement : undefined;
}
