/**
 * The layout of views too large for one compound graph (compound-layout.ts): each department group
 * is laid out on its own (a small flat layered layout) and the groups are then placed as single
 * nodes: one nested INCLUDE_CHILDREN layout of such a view costs seconds (measured), this costs a
 * fraction of it. Flows are not labelled at this size (their tooltips carry the names). A flow that
 * leaves its department is routed in three pieces ELK draws itself — source node to a port of its
 * group, port to port between the groups, port to target node — and stitched back into one
 * polyline, then straightened where a straight way is clear. A group has one port per way across its
 * border (`Way`) and kind of flow: flows of one kind between two departments run as one bundle of
 * their colour.
 * Coordinates come back absolute.
 * Some ELK edges are given against the flow (to keep the layers few, see `reversed`); their
 * polylines are turned back, as ELK does itself for the edges it turns to break cycles.
 */
import type { DiagramGraph, DiagramLayout, EdgeGeometry, Point } from './diagram-graph.js';
import { EDGE_CLASSES, UNASSIGNED, type EdgeClass } from './diagram-graph.js';
import { colourNodes } from './colour-layers.js';
import { feedbackOrder, ranks, type RankedLink } from './node-order.js';
import { roomForEnds } from './end-room.js';
import { lineContext, straightenLayout } from './route-smoothing.js';
import { shortenDetours } from './line-shortcuts.js';
import { shiftStruckTitles } from './title-clearance.js';
import type { ElkEdge, ElkNode } from './elk-types.js';
import { GROUP_TITLE_HEIGHT } from './node-sizing.js';
import { textWidth } from './text-metrics.js';

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
    'elk.spacing.componentComponent': '48',
    'elk.json.edgeCoords': 'ROOT',
    'elk.json.shapeCoords': 'ROOT'
};

const ROOT_PADDING = '[top=16,left=16,bottom=16,right=16]';
const GROUP_PADDING = `[top=${GROUP_TITLE_HEIGHT + 12},left=16,bottom=16,right=16]`;

/** Above this many nodes, ELK's crossing minimisation runs one pass instead of seven (about 3× faster). */
const THOROUGH_UP_TO_NODES = 24;
/**
 * Model order keeps small layouts steady while they are edited, but multiplied layout time by 3–10
 * on a container with hundreds of edges (measured); each group and the root decide for themselves.
 */
const MODEL_ORDER_UP_TO_NODES = 60;
const MODEL_ORDER_UP_TO_EDGES = 80;
const GREEDY_SWITCH_UP_TO_EDGES = 150;

/** The ELK input for a graph, and how each diagram edge is drawn: the ELK edges whose sections, joined, make its polyline. */
export interface SplitPlan {
    /** Deterministic: the same graph gives the same JSON (the cache key). */
    root: ElkNode;
    routes: Map<string, string[]>;
    /** ELK edges given against the flow's direction, to be drawn the other way round. */
    reversed: Set<string>;
}

