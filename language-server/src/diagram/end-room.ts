/**
 * Boxes grown before layout so that the lines ending on one of their sides stay apart.
 */
import type { LayoutDirection } from './diagram-graph.js';
import type { ElkEdge, ElkNode } from './elk-types.js';

/** The ends of lines on one side of a box keep at least this far apart. */
const END_PITCH = 12;
/** This many labelled flows between one pair of systems are stacked beside each other. */
const PARALLEL_STACKED = 4;
/** Room between two labels stacked in a layer. */
const LABEL_PITCH = 14;

/**
 * A box that many lines enter (or leave) on one side grows along that side until their ends are
 * `END_PITCH` apart: a hub's nine feeds into one side of a box 48 px tall would end 5 px apart,
 * their arrowheads on top of each other. Left to right, lines enter a box's left side and leave its
 * right; top to bottom, its top and bottom. Left to right, the two boxes of `PARALLEL_STACKED` or
 * more flows between one pair of systems grow to the height of their labels' stack: ELK stacks the
 * labels in the layer between them and otherwise lines the short boxes up with one label, the lines
 * to the top and bottom labels climbing to theirs and back.
 */
export function roomForEnds(nodes: ReadonlyMap<string, ElkNode>, edges: readonly ElkEdge[], direction: LayoutDirection): void {
    const [entering, leaving] = [new Map<string, number>(), new Map<string, number>()];
    for (const edge of edges) {
        for (const id of edge.sources) leaving.set(id, (leaving.get(id) ?? 0) + 1);
        for (const id of edge.targets) entering.set(id, (entering.get(id) ?? 0) + 1);
    }
    const stacks = new Map<string, number>();
    if (direction !== 'DOWN') {
        const parallel = new Map<string, ElkEdge[]>();
        for (const edge of edges) {
            const key = [edge.sources[0], edge.targets[0]].sort().join('\n');
            (parallel.get(key) ?? parallel.set(key, []).get(key)!).push(edge);
        }
        for (const group of parallel.values()) {
            if (group.length < PARALLEL_STACKED) continue;
            const height = group.reduce((sum, edge) => sum + Math.max(END_PITCH, ...(edge.labels ?? []).map(label => (label.height ?? 0) + LABEL_PITCH)), 0);
            for (const id of [group[0].sources[0], group[0].targets[0]]) stacks.set(id, Math.max(stacks.get(id) ?? 0, height));
        }
    }
    for (const [id, node] of nodes) {
        const needed = Math.max(Math.max(entering.get(id) ?? 0, leaving.get(id) ?? 0) * END_PITCH, stacks.get(id) ?? 0);
        if (direction === 'DOWN') node.width = Math.max(node.width ?? 0, needed);
        else node.height = Math.max(node.height ?? 0, needed);
    }
}
