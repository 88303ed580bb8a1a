/**
 * The context diagram of one system: the system as a bar in the middle, what feeds it in a column
 * (or row) on one side, what it feeds on the other, and at depth 2 a further column beyond each.
 * Every flow to the focus is one straight line into the bar at its own height, so nothing bends,
 * crosses or hides; flows of the second ring are straight lines between the two outer columns, their
 * ends ordered so they do not cross at the boxes. Labels sit on their line, staggered where two would
 * touch. No layout engine is needed for a shape this regular, and a system added to a column moves
 * only the systems below it by one row.
 */
import type { Box, DiagramEdge, DiagramGraph, DiagramLayout, EdgeGeometry, LayoutDirection, Point } from './diagram-graph.js';
import { segmentThroughBox } from './layout-quality.js';
import { overlaps, spotsBeside } from './box-geometry.js';
import { contextLevels } from './node-order.js';
import { labelSize, type LabelSize } from './node-sizing.js';

type Orientation = LayoutDirection;

const MARGIN = 12;
/** Between two boxes of one column (RIGHT) or row (DOWN). */
const NODE_GAP = { RIGHT: 22, DOWN: 24 };
/** Distance between two lines leaving the same side of a box. */
const SLOT = { RIGHT: 22, DOWN: 26 };
/** The same without labels (a view of many flows): lines this far apart with their arrowheads stay distinct and keep a hub's box short. */
const BARE_SLOT = { RIGHT: 12, DOWN: 14 };
const SLOT_PAD = 14;
/** Space between columns when no label needs it. */
const PLAIN_GAP = 72;
const LABEL_MARGIN = 18;
const TIER_GAP = 6;

/** One line of the picture, with what the placement needs to know about it. */
interface Line {
    edge: DiagramEdge;
    /** The end nearer the focus (`inner`) and the other end. */
    inner: string;
    outer: string;
    /** Signed level of the gap the line spans: -1 between the feeders and the focus, -2 further out… */
    gap: number;
    labelWidth: number;
    label?: LabelSize;
}

/** A box's place across the flow (`v`) and its extent, before the axes are chosen. */
interface Slotted { id: string; v: number; across: number; along: number }

/**
 * The levels a context view shows: the graph builder leaves out flows that are not between consecutive
 * levels. `narrowLabels`: labels in up to three lines of at most 100 px, for a panel no wider than
 * tall, where the columns' gaps (each as wide as its widest label) make the picture wider than the panel.
 */
