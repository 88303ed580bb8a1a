/**
 * A view laid out as one graph: departments are compound nodes round their systems and ELK routes
 * every flow, inside a department or across, in the same run (`INCLUDE_CHILDREN`). Each flow gets its
 * own line and its own port, so parallel flows stay distinct and no flow hides under another. Flows
 * are given to ELK in the direction of the view's ranking (node-order.ts) and their lines turned back
 * afterwards, so a flow "against" the picture is a short line with its arrowhead pointing back
 * instead of a loop round the whole drawing. ELK's lines are then straightened (route-smoothing.ts).
 */
import type { Box, DiagramGraph, DiagramLayout, EdgeGeometry, LayoutDirection, Point } from './diagram-graph.js';
import type { ElkEdge, ElkLabel, ElkNode } from './elk-types.js';
import { centre, facingPoints, segmentsOf, spotsBeside } from './box-geometry.js';
import { colourNodes } from './colour-layers.js';
import { groupedRanks, ranks, type RankedLink } from './node-order.js';
import { GROUP_TITLE_HEIGHT, labelSize } from './node-sizing.js';
import { betterReading, SMALL_VIEW_NODES } from './layout-choice.js';
import { onOutline, segmentThroughBox } from './layout-quality.js';
import { drawLinesInto } from './incremental-layout.js';
import { linesFirst } from './lines-first.js';
import { roomForEnds } from './end-room.js';
import { shortenDetours } from './line-shortcuts.js';
import { lineContext, straightenLayout } from './route-smoothing.js';
import { withOpenLoops } from './self-loops.js';
import { closedSides, inOneColumn, withSideBrackets } from './side-brackets.js';
import { clearTitles, shiftStruckTitles } from './title-clearance.js';
import { textWidth } from './text-metrics.js';

export interface CompoundPlan {
    direction: LayoutDirection;
    labelled: boolean;
    /** More space between the boxes of a layer (×), to bring a thin strip nearer the panel's shape. */
    spread?: number;
    /** The view's previous layout: each node keeps its place in its layer, each flow its direction. */
    previous?: Record<string, Box>;
    /** Edges the previous layout did not have. */
    newEdges?: ReadonlySet<string>;
    /** ELK's random seed, when not the usual one: another seed is another try at ordering the layers. */
    seed?: number;
    /**
     * Cut the layers into rows (columns, going down) for a picture of about this width over height:
     * a long chain of departments then reads like lines of text instead of one strip too long for the panel.
     */
    wrap?: number;
    /**
     * At most this many boxes side by side in a layer (Coffman–Graham layering): a picture too wide
     * for its panel across the flow (a side panel) gets more, narrower layers.
     */
    layerBound?: number;
    /**
     * Labels in the layers that have room for them rather than each in a layer of its own between
     * its ends' (ELK's space-efficient label layers): fewer columns of labels across the picture.
     */
    packedLabels?: boolean;
    /** Labels in up to three narrow lines whichever way the picture runs (see `labelSize`). */
    narrowLabels?: boolean;
    /**
     * Less room for the lines between and through the layers: ELK leaves a slot per line, which the
     * straightened lines of a dense view do not use (see `CLOSE_LAYERS`). A view of a few boxes
     * also has them placed by network simplex, up to some two hundred lines (see `PLACED_CLOSE_UP_TO_NODES`).
     */
    closeLayers?: boolean;
    /**
     * A system outside every department moved to the other side of them: ranked before every other
     * node where it ranked after the department it trades with most, else after every other.
     */
    otherSide?: string;
    /**
     * Systems without a flow set in one column rather than a grid of three. In a department laid out
     * on its own (department-grid.ts) they are those whose flows all leave it: lines reach a column
     * from its side, where into a grid they had to weave between the boxes.
     */
    unlinkedColumn?: boolean;
    /**
     * Closed departments in a column before the opened ones (those that mostly feed them) and one
     * after (those they mostly feed), the lines within a column drawn round its outer side (side-brackets.ts).
     */
    sided?: boolean;
}

