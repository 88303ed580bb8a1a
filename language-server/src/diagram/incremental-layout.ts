/**
 * After a small edit, the picture the reader already has with the new elements fitted in, when they
 * fit: every box stays exactly where it was, a new system takes a free spot beside the system it is
 * linked to, and a new line runs as straight as the boxes in its way allow, its label beside it. ELK's layout of the edited graph, even guided by the old positions, moves boxes along
 * their layer; a reader who has just typed one flow should not have to find the picture again.
 * Undefined when the edit is not small, something does not fit cleanly or fitting it in takes longer
 * than its budget: the caller lays out afresh.
 */
import type { Box, DiagramEdge, DiagramGraph, DiagramGroup, DiagramLayout, DiagramNode, EdgeGeometry, LayoutDirection, Point } from './diagram-graph.js';
import { alongside, centre, crossingCount, distanceToBox, drawnExtent, facingPoints, inflate, movedBy, overlaps, pathLength, segmentsOf, spotsBeside, type Segment } from './box-geometry.js';
import { segmentThroughBox } from './layout-quality.js';
import { GROUP_TITLE_HEIGHT, groupTitleBox, labelSize } from './node-sizing.js';
import { canLeave, orthogonalRoute, outward, type RouteEnd } from './orthogonal-route.js';
import { bracketsAround } from './self-loops.js';
import { boxIndex, segmentIndex } from './spatial-index.js';
import { occupiedRows, openBand } from './flow-compaction.js';

/** An edit larger than this is laid out afresh: the old picture would fit the new model badly. */
const MAX_NEW_NODES = 2;
const MAX_NEW_EDGES = 3;
const MAX_REMOVED = 3;
/** Free spots tried for a new box, nearest first, before a row is opened for it. */
const SPOTS_TRIED = 6;
/** How far along an opened row, either way from its linked box, a new box without a department is looked for (one with a department: in its span). */
const ROW_SEARCH = 480;
/** Clearance between a line and a box it passes. */
const CLEARANCE = 6;
/** Free space kept round a new box. */
const ROOM = 20;
/** Free space a box that grew for its text keeps from the others (ELK sets them 28 px apart). */
const GROWN_ROOM = 12;
/** Ends of two lines on one box keep this far apart. */
const ENDS_APART = 12;
/** A box's sides, each searched for the ends of a new line that cannot leave by the side facing the other box. */
const SIDES = 4;
/** The points of each end's outline tried for a straight or once-turned way, where many lines are drawn at once. */
const ENDS_TRIED_AT_ONCE = 16;
/** A department box keeps this much room round its systems (its title band above them). */
const GROUP_PAD = { side: 14, top: GROUP_TITLE_HEIGHT + 10 };
const MARGIN = 12;
/** Distances from its linked box at which a new box is tried, along the flow and across it. */
const ALONG_GAPS = [56, 112, 168];
const ACROSS_GAPS = [28, 84];
/** Where between its ends a line that turns twice turns. */
const HALF_WAYS = [0.5, 0.3, 0.7];
/** How far round a box's corner a line passes, beyond the clearance every box has. */
const CORNER_CLEARANCE = 4;
/** The ends of a line tried with a bend at a corner: the points nearest facing the other box. */
const CORNER_ENDS = 3;
/** A bend costs as much as this much more line. */
const BEND_COST = 40;
/** A path round the boxes longer than this times the distance between its ends is worse than a fresh layout. */
const LONGEST_DETOUR = 2.5;
/** What a crossing costs a path through the channels when the way round the other lines is too long (a line's length in px). */
const ACROSS_CROWD_CROSSING_COST = 20;
/** Spacing of the points along a box's outline where a line may meet it. */
const OUTLINE_STEP = 10;
/** Spots inside a department's frame are tried this far apart (see `insideFrame`). */
const INSIDE_STEP = 16;
/** The most points of one outline tried (a system's box has about forty). */
const MOST_OUTLINE_POINTS = 48;
/** Where along a run a label may sit on it. */
const ON_LINE = [0.5, 0.4, 0.6, 0.3, 0.7];
/** How far an end may lie from its box's outline and still be on it. */
const ON_OUTLINE = 1.5;
/** Routes of a new line tried for room for its label, best first. */
const ROUTES_LABELLED = 12;
/**
 * How long fitting an edit in may take, unless told, before the view is laid out afresh (a part of
 * the 500 ms a view may take): a new line across a large view tries thousands of ways.
 */
const FIT_BUDGET_MS = 150;
/** The clock is read once per this many ways tried. */
const TIME_CHECKED_EVERY = 256;
/** Runs of other lines farther than this from a way can neither lie along it nor cross it. */
const NEAR_RUN = 8;

export function fitIntoPrevious(graph: DiagramGraph, previous: DiagramLayout, labelled: boolean, budgetMs = FIT_BUDGET_MS): DiagramLayout | undefined {
    return withinBudget(budgetMs, deadline => fitted(graph, previous, labelled, deadline, true));
}

/**
 * `partial` with every edge of `graph` it lacks drawn in, as new lines are after an edit (its boxes
 * stay where they are); undefined where one finds no way, or after `budgetMs`.
 */
export function drawLinesInto(graph: DiagramGraph, partial: DiagramLayout, labelled: boolean, budgetMs: number): DiagramLayout | undefined {
    return withinBudget(budgetMs, deadline => fitted(graph, partial, labelled, deadline, false));
}

/** What `draw` gives before `budgetMs` runs out (its deadline, `performance.now()`), else undefined. */
function withinBudget(budgetMs: number, draw: (deadline: number) => DiagramLayout | undefined): DiagramLayout | undefined {
    try {
        return draw(performance.now() + budgetMs);
    } catch (error) {
        if (error instanceof OutOfTime) return undefined;
        throw error;
    }
}

/** Fitting an edit in took longer than its budget: the view is laid out afresh instead. */
class OutOfTime extends Error {}

