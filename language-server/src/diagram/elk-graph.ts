/**
 * Translation between the diagram graph and ELK's JSON graph. Each department group is laid out on
 * its own (a small flat layered layout) and the groups are then placed as single nodes: one nested
 * INCLUDE_CHILDREN layout of the whole view cost seconds on a 50-node, 500-flow view (measured),
 * this costs a fraction of it. A flow that leaves its department is routed in three pieces ELK
 * draws itself — source node to its group's out port, port to port between the groups, in port to
 * target node — and stitched back into one polyline. With one out and one in port per group, flows
 * between departments run as a few tidy trunks instead of a tangle. Coordinates come back absolute.
 * Some ELK edges are given against the flow (to keep the layers few, see `reversed`); their
 * polylines are turned back, as ELK does itself for the edges it turns to break cycles.
 */
import type { DiagramEdge, DiagramGraph, DiagramLayout, EdgeGeometry, Point } from './diagram-graph.js';
import { UNASSIGNED } from './diagram-graph.js';
import { colourNodes } from './colour-layers.js';
import { EDGE_FONT_PX, textWidth } from './text-metrics.js';

export interface ElkLabel { text?: string; width?: number; height?: number; x?: number; y?: number }
export interface ElkSection { startPoint: Point; endPoint: Point; bendPoints?: Point[] }
export interface ElkEdge { id: string; sources: string[]; targets: string[]; labels?: ElkLabel[]; sections?: ElkSection[]; layoutOptions?: Record<string, string> }
export interface ElkPort { id: string; width?: number; height?: number; x?: number; y?: number; layoutOptions?: Record<string, string> }
export interface ElkNode {
    id: string;
    x?: number; y?: number; width?: number; height?: number;
    children?: ElkNode[];
    ports?: ElkPort[];
    edges?: ElkEdge[];
    labels?: ElkLabel[];
    layoutOptions?: Record<string, string>;
}

export const GROUP_TITLE_HEIGHT = 28;
const EDGE_LABEL_HEIGHT = 16;

const LAYERED_OPTIONS: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '7',
    'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
    'elk.spacing.nodeNode': '28',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.edgeNode': '18',
    'elk.spacing.edgeEdge': '12',
    'elk.layered.spacing.edgeNodeBetweenLayers': '18',
    'elk.spacing.edgeLabel': '4',
    'elk.spacing.componentComponent': '48',
    'elk.edgeLabels.inline': 'false',
    'elk.json.edgeCoords': 'ROOT',
    'elk.json.shapeCoords': 'ROOT'
};

const ROOT_PADDING = '[top=16,left=16,bottom=16,right=16]';
const GROUP_PADDING = `[top=${GROUP_TITLE_HEIGHT + 12},left=16,bottom=16,right=16]`;

/** Above this many edges, labels cost more in width and layout time than they tell; tooltips carry them. */
export const MAX_LABELLED_EDGES = 24;
/** Above this many nodes, ELK's crossing minimisation runs one pass instead of seven (about 3× faster). */
const THOROUGH_UP_TO_NODES = 24;
/**
 * Model order keeps small layouts steady while they are edited, but multiplied layout time by 3–10
 * on a container with hundreds of edges (measured); each group and the root decide for themselves.
 */
const MODEL_ORDER_UP_TO_NODES = 60;
const MODEL_ORDER_UP_TO_EDGES = 80;
const GREEDY_SWITCH_UP_TO_EDGES = 150;

export function showsEdgeLabels(graph: DiagramGraph): boolean {
    return graph.edges.length <= MAX_LABELLED_EDGES;
}

type Direction = 'RIGHT' | 'DOWN';

/** How one diagram edge is drawn: the ELK edges whose sections, joined, make its polyline. */
interface ElkPlan {
    root: ElkNode;
    routes: Map<string, string[]>;
    /** The ELK edge that carries the label of a diagram edge, if labelled. */
    labelled: Map<string, string>;
    /** ELK edges given against the flow's direction, to be drawn the other way round. */
    reversed: Set<string>;
}

/** The ELK input for a graph. Deterministic: the same graph gives the same JSON (the cache key). */
export function toElkGraph(graph: DiagramGraph): ElkNode {
    return planElkGraph(graph).root;
}