const BASE: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.mergeEdges': 'false',
    'elk.layered.mergeHierarchyEdges': 'false',
    'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    'elk.randomSeed': '7',
    'elk.spacing.nodeNode': '28',
    'elk.layered.spacing.nodeNodeBetweenLayers': '32',
    'elk.spacing.edgeEdge': '12',
    'elk.spacing.edgeNode': '18',
    'elk.layered.spacing.edgeNodeBetweenLayers': '16',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
    'elk.spacing.edgeLabel': '3',
    'elk.spacing.labelNode': '6',
    'elk.spacing.componentComponent': '36',
    'elk.edgeLabels.inline': 'false',
    'elk.json.edgeCoords': 'ROOT',
    'elk.json.shapeCoords': 'ROOT'
};

/**
 * Above this many nodes or lines, network-simplex placement and ELK's default crossing passes cost
 * more than a view's budget (`npm run bench`): every line that spans layers adds a node per layer to place.
 */
export const THOROUGH_UP_TO_NODES = 40;
export const THOROUGH_UP_TO_EDGES = 80;
const QUICK: Record<string, string> = { 'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF', 'elk.layered.thoroughness': '3' };
/**
 * Spacing of lines for a view of a few boxes and a hundred lines or more: each line got its slot
 * between two layers (10 px apart), for turns the straightened lines do not make, and the overview
 * of a 200-system estate came out half again as deep as it needed; within a layer each long line
 * passing it took a slot 12 px wide, and the to-be overview of that estate stayed too wide to read.
 */
const CLOSE_LAYERS: Record<string, string> = { 'elk.layered.spacing.edgeEdgeBetweenLayers': '4', 'elk.layered.spacing.edgeNodeBetweenLayers': '8', 'elk.spacing.edgeEdge': '4', 'elk.spacing.edgeNode': '8' };
/**
 * Up to this many boxes and lines, closer layers come with network-simplex placement even where the
 * lines are too many for it to be the rule: Brandes–Köpf set the overview of a 300-system estate
 * (17 departments, 150 lines) twice as wide as it needed, the busiest department at one end and its
 * lines round the picture's side, where network simplex, at four times the cost of one run, drew the
 * lines together and straight between the boxes (measured on five dense overviews: titles a third to
 * half again as large, the worst line nearer its way). Its cost climbs steeply with the lines: a run
 * for 20 departments and 236 lines took four times as long as one for 19 and 179.
 */
const PLACED_CLOSE_UP_TO_NODES = SMALL_VIEW_NODES;
const PLACED_CLOSE_UP_TO_EDGES = 200;

/**
 * How many orders ELK's crossing minimisation starts from (its default is 7). More orders find
 * fewer crossings, and each costs about a layout of the view's size: the most go to small views,
 * where a layout is quick and a crossing stands out.
 */
function thoroughness(graph: DiagramGraph): number {
    return graph.nodes.length <= SMALL_UP_TO_NODES && graph.edges.length <= SMALL_UP_TO_EDGES ? 50 : 20;
}
const SMALL_UP_TO_NODES = 20;
const SMALL_UP_TO_EDGES = 60;

const ROOT_PADDING = '[top=12,left=12,bottom=12,right=12]';
const GROUP_PADDING = `[top=${GROUP_TITLE_HEIGHT + 10},left=14,bottom=14,right=14]`;
/** Systems without a flow are set out in a grid of this many columns, this far apart. */
const BLOCK_GAP = 20;
const BLOCK_COLUMNS = 3;

/** The view's lines as links to rank by, each weighing as many flows as it stands for. */
function rankedLinks(edges: DiagramGraph['edges']): RankedLink[] {
    return edges.map(edge => ({ source: edge.source, target: edge.target, weight: edge.flows.length }));
}

/** More links than this per node make a flat view dense (collapsed departments, nearly every one linked to every other). */
const DENSE_LINKS_PER_NODE = 3;

/**
 * The rank of every node: the order in which the view reads, or undefined where ELK should choose.
 * Departments drawn as boxes need the ranking (lines between boxes must run one way) and so does a
 * process (it reads in step order). A flat view without an order of its own (the overview of
 * departments) is left to ELK's cycle breaking, which on it crossed far fewer lines (measured on the
 * sample's overview: 1 crossing against 8); a dense one ranks by a colouring (colour-layers.ts): no
 * order keeps its flows one way, and a colouring needs far fewer layers.
 */