/** `anEdit`: the change is one edit's, and more is laid out afresh rather than fitted in. */
function fitted(graph: DiagramGraph, previous: DiagramLayout, labelled: boolean, deadline: number, anEdit: boolean): DiagramLayout | undefined {
    const nodeIds = new Set(graph.nodes.map(node => node.id));
    const edgeIds = new Set(graph.edges.map(edge => edge.id));
    const added = graph.nodes.filter(node => !previous.nodes[node.id]);
    const newEdges = graph.edges.filter(edge => !previous.edges[edge.id]);
    const removed = Object.keys(previous.nodes).filter(id => !nodeIds.has(id)).length + Object.keys(previous.edges).filter(id => !edgeIds.has(id)).length;
    if (anEdit && (added.length > MAX_NEW_NODES || newEdges.length > MAX_NEW_EDGES || removed > MAX_REMOVED)) return undefined;
    if (graph.groups.some(group => !previous.groups[group.id])) return undefined;

    const groupOf = new Map(graph.nodes.map(node => [node.id, node.group]));
    const ends = new Map(graph.edges.map(edge => [edge.id, [edge.source, edge.target] as const]));
    const groupById = new Map(graph.groups.map(group => [group.id, group]));
    const groups: Record<string, Box> = {};
    for (const group of graph.groups) groups[group.id] = { ...previous.groups[group.id] };
    const nodes: Record<string, Box> = {};
    const grown: string[] = [];
    for (const node of graph.nodes) {
        const kept = previous.nodes[node.id];
        if (!kept) continue;
        // A box may have grown for the ends of its lines (compound-layout.ts). One whose text grew (a
        // closed department's "9 systems" now "10 systems") grows about its middle: its lines still
        // meet it where they did on the sides it grew along; elsewhere they do not, and the view is laid out again.
        const box = kept.width < node.width - 0.5 || kept.height < node.height - 0.5 ? grownAbout(kept, node) : kept;
        if (box !== kept) grown.push(node.id);
        if (!inItsGroup(box, node.group, groups)) return undefined;
        nodes[node.id] = box;
    }
    for (const id of grown) {
        const room = inflate(nodes[id], GROWN_ROOM);
        if (Object.entries(nodes).some(([other, box]) => other !== id && overlaps(room, box))) return undefined;
    }
    const direction = previous.direction ?? 'DOWN';
    const edges: Record<string, EdgeGeometry> = {};
    const resized: DiagramEdge[] = [];
    const boxes = { ...groups, ...nodes };
    for (const edge of graph.edges) {
        const kept = previous.edges[edge.id];
        if (!kept) continue;
        const geometry = keptGeometry(edge, kept, boxes, labelled, direction, previous.narrowLabels);
        if (!geometry) return undefined;
        edges[edge.id] = geometry;
        if (geometry.label && (geometry.label.width !== kept.label!.width || geometry.label.height !== kept.label!.height)) resized.push(edge);
    }

    const titleShifts: Record<string, number> = { ...previous.titleShifts };
    /** Puts a new box at `spot`, growing its department; returns how to take it back. */
    const put = (node: DiagramNode, spot: Box): (() => void) => {
        nodes[node.id] = spot;
        const group = node.group;
        if (!group) return () => delete nodes[node.id];
        const [frame, shift] = [groups[group], titleShifts[group]];
        const grown = grownGroup(frame, spot);
        groups[group] = grown;
        const moved = shiftedTitle(shift, frame, grown);
        if (moved !== undefined) titleShifts[group] = moved;
        return () => {
            delete nodes[node.id];
            groups[group] = frame;
            if (shift !== undefined) titleShifts[group] = shift;
        };
    };
    // Many lines drawn at once try the ways nearest their ends: each edit's one line tries them all.
    const placed: Placed = { nodes, groups, edges, groupOf, ends, groupById, titleShifts, titleWidths: previous.titleWidths, deadline, endsTried: anEdit ? undefined : ENDS_TRIED_AT_ONCE, narrowLabels: previous.narrowLabels };
    // A bundle that carries one flow more says so in a longer label: it is written anew beside its
    // line, as near the old as there is room; where there is none, the line is drawn anew as a new one.
    for (const edge of resized) {
        const { label, ...line } = edges[edge.id];
        delete edges[edge.id];
        const drawn = labelPlacer(edge, placed, labelled, direction, barriersOf(edge, placed), allSegments(edges), centre(label!))(line.points)
            ?? newLine(edge, placed, labelled, direction);
        if (!drawn) return undefined;
        edges[edge.id] = { ...line, ...drawn };
    }
    /** Puts a new box at `spot` with its new lines; false, and nothing changed, where a line cannot be drawn from there. */
    const putWithLines = (node: DiagramNode, spot: Box): boolean => {
        const takeBack = put(node, spot);
        const lines = newEdges.filter(edge => (edge.source === node.id || edge.target === node.id) && nodes[edge.source] && nodes[edge.target]);
        const drawn = lines.map(edge => [edge.id, newLine(edge, placed, labelled, direction)] as const);
        if (drawn.every(([, geometry]) => geometry)) {
            for (const [id, geometry] of drawn) edges[id] = geometry!;
            return true;
        }
        takeBack();
        return false;
    };
    for (const node of added) {
        // The nearest free spot beside its linked box whose new lines can all be drawn (the spot right
        // beside it may leave no room for a line's label); else a row opened for it, or a free spot
        // inside its department's frame: first where the linked box lies outside the department,
        // after the row where it lies inside (the new box then stays beside its linked one).
        const fits = (spot: Box) => putWithLines(node, spot);
        const linked = anchorOf(node, graph, placed)?.anchor;
        const frame = node.group ? placed.groups[node.group] : undefined;
        const beside = () => firstFitting(freeSpots(node, graph, placed, direction), fits);
        const inRow = () => fitsInOpenedRow(node, graph, placed, direction, fits);
        const inFrame = () => linked !== undefined && frame !== undefined && firstFitting(freeOf(node, insideFrame(node, linked, frame, placed), placed), fits);
        const outside = linked !== undefined && frame !== undefined && !overlaps(frame, linked);
        if (!(outside ? [beside, inFrame, inRow] : [beside, inRow, inFrame]).some(tried => tried())) return undefined;
    }
    // A bundle of flows between departments ends on its departments' frames: where a frame grew, the
    // end moves out to the side's new place.
    for (const edge of graph.edges) {
        const kept = edges[edge.id];
        if (!kept || !previous.edges[edge.id]) continue;
        const [first, last] = [edge.source, edge.target].map(id => groups[id] && previous.groups[id] ? [previous.groups[id], groups[id]] as const : undefined);
        if (!first && !last) continue;
        const points = [...kept.points];
        if (first) points[0] = onGrownSide(points[0], ...first);
        if (last) points[points.length - 1] = onGrownSide(points[points.length - 1], ...last);
        edges[edge.id] = { ...kept, points };
    }
    // Many lines drawn into a picture: the shortest first, each the way nearest its ends, the long
    // ones round them (drawn first, a long line takes the channels the short ones need).
    const middle = (id: string) => centre(nodes[id] ?? groups[id]);
    const span = (edge: DiagramEdge) => Math.hypot(middle(edge.source).x - middle(edge.target).x, middle(edge.source).y - middle(edge.target).y);
    const order = anEdit ? newEdges : [...newEdges].sort((p, q) => span(p) - span(q));
    for (const edge of order) {
        if (edges[edge.id]) continue;
        const geometry = newLine(edge, placed, labelled, direction);
        if (!geometry) return undefined;
        edges[edge.id] = geometry;
    }
    if (!anEdit) redrawnAcross(order, placed, labelled, direction);
    return framed({ ...previous, nodes, groups, edges, titleShifts });
}