function planElkGraph(graph: DiagramGraph): ElkPlan {
    const labelled = showsEdgeLabels(graph);
    // Unlabelled estate-sized graphs flow top-down between departments: they stack into a page instead of a long strip.
    const direction: Direction = labelled ? 'RIGHT' : 'DOWN';
    const options: Record<string, string> = { ...LAYERED_OPTIONS, 'elk.direction': direction };
    if (graph.nodes.length > THOROUGH_UP_TO_NODES) options['elk.layered.thoroughness'] = '1';

    const groups = new Map<string, ElkNode>();
    const root: ElkNode = { id: 'root', layoutOptions: { ...options, 'elk.padding': ROOT_PADDING }, children: [], edges: [] };
    for (const group of graph.groups) {
        // Inside a department the systems always flow left to right: wide, low boxes that stack into a landscape page.
        const layoutOptions: Record<string, string> = { ...options, 'elk.direction': 'RIGHT', 'elk.padding': GROUP_PADDING, 'elk.portConstraints': 'FIXED_SIDE' };
        // Systems without a department are an afterthought, not the centre of the picture.
        if (group.department === UNASSIGNED) layoutOptions['elk.layered.layering.layerConstraint'] = 'LAST';
        groups.set(group.id, {
            id: group.id,
            layoutOptions,
            // The title sits in the padding; a wide title must still fit the box.
            width: textWidth(group.label, 13) + 32,
            children: [],
            ports: [],
            edges: []
        });
    }
    const groupOf = new Map<string, ElkNode>();
    const topLevel: ElkNode[] = [];
    for (const node of graph.nodes) {
        const elkNode: ElkNode = { id: node.id, width: node.width, height: node.height };
        const group = node.group ? groups.get(node.group) : undefined;
        if (group) {
            group.children!.push(elkNode);
            groupOf.set(node.id, group);
        } else {
            topLevel.push(elkNode);
        }
    }
    root.children!.push(...topLevel, ...[...groups.values()].filter(group => group.children!.length > 0));

    const routes = new Map<string, string[]>();
    const labelledOn = new Map<string, string>();
    /** Ports and stubs needed: one out and one in port per group, one stub per node and way. */
    const needed = new Set<string>();
    /** Unlabelled flows between the same two ends (nodes or group ports) share one ELK edge: fewer edges to lay out, one trunk to read. */
    const shared = new Map<string, string>();
    const borderPort = (nodeId: string, way: 'out' | 'in'): string[] => {
        const group = groupOf.get(nodeId);
        if (!group) return [];
        const ids = [portId(group, way), stubId(nodeId, way)];
        ids.forEach(id => needed.add(id));
        return ids;
    };
    for (const edge of graph.edges) {
        const sourceGroup = groupOf.get(edge.source);
        const inside = sourceGroup !== undefined && sourceGroup === groupOf.get(edge.target);
        const [sourceEnd, outStub] = inside ? [] : borderPort(edge.source, 'out');
        const [targetEnd, inStub] = inside ? [] : borderPort(edge.target, 'in');
        const from = sourceEnd ?? edge.source;
        const to = targetEnd ?? edge.target;
        const label = labelled && edge.label ? [{ text: edge.label, width: edgeLabelWidth(edge), height: EDGE_LABEL_HEIGHT }] : undefined;
        const key = `${from}\u0000${to}`;
        let carrier = label ? undefined : shared.get(key);
        if (!carrier) {
            carrier = edge.id;
            (inside ? sourceGroup : root).edges!.push({ id: edge.id, sources: [from], targets: [to], labels: label ?? [] });
            if (label) labelledOn.set(edge.id, edge.id); else shared.set(key, carrier);
        }
        routes.set(edge.id, [outStub, carrier, inStub].filter((id): id is string => id !== undefined));
    }
    const collapsed = new Set(topLevel.map(node => node.id));
    const reversed = directDenseTopLevel(root, collapsed);
    // Beside collapsed departments an opened one gets both ports on the side flows come in from, and
    // its flows to collapsed departments go to ELK the other way round: every edge of the box then
    // comes from the collapsed block, so the box is laid out after the block instead of being
    // threaded through it (measured: the top level of a 155-node estate view in about half the time).
    const openedAfterCollapsed = collapsed.size > 0;
    if (openedAfterCollapsed) {
        const outPorts = new Set([...groups.values()].map(group => portId(group, 'out')));
        for (const edge of root.edges!) {
            if (!outPorts.has(edge.sources[0]) || !collapsed.has(edge.targets[0])) continue;
            [edge.sources, edge.targets] = [edge.targets, edge.sources];
            reversed.add(edge.id);
        }
    }
    // Ports and stubs follow the group's own order, not the order flows reach them in: a department's
    // box is then the same ELK input in every view of a kind that shows it whole (every estate view
    // with it opened, whichever others are), and its layout can be reused.
    const inSide = direction === 'RIGHT' ? 'WEST' : 'NORTH';
    const outSide = openedAfterCollapsed ? inSide : direction === 'RIGHT' ? 'EAST' : 'SOUTH';
    for (const group of groups.values()) {
        for (const way of ['in', 'out'] as const) {
            const id = portId(group, way);
            if (needed.has(id)) group.ports!.push({ id, width: 1, height: 1, layoutOptions: { 'elk.port.side': way === 'out' ? outSide : inSide } });
        }
        for (const child of group.children!) {
            for (const way of ['out', 'in'] as const) {
                const id = stubId(child.id, way);
                if (!needed.has(id)) continue;
                const port = portId(group, way);
                group.edges!.push(way === 'out' ? { id, sources: [child.id], targets: [port] } : { id, sources: [port], targets: [child.id] });
            }
        }
    }
    for (const container of [root, ...groups.values()]) {
        if (container.children!.length <= MODEL_ORDER_UP_TO_NODES && container.edges!.length <= MODEL_ORDER_UP_TO_EDGES) {
            container.layoutOptions!['elk.layered.considerModelOrder.strategy'] = 'NODES_AND_EDGES';
        }
        // The greedy-switch pass only polishes crossings; on a dense container it cost 25–40 % of the layout (measured).
        if (container.edges!.length > GREEDY_SWITCH_UP_TO_EDGES) container.layoutOptions!['elk.layered.crossingMinimization.greedySwitch.type'] = 'OFF';
    }
    return { root, routes, labelled: labelledOn, reversed };
}