export function viewRanks(graph: DiagramGraph, previous?: ReadonlyMap<string, number>): Map<string, number> | undefined {
    const links = rankedLinks(graph.edges);
    const flat = graph.groups.length === 0 && !graph.sequence?.length;
    if (flat && links.length > DENSE_LINKS_PER_NODE * graph.nodes.length) {
        return colourNodes(graph.nodes.map(node => node.id), links.map(link => [link.source, link.target] as const));
    }
    if (flat) return undefined;
    // A system without a flow is not ranked: it sits in a grid of its own, and its earlier place says nothing about the order.
    const linked = new Set(links.flatMap(link => [link.source, link.target]));
    return groupedRanks(graph.nodes.filter(node => linked.has(node.id)), links, graph.sequence, previous);
}

/**
 * The ranks with `id` moved to the other side of the department it trades with most: to the front
 * where it came after that department's systems, else to the back.
 */
function movedToOtherSide(graph: DiagramGraph, rank: Map<string, number> | undefined, id: string): Map<string, number> | undefined {
    if (!rank?.has(id)) return rank;
    const groupOf = new Map(graph.nodes.map(node => [node.id, node.group]));
    const trades = new Map<string, number>();
    for (const edge of graph.edges) {
        const other = edge.source === id ? edge.target : edge.target === id ? edge.source : undefined;
        const group = other && groupOf.get(other);
        if (group) trades.set(group, (trades.get(group) ?? 0) + 1);
    }
    const partner = [...trades].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!partner) return rank;
    const members = graph.nodes.filter(node => node.group === partner && rank.has(node.id)).map(node => rank.get(node.id)!);
    const after = rank.get(id)! > Math.max(...members);
    const order = [...rank.keys()].filter(node => node !== id).sort((a, b) => rank.get(a)! - rank.get(b)!);
    return ranks(after ? [id, ...order] : [...order, id]);
}

/** The ELK input of a view, which of its edges were given against the flow, and each label's lines. */
export interface CompoundInput {
    root: ElkNode;
    reversed: Set<string>;
    labelLines: Map<string, string[]>;
    /** The blocks of systems without a flow, each an ELK node whose cells are set out here. */
    unlinked: UnlinkedBlock[];
    /** With `CompoundPlan.sided`, the side of the opened departments each closed one is set on. */
    sides?: Map<string, number>;
}