/**
 * Each of many lines drawn at once (`lines`, in the order drawn) that crosses one drawn after it is
 * drawn again once all are in, and kept so where it then crosses fewer: drawn early, it could not
 * keep out of the way of those. One that crosses only lines it saw crosses them for want of a
 * better way. What time is left decides how many: the lines as first drawn are a whole picture.
 */
function redrawnAcross(lines: readonly DiagramEdge[], placed: Placed, labelled: boolean, direction: LayoutDirection): void {
    const { edges } = placed;
    const unseen = new Set(lines.map(edge => edge.id));
    for (const edge of lines) {
        unseen.delete(edge.id);
        const first = edges[edge.id];
        const later = [...unseen].flatMap(id => segmentsOf(edges[id].points));
        if (crossingCount(segmentsOf(first.points), later) === 0) continue;
        delete edges[edge.id];
        const crossings = (geometry: EdgeGeometry) => crossingCount(segmentsOf(geometry.points), allSegments(edges));
        const before = crossings(first);
        let again: EdgeGeometry | undefined;
        try {
            again = newLine(edge, placed, labelled, direction);
        } catch (error) {
            if (!(error instanceof OutOfTime)) throw error;
            edges[edge.id] = first;
            return;
        }
        if (again && crossings(again) < before) {
            edges[edge.id] = again;
            // The lines still to come were drawn before it ran where it now does.
            unseen.add(edge.id);
        } else {
            edges[edge.id] = first;
        }
    }
}

interface Placed {
    nodes: Record<string, Box>;
    groups: Record<string, Box>;
    edges: Record<string, EdgeGeometry>;
    groupOf: ReadonlyMap<string, string | undefined>;
    /** The two node ids each edge links. */
    ends: ReadonlyMap<string, readonly [string, string]>;
    groupById: ReadonlyMap<string, DiagramGroup>;
    titleShifts?: Readonly<Record<string, number>>;
    titleWidths?: Readonly<Record<string, number>>;
    /** When fitting the edit in runs out of time (`performance.now()`). */
    deadline: number;
    /** The points of each end's outline a straight or once-turned way is tried from, nearest the other end first (all, unless told). */
    endsTried?: number;
    /** Labels in narrow lines (`labelSize`), as the picture has them. */
    narrowLabels?: boolean;
}

/** Stops the fitting (see `fitIntoPrevious`) once its time is up. */
function inTime(placed: Placed): void {
    if (performance.now() > placed.deadline) throw new OutOfTime();
}

/** A point on a side of `frame`, moved with that side to where it lies on `grown`. */
function onGrownSide(point: Point, frame: Box, grown: Box): Point {
    const near = (a: number, b: number) => Math.abs(a - b) <= ON_OUTLINE;
    if (near(point.y, frame.y)) return { x: point.x, y: grown.y };
    if (near(point.y, frame.y + frame.height)) return { x: point.x, y: grown.y + grown.height };
    if (near(point.x, frame.x)) return { x: grown.x, y: point.y };
    if (near(point.x, frame.x + frame.width)) return { x: grown.x + grown.width, y: point.y };
    return point;
}

