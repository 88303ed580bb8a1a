/**
 * A view is laid out in two steps, as ELK does with a nested graph: each department box on its own,
 * then the top level, where a box is a fixed-size node with fixed ports. Taking the steps apart
 * gives the same picture and lets the layouter skip the boxes it laid out before (see box-cache.ts).
 */
import type { Point } from './diagram-graph.js';
import type { ElkEdge, ElkNode } from './elk-types.js';

/** The department boxes of an ELK graph (top-level nodes with content of their own). */
export function boxesOf(root: ElkNode): ElkNode[] {
    return (root.children ?? []).filter(child => (child.children ?? []).length > 0);
}

/**
 * Boxes laid out in one ELK run: each box at the origin, laid out by its own options; the wrapper
 * only keeps them where they are. Coordinates come back relative to each box.
 */
export function boxBatch(boxes: readonly ElkNode[]): ElkNode {
    return {
        id: 'boxes',
        layoutOptions: { 'elk.algorithm': 'fixed', 'elk.json.edgeCoords': 'ROOT', 'elk.json.shapeCoords': 'ROOT' },
        children: boxes.map(box => ({ ...box, x: 0, y: 0 }))
    };
}

/** The laid-out boxes of a batch by id. */
export function laidOutBoxes(batch: ElkNode): Map<string, ElkNode> {
    return new Map((batch.children ?? []).map(box => [box.id, box]));
}

/** The top level, each box replaced by a node of its laid-out size, with its ports where the box put them. */
export function topLevelOf(root: ElkNode, boxes: ReadonlyMap<string, ElkNode>): ElkNode {
    return withBoxes(root, boxes, (child, box) => ({
        id: box.id,
        width: box.width,
        height: box.height,
        ports: (box.ports ?? []).map(port => ({ id: port.id, x: port.x, y: port.y, width: port.width, height: port.height })),
        // The box keeps what it says about itself to the top level (a layer constraint), its ports stay
        // put. A box without ports (its flows to other departments are bundled and end at the box) lets
        // ELK spread the lines along the side that faces their other end.
        layoutOptions: { ...child.layoutOptions, 'elk.portConstraints': (box.ports ?? []).length > 0 ? 'FIXED_POS' : 'FREE' }
    }));
}

/** What ELK gives for the whole nested graph: the laid-out top level with each box's content moved into place. */
export function joinLayouts(topLevel: ElkNode, boxes: ReadonlyMap<string, ElkNode>): ElkNode {
    return withBoxes(topLevel, boxes, (child, box) => {
        const offset = { x: child.x ?? 0, y: child.y ?? 0 };
        return {
            ...child,
            children: (box.children ?? []).map(node => ({ ...node, x: (node.x ?? 0) + offset.x, y: (node.y ?? 0) + offset.y })),
            edges: (box.edges ?? []).map(edge => moveEdge(edge, offset))
        };
    });
}

/** The graph with each top-level child that has a box replaced as `replace` says. */
function withBoxes(graph: ElkNode, boxes: ReadonlyMap<string, ElkNode>, replace: (child: ElkNode, box: ElkNode) => ElkNode): ElkNode {
    return {
        ...graph,
        children: (graph.children ?? []).map(child => {
            const box = boxes.get(child.id);
            return box ? replace(child, box) : child;
        })
    };
}

function moveEdge(edge: ElkEdge, offset: Point): ElkEdge {
    const move = (p: Point): Point => ({ x: p.x + offset.x, y: p.y + offset.y });
    return {
        ...edge,
        sections: edge.sections?.map(section => ({
            startPoint: move(section.startPoint),
            endPoint: move(section.endPoint),
            bendPoints: section.bendPoints?.map(move)
        })),
        labels: edge.labels?.map(label => ({ ...label, x: (label.x ?? 0) + offset.x, y: (label.y ?? 0) + offset.y }))
    };
}
