/**
 * Highlighting one element: a system with its flows and the systems at their other ends (a flow
 * with its two ends), the department boxes they sit in, the rest dimmed (root class `highlighting`,
 * class `lit` on what stays bright; the stylesheet does the dimming). A hover highlights for as long
 * as it lasts; a search result stays highlighted (pinned) until another search, a click elsewhere or Escape.
 * A set of elements can be pinned too (what retiring a system would break): each listed flow with its
 * two ends, each listed system alone.
 */
import { centreOf, elementById, pictureBox, shapeOf } from './picture-geometry.js';

/** One element with its neighbours, or exactly a set of elements. */
type Lit = string | readonly string[];

export class Highlighter {
    private pinned?: Lit;
    private shown?: Lit;

    constructor(private readonly canvas: HTMLElement) {}

    /** Highlights `id` for now (hover, keyboard focus); `undefined` returns to the pinned element, if any. */
    show(id: Lit | undefined): void {
        const target = id ?? this.pinned;
        if (target === this.shown) return;
        this.shown = target;
        this.paint(target);
    }

    pin(id: Lit | undefined): void {
        this.pinned = id;
        this.shown = undefined;
        this.show(id);
    }

    /** After a new picture: the same element, if it is still drawn, lit again. */
    repaint(): void {
        if (typeof this.shown === 'string' && !elementById(this.canvas, this.shown)) this.shown = undefined;
        if (typeof this.pinned === 'string' && !elementById(this.canvas, this.pinned)) this.pinned = undefined;
        this.paint(this.shown ?? this.pinned);
    }

    private paint(id: Lit | undefined): void {
        const svg = this.canvas.querySelector('svg');
        if (!svg) return;
        for (const element of Array.from(svg.querySelectorAll('.lit'))) element.classList.remove('lit');
        if (typeof id === 'object') {
            this.paintSet(svg, id);
            return;
        }
        const found = id === undefined ? undefined : elementById(svg, id);
        // Only systems, departments and flows: hovering the inside of a department box lights nothing.
        const target = found?.matches('.integ-node, .integ-edge') ? found : undefined;
        svg.classList.toggle('highlighting', target !== undefined);
        if (!target || id === undefined) return;
        light(svg, litElements(svg, target, id));
    }

    private paintSet(svg: SVGSVGElement, ids: readonly string[]): void {
        const drawn = ids.flatMap(id => elementById(svg, id) ?? []).filter(element => element.matches('.integ-node, .integ-edge'));
        svg.classList.toggle('highlighting', drawn.length > 0);
        const ends = drawn.filter(element => element.classList.contains('integ-edge'))
            .flatMap(edge => [edge.getAttribute('data-from'), edge.getAttribute('data-to')])
            .flatMap(end => (end === null ? [] : elementById(svg, end) ?? []));
        light(svg, [...drawn, ...ends]);
    }
}

function light(svg: SVGSVGElement, lit: Element[]): void {
    for (const element of lit) element.classList.add('lit');
    for (const group of enclosingGroups(svg, lit)) group.classList.add('lit');
}

function litElements(svg: SVGSVGElement, target: SVGGElement, id: string): Element[] {
    const edges = Array.from(svg.querySelectorAll('g.integ-edge[data-id]'));
    if (target.classList.contains('integ-edge')) {
        const ends = [target.getAttribute('data-from'), target.getAttribute('data-to')];
        return [target, ...ends.flatMap(end => end === null ? [] : [elementById(svg, end)]).filter((e): e is SVGGElement => e !== undefined)];
    }
    const touching = edges.filter(edge => edge.getAttribute('data-from') === id || edge.getAttribute('data-to') === id);
    const neighbours = new Set(touching.map(edge => edge.getAttribute('data-from') === id ? edge.getAttribute('data-to') : edge.getAttribute('data-from')));
    const nodes = Array.from(svg.querySelectorAll('g.integ-node[data-id]')).filter(node => neighbours.has(node.getAttribute('data-id')));
    return [target, ...touching, ...nodes];
}

/** Department boxes are drawn apart from their systems: a box is lit when a lit node sits inside it. */
function enclosingGroups(svg: SVGSVGElement, lit: Element[]): Element[] {
    const centres = lit.filter(element => element.classList.contains('integ-node')).map(node => centreOf(pictureBox(shapeOf(node))));
    return Array.from(svg.querySelectorAll('g.integ-group[data-id]')).filter(group => {
        const frame = pictureBox(shapeOf(group));
        return centres.some(c => c.x >= frame.x && c.x <= frame.x + frame.width && c.y >= frame.y && c.y <= frame.y + frame.height);
    });
}