function contains(outer: Box, inner: Box): boolean {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** `box` made as large as `node` needs, about the same middle. */
function grownAbout(box: Box, node: DiagramNode): Box {
    const width = Math.max(box.width, node.width);
    const height = Math.max(box.height, node.height);
    return { x: box.x - (width - box.width) / 2, y: box.y - (height - box.height) / 2, width, height };
}

function inItsGroup(box: Box, group: string | undefined, groups: Record<string, Box>): boolean {
    return Object.entries(groups).every(([id, frame]) => id === group ? contains(frame, box) : !overlaps(frame, box));
}

/**
 * A kept line as it was, if its ends are still on its boxes (or its departments' frames, for a
 * bundle between them); a label that changed size is centred where it was, for a spot to be found.
 */
function keptGeometry(edge: DiagramEdge, kept: EdgeGeometry, ends: Record<string, Box>, labelled: boolean, direction: LayoutDirection, narrow?: boolean): EdgeGeometry | undefined {
    const [source, target] = [ends[edge.source], ends[edge.target]];
    const points = kept.points;
    if (!source || !target || points.length < 2) return undefined;
    if (distanceToBox(points[0], source) > ON_OUTLINE || distanceToBox(points[points.length - 1], target) > ON_OUTLINE) return undefined;
    const wantsLabel = labelled && edge.label !== '';
    if (wantsLabel !== (kept.label !== undefined)) return undefined;
    if (!kept.label) return kept;
    const size = labelSize(edge, direction, narrow);
    if (Math.abs(size.width - kept.label.width) <= 0.5 && Math.abs(size.height - kept.label.height) <= 0.5) return { ...kept, labelLines: size.lines };
    const middle = centre(kept.label);
    return { ...kept, label: { x: middle.x - size.width / 2, y: middle.y - size.height / 2, width: size.width, height: size.height }, labelLines: size.lines };
}

function grownGroup(frame: Box, box: Box): Box {
    const x = Math.min(frame.x, box.x - GROUP_PAD.side);
    const y = Math.min(frame.y, box.y - GROUP_PAD.top);
    const right = Math.max(frame.x + frame.width, box.x + box.width + GROUP_PAD.side);
    const bottom = Math.max(frame.y + frame.height, box.y + box.height + GROUP_PAD.side);
    return { x, y, width: right - x, height: bottom - y };
}

function allSegments(edges: Record<string, EdgeGeometry>): Segment[] {
    return Object.values(edges).flatMap(geometry => segmentsOf(geometry.points));
}

function labels(edges: Record<string, EdgeGeometry>): Box[] {
    return Object.values(edges).flatMap(geometry => geometry.label ? [geometry.label] : []);
}

/** Boxes beside the linked box, the side the flow runs to first, nearest first. */
function candidates(node: DiagramNode, anchor: Box, downstream: boolean, direction: LayoutDirection): Box[] {
    const { width, height } = node;
    const [cx, cy] = [anchor.x + anchor.width / 2, anchor.y + anchor.height / 2];
    const spots: Box[] = [];
    const along = (sign: number, gap: number, shift: number): Box => direction === 'DOWN'
        ? { x: cx - width / 2 + shift, y: sign > 0 ? anchor.y + anchor.height + gap : anchor.y - gap - height, width, height }
        : { x: sign > 0 ? anchor.x + anchor.width + gap : anchor.x - gap - width, y: cy - height / 2 + shift, width, height };
    const across = (sign: number, gap: number): Box => direction === 'DOWN'
        ? { x: sign > 0 ? anchor.x + anchor.width + gap : anchor.x - gap - width, y: cy - height / 2, width, height }
        : { x: cx - width / 2, y: sign > 0 ? anchor.y + anchor.height + gap : anchor.y - gap - height, width, height };
    const first = downstream ? 1 : -1;
    const step = direction === 'DOWN' ? width + ACROSS_GAPS[0] : height + ACROSS_GAPS[0];
    for (const gap of ALONG_GAPS) for (const shift of [0, step, -step]) spots.push(along(first, gap, shift));
    for (const gap of ACROSS_GAPS) for (const sign of [1, -1]) spots.push(across(sign, gap));
    for (const gap of ALONG_GAPS) for (const shift of [0, step, -step]) spots.push(along(-first, gap, shift));
    return spots;
}

/** The box a new node is linked to (the first of its flows to a box already drawn). */
function anchorOf(node: DiagramNode, graph: DiagramGraph, placed: Placed): { anchor: Box; downstream: boolean } | undefined {
    const link = graph.edges.find(edge => (edge.source === node.id && placed.nodes[edge.target]) || (edge.target === node.id && placed.nodes[edge.source]));
    if (!link) return undefined;
    return { anchor: placed.nodes[link.source === node.id ? link.target : link.source], downstream: link.source !== node.id };
}

/** The spots beside a linked box, nearest first, where the new box and its department's grown box touch nothing (found as they are taken). */
function freeSpots(node: DiagramNode, graph: DiagramGraph, placed: Placed, direction: LayoutDirection): Generator<Box> {
    const linked = anchorOf(node, graph, placed);
    return freeOf(node, linked ? candidates(node, linked.anchor, linked.downstream, direction) : [], placed);
}

/**
 * Spots inside the new box's department frame, nearest its linked box first. Where that box lies
 * outside the department, beside it the frame would have to grow over whatever lies between them;
 * in a dense department, with no room beside its linked box nor a row to open, a spot farther along
 * saves a layout that moves every box.
 */
function* insideFrame(node: DiagramNode, linked: Box, frame: Box, placed: Placed): Generator<Box> {
    const [left, top] = [frame.x + GROUP_PAD.side, frame.y + GROUP_PAD.top];
    const [right, bottom] = [frame.x + frame.width - GROUP_PAD.side - node.width, frame.y + frame.height - GROUP_PAD.side - node.height];
    const spots: Box[] = [];
    for (let x = left; x <= right; x += INSIDE_STEP) {
        for (let y = top; y <= bottom; y += INSIDE_STEP) spots.push({ x, y, width: node.width, height: node.height });
    }
    const target = centre(linked);
    const distance = (spot: Box) => Math.hypot(spot.x + spot.width / 2 - target.x, spot.y + spot.height / 2 - target.y);
    spots.sort((a, b) => distance(a) - distance(b));
    // A dense department may have no room for a box anywhere: the edit's budget bounds the search.
    for (const [index, spot] of spots.entries()) {
        if (index % TIME_CHECKED_EVERY === 0) inTime(placed);
        yield spot;
    }
}

/** Those of `spots` where the new box and its department's grown box touch nothing, as they are taken. */
function* freeOf(node: DiagramNode, spots: Iterable<Box>, placed: Placed): Generator<Box> {
    const boxes = Object.values(placed.nodes);
    const labelBoxes = labels(placed.edges);
    const segments = allSegments(placed.edges);
    for (const spot of spots) {
        const room = inflate(spot, ROOM);
        if (boxes.some(box => overlaps(room, box)) || labelBoxes.some(box => overlaps(room, box))) continue;
        if (segments.some(({ a, b }) => segmentThroughBox(a, b, inflate(spot, CLEARANCE)))) continue;
        if (groupsAllow(node, spot, placed)) yield spot;
    }
}

/**
 * Spots along an opened row, nearest the linked box first, within its department's span (or near
 * the linked box): the lines that cross the row stretch across it, and where the spots beside the linked
 * box all lie on them, a gap between them a little farther along the row is free.
 */
function* alongOpenedRow(node: DiagramNode, anchor: Box, band: { from: number; size: number }, axis: LayoutDirection, placed: Placed): Generator<Box> {
    const down = axis === 'DOWN';
    const [extent, breadth] = down ? [node.height, node.width] : [node.width, node.height];
    const at = band.from + (band.size - extent) / 2;
    const middle = down ? anchor.x + anchor.width / 2 : anchor.y + anchor.height / 2;
    const frame = node.group ? placed.groups[node.group] : undefined;
    const [first, last] = frame ? (down ? [frame.x, frame.x + frame.width] : [frame.y, frame.y + frame.height]) : [middle - ROW_SEARCH, middle + ROW_SEARCH];
    const reach = Math.max(middle - first, last - middle);
    for (let offset = 0; offset <= reach; offset += OUTLINE_STEP) {
        for (const sign of offset === 0 ? [1] : [-1, 1]) {
            const start = middle + sign * offset - breadth / 2;
            if (start < first - breadth / 2 || start + breadth > last + breadth / 2) continue;
            yield down ? { x: start, y: at, width: node.width, height: node.height } : { x: at, y: start, width: node.width, height: node.height };
        }
    }
}

/**
 * With no free spot beside its linked box, a new box gets a row of its own: the picture's rows from
 * the one after the linked box's (or from the linked box's own, for a box that feeds it) move on by
 * the new box and its gaps, lines across the opened row stretch, and nothing changes order, as
 * a person makes room on a whiteboard. A picture cut into rows has no row of its own across the
 * whole flow: there the room is opened across the flow, beside the linked box. `placed` takes the
 * opened picture where `fits` takes a spot in it.
 */
function fitsInOpenedRow(node: DiagramNode, graph: DiagramGraph, placed: Placed, direction: LayoutDirection, fits: (spot: Box) => boolean): boolean {
    const linked = anchorOf(node, graph, placed);
    if (!linked) return false;
    const { anchor, downstream } = linked;
    const titles = Object.entries(placed.groups).map(([id, frame]) => groupTitleBox(frame, placed.groupById.get(id)!, placed.titleShifts?.[id], placed.titleWidths?.[id]));
    const across: LayoutDirection = direction === 'DOWN' ? 'RIGHT' : 'DOWN';
    const openings: ReadonlyArray<readonly [LayoutDirection, boolean, number]> = [[direction, downstream, ALONG_GAPS[0]], [across, true, ACROSS_GAPS[0]], [across, false, ACROSS_GAPS[0]]];
    const before = { nodes: { ...placed.nodes }, groups: { ...placed.groups }, edges: { ...placed.edges } };
    for (const [axis, after, gap] of openings) {
        const picture: DiagramLayout = { width: 0, height: 0, direction: axis, ...before };
        const [from, to] = axis === 'DOWN' ? [anchor.y, anchor.y + anchor.height] : [anchor.x, anchor.x + anchor.width];
        const row = occupiedRows(picture, titles).find(interval => interval.from <= from && interval.to >= to);
        if (!row) continue;
        const extent = axis === 'DOWN' ? node.height : node.width;
        const band = { from: after ? row.to : row.from - 0.5, size: gap + extent + ROOM };
        const opened = openBand(picture, band.from, band.size);
        if (stretchedAcross(graph, before, opened)) continue;
        replaceContents(placed.nodes, opened.nodes);
        replaceContents(placed.groups, opened.groups);
        replaceContents(placed.edges, opened.edges);
        if (firstFitting(freeSpots(node, graph, placed, direction), fits)) return true;
        // A row that ends far from the linked box (a picture whose rows merge into one) would put the new box far from it.
        const [start, end] = axis === 'DOWN' ? [anchor.y, anchor.y + anchor.height] : [anchor.x, anchor.x + anchor.width];
        const nearBy = after ? band.from - end : start - band.from;
        if (nearBy <= ALONG_GAPS[ALONG_GAPS.length - 1] && firstFitting(freeOf(node, alongOpenedRow(node, anchor, band, axis, placed), placed), fits)) return true;
    }
    replaceContents(placed.nodes, before.nodes);
    replaceContents(placed.groups, before.groups);
    replaceContents(placed.edges, before.edges);
    return false;
}

/**
 * Whether opening a band drew a line the reader has across a box or a label it kept clear of: a
 * slanting run with an end either side of the band turns as it stretches (in an unseen department,
 * a row opened under a hub swung one of its lines across the next line's label).
 */
function stretchedAcross(graph: DiagramGraph, before: Pick<DiagramLayout, 'nodes' | 'edges'>, opened: DiagramLayout): boolean {
    const ends = new Map(graph.edges.map(edge => [edge.id, [edge.source, edge.target]]));
    const boxes = Object.entries(opened.nodes);
    const labelled = Object.entries(opened.edges).flatMap(([id, line]) => line.label ? [[id, line.label] as const] : []);
    for (const [id, edge] of Object.entries(opened.edges)) {
        const was = before.edges[id];
        if (!was) continue;
        const own = ends.get(id) ?? [];
        for (let i = 1; i < edge.points.length; i++) {
            const [a, b, p, q] = [edge.points[i - 1], edge.points[i], was.points[i - 1], was.points[i]];
            // Moved as a whole, a run keeps its shape and what it kept clear of.
            if (Math.abs(a.x - p.x - (b.x - q.x)) < 0.01 && Math.abs(a.y - p.y - (b.y - q.y)) < 0.01) continue;
            if (boxes.some(([node, box]) => !own.includes(node) && segmentThroughBox(a, b, box))) return true;
            if (labelled.some(([other, label]) => other !== id && segmentThroughBox(a, b, label))) return true;
        }
    }
    return false;
}

/** Whether one of the first few spots fits. */
function firstFitting(spots: Iterable<Box>, fits: (spot: Box) => boolean): boolean {
    let tried = 0;
    for (const spot of spots) {
        if (fits(spot)) return true;
        if (++tried === SPOTS_TRIED) return false;
    }
    return false;
}

function replaceContents<T>(target: Record<string, T>, source: Record<string, T>): void {
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, source);
}

