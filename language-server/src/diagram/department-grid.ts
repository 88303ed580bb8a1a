/**
 * Opened departments set out like paragraphs on a page: each department laid out on its own, the
 * departments then placed in rows in the order the flows read (first at top left), as many to a row
 * as suits the panel's shape, then reordered, swapped between rows and turned over where their lines
 * cross less, and the flows between them drawn through the channels between the frames. One layered
 * graph of a whole opened estate chains its departments into a strip (the flows from one to the next
 * put them in successive layers), which a panel shows at a few pixels a title.
 */
import type { Box, DiagramGraph, DiagramGroup, DiagramLayout, DiagramNode, EdgeGeometry, LayoutDirection } from './diagram-graph.js';
import { centre, crossingCount, drawnExtent, movedBy, pathLength, segmentsOf, type Segment } from './box-geometry.js';
import { viewRanks } from './compound-layout.js';
import { drawLinesInto } from './incremental-layout.js';
import { segmentThroughBox } from './layout-quality.js';
import { GROUP_TITLE_HEIGHT, groupTitleBox } from './node-sizing.js';
import type { PanelSize } from './panel-shape.js';

/**
 * Room between two departments of a row, and between rows, where the lines between departments run
 * with their labels; where they do not all find a way, the next, wider.
 */
const CHANNELS = [{ across: 130, down: 110 }, { across: 180, down: 150 }];
const FRAME_SIDE = 14;
const FRAME_TOP = GROUP_TITLE_HEIGHT + 10;
const FRAME_BOTTOM = 14;
/** A department with no system: its frame is as tall as a box. */
const EMPTY_HEIGHT = 48;
/** A crossing of two straight lines between departments costs as much as this much more line (px). */
const CROSSING_LENGTH = 400;
/** Rows of more departments keep the reading order: their orders are too many to try. */
const MOST_ORDERED = 5;
/** Row widths this close in how large they show the titles are as good: the fewer rows, the fewer lines turn back. */
const SAME_SCALE = 0.02;
/** Departments swapped between rows may shrink the picture's titles by this share at most. */
const SWAP_SCALE_LOSS = 0.05;

/**
 * Lays out one department's systems and the flows among them (a graph without departments); with
 * `unlinkedColumn`, those without a flow among them in one column (see `CompoundPlan`).
 */
export type PartLayout = (part: DiagramGraph, direction: LayoutDirection, unlinkedColumn?: boolean) => Promise<DiagramLayout>;

interface Block {
    /** The department's group id, or the node id of a system outside every department. */
    id: string;
    group?: DiagramGroup;
    /** The part's layout, its content moved to start inside the frame's padding. */
    inner: DiagramLayout;
    width: number;
    height: number;
    /** Whether its systems are in the mirror order across the flows of its own layout. */
    mirrored?: boolean;
    /**
     * The same department in its other shape, where it has one: systems whose flows all leave the
     * department in a column, or in a grid of three (see `CompoundPlan.unlinkedColumn`).
     */
    otherShape?: Block;
    /** Whether this is the shape with such systems in a column. */
    column?: boolean;
    /** In the column shape, the systems in the column: each of their flows leaves the department. */
    loose?: string[];
}

interface Channels { across: number; down: number }

/**
 * The grid of a view's departments (and the boxes outside them), or undefined where it opens none
 * with systems (fewer than two, but in the estate), or the flows between them find no way through
 * the channels, drawn within `budgetMs`. After an edit (`previous`, a grid), the departments keep
 * their rows and their order in them.
 */