export function compoundElkGraph(graph: DiagramGraph, plan: CompoundPlan): CompoundInput {
    const interactive: Record<string, string> = plan.previous ? { 'elk.layered.crossingMinimization.semiInteractive': 'true' } : {};
    const placedClose = plan.closeLayers && graph.nodes.length <= PLACED_CLOSE_UP_TO_NODES && graph.edges.length <= PLACED_CLOSE_UP_TO_EDGES;
    const quick = graph.nodes.length > THOROUGH_UP_TO_NODES || graph.edges.length > THOROUGH_UP_TO_EDGES
        ? placedClose ? { ...QUICK, 'elk.layered.nodePlacement.strategy': BASE['elk.layered.nodePlacement.strategy'] } : QUICK
        : { 'elk.layered.thoroughness': String(thoroughness(graph)) };
    const spread: Record<string, string> = plan.spread ? { 'elk.spacing.nodeNode': String(Math.round(Number(BASE['elk.spacing.nodeNode']) * plan.spread)) } : {};
    const seed: Record<string, string> = plan.seed !== undefined ? { 'elk.randomSeed': String(plan.seed) } : {};
    // SINGLE_EDGE wrapping throws with nested graphs; MULTI_EDGE leads the lines between rows round
    // the picture, which the line passes then take through the channels between the boxes.
    const wrap: Record<string, string> = plan.wrap ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': plan.wrap.toFixed(2) } : {};
    const bound: Record<string, string> = plan.layerBound ? { 'elk.layered.layering.strategy': 'COFFMAN_GRAHAM', 'elk.layered.layering.coffmanGraham.layerBound': String(plan.layerBound) } : {};
    const packed: Record<string, string> = plan.packedLabels ? { 'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'SPACE_EFFICIENT_LAYER' } : {};
    const closed: Record<string, string> = plan.closeLayers ? CLOSE_LAYERS : {};
    const root: ElkNode = {
        id: 'root', layoutOptions: { ...BASE, ...quick, ...interactive, ...spread, ...seed, ...wrap, ...bound, ...packed, ...closed, 'elk.direction': plan.direction, 'elk.padding': ROOT_PADDING },
        children: [], edges: []
    };
    const groups = new Map<string, ElkNode>();
    for (const group of graph.groups) {
        groups.set(group.id, {
            id: group.id,
            layoutOptions: {
                // Each department is a graph of its own to ELK: it takes the same placement, order hints and spacing.
                ...quick,
                ...interactive,
                ...spread,
                'elk.padding': GROUP_PADDING,
                'elk.nodeSize.constraints': 'MINIMUM_SIZE',
                'elk.nodeSize.minimum': `(${textWidth(group.label, 13) + 28},48)`
            },
            children: []
        });
    }
    const position = (box: Box | undefined): Record<string, string> => box ? { 'elk.position': `(${Math.round(box.x)},${Math.round(box.y)})` } : {};
    const linked = new Set(graph.edges.flatMap(edge => [edge.source, edge.target]));
    const elkNodes = new Map<string, ElkNode>();
    for (const node of graph.nodes) {
        if (!linked.has(node.id)) continue;
        const elkNode: ElkNode = { id: node.id, width: node.width, height: node.height, layoutOptions: position(plan.previous?.[node.id]) };
        elkNodes.set(node.id, elkNode);
        const group = node.group ? groups.get(node.group) : undefined;
        (group ? group.children! : root.children!).push(elkNode);
    }
    // Systems without a flow go into one block per department (or one for the view), laid out as a
    // grid here: left to ELK, each is a component of its own that moves whenever anything is added.
    const unlinked = unlinkedBlocks(graph, linked, plan.unlinkedColumn ? 1 : BLOCK_COLUMNS);
    for (const block of unlinked) {
        const known = block.cells.map(cell => plan.previous?.[cell.id]).filter((b): b is Box => b !== undefined);
        const hint = known.length > 0 ? { x: Math.min(...known.map(b => b.x)), y: Math.min(...known.map(b => b.y)), width: 0, height: 0 } : undefined;
        const group = block.group ? groups.get(block.group) : undefined;
        (group ? group.children! : root.children!).push({ id: block.id, width: block.width, height: block.height, layoutOptions: position(hint) });
    }
    for (const group of groups.values()) {
        if (group.children!.length === 0) continue;
        const boxes = graph.nodes.filter(node => node.group === group.id).map(node => plan.previous?.[node.id]).filter((b): b is Box => b !== undefined);
        if (boxes.length > 0) Object.assign(group.layoutOptions!, position({ x: Math.min(...boxes.map(b => b.x)), y: Math.min(...boxes.map(b => b.y)), width: 0, height: 0 }));
        root.children!.push(group);
    }
    const along = plan.previous
        ? new Map(Object.entries(plan.previous).map(([id, b]) => [id, plan.direction === 'DOWN' ? b.y + b.height / 2 : b.x + b.width / 2]))
        : undefined;
    const sides = plan.sided ? closedSides(graph, plan.previous, plan.direction) : undefined;
    const rank = sides ? sidedRanks(graph, linked, sides, along) : plan.otherSide ? movedToOtherSide(graph, viewRanks(graph, along), plan.otherSide) : viewRanks(graph, along);
    for (const [id, side] of sides ?? []) {
        const elkNode = elkNodes.get(id);
        if (elkNode) elkNode.layoutOptions = { ...elkNode.layoutOptions, 'elk.layered.layering.layerConstraint': side < 0 ? 'FIRST' : 'LAST' };
    }
    const reversed = new Set<string>();
    const labelLines = new Map<string, string[]>();
    for (const edge of graph.edges) {
        if (sides && inOneColumn(sides, edge.source, edge.target)) continue;
        const backwards = rank !== undefined && (rank.get(edge.source) ?? 0) > (rank.get(edge.target) ?? 0);
        if (backwards) reversed.add(edge.id);
        const labels: ElkLabel[] = [];
        if (plan.labelled && edge.label) {
            const size = labelSize(edge, plan.direction, plan.narrowLabels);
            labelLines.set(edge.id, size.lines);
            labels.push({ text: edge.label, width: size.width, height: size.height, layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } });
        }
        // After an edit, the flows the reader already saw keep their length: a new flow stretches
        // rather than pulling whole departments to another layer.
        const seen = plan.previous !== undefined && plan.previous[edge.source] !== undefined && plan.previous[edge.target] !== undefined && !plan.newEdges?.has(edge.id);
        root.edges!.push({
            id: edge.id,
            sources: [backwards ? edge.target : edge.source],
            targets: [backwards ? edge.source : edge.target],
            labels,
            ...(plan.previous ? { layoutOptions: { 'elk.layered.priority.shortness': seen ? '10' : '0' } } : {})
        });
    }
    roomForEnds(elkNodes, root.edges!, plan.direction);
    return { root, reversed, labelLines, unlinked, sides };
}