/**
 * A box at the top level lies outside every department; a box in a department grows that
 * department's box only over free ground: no other department, box or label, and no line that
 * does not belong to the department.
 */
function groupsAllow(node: DiagramNode, spot: Box, placed: Placed): boolean {
    const others = Object.entries(placed.groups).filter(([id]) => id !== node.group);
    if (!node.group) return others.every(([, frame]) => !overlaps(inflate(frame, ROOM), spot));
    const grown = grownGroup(placed.groups[node.group], spot);
    if (others.some(([, frame]) => overlaps(inflate(frame, CLEARANCE), grown))) return false;
    const outsiders = Object.entries(placed.nodes).filter(([id]) => placed.groupOf.get(id) !== node.group);
    if (outsiders.some(([, box]) => overlaps(inflate(box, CLEARANCE), grown))) return false;
    // Labels beside the department stay outside it: inside they would sit on its title or border.
    const frame = placed.groups[node.group];
    if (labels(placed.edges).some(label => overlaps(label, grown) && !overlaps(label, frame))) return false;
    const foreign = Object.entries(placed.edges).filter(([id]) => placed.ends.get(id)!.every(end => placed.groupOf.get(end) !== node.group)).map(([, geometry]) => geometry);
    if (foreign.some(geometry => segmentsOf(geometry.points).some(({ a, b }) => segmentThroughBox(a, b, grown)))) return false;
    // A frame grown up (or left) takes its title band with it, where the lines of its own systems may run.
    if (grown.y === frame.y && grown.x === frame.x) return true;
    const title = groupTitleBox(grown, placed.groupById.get(node.group)!, shiftedTitle(placed.titleShifts?.[node.group], frame, grown), placed.titleWidths?.[node.group]);
    return !Object.values(placed.edges).some(geometry => segmentsOf(geometry.points).some(({ a, b }) => segmentThroughBox(a, b, title)));
}

