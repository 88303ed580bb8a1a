/**
 * Where things are in the picture, in the coordinates of the picture itself (the root SVG's user
 * units, which the server makes equal to CSS pixels at 100 %): unaffected by pan and zoom, so the
 * same node can be compared across two pictures and placed on screen by the pan.
 */
import { nameInId } from '../../../language-server/src/diagram/element-ids.js';

export interface Point { x: number; y: number }
export interface Box { x: number; y: number; width: number; height: number }

export function pictureBox(element: SVGGraphicsElement): Box {
    const box = element.getBBox();
    const matrix = element.getCTM();
    if (!matrix) return { x: box.x, y: box.y, width: box.width, height: box.height };
    const corners = [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]]
        .map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
    const xs = corners.map(p => p.x);
    const ys = corners.map(p => p.y);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

export function centreOf(box: Box): Point {
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The shape that stands for an element: a node's box, a group's frame, a flow's line (its label's box when it has one). */
export function shapeOf(element: Element): SVGGraphicsElement {
    const shape = element.querySelector(':scope > rect.box, :scope > rect.frame, :scope > g.elabel > rect, :scope > path.line');
    return (shape ?? element) as SVGGraphicsElement;
}

export function nodeElements(root: ParentNode): SVGGElement[] {
    return Array.from(root.querySelectorAll<SVGGElement>('g.integ-node[data-id]'));
}

/** Centre of every node's box, by `data-id`. */
export function nodeCentres(root: ParentNode): Map<string, Point> {
    const centres = new Map<string, Point>();
    for (const node of nodeElements(root)) centres.set(node.getAttribute('data-id') ?? '', centreOf(pictureBox(shapeOf(node))));
    return centres;
}

/** The element of the picture with this `data-id` (compared as text: ids hold any character a name may). */
export function elementById(root: ParentNode, id: string): SVGGElement | undefined {
    return Array.from(root.querySelectorAll<SVGGElement>('[data-id]')).find(element => element.getAttribute('data-id') === id);
}

/** The bundled line a flow (`flow:<name>`) runs in, where the view draws it in one (its `data-flows`). */
export function bundleCarrying(root: ParentNode, id: string): SVGGElement | undefined {
    const name = nameInId('flow', id);
    if (name === undefined) return undefined;
    return Array.from(root.querySelectorAll<SVGGElement>('[data-flows]')).find(line => (line.getAttribute('data-flows') ?? '').split(' ').includes(name));
}