export function contextLayout(graph: DiagramGraph, orientation: Orientation, labelled: boolean, previous?: DiagramLayout, narrowLabels = false): DiagramLayout {
    const focus = graph.focus!;
    const level = contextLevels(graph.nodes.map(node => node.id), graph.edges.map(edge => ({ source: edge.source, target: edge.target, weight: edge.flows.length })), focus, previousSides(previous, focus));
    const levelOf = (id: string) => level.get(id) ?? 0;
    const nodeOf = new Map(graph.nodes.map(node => [node.id, node]));
    const down = orientation === 'DOWN';
    /** Extent of a box along the flow and across it. */
    const along = (id: string) => down ? nodeOf.get(id)!.height : nodeOf.get(id)!.width;
    const acrossSize = (id: string) => down ? nodeOf.get(id)!.width : nodeOf.get(id)!.height;

    const lines: Line[] = [];
    for (const edge of graph.edges) {
        const [a, b] = [levelOf(edge.source), levelOf(edge.target)];
        const [inner, outer] = Math.abs(a) <= Math.abs(b) ? [edge.source, edge.target] : [edge.target, edge.source];
        const gap = Math.sign(levelOf(outer)) * Math.max(Math.abs(a), Math.abs(b));
        const label = labelled && edge.label ? labelSize(edge, 'DOWN', narrowLabels) : undefined;
        lines.push({ edge, inner, outer, gap, labelWidth: label?.width ?? 0, label });
    }

    const levels = [...new Set(graph.nodes.map(node => levelOf(node.id)))].sort((p, q) => p - q);
    const members = new Map(levels.map(l => [l, graph.nodes.filter(node => levelOf(node.id) === l && node.id !== focus).map(node => node.id)]));
    members.set(0, []);
    orderColumns(members, lines, levels);

    // Each box is tall (RIGHT) or wide (DOWN) enough for the lines on its inner side, one slot each.
    const slotsOf = new Map<string, Line[]>();
    for (const line of lines) (slotsOf.get(line.outer) ?? slotsOf.set(line.outer, []).get(line.outer)!).push(line);
    // Across vertical lines (DOWN) labels are wider than the lines are apart: the lines of one box keep a label's width between them.
    const slotOf = (id: string) => Math.max((labelled ? SLOT : BARE_SLOT)[orientation], ...(slotsOf.get(id) ?? []).map(line => down ? line.labelWidth + 16 : (line.label?.height ?? 0) + 6));
    const across = (id: string) => Math.max(acrossSize(id), ((slotsOf.get(id)?.length ?? 0) - 1) * slotOf(id) + 2 * SLOT_PAD);

    // Across the flow: each column stacked from 0, then every column centred on the widest one.
    const placed = new Map<string, Slotted>();
    const nodeGap = balancedGap(levels, members, across, along, lines, orientation, along(focus));
    let extent = 0;
    for (const l of levels) {
        let v = 0;
        for (const id of members.get(l) ?? []) {
            placed.set(id, { id, v, across: across(id), along: along(id) });
            v += across(id) + nodeGap;
        }
        extent = Math.max(extent, v - nodeGap);
    }
    for (const l of levels) {
        const column = (members.get(l) ?? []).map(id => placed.get(id)!);
        const size = column.length > 0 ? column[column.length - 1].v + column[column.length - 1].across : 0;
        for (const box of column) box.v += (extent - size) / 2;
    }
    const focusAcross = Math.max(acrossSize(focus), extent);
    placed.set(focus, { id: focus, v: (extent - focusAcross) / 2, across: focusAcross, along: along(focus) });
    const vShift = Math.min(0, ...[...placed.values()].map(box => box.v));

    // Where each line meets its outer box and the focus or inner box, across the flow.
    const lineV = new Map<string, { outer: number; inner: number }>();
    for (const [outer, list] of slotsOf) {
        const box = placed.get(outer)!;
        const innerV = (line: Line) => centreV(placed.get(line.inner)!);
        list.sort((p, q) => innerV(p) - innerV(q) || p.edge.id.localeCompare(q.edge.id));
        const spacing = slotOf(outer);
        const first = box.v + box.across / 2 - ((list.length - 1) * spacing) / 2;
        list.forEach((line, i) => lineV.set(line.edge.id, { outer: first + i * spacing, inner: 0 }));
    }
    // Lines into an inner box other than the focus take slots on it too, ordered by their other end.
    const intoInner = new Map<string, Line[]>();
    for (const line of lines) (intoInner.get(line.inner) ?? intoInner.set(line.inner, []).get(line.inner)!).push(line);
    for (const [inner, list] of intoInner) {
        const box = placed.get(inner)!;
        if (inner === focus) {
            for (const line of list) lineV.get(line.edge.id)!.inner = lineV.get(line.edge.id)!.outer;
            continue;
        }
        for (const side of [-1, 1]) {
            const sideLines = list.filter(line => Math.sign(line.gap) === side)
                .sort((p, q) => lineV.get(p.edge.id)!.outer - lineV.get(q.edge.id)!.outer || p.edge.id.localeCompare(q.edge.id));
            const spacing = Math.min(slotOf(inner), (box.across - 2 * 6) / Math.max(1, sideLines.length));
            const first = box.v + box.across / 2 - ((sideLines.length - 1) * spacing) / 2;
            sideLines.forEach((line, i) => { lineV.get(line.edge.id)!.inner = first + i * spacing; });
        }
    }

    // Along the flow: columns in level order, each gap wide enough for its labels.
    const gapWidth = new Map<number, number>();
    const tiers = new Map<string, number>();
    for (const l of levels) {
        if (l === 0) continue;
        const inGap = lines.filter(line => line.gap === l);
        const widest = Math.max(0, ...inGap.map(line => line.labelWidth));
        if (!down) {
            gapWidth.set(l, widest > 0 ? widest + 2 * LABEL_MARGIN : PLAIN_GAP);
        } else {
            const count = assignTiers(inGap, line => lineV.get(line.edge.id)!, tiers);
            const tall = Math.max(0, ...inGap.map(line => line.label?.height ?? 0));
            gapWidth.set(l, widest > 0 ? count * (tall + TIER_GAP) + 2 * LABEL_MARGIN : PLAIN_GAP);
        }
    }
    const columnSize = (l: number) => Math.max(0, ...(l === 0 ? [along(focus)] : (members.get(l) ?? []).map(along)));
    if (down) stretchGaps(gapWidth, extent, levels.reduce((sum, l) => sum + columnSize(l), 0));
    const columnAlong = new Map<number, number>();
    let u = 0;
    for (const l of levels) {
        if (l > 0) u += gapWidth.get(l)!;
        columnAlong.set(l, u);
        u += columnSize(l);
        if (l < 0) u += gapWidth.get(l)!;
    }

    const toBox = (box: Slotted, l: number): Box => {
        const uStart = columnAlong.get(l)! + (l < 0 ? columnSize(l) - box.along : 0);
        const v = box.v - vShift;
        return down
            ? { x: MARGIN + v, y: MARGIN + uStart, width: box.across, height: box.along }
            : { x: MARGIN + uStart, y: MARGIN + v, width: box.along, height: box.across };
    };
    const layout: DiagramLayout = { width: 0, height: 0, nodes: {}, groups: {}, edges: {}, direction: orientation, narrowLabels: narrowLabels || undefined };
    for (const [id, box] of placed) layout.nodes[id] = toBox(box, levelOf(id));
    const point = (uValue: number, vValue: number): Point => down
        ? { x: MARGIN + vValue - vShift, y: MARGIN + uValue }
        : { x: MARGIN + uValue, y: MARGIN + vValue - vShift };

    for (const line of lines) {
        const v = lineV.get(line.edge.id)!;
        const outerBox = layout.nodes[line.outer];
        const innerBox = layout.nodes[line.inner];
        // The outer box faces the focus with its side nearer the centre.
        const outerU = line.gap < 0 ? uEnd(outerBox, down) : uStart(outerBox, down);
        const innerU = line.gap < 0 ? uStart(innerBox, down) : uEnd(innerBox, down);
        const outerPoint = point(outerU, v.outer);
        const innerPoint = point(innerU, v.inner);
        const forward = line.edge.source === line.outer;
        const points = forward ? [outerPoint, innerPoint] : [innerPoint, outerPoint];
        const geometry: EdgeGeometry = { points };
        layout.edges[line.edge.id] = geometry;
    }
    placeLabels(lines, layout, down, tiers);
    fitToContent(layout);
    return layout;
}