interface UnlinkedBlock {
    id: string;
    group?: string;
    width: number;
    height: number;
    /** Each system's place inside the block. */
    cells: Array<{ id: string; x: number; y: number }>;
}

/** The systems of the view without a flow, per department, in a grid of at most `mostColumns` sorted by name. */
function unlinkedBlocks(graph: DiagramGraph, linked: ReadonlySet<string>, mostColumns: number): UnlinkedBlock[] {
    const byGroup = new Map<string | undefined, DiagramGraph['nodes']>();
    for (const node of graph.nodes) {
        if (linked.has(node.id)) continue;
        (byGroup.get(node.group) ?? byGroup.set(node.group, []).get(node.group)!).push(node);
    }
    const blocks: UnlinkedBlock[] = [];
    for (const [group, nodes] of byGroup) {
        nodes.sort((a, b) => a.name.localeCompare(b.name));
        const columns = Math.min(mostColumns, nodes.length);
        const cellWidth = Math.max(...nodes.map(node => node.width));
        const rows: number[] = [];
        nodes.forEach((node, i) => { rows[Math.floor(i / columns)] = Math.max(rows[Math.floor(i / columns)] ?? 0, node.height); });
        const rowTop = (row: number) => rows.slice(0, row).reduce((sum, h) => sum + h + BLOCK_GAP, 0);
        blocks.push({
            id: `unlinked:${group ?? ''}`,
            group,
            width: columns * cellWidth + (columns - 1) * BLOCK_GAP,
            height: rowTop(rows.length) - BLOCK_GAP,
            cells: nodes.map((node, i) => ({ id: node.id, x: (i % columns) * (cellWidth + BLOCK_GAP), y: rowTop(Math.floor(i / columns)) }))
        });
    }
    return blocks;
}

/** Absolute boxes and one straightened polyline per edge from ELK's answer (coordinates are absolute: ROOT). */
export function compoundLayout(graph: DiagramGraph, laidOut: ElkNode, input: Pick<CompoundInput, 'reversed' | 'labelLines' | 'unlinked' | 'sides'>, direction: LayoutDirection): DiagramLayout {
    const layout: DiagramLayout = { width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes: {}, groups: {}, edges: {}, direction };
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
    const nodeById = new Map(graph.nodes.map(node => [node.id, node]));
    for (const block of input.unlinked) {
        const at = layout.nodes[block.id];
        delete layout.nodes[block.id];
        if (!at) continue;
        for (const cell of block.cells) {
            const node = nodeById.get(cell.id)!;
            layout.nodes[cell.id] = { x: at.x + cell.x, y: at.y + cell.y, width: node.width, height: node.height };
        }
    }
    for (const edge of graph.edges) {
        const elkEdge = elkEdges.get(edge.id);
        if (!elkEdge) continue;
        const geometry = geometryOf(elkEdge, input.reversed.has(edge.id), input.labelLines.get(edge.id));
        // ELK sometimes returns an edge without a route (wrapping with position hints), or one whose
        // end is left where the box was before its row was moved (wrapping): it is drawn straight
        // between its boxes, for the line passes to lead round what lies in its way.
        const [from, to] = [layout.nodes[edge.source], layout.nodes[edge.target]];
        const routed = geometry.points.length >= 2 && onOutline(geometry.points[0], from) && onOutline(geometry.points[geometry.points.length - 1], to);
        layout.edges[edge.id] = routed ? geometry : directLine(geometry, from, to);
    }
    const drawn = input.sides ? withSideBrackets(graph, layout, input.sides, direction) : layout;
    const { context, titles } = lineContext(graph, drawn);
    const straightened = straightenLayout(drawn, context);
    const read = shortenDetours(betterReading(graph, straightened, linesFirst(straightened, context)), context);
    return loopsClearOfLabels(graph, withOpenLoops(graph, shiftStruckTitles(clearTitles(read, context, titles), graph.groups), drawn), input.labelLines.size > 0);
}