export async function departmentGrid(graph: DiagramGraph, layOut: PartLayout, panel: PanelSize, labelled: boolean, budgetMs: number, previous?: DiagramLayout): Promise<DiagramLayout | undefined> {
    // In the estate one opened department is a block among the closed ones; a department's own view
    // (one frame and its partners) reads best with what feeds it on one side, what it feeds on the other.
    const opened = new Set(graph.nodes.map(node => node.group).filter(Boolean)).size;
    if (opened < (graph.view.kind === 'estate' ? 1 : 2) || opened + graph.nodes.filter(node => !node.group).length < 2) return undefined;
    const directions: LayoutDirection[] = previous?.direction ? [previous.direction] : ['RIGHT', 'DOWN'];
    const laidOut = await Promise.all(directions.map(async way => ({ way, blocks: await blocksOf(graph, layOut, way) })));
    const deadline = performance.now() + budgetMs;
    for (const channels of CHANNELS) {
        const arranged = laidOut.map(({ way, blocks }) => ({ way, blocks, ...(previous ? rowsKept(blocks.map(block => shapeKept(block, previous)), previous) : bestRows(blocks, panel, channels)) }));
        const { way, rows, blocks } = arranged.reduce((best, next) => next.scale > best.scale ? next : best);
        // Straight lines between centres tell drawn crossings only roughly: the rows searched with
        // departments turned over and reshaped, the same from rows cut for every department in its
        // column shape, and the rows searched plainly are drawn, and the one whose lines cross less kept.
        const columns = blocks.some(block => block.otherShape) ? bestRows(blocks.map(block => block.otherShape ?? block), panel, channels).rows : undefined;
        const searched = previous ? [rows] : [
            fewerCrossings(rows, graph, channels, way, true, panel),
            ...columns ? [fewerCrossings(columns, graph, channels, way, true, panel)] : [],
            fewerCrossings(rows, graph, channels, way, false, panel)
        ];
        const orders = [...new Map(searched.map(order => [JSON.stringify(order.map(row => row.map(block => [block.id, block.mirrored, block.column]))), order] as const)).values()];
        const drawn = orders.flatMap(order => drawLinesInto(graph, placed(order, way, channels), labelled, deadline - performance.now()) ?? []);
        const costs = drawn.map(drawnCost);
        if (drawn.length > 0) return drawn[costs.indexOf(Math.min(...costs))];
    }
    return undefined;
}

/** Crossings of the drawn lines, each as costly as `CROSSING_LENGTH` of line, plus their length. */
function drawnCost(layout: DiagramLayout): number {
    const lines = Object.values(layout.edges).map(edge => segmentsOf(edge.points));
    let crossings = 0;
    for (let i = 0; i < lines.length; i++) for (let j = i + 1; j < lines.length; j++) crossings += crossingCount(lines[i], lines[j]);
    return crossings * CROSSING_LENGTH + Object.values(layout.edges).reduce((sum, edge) => sum + pathLength(edge.points), 0);
}

/**
 * The rows with fewer crossings of the straight lines between departments (a line through another
 * system's box counts as one), then shorter ones, twice over: each row's departments in the best of
 * all their orders, the other rows as they stand; two departments of different rows swapped where
 * the titles stay nearly as large (a hub department comes to sit among those it trades with); with
 * `turnOver`, a department turned over, or given its other shape. A department that feeds one in the
 * next row sits above it rather than at the far end of its row.
 */