/** A title moved along its band off the lines stays where it is written when its frame grows to the left. */
function shiftedTitle(shift: number | undefined, frame: Box, grown: Box): number | undefined {
    return shift ? shift + frame.x - grown.x : shift;
}

/**
 * A new line: of the straight runs between the sides its boxes turn to each other, the runs that
 * turn twice half-way (as the lines of a layered picture do) and the runs round one corner of a box
 * in the way, the one crossing fewest lines, then the shortest counting a bend as a stretch of line,
 * that leaves room for its label beside its longest run; where none does, a path of horizontal and
 * vertical runs through the channels between the boxes.
 */
function newLine(edge: DiagramEdge, placed: Placed, labelled: boolean, direction: LayoutDirection): EdgeGeometry | undefined {
    // A bundle of flows between two departments (a large view) runs between their frames.
    const [source, target] = [edge.source, edge.target].map(id => placed.nodes[id] ?? placed.groups[id]);
    if (!source || !target) return undefined;
    if (edge.source === edge.target) return newLoop(edge, source, placed, labelled, direction);
    const { barriers, inWay, obstacles } = wallsOf(edge, placed);
    const insides = [source, target].map(box => inflate(box, -1));
    const others = allSegments(placed.edges);
    const [obstacleIndex, otherIndex] = [boxIndex(obstacles), segmentIndex(others)];
    const ends = boxIndex(Object.values(placed.edges).flatMap(geometry => [geometry.points[0], geometry.points[geometry.points.length - 1]])
        .map(end => ({ x: end.x, y: end.y, width: 0, height: 0 })));
    const apart = (p: Point) => !ends.someNear({ a: p, b: p }, ENDS_APART, end => Math.hypot(end.x - p.x, end.y - p.y) < ENDS_APART);
    const [leaves, arrives] = [endPoints(source, target).filter(apart), endPoints(target, source).filter(apart)];
    const [starts, stops] = [leaves.slice(0, placed.endsTried), arrives.slice(0, placed.endsTried)];
    const corners = inWay.flatMap(box => {
        const round = inflate(box, CORNER_CLEARANCE);
        return [{ x: round.x, y: round.y }, { x: round.x + round.width, y: round.y }, { x: round.x, y: round.y + round.height }, { x: round.x + round.width, y: round.y + round.height }];
    });
    const routes: Point[][] = [];
    for (const a of starts) {
        for (const b of stops) {
            routes.push([a, b]);
            for (const f of HALF_WAYS) {
                const flat = a.y === source.y || a.y === source.y + source.height;
                const turn = flat ? a.y + (b.y - a.y) * f : a.x + (b.x - a.x) * f;
                routes.push(flat ? [a, { x: a.x, y: turn }, { x: b.x, y: turn }, b] : [a, { x: turn, y: a.y }, { x: turn, y: b.y }, b]);
            }
        }
    }
    for (const a of starts.slice(0, CORNER_ENDS)) for (const b of stops.slice(0, CORNER_ENDS)) for (const c of corners) routes.push([a, c, b]);
    const found: Route[] = [];
    for (const [index, points] of routes.entries()) {
        if (index % TIME_CHECKED_EVERY === 0) inTime(placed);
        const runs = segmentsOf(points).filter(({ a, b }) => Math.hypot(b.x - a.x, b.y - a.y) > 0.5);
        // Ends on one spot (two boxes touching there) draw nothing a reader could follow.
        if (runs.length === 0) continue;
        const length = runs.reduce((sum, { a, b }) => sum + Math.hypot(b.x - a.x, b.y - a.y), 0);
        // A way round that avoids a crossing but goes far out of its way reads worse than the crossing.
        if (runs.length > 1 && length > LONGEST_DETOUR * Math.hypot(points[points.length - 1].x - points[0].x, points[points.length - 1].y - points[0].y)) continue;
        if (runs.some(({ a, b }) => insides.some(box => segmentThroughBox(a, b, box)) || obstacleIndex.someNear({ a, b }, 1, box => segmentThroughBox(a, b, box)))) continue;
        if (runs.some(run => otherIndex.someNear(run, NEAR_RUN, segment => alongside(run, segment)))) continue;
        found.push({ points: [runs[0].a, ...runs.map(run => run.b)], crossings: runs.reduce((sum, run) => sum + crossingCount([run], otherIndex.nearRun(run, NEAR_RUN)), 0), cost: length + (runs.length - 1) * BEND_COST });
    }
    const label = labelPlacer(edge, placed, labelled, direction, barriers, others);
    const drawn = firstLabelled(found, label);
    if (drawn) return drawn;
    const walls = [...obstacles, source, target];
    // On each side, the points nearest the other box it can leave from: a box right under its
    // department's title leaves by its sides, and one whose side facing the other box looks into a
    // gap other lines run along leaves by another side and turns.
    const leaving = (points: Point[], box: Box) => {
        const free: Point[] = [];
        const onSide = new Map<string, number>();
        for (const point of points) {
            if (free.length === SIDES * CORNER_ENDS) break;
            const out = outward({ point, box });
            const side = `${out.x},${out.y}`;
            const taken = onSide.get(side) ?? 0;
            if (taken === CORNER_ENDS || !canLeave({ point, box }, walls, others)) continue;
            onSide.set(side, taken + 1);
            free.push(point);
        }
        return free;
    };
    const [from, to] = [leaving(leaves, source).map(point => ({ point, box: source })), leaving(arrives, target).map(point => ({ point, box: target }))];
    // Round a crowd of lines if that is not far; else straight across it. A new line is drawn rarely,
    // and a way down the middle of a channel saves a fresh layout.
    const channelled = (starts: readonly RouteEnd[], stops: readonly RouteEnd[], centres: boolean): Route[] => {
        const routes: Route[] = [];
        for (const crossingCost of [undefined, ACROSS_CROWD_CROSSING_COST]) {
            // A way that crosses nothing, its label in room, is the best there is.
            if (routes.some(route => route.crossings === 0 && label(route.points))) break;
            const route = orthogonalRoute(starts, stops, walls, others, { crossingCost, centres, deadline: placed.deadline });
            inTime(placed);
            if (!route) continue;
            const [a, b] = [route[0], route[route.length - 1]];
            if (pathLength(route) > LONGEST_DETOUR * Math.hypot(b.x - a.x, b.y - a.y)) continue;
            const runs = segmentsOf(route);
            routes.push({ points: route, crossings: crossingCount(runs, others), cost: pathLength(route) + (runs.length - 1) * BEND_COST });
        }
        return routes;
    };
    // One search from any of the ends nearest the other box to any of the others'; where its way
    // leaves no room for the label or there is none, one from the ends on every side; then the way
    // between each pair of the nearest ends, along the boxes' edges only (eighteen searches).
    const [nearFrom, nearTo] = [from.slice(0, CORNER_ENDS), to.slice(0, CORNER_ENDS)];
    const cheapest = firstLabelled(channelled(nearFrom, nearTo, true), label)
        ?? (from.length > nearFrom.length || to.length > nearTo.length ? firstLabelled(channelled(from, to, true), label) : undefined);
    if (cheapest || !labelled) return cheapest;
    const nearest = firstLabelled(nearFrom.flatMap(a => nearTo.flatMap(b => channelled([a], [b], false))), label);
    if (nearest) return nearest;
    // Two boxes side by side with no room between them for the label (systems an edit links that stood
    // in a row of unlinked ones): the shortest way runs through the gap. The line leaves and enters by
    // the same side across the gap (both bottoms, or both tops, of boxes in a row), round it.
    const [a, b] = [centre(source), centre(target)];
    const across = Math.abs(b.x - a.x) >= Math.abs(b.y - a.y) ? [{ x: 0, y: 1 }, { x: 0, y: -1 }] : [{ x: 1, y: 0 }, { x: -1, y: 0 }];
    const onSide = (ends: readonly RouteEnd[], side: Point) => ends.filter(end => {
        const out = outward(end);
        return out.x === side.x && out.y === side.y;
    });
    return firstLabelled(across.flatMap(side => {
        const [out, back] = [onSide(from, side), onSide(to, side)];
        return out.length > 0 && back.length > 0 ? channelled(out, back, true) : [];
    }), label);
}