/** More edges than this per node between top-level nodes make them a dense tangle (collapsed departments). */
const DENSE_EDGES_PER_NODE = 3;

/**
 * Between densely linked top-level nodes, edges are directed by a colouring of the nodes (see
 * colour-layers.ts): ELK then needs far fewer layers. Returns the edges turned round.
 */
function directDenseTopLevel(root: ElkNode, topLevel: ReadonlySet<string>): Set<string> {
    const reversed = new Set<string>();
    const between = root.edges!.filter(edge => topLevel.has(edge.sources[0]) && topLevel.has(edge.targets[0]));
    if (between.length <= DENSE_EDGES_PER_NODE * topLevel.size) return reversed;
    const colour = colourNodes([...topLevel], between.map(edge => [edge.sources[0], edge.targets[0]] as const));
    // Brandes–Köpf places the nodes four ways and keeps the narrowest; on this tangle the four came
    // out within a few per cent of each other, and computing one saves a tenth of the layout (measured).
    root.layoutOptions!['elk.layered.nodePlacement.bk.fixedAlignment'] = 'LEFTUP';
    for (const edge of between) {
        if (colour.get(edge.sources[0])! <= colour.get(edge.targets[0])!) continue;
        [edge.sources, edge.targets] = [edge.targets, edge.sources];
        reversed.add(edge.id);
    }
    return reversed;
}

function portId(group: ElkNode, way: 'out' | 'in'): string {
    return `port:${way}:${group.id}`;
}

function stubId(nodeId: string, way: 'out' | 'in'): string {
    return `stub:${way}:${nodeId}`;
}

export const LOCK_WIDTH = 14;
export const EDGE_BADGE_WIDTH = 22;

function hasFindings(edge: DiagramEdge): boolean {
    const counts = edge.findings;
    return counts.error + counts.warning + counts.info + counts.accepted > 0;
}

/** Room for the lock badge, the text and the finding badge, so ELK keeps all three clear of nodes. */
export function edgeLabelWidth(edge: DiagramEdge): number {
    return (edge.regulated ? LOCK_WIDTH : 0) + textWidth(edge.label, EDGE_FONT_PX) + 8 + (hasFindings(edge) ? EDGE_BADGE_WIDTH : 0);
}

/** Reads ELK's output back into absolute boxes and one polyline per diagram edge. */
export function fromElkGraph(graph: DiagramGraph, laidOut: ElkNode): DiagramLayout {
    const layout: DiagramLayout = { width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes: {}, groups: {}, edges: {} };
    const groupIds = new Set(graph.groups.map(group => group.id));
    const elkEdges = new Map<string, ElkEdge>();
    const visit = (node: ElkNode) => {
        for (const child of node.children ?? []) {
            const box = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
            if (groupIds.has(child.id)) layout.groups[child.id] = box; else layout.nodes[child.id] = box;
            visit(child);
        }
        for (const edge of node.edges ?? []) elkEdges.set(edge.id, edge);
    };
    visit(laidOut);
    const plan = planElkGraph(graph);
    for (const edge of graph.edges) {
        const pieces = (plan.routes.get(edge.id) ?? []).map(id => elkEdges.get(id));
        if (pieces.some(piece => piece === undefined)) continue;
        const labelEdge = plan.labelled.get(edge.id);
        layout.edges[edge.id] = edgeGeometry(pieces as ElkEdge[], plan.reversed, labelEdge ? elkEdges.get(labelEdge) : undefined);
    }
    return layout;
}

function edgeGeometry(pieces: ElkEdge[], reversed: ReadonlySet<string>, labelEdge: ElkEdge | undefined): EdgeGeometry {
    const points: Point[] = [];
    for (const piece of pieces) {
        const line = (piece.sections ?? []).flatMap(section => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
        if (reversed.has(piece.id)) line.reverse();
        for (const p of line) {
            const last = points[points.length - 1];
            // Pieces meet at a port: drop the repeated point so the line has no zero-length segment.
            if (!last || Math.abs(last.x - p.x) > 0.5 || Math.abs(last.y - p.y) > 0.5) points.push({ x: p.x, y: p.y });
        }
    }
    const label = labelEdge?.labels?.[0];
    return {
        points,
        label: label && label.x !== undefined && label.y !== undefined
            ? { x: label.x, y: label.y, width: label.width ?? 0, height: label.height ?? 0 }
            : undefined
    };
}
