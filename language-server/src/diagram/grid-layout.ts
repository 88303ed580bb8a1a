/**
 * A last-resort placement when ELK fails or is too slow even for the aggregated view: every group
 * is a block of nodes in a grid, edges are straight lines between node centres. Never overlaps,
 * never throws, linear in the graph size.
 */
import type { Box, DiagramGraph, DiagramLayout, Point } from './diagram-graph.js';
import { GROUP_TITLE_HEIGHT } from './node-sizing.js';

const GAP = 28;
const PAD = 16;
const PER_ROW = 6;

export function gridLayout(graph: DiagramGraph): DiagramLayout {
    const layout: DiagramLayout = { width: 0, height: 0, nodes: {}, groups: {}, edges: {} };
    const blocks = new Map<string | undefined, typeof graph.nodes>();
    for (const node of graph.nodes) {
        const list = blocks.get(node.group);
        if (list) list.push(node); else blocks.set(node.group, [node]);
    }
    let y = PAD;
    let width = 0;
    for (const [group, nodes] of blocks) {
        const top = group ? y + GROUP_TITLE_HEIGHT + 12 : y;
        const cell = nodes.reduce((widest, node) => Math.max(widest, node.width), 0);
        let bottom = top;
        nodes.forEach((node, i) => {
            const box: Box = { x: PAD * 2 + (i % PER_ROW) * (cell + GAP), y: top + Math.floor(i / PER_ROW) * (node.height + GAP), width: node.width, height: node.height };
            layout.nodes[node.id] = box;
            bottom = Math.max(bottom, box.y + box.height);
            width = Math.max(width, box.x + box.width + PAD * 2);
        });
        if (group) {
            const columns = Math.min(PER_ROW, nodes.length);
            layout.groups[group] = { x: PAD, y, width: PAD * 2 + columns * cell + (columns - 1) * GAP, height: bottom - y + PAD };
        }
        y = bottom + PAD + GAP;
    }
    for (const edge of graph.edges) {
        const a = layout.nodes[edge.source];
        const b = layout.nodes[edge.target];
        if (!a || !b) continue;
        layout.edges[edge.id] = { points: [border(a, centre(b)), border(b, centre(a))] };
    }
    layout.width = width;
    layout.height = y;
    return layout;
}

function centre(box: Box): Point {
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where the line from the box centre towards `to` leaves the box. */
function border(box: Box, to: Point): Point {
    const c = centre(box);
    const dx = to.x - c.x;
    const dy = to.y - c.y;
    if (dx === 0 && dy === 0) return c;
    const scale = Math.min(Math.abs((box.width / 2) / (dx || 1e-9)), Math.abs((box.height / 2) / (dy || 1e-9)));
    return { x: c.x + dx * Math.min(scale, 1), y: c.y + dy * Math.min(scale, 1) };
}
