/**
 * Translation between the diagram graph and ELK's JSON graph: department groups become compound
 * nodes, flows become edges at the root (ELK routes them across group boundaries thanks to
 * INCLUDE_CHILDREN), and every coordinate comes back absolute.
 */
import type { DiagramEdge, DiagramGraph, DiagramLayout, EdgeGeometry, Point } from './diagram-graph.js';
import { EDGE_FONT_PX, textWidth } from './text-metrics.js';

export interface ElkLabel { text?: string; width?: number; height?: number; x?: number; y?: number }
export interface ElkSection { startPoint: Point; endPoint: Point; bendPoints?: Point[] }
export interface ElkEdge { id: string; sources: string[]; targets: string[]; labels?: ElkLabel[]; sections?: ElkSection[]; layoutOptions?: Record<string, string> }
export interface ElkNode {
    id: string;
    x?: number; y?: number; width?: number; height?: number;
    children?: ElkNode[];
    edges?: ElkEdge[];
    labels?: ElkLabel[];
    layoutOptions?: Record<string, string>;
}

export const GROUP_TITLE_HEIGHT = 28;
const EDGE_LABEL_HEIGHT = 16;

const ROOT_OPTIONS: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
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
    'elk.json.shapeCoords': 'ROOT',
    'elk.padding': '[top=16,left=16,bottom=16,right=16]'
};

const GROUP_OPTIONS: Record<string, string> = {
    'elk.padding': `[top=${GROUP_TITLE_HEIGHT + 12},left=16,bottom=16,right=16]`
};

/** Above this many edges, labels cost more in width and layout time than they tell; tooltips carry them. */
export const MAX_LABELLED_EDGES = 24;
/** Above this many nodes, ELK's crossing minimisation runs one pass instead of seven (about 3× faster). */
const THOROUGH_UP_TO_NODES = 24;
/**
 * Model order keeps small views steady while they are edited, but multiplied layout time by 3–8 on
 * a 150-node estate (measured); large views trade that steadiness for speed.
 */
const MODEL_ORDER_UP_TO_NODES = 60;

export function showsEdgeLabels(graph: DiagramGraph): boolean {
    return graph.edges.length <= MAX_LABELLED_EDGES;
}

/** The ELK input for a graph. Deterministic: the same graph gives the same JSON (the cache key). */
export function toElkGraph(graph: DiagramGraph): ElkNode {
    const labelled = showsEdgeLabels(graph);
    const groupChildren = new Map<string, ElkNode[]>(graph.groups.map(group => [group.id, []]));
    const rootChildren: ElkNode[] = [];
    for (const node of graph.nodes) {
        const elkNode: ElkNode = { id: node.id, width: node.width, height: node.height };
        const inGroup = node.group ? groupChildren.get(node.group) : undefined;
        if (inGroup) inGroup.push(elkNode); else rootChildren.push(elkNode);
    }
    for (const group of graph.groups) {
        rootChildren.push({
            id: group.id,
            layoutOptions: GROUP_OPTIONS,
            // The title sits in the padding; a wide title must still fit the box.
            width: textWidth(group.label, 13) + 32,
            children: groupChildren.get(group.id) ?? []
        });
    }
    const edges: ElkEdge[] = graph.edges.map(edge => ({
        id: edge.id,
        sources: [edge.source],
        targets: [edge.target],
        labels: labelled && edge.label ? [{ text: edge.label, width: edgeLabelWidth(edge), height: EDGE_LABEL_HEIGHT }] : []
    }));
    const layoutOptions = { ...ROOT_OPTIONS };
    if (graph.nodes.length > THOROUGH_UP_TO_NODES) layoutOptions['elk.layered.thoroughness'] = '1';
    if (graph.nodes.length <= MODEL_ORDER_UP_TO_NODES) layoutOptions['elk.layered.considerModelOrder.strategy'] = 'NODES_AND_EDGES';
    // Unlabelled estate-sized graphs flow top-down: departments stack into a readable page instead of a long strip.
    if (!labelled) layoutOptions['elk.direction'] = 'DOWN';
    return { id: 'root', layoutOptions, children: rootChildren, edges };
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

/** Reads ELK's output back into absolute boxes and polylines. */
export function fromElkGraph(graph: DiagramGraph, laidOut: ElkNode): DiagramLayout {
    const layout: DiagramLayout = { width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes: {}, groups: {}, edges: {} };
    const groupIds = new Set(graph.groups.map(group => group.id));
    const visit = (node: ElkNode) => {
        for (const child of node.children ?? []) {
            const box = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
            if (groupIds.has(child.id)) layout.groups[child.id] = box; else layout.nodes[child.id] = box;
            visit(child);
        }
        for (const edge of node.edges ?? []) layout.edges[edge.id] = edgeGeometry(edge);
    };
    visit(laidOut);
    return layout;
}

function edgeGeometry(edge: ElkEdge): EdgeGeometry {
    const points: Point[] = [];
    for (const section of edge.sections ?? []) {
        points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
    }
    const label = edge.labels?.[0];
    return {
        points: points.map(p => ({ x: p.x, y: p.y })),
        label: label && label.x !== undefined && label.y !== undefined
            ? { x: label.x, y: label.y, width: label.width ?? 0, height: label.height ?? 0 }
            : undefined
    };
}