/** A label centred on a line near the picture's edge may stick out past it: the picture grows to hold it. */
function fitToContent(layout: DiagramLayout): void {
    const boxes = [...Object.values(layout.nodes), ...Object.values(layout.edges).flatMap(edge => edge.label ? [edge.label] : [])];
    const dx = Math.max(0, MARGIN - Math.min(MARGIN, ...boxes.map(box => box.x)));
    const dy = Math.max(0, MARGIN - Math.min(MARGIN, ...boxes.map(box => box.y)));
    if (dx > 0 || dy > 0) {
        const move = <T extends Point>(p: T): T => ({ ...p, x: p.x + dx, y: p.y + dy });
        for (const id of Object.keys(layout.nodes)) layout.nodes[id] = move(layout.nodes[id]);
        for (const edge of Object.values(layout.edges)) {
            edge.points = edge.points.map(move);
            if (edge.label) edge.label = move(edge.label);
        }
    }
    layout.width = Math.max(0, ...boxes.map(box => box.x + dx + box.width)) + MARGIN;
    layout.height = Math.max(0, ...boxes.map(box => box.y + dy + box.height)) + MARGIN;
}

/** The picture's long side over its short side is kept at most this where more space between boxes gets it there. */
const TARGET_ASPECT = 2.2;
const MAX_NODE_GAP = 72;
const MAX_STRETCH = 140;