/**
 * A new flow from a system to itself: a bracket on the first side of its box (left, right, top,
 * bottom) where it passes nothing, lies on no line, crosses none and its label finds room.
 */
function newLoop(edge: DiagramEdge, box: Box, placed: Placed, labelled: boolean, direction: LayoutDirection): EdgeGeometry | undefined {
    const { barriers, obstacles } = wallsOf(edge, placed);
    const others = allSegments(placed.edges);
    const label = labelPlacer(edge, placed, labelled, direction, barriers, others);
    for (const points of bracketsAround(box)) {
        const runs = segmentsOf(points);
        if (runs.some(run => obstacles.some(other => segmentThroughBox(run.a, run.b, other)) || others.some(segment => alongside(run, segment)))) continue;
        if (crossingCount(runs, others) > 0) continue;
        const drawn = label(points);
        if (drawn) return drawn;
    }
    return undefined;
}

/**
 * What a new line keeps out of: its barriers (`barriersOf`), the boxes it does not end at, each
 * grown by the clearance (`inWay`), and the labels. What lies inside a department the line keeps
 * out of is out of its way already: fewer walls, a smaller grid to search.
 */
function wallsOf(edge: DiagramEdge, placed: Placed): { barriers: Box[]; inWay: Box[]; obstacles: Box[] } {
    const barriers = barriersOf(edge, placed);
    const foreign = foreignFrames(edge, placed);
    const open = (box: Box) => !foreign.some(frame => contains(frame, box));
    const inWay = Object.entries(placed.nodes).filter(([id, box]) => id !== edge.source && id !== edge.target && open(box)).map(([, box]) => inflate(box, CLEARANCE));
    return { barriers, inWay, obstacles: [...inWay, ...labels(placed.edges).filter(open).map(box => inflate(box, 2)), ...barriers] };
}