function fewerCrossings(rows: Block[][], graph: DiagramGraph, channels: Channels, direction: LayoutDirection, turnOver: boolean, panel: PanelSize): Block[][] {
    const blockOf = new Map<string, number>();
    const blocks = rows.flat();
    blocks.forEach((block, index) => {
        for (const id of Object.keys(block.inner.nodes)) blockOf.set(id, index);
    });
    const between = graph.edges.filter(edge => blockOf.get(edge.source) !== blockOf.get(edge.target));
    const cost = (order: Block[][]): number => {
        const layout = placed(order, 'RIGHT', channels);
        const runs: Segment[] = between.map(edge => ({ a: centre(layout.nodes[edge.source]), b: centre(layout.nodes[edge.target]) }));
        let crossings = 0;
        for (let i = 0; i < runs.length; i++) crossings += crossingCount([runs[i]], runs.slice(i + 1));
        // A line through another system's box must be led round it, as if it crossed a line.
        const boxes = Object.entries(layout.nodes);
        between.forEach((edge, i) => {
            for (const [id, box] of boxes) if (id !== edge.source && id !== edge.target && segmentThroughBox(runs[i].a, runs[i].b, box)) crossings++;
        });
        const length = runs.reduce((sum, { a, b }) => sum + Math.hypot(b.x - a.x, b.y - a.y), 0);
        return crossings * CROSSING_LENGTH + length;
    };
    let best = rows;
    let bestCost = cost(rows);
    const tryRows = (tried: Block[][]) => {
        const tryCost = cost(tried);
        if (tryCost < bestCost - 0.5) [best, bestCost] = [tried, tryCost];
    };
    const smallest = scaleIn(rows, panel, channels) * (1 - SWAP_SCALE_LOSS);
    for (let pass = 0; pass < 2; pass++) {
        for (let r = 0; r < best.length; r++) {
            if (best[r].length > MOST_ORDERED) continue;
            for (const order of permutations(best[r])) tryRows(best.map((row, i) => i === r ? order : row));
        }
        for (let r = 0; r < best.length; r++) {
            for (let s = r + 1; s < best.length; s++) {
                for (let b = 0; b < best[r].length; b++) {
                    for (let c = 0; c < best[s].length; c++) {
                        const tried = best.map(row => [...row]);
                        [tried[r][b], tried[s][c]] = [best[s][c], best[r][b]];
                        if (scaleIn(tried, panel, channels) >= smallest) tryRows(tried);
                    }
                }
            }
        }
        for (let r = 0; turnOver && r < best.length; r++) {
            for (let b = 0; b < best[r].length; b++) {
                // A box outside every department has nothing to turn over.
                if (!best[r][b].group) continue;
                tryRows(withBlock(best, r, b, mirrored(best[r][b], direction)));
                const other = best[r][b].otherShape;
                const reshaped = other && withBlock(best, r, b, other);
                if (reshaped && scaleIn(reshaped, panel, channels) >= smallest) tryRows(reshaped);
            }
        }
    }
    return best;
}

/** The rows with the `b`-th block of row `r` replaced by `block`. */
function withBlock(rows: Block[][], r: number, b: number, block: Block): Block[][] {
    return rows.map((row, i) => i === r ? row.map((other, j) => j === b ? block : other) : row);
}

/**
 * The block with its systems in the mirror order across the flows (top to bottom where they run
 * right, left to right where they run down): the flows inside still read the same way, and the
 * systems that trade with departments on the other side may come to face them.
 */
function mirrored(block: Block, direction: LayoutDirection): Block {
    const turned = turnedOver(block, direction);
    if (block.otherShape) turned.otherShape = { ...turnedOver(block.otherShape, direction), otherShape: turned };
    return turned;
}

/** One shape of a block turned over (see `mirrored`), without its other shape. */
function turnedOver(block: Block, direction: LayoutDirection): Block {
    const across = direction === 'RIGHT' ? 'y' : 'x';
    const size = across === 'y' ? 'height' : 'width';
    const [low, high] = across === 'y' ? [FRAME_TOP, block.inner.height] : [FRAME_SIDE, block.inner.width];
    const flip = (box: Box): Box => ({ ...box, [across]: low + high - box[across] - box[size] });
    const edges: Record<string, EdgeGeometry> = {};
    for (const [id, edge] of Object.entries(block.inner.edges)) {
        edges[id] = { ...edge, points: edge.points.map(p => ({ ...p, [across]: low + high - p[across] })), label: edge.label && flip(edge.label) };
    }
    const nodes = Object.fromEntries(Object.entries(block.inner.nodes).map(([id, box]) => [id, flip(box)]));
    return { ...block, inner: { ...block.inner, nodes, edges }, mirrored: !block.mirrored, otherShape: undefined };
}