export function splitPlan(graph: DiagramGraph): SplitPlan {
    // Estate-sized graphs flow top-down between departments: they stack into a page instead of a long strip.
    const options: Record<string, string> = { ...LAYERED_OPTIONS, 'elk.direction': 'DOWN' };
    if (graph.nodes.length > THOROUGH_UP_TO_NODES) options['elk.layered.thoroughness'] = '1';

    const groups = new Map<string, ElkNode>();
    // Between departments, straight runs between the layers, as the compound layout draws them: at
    // right angles the bundles between departments turned several times a line, round the layers
    // in their way (docs/diagram.md). Inside a box lines keep to right angles: slanted, they ran
    // through the systems on their way to the box's port.
    const root: ElkNode = { id: 'root', layoutOptions: { ...options, 'elk.edgeRouting': 'POLYLINE', 'elk.padding': ROOT_PADDING }, children: [], edges: [] };
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
    root.children = [...topLevel, ...[...groups.values()].filter(group => group.children!.length > 0)];
    const openedAfterCollapsed = topLevel.length > 0;

    const routes = new Map<string, string[]>();
    /**
     * A box has one port per direction and kind of flow (its colour), and a system one line to it per
     * direction and kind: flows that share a stretch are then of one colour, and read as a bundle
     * (hover names them), never as a manual flow buried under an API trunk. A port per flow would
     * keep every line apart, but hundreds of ports along a box's side put a maze of lines into it.
     */
    const needed = new Map<ElkNode, Set<string>>([...groups.values()].map(group => [group, new Set<string>()]));
    const outPorts = new Set<string>();
    const carriers = new Set<string>();
    const boxRank = openedBoxRanks(graph, groupOf);
    /** Carriers between opened boxes given to ELK from the later box to the earlier (drawn back afterwards). */
    const upwards = new Set<string>();
    for (const edge of graph.edges) {
        const sourceGroup = groupOf.get(edge.source);
        const targetGroup = groupOf.get(edge.target);
        if (sourceGroup && sourceGroup === targetGroup) {
            sourceGroup.edges!.push({ id: edge.id, sources: [edge.source], targets: [edge.target] });
            routes.set(edge.id, [edge.id]);
            continue;
        }
        /** The port of `group` the flow passes and the stub between it and the flow's system there. */
        const border = (group: ElkNode, nodeId: string, way: Way): { port: string; stub: string } => {
            const [port, stub] = [portId(group.id, way, edge.edgeClass), stubId(nodeId, way, edge.edgeClass)];
            needed.get(group)!.add(port).add(stub);
            if (way === 'out') outPorts.add(port);
            return { port, stub };
        };
        const up = sourceGroup !== undefined && targetGroup !== undefined && boxRank.get(sourceGroup.id)! > boxRank.get(targetGroup.id)!;
        const out = sourceGroup && border(sourceGroup, edge.source, targetGroup ? (up ? 'upward' : 'onward') : 'out');
        const into = targetGroup && border(targetGroup, edge.target, up ? 'back' : 'in');
        const [from, to] = [out?.port ?? edge.source, into?.port ?? edge.target];
        const carrier = from === edge.source && to === edge.target ? edge.id : `carrier:${from}=>${to}`;
        if (!carriers.has(carrier)) {
            carriers.add(carrier);
            root.edges!.push(up ? { id: carrier, sources: [to], targets: [from] } : { id: carrier, sources: [from], targets: [to] });
            if (up) upwards.add(carrier);
        }
        routes.set(edge.id, [...(out ? [out.stub] : []), carrier, ...(into ? [into.stub] : [])]);
    }
    const collapsed = new Set(topLevel.map(node => node.id));
    const reversed = new Set([...directDenseTopLevel(root, collapsed), ...upwards]);
    // Beside collapsed departments an opened one gets both ports on the side flows come in from, and
    // its flows to collapsed departments go to ELK the other way round: every edge of the box then
    // comes from the collapsed block, so the box is laid out after the block instead of being
    // threaded through it (measured: the top level of a 155-node estate view in about half the time).
    if (openedAfterCollapsed) {
        for (const edge of root.edges!) {
            if (!outPorts.has(edge.sources[0]) || !collapsed.has(edge.targets[0])) continue;
            [edge.sources, edge.targets] = [edge.targets, edge.sources];
            reversed.add(edge.id);
        }
    }
    // Ports and stubs follow the group's own order, not the order flows reach them in: a department's
    // box is then the same ELK input in every view of a kind that shows it whole (every estate view
    // with it opened, whichever others are but those it has flows with), and its layout can be reused.
    const side: Record<Way, string> = { in: 'NORTH', out: openedAfterCollapsed ? 'NORTH' : 'SOUTH', onward: 'SOUTH', upward: 'NORTH', back: 'SOUTH' };
    for (const [group, ids] of needed) {
        for (const way of WAYS) {
            for (const edgeClass of EDGE_CLASSES) {
                const id = portId(group.id, way, edgeClass);
                if (ids.has(id)) group.ports!.push({ id, width: 1, height: 1, layoutOptions: { 'elk.port.side': side[way] } });
            }
        }
        for (const child of group.children!) {
            for (const way of WAYS) {
                for (const edgeClass of EDGE_CLASSES) {
                    const id = stubId(child.id, way, edgeClass);
                    if (!ids.has(id)) continue;
                    const port = portId(group.id, way, edgeClass);
                    group.edges!.push(INWARD.has(way) ? { id, sources: [port], targets: [child.id] } : { id, sources: [child.id], targets: [port] });
                }
            }
        }
    }
    // Inside a department lines run left to right, between departments top to bottom.
    for (const group of groups.values()) roomForEnds(new Map(group.children!.map(child => [child.id, child])), group.edges!, 'RIGHT');
    roomForEnds(new Map(topLevel.map(node => [node.id, node])), root.edges!, 'DOWN');
    for (const container of [root, ...groups.values()]) {
        if (container.children!.length <= MODEL_ORDER_UP_TO_NODES && container.edges!.length <= MODEL_ORDER_UP_TO_EDGES) {
            container.layoutOptions!['elk.layered.considerModelOrder.strategy'] = 'NODES_AND_EDGES';
        }
        // The greedy-switch pass only polishes crossings; on a dense container it cost 25–40 % of the layout (measured).
        if (container.edges!.length > GREEDY_SWITCH_UP_TO_EDGES) container.layoutOptions!['elk.layered.crossingMinimization.greedySwitch.type'] = 'OFF';
    }
    return { root, routes, reversed };
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

/**
 * How a flow passes a box's border: in through the top (from a collapsed department or an opened
 * box above), out to a collapsed department, and between two opened boxes, ranked
 * (`openedBoxRanks`): onward from the bottom of the earlier box (into the top of the later), upward
 * from the top of the later box back into the bottom of the earlier. A flow to the box below that
 * left from the top went up and round its own box first, and one to the box above that entered it
 * from the top went round that box.
 */
type Way = 'out' | 'in' | 'onward' | 'upward' | 'back';
const WAYS: readonly Way[] = ['in', 'out', 'onward', 'upward', 'back'];
const INWARD: ReadonlySet<Way> = new Set(['in', 'back']);

/**
 * The order the opened boxes stand in from top to bottom: few flows between them against it (a
 * feedback arc set, by number of flows). ELK is given every flow between two boxes from the earlier
 * to the later, so that it keeps this order.
 */
function openedBoxRanks(graph: DiagramGraph, groupOf: ReadonlyMap<string, ElkNode>): Map<string, number> {
    const links: RankedLink[] = [];
    for (const edge of graph.edges) {
        const [source, target] = [groupOf.get(edge.source), groupOf.get(edge.target)];
        if (source && target && source !== target) links.push({ source: source.id, target: target.id, weight: edge.flows.length });
    }
    return ranks(feedbackOrder(graph.groups.map(group => group.id), links));
}

function portId(groupId: string, way: Way, edgeClass: EdgeClass): string {
    return `port:${way}:${edgeClass}:${groupId}`;
}

function stubId(nodeId: string, way: Way, edgeClass: EdgeClass): string {
    return `stub:${way}:${edgeClass}:${nodeId}`;
}

/** Reads ELK's output back into absolute boxes and one polyline per diagram edge. */
export function splitLayout(graph: DiagramGraph, plan: SplitPlan, laidOut: ElkNode): DiagramLayout {
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
    for (const edge of graph.edges) {
        const route = plan.routes.get(edge.id) ?? [];
        if (route.some(piece => !elkEdges.has(piece))) continue;
        layout.edges[edge.id] = edgeGeometry(route.map(piece => ({ edge: elkEdges.get(piece)!, back: plan.reversed.has(piece) })));
    }
    // ELK's lines from a closed department reach a system of an opened box through a port on top
    // and round the box's gutter (three turns a line), and an overview's straight runs go round the
    // picture for a flow against the layers: each is straightened where a straight way is clear, as
    // in the compound layout.
    const { context } = lineContext(graph, layout);
    const read = shortenDetours(straightenLayout(layout, context), context);
    // Lines enter a department's box from above, some where its title is written: it slides clear of them.
    return graph.groups.length > 0 ? shiftStruckTitles(read, graph.groups) : read;
}

function edgeGeometry(pieces: Array<{ edge: ElkEdge; back: boolean }>): EdgeGeometry {
    const points: Point[] = [];
    for (const { edge, back } of pieces) {
        const line = (edge.sections ?? []).flatMap(section => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
        if (back) line.reverse();
        for (const p of line) {
            const last = points[points.length - 1];
            // Pieces meet at a port: drop the repeated point so the line has no zero-length segment.
            if (!last || Math.abs(last.x - p.x) > 0.5 || Math.abs(last.y - p.y) > 0.5) points.push({ x: p.x, y: p.y });
        }
    }
    return { points };
}