/** What a line and its label keep out of: every department's title, and the departments it does not belong to. */
function barriersOf(edge: DiagramEdge, placed: Placed): Box[] {
    // Kept clear of, not only out of: a line along a frame's border or over its title band reads as part of the frame.
    const titles = Object.entries(placed.groups).map(([id, frame]) => groupTitleBox(frame, placed.groupById.get(id)!, placed.titleShifts?.[id], placed.titleWidths?.[id]));
    const above = (title: Box): Box => ({ x: title.x - CLEARANCE, y: title.y - CLEARANCE, width: title.width + 2 * CLEARANCE, height: title.height + CLEARANCE });
    return [...titles.map(above), ...foreignFrames(edge, placed).map(frame => inflate(frame, CLEARANCE))];
}

/** The departments a line belongs to neither end of. */
function foreignFrames(edge: DiagramEdge, placed: Placed): Box[] {
    const own = new Set([edge.source, edge.target].map(id => placed.groups[id] ? id : placed.groupOf.get(id)));
    return Object.entries(placed.groups).filter(([id]) => !own.has(id)).map(([, frame]) => frame);
}

interface Route { points: Point[]; crossings: number; cost: number }

/** Of the routes, crossing fewest lines and then the cheapest, the first whose label finds room beside it. */
function firstLabelled(routes: Route[], label: (points: Point[]) => EdgeGeometry | undefined): EdgeGeometry | undefined {
    const ordered = [...routes].sort((p, q) => p.crossings - q.crossings || p.cost - q.cost);
    for (const route of ordered.slice(0, ROUTES_LABELLED)) {
        const drawn = label(route.points);
        if (drawn) return drawn;
    }
    return undefined;
}

/**
 * A line with its label beside its longest run (or, given `near`, as near that point as there is
 * room), where nothing else lies; none where there is no room.
 */
function labelPlacer(edge: DiagramEdge, placed: Placed, labelled: boolean, direction: LayoutDirection, barriers: Box[], others: Segment[], near?: Point): (points: Point[]) => EdgeGeometry | undefined {
    if (!labelled || edge.label === '') return points => ({ points });
    const size = labelSize(edge, direction, placed.narrowLabels);
    const taken = [...Object.values(placed.nodes), ...labels(placed.edges).map(box => inflate(box, 2)), ...barriers];
    // Beside the line first; else on it, as an inline label whose background interrupts only its own line.
    const on = (a: Point, b: Point) => ON_LINE.map(t => ({ x: a.x + (b.x - a.x) * t - size.width / 2, y: a.y + (b.y - a.y) * t - size.height / 2, width: size.width, height: size.height }));
    const away = (box: Box) => near ? Math.hypot(box.x + box.width / 2 - near.x, box.y + box.height / 2 - near.y) : 0;
    return points => {
        const runs = segmentsOf(points).sort((p, q) => Math.hypot(q.b.x - q.a.x, q.b.y - q.a.y) - Math.hypot(p.b.x - p.a.x, p.b.y - p.a.y));
        const beside = runs.flatMap(({ a, b }) => spotsBeside(a, b, size)).sort((p, q) => away(p) - away(q));
        const spot = [...beside, ...runs.flatMap(({ a, b }) => on(a, b)).sort((p, q) => away(p) - away(q))]
            .find(box => !taken.some(other => overlaps(other, box)) && !others.some(({ a, b }) => segmentThroughBox(a, b, box)));
        return spot ? { points, label: spot, labelLines: size.lines } : undefined;
    };
}

/**
 * Where a line may meet a box: the points of the side facing the other box first, then every
 * stretch of the outline, nearest the other box first. A box with many lines has few free points.
 */
function endPoints(box: Box, other: Box): Point[] {
    const towards = centre(other);
    const outline: Point[] = [];
    // A department's frame (a bundle's end in a large view) is thousands of pixels round: its points
    // are spread out, or every pair of them would be a way to try.
    const step = Math.max(OUTLINE_STEP, 2 * (box.width + box.height) / MOST_OUTLINE_POINTS);
    for (let x = box.x + step; x < box.x + box.width - step / 2; x += step) outline.push({ x, y: box.y }, { x, y: box.y + box.height });
    for (let y = box.y + step; y < box.y + box.height - step / 2; y += step) outline.push({ x: box.x, y }, { x: box.x + box.width, y });
    outline.sort((p, q) => Math.hypot(p.x - towards.x, p.y - towards.y) - Math.hypot(q.x - towards.x, q.y - towards.y));
    return [...facingPoints(box, towards), ...outline];
}

/** The picture moved clear of the top and left edges if anything now lies beyond them, and sized round everything. */
function framed(layout: DiagramLayout): DiagramLayout {
    const { left, top } = drawnExtent(layout);
    const [dx, dy] = [Math.max(0, MARGIN - left), Math.max(0, MARGIN - top)];
    const moved = movedBy(layout, dx, dy);
    const { right, bottom } = drawnExtent(moved);
    return { ...moved, width: Math.max(layout.width + dx, right + MARGIN), height: Math.max(layout.height + dy, bottom + MARGIN) };
}