/**
 * Space between the boxes of a column: the usual gap, more (up to a limit) when columns are few and
 * short and the picture would otherwise come out as a thin strip across the panel.
 */
function balancedGap(levels: number[], members: Map<number, string[]>, across: (id: string) => number, along: (id: string) => number,
    lines: Line[], orientation: Orientation, focusAlong: number): number {
    const gap = NODE_GAP[orientation];
    if (orientation === 'DOWN') return gap;
    const longest = Math.max(1, ...levels.map(l => (members.get(l) ?? []).length));
    if (longest < 2) return gap;
    const height = Math.max(...levels.map(l => (members.get(l) ?? []).reduce((sum, id) => sum + across(id), 0) + ((members.get(l) ?? []).length - 1) * gap));
    const width = focusAlong + levels.reduce((sum, l) => sum + Math.max(0, ...(members.get(l) ?? []).map(along)), 0)
        + levels.filter(l => l !== 0).reduce((sum, l) => sum + Math.max(PLAIN_GAP, ...lines.filter(line => line.gap === l).map(line => line.labelWidth + 2 * LABEL_MARGIN)), 0);
    if (width / Math.max(1, height) <= TARGET_ASPECT) return gap;
    const wanted = (width / TARGET_ASPECT - (height - (longest - 1) * gap)) / (longest - 1);
    return Math.min(MAX_NODE_GAP, Math.max(gap, wanted));
}

/**
 * Rows of a DOWN picture laid side by side come out wide and low; longer lines between the rows (up
 * to a limit) bring it nearer the panel's shape without shrinking anything.
 */
function stretchGaps(gapWidth: Map<number, number>, width: number, rows: number): void {
    const gaps = [...gapWidth.keys()];
    const height = rows + gaps.reduce((sum, l) => sum + gapWidth.get(l)!, 0);
    if (gaps.length === 0 || width / Math.max(1, height) <= TARGET_ASPECT) return;
    const extra = Math.min(MAX_STRETCH, (width / TARGET_ASPECT - height) / gaps.length);
    for (const l of gaps) gapWidth.set(l, gapWidth.get(l)! + extra);
}

/** Which side of the focus each node was on in the view's previous picture: a node linked both ways stays there. */
function previousSides(previous: DiagramLayout | undefined, focus: string): Map<string, number> | undefined {
    const bar = previous?.nodes[focus];
    if (!previous || !bar) return undefined;
    const down = previous.direction === 'DOWN';
    const centre = (box: Box) => down ? box.y + box.height / 2 : box.x + box.width / 2;
    return new Map(Object.entries(previous.nodes).filter(([id]) => id !== focus).map(([id, box]) => [id, Math.sign(centre(box) - centre(bar)) || 1]));
}

function centreV(box: Slotted): number {
    return box.v + box.across / 2;
}

function uStart(box: Box, down: boolean): number {
    return (down ? box.y : box.x) - MARGIN;
}

function uEnd(box: Box, down: boolean): number {
    return (down ? box.y + box.height : box.x + box.width) - MARGIN;
}

/**
 * Boxes of each outer column ordered so that their lines do not cross: the first ring by department
 * and title (a stable reading order), further rings by where their neighbours in the ring inside sit.
 */