function permutations<T>(items: T[]): T[][] {
    if (items.length <= 1) return [items];
    return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map(rest => [item, ...rest]));
}

function placed(rows: Block[][], direction: LayoutDirection, channels: Channels): DiagramLayout {
    const layout: DiagramLayout = { width: 0, height: 0, nodes: {}, groups: {}, edges: {}, direction, departmentGrid: true };
    let top = 0;
    for (const row of rows) {
        let left = 0;
        for (const block of row) {
            const inner = movedBy(block.inner, left, top);
            Object.assign(layout.nodes, inner.nodes);
            Object.assign(layout.edges, inner.edges);
            if (block.group) layout.groups[block.group.id] = { x: left, y: top, width: block.width, height: block.height };
            left += block.width + channels.across;
        }
        top += Math.max(...row.map(block => block.height)) + channels.down;
    }
    layout.width = Math.max(...rows.map(row => rowWidth(row, channels)));
    layout.height = top - channels.down;
    return layout;
}

/** Every department laid out on its own, and every system outside them a block of its own, in the order the view reads. */
async function blocksOf(graph: DiagramGraph, layOut: PartLayout, direction: LayoutDirection): Promise<Block[]> {
    const ranks = viewRanks(graph);
    // Where a department lies along the flows, on average: one that mostly feeds the others comes first.
    const rankOf = (nodes: DiagramNode[]) => nodes.reduce((sum, node) => sum + (ranks?.get(node.id) ?? 0), 0) / nodes.length;
    const ranked: Array<{ block: Block; rank: number }> = [];
    for (const group of graph.groups) {
        const nodes = graph.nodes.filter(node => node.group === group.id);
        const title = groupTitleBox({ x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 0 }, group).width;
        if (nodes.length === 0) {
            ranked.push({ block: { id: group.id, group, inner: emptyLayout(), width: title, height: FRAME_TOP + EMPTY_HEIGHT + FRAME_BOTTOM }, rank: Number.POSITIVE_INFINITY });
            continue;
        }
        const part = partOf(graph, nodes);
        const blockOf = async (column: boolean): Promise<Block> => {
            const inner = shifted(await layOut(part, direction, column), FRAME_SIDE, FRAME_TOP);
            return { id: group.id, group, inner, width: Math.max(title, inner.width + FRAME_SIDE), height: inner.height + FRAME_BOTTOM, column };
        };
        const block = await blockOf(false);
        // Two or more systems whose flows all leave the department: a column of them is the other shape.
        const inside = new Set(part.edges.flatMap(edge => [edge.source, edge.target]));
        const loose = nodes.filter(node => !inside.has(node.id)).map(node => node.id);
        if (loose.length >= 2) {
            block.otherShape = { ...await blockOf(true), loose, otherShape: block };
        }
        ranked.push({ block, rank: rankOf(nodes) });
    }
    for (const node of graph.nodes.filter(node => !node.group)) {
        const inner = { ...emptyLayout(), nodes: { [node.id]: { x: 0, y: 0, width: node.width, height: node.height } } };
        ranked.push({ block: { id: node.id, inner, width: node.width, height: node.height }, rank: rankOf([node]) });
    }
    // A stable sort: blocks of one rank stay in the model's order.
    return ranked.sort((a, b) => a.rank - b.rank).map(({ block }) => block);
}

function emptyLayout(): DiagramLayout {
    return { width: 0, height: 0, nodes: {}, groups: {}, edges: {} };
}

/** A department's systems and its own flows, as a view without departments. */
function partOf(graph: DiagramGraph, nodes: DiagramNode[]): DiagramGraph {
    const ids = new Set(nodes.map(node => node.id));
    return {
        ...graph,
        nodes: nodes.map(node => ({ ...node, group: undefined })),
        groups: [],
        edges: graph.edges.filter(edge => ids.has(edge.source) && ids.has(edge.target)),
        sequence: undefined,
        focus: undefined
    };
}