/** How long the loops through other lines' labels of one layout may take to be drawn again. */
const LOOPS_REDRAWN_MS = 50;

/**
 * `layout` with each flow from a system to itself whose line passes through another line's label
 * drawn again as a loop added by an edit is (`drawLinesInto`): on the first side of its box where it
 * passes nothing and its label finds room. Several loops on one side of a box in a picture that runs
 * right have their labels stacked outward, each as wide as the box: the outer loops crossed the
 * inner ones' labels, and the grid of departments, which lays each out that way, was thrown away.
 */
function loopsClearOfLabels(graph: DiagramGraph, layout: DiagramLayout, labelled: boolean): DiagramLayout {
    const loops = graph.edges.filter(edge => edge.source === edge.target && layout.edges[edge.id]);
    if (loops.length === 0) return layout;
    const labels = Object.entries(layout.edges).flatMap(([id, edge]) => edge.label ? [{ id, box: edge.label }] : []);
    const struck = loops.filter(edge => segmentsOf(layout.edges[edge.id].points).some(({ a, b }) => labels.some(label => label.id !== edge.id && segmentThroughBox(a, b, label.box))));
    if (struck.length === 0) return layout;
    const edges = { ...layout.edges };
    for (const edge of struck) delete edges[edge.id];
    return drawLinesInto(graph, { ...layout, edges }, labelled, LOOPS_REDRAWN_MS) ?? layout;
}

/** The shortest line between the sides two boxes turn to each other, its label beside it. */
function directLine(geometry: EdgeGeometry, from: Box, to: Box): EdgeGeometry {
    const [starts, ends] = [facingPoints(from, centre(to)), facingPoints(to, centre(from))];
    const [a, b] = starts.flatMap(p => ends.map(q => [p, q])).sort((p, q) => Math.hypot(p[1].x - p[0].x, p[1].y - p[0].y) - Math.hypot(q[1].x - q[0].x, q[1].y - q[0].y))[0];
    return { ...geometry, points: [a, b], label: geometry.label && spotsBeside(a, b, geometry.label)[0] };
}

function geometryOf(elkEdge: ElkEdge, reversed: boolean, labelLines: string[] | undefined): EdgeGeometry {
    const points: Point[] = [];
    for (const section of elkEdge.sections ?? []) {
        for (const p of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
            const last = points[points.length - 1];
            if (!last || Math.abs(last.x - p.x) > 0.01 || Math.abs(last.y - p.y) > 0.01) points.push({ x: p.x, y: p.y });
        }
    }
    if (reversed) points.reverse();
    const label = elkEdge.labels?.[0];
    const geometry: EdgeGeometry = { points };
    if (label && label.x !== undefined && label.y !== undefined && labelLines) {
        geometry.label = { x: label.x, y: label.y, width: label.width ?? 0, height: label.height ?? 0 };
        geometry.labelLines = labelLines;
    }
    return geometry;
}

/**
 * Ranks with the closed departments before or after every opened system (`sides`), the opened
 * systems ranked among themselves as any grouped view's are.
 */
function sidedRanks(graph: DiagramGraph, linked: ReadonlySet<string>, sides: ReadonlyMap<string, number>, previous?: ReadonlyMap<string, number>): Map<string, number> {
    const opened = graph.nodes.filter(node => !sides.has(node.id) && linked.has(node.id));
    const links = rankedLinks(graph.edges.filter(edge => !sides.has(edge.source) && !sides.has(edge.target)));
    const inner = groupedRanks(opened, links, graph.sequence, previous);
    const last = Math.max(0, ...inner.values()) + 2;
    const rank = new Map([...inner].map(([id, r]) => [id, r + 1]));
    for (const [id, side] of sides) rank.set(id, side < 0 ? 0 : last);
    return rank;
}