function orderColumns(members: Map<number, string[]>, lines: Line[], levels: number[]): void {
    for (const l of levels) {
        if (Math.abs(l) !== 1) continue;
        members.get(l)!.sort((a, b) => a.localeCompare(b));
    }
    for (const l of [...levels].sort((p, q) => Math.abs(p) - Math.abs(q))) {
        if (Math.abs(l) < 2) continue;
        const inside = members.get(l - Math.sign(l)) ?? [];
        const barycentre = (id: string) => {
            const positions = lines.filter(line => line.outer === id).map(line => inside.indexOf(line.inner)).filter(i => i >= 0);
            return positions.length > 0 ? positions.reduce((s, p) => s + p, 0) / positions.length : Number.MAX_SAFE_INTEGER;
        };
        members.get(l)!.sort((a, b) => barycentre(a) - barycentre(b) || a.localeCompare(b));
    }
}

/** Tiers for the labels of one gap (DOWN): labels side by side on one tier must not touch. Returns the tier count. */
function assignTiers(lines: Line[], at: (line: Line) => { outer: number; inner: number }, tiers: Map<string, number>): number {
    const ends: number[] = [];
    const labelled = lines.filter(line => line.labelWidth > 0).sort((p, q) => middle(at(p)) - middle(at(q)));
    for (const line of labelled) {
        const left = middle(at(line)) - line.labelWidth / 2;
        let tier = ends.findIndex(end => end + 8 <= left);
        if (tier < 0) tier = ends.push(Number.NEGATIVE_INFINITY) - 1;
        ends[tier] = left + line.labelWidth;
        tiers.set(line.edge.id, tier);
    }
    return Math.max(1, ends.length);
}

function middle(v: { outer: number; inner: number }): number {
    return (v.outer + v.inner) / 2;
}

/** Where along its line a label may sit, best first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

/**
 * Each label centred on its own line: halfway in the gap (RIGHT) or on its tier (DOWN). Where a label
 * would touch one placed before or lie on another line, it slides along its own line.
 */
function placeLabels(lines: Line[], layout: DiagramLayout, down: boolean, tiers: Map<string, number>): void {
    const placed: Box[] = [];
    // A gap's tiers are as far apart as its tallest label is tall (the gap was sized so): a one-line
    // label under a two-line one steps down by the two-line label's height, not its own.
    const tierPitch = new Map<number, number>();
    for (const line of lines) tierPitch.set(line.gap, Math.max(tierPitch.get(line.gap) ?? 0, (line.label?.height ?? 0) + TIER_GAP));
    for (const line of lines) {
        const geometry = layout.edges[line.edge.id];
        if (!line.label || !geometry) continue;
        const height = line.label.height;
        const [a, b] = geometry.points;
        const at = (t: number): Box => {
            const centre = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
            return { x: centre.x - line.labelWidth / 2, y: centre.y - height / 2, width: line.labelWidth, height };
        };
        let candidates: Box[];
        if (down) {
            const top = Math.min(a.y, b.y) + LABEL_MARGIN + (tiers.get(line.edge.id) ?? 0) * tierPitch.get(line.gap)!;
            const t = Math.abs(b.y - a.y) > 0 ? (top + height / 2 - a.y) / (b.y - a.y) : 0.5;
            candidates = [at(t), ...ALONG.map(at)];
        } else {
            candidates = ALONG.map(at);
        }
        const others = lines.filter(other => other !== line).map(other => layout.edges[other.edge.id]?.points).filter((p): p is Point[] => p !== undefined);
        const free = (box: Box) => !placed.some(other => overlaps(other, box))
            && !others.some(points => segmentThroughBox(points[0], points[1], box))
            && !Object.values(layout.nodes).some(node => overlaps(node, box));
        // Centred on its line where the column gap allows, else beside it: a centred label with no free
        // spot would lie on a neighbour's label.
        const beside = spotsBeside(a, b, { width: line.labelWidth, height });
        const chosen = candidates.find(free) ?? beside.find(free) ?? candidates[0];
        geometry.label = chosen;
        geometry.labelLines = line.label.lines;
        placed.push(chosen);
    }
}