/** `layout` moved so that what it draws starts at (`left`, `top`), its size counted from the origin. */
function shifted(layout: DiagramLayout, left: number, top: number): DiagramLayout {
    const extent = drawnExtent(layout);
    const [dx, dy] = [left - extent.left, top - extent.top];
    return { ...movedBy(layout, dx, dy), width: extent.right + dx, height: extent.bottom + dy };
}

function rowWidth(row: Block[], channels: Channels): number {
    return row.reduce((sum, block) => sum + block.width, 0) + (row.length - 1) * channels.across;
}

function rowsHeight(rows: Block[][], channels: Channels): number {
    return rows.reduce((sum, row) => sum + Math.max(...row.map(block => block.height)), 0) + (rows.length - 1) * channels.down;
}

function scaleIn(rows: Block[][], panel: PanelSize, channels: Channels): number {
    return Math.min(panel.width / Math.max(...rows.map(row => rowWidth(row, channels))), panel.height / rowsHeight(rows, channels));
}

/**
 * The blocks in reading order cut into rows: of every width a row may be given (as wide as its
 * first blocks), the one whose picture fitted into the panel shows its titles largest.
 */
function bestRows(blocks: Block[], panel: PanelSize, channels: Channels): { rows: Block[][]; scale: number } {
    let best = { rows: [blocks], scale: scaleIn([blocks], panel, channels) };
    // The largest scale seen is the bar a tie is measured against, so that ties cannot drift down.
    let bar = best.scale;
    const widest = Math.max(...blocks.map(block => block.width));
    for (let end = 1; end < blocks.length; end++) {
        const limit = Math.max(widest, rowWidth(blocks.slice(0, end), channels));
        const rows: Block[][] = [];
        for (const block of blocks) {
            const row = rows[rows.length - 1];
            if (row && rowWidth([...row, block], channels) <= limit) row.push(block); else rows.push([block]);
        }
        const scale = scaleIn(rows, panel, channels);
        if (scale > bar * (1 + SAME_SCALE) || (scale >= bar * (1 - SAME_SCALE) && rows.length < best.rows.length)) best = { rows, scale };
        bar = Math.max(bar, scale);
    }
    return best;
}

/**
 * The block in the shape it had before an edit: its column shape where the systems set out in the
 * column (two or more the picture had) stood one above another.
 */
function shapeKept(block: Block, previous: DiagramLayout): Block {
    const column = block.otherShape;
    if (!column) return block;
    // A column turned over keeps its boxes one above another, aligned on the other side.
    const known = (column.loose ?? []).map(id => previous.nodes[id]).filter((box): box is Box => box !== undefined);
    const stacked = known.length >= 2 && known.every(box => known.every(other => box.x < other.x + other.width && other.x < box.x + box.width));
    return stacked ? column : block;
}

/**
 * The rows of the picture before an edit, each block in the row its frame (or box) began in, left to
 * right as it was; a block the picture did not have starts a row of its own at the end.
 */
function rowsKept(blocks: Block[], previous: DiagramLayout): { rows: Block[][]; scale: number } {
    const at = (block: Block): Box | undefined => previous.groups[block.id] ?? previous.nodes[block.id];
    const known = blocks.filter(block => at(block)).sort((a, b) => at(a)!.y - at(b)!.y || at(a)!.x - at(b)!.x);
    const rows: Block[][] = [];
    let rowBottom = Number.NEGATIVE_INFINITY;
    for (const block of known) {
        const box = at(block)!;
        if (box.y < rowBottom) rows[rows.length - 1].push(block); else { rows.push([block]); rowBottom = box.y + box.height; }
    }
    for (const row of rows) row.sort((a, b) => at(a)!.x - at(b)!.x);
    for (const block of blocks) if (!at(block)) rows.push([block]);
    return { rows, scale: 0 };
}
