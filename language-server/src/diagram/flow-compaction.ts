/**
 * ELK gives every layer of a layered picture, the rows that only carry lines included, its full
 * spacing: a deep overview (a chain of departments) came out with bands of bare lines between its
 * rows of boxes and labels, and titles shrank when the picture was fitted into the panel. This pass
 * closes those bands along the flow (top to bottom, or left to right): everything beyond a band
 * moves up (or left) by what the band gives, and the bends of lines inside it are drawn closer
 * together without changing their order.
 */
import type { Box, DiagramGraph, DiagramLayout, Point } from './diagram-graph.js';
import { DETOUR_MEAN, DETOUR_WORST, targetsMissed } from './layout-choice.js';
import { measureLayout } from './layout-quality.js';
import { GROUP_TITLE_HEIGHT, layoutTitleBoxes } from './node-sizing.js';

/** A band between two rows keeps at least this much: room for a line's turn and its arrowhead. */
const KEPT_BAND = 28;
/** Bends of different lines within a band stay this far apart along the flow. */
const BEND_GAP = 10;
/** A department's frame keeps its title row and the margin under its last box. */
const FRAME_TOP = GROUP_TITLE_HEIGHT + 10;
const FRAME_BOTTOM = 14;

export interface Interval { from: number; to: number }
/** Where a band starts and ends, and how long it becomes. */
export interface Band extends Interval {
    kept: number;
    /** Where lines turn inside the band, in order: spaced evenly in what the band keeps. */
    turns: number[];
}

/** Bands tried one by one, largest first, when closing them all at once reads worse. */
const BANDS_TRIED_ALONE = 12;

/**
 * The layout with its bare bands closed, each unless that reads worse: a line that ran round a box
 * keeps its length across while the distance between its ends shrinks, and a line made steeper may
 * pass through a label it went by before.
 */
export function withBandsClosed(graph: DiagramGraph, layout: DiagramLayout): DiagramLayout {
    const titles = layoutTitleBoxes(layout, graph.groups);
    const bands = bareBands(layout, titles);
    if (bands.length === 0) return layout;
    const before = measureLayout(graph, layout);
    const readsAsWell = (closed: DiagramLayout) => {
        const after = measureLayout(graph, closed);
        // A target already missed may not be missed by more.
        return targetsMissed(after) <= targetsMissed(before) && after.crossings <= before.crossings && after.hiddenShare <= before.hiddenShare
            && after.edgeThroughGroup <= before.edgeThroughGroup
            && after.edgeThroughTitle <= before.edgeThroughTitle
            && after.detourMean <= Math.max(DETOUR_MEAN, before.detourMean) && after.detourWorst <= Math.max(DETOUR_WORST, before.detourWorst);
    };
    const all = closeBands(layout, bands);
    if (readsAsWell(all)) return all;
    let kept: Band[] = [];
    for (const band of [...bands].sort((a, b) => (b.to - b.from - b.kept) - (a.to - a.from - a.kept)).slice(0, BANDS_TRIED_ALONE)) {
        const tried = [...kept, band].sort((a, b) => a.from - b.from);
        if (readsAsWell(closeBands(layout, tried))) kept = tried;
    }
    return kept.length > 0 ? closeBands(layout, kept) : layout;
}

const isDown = (layout: DiagramLayout) => layout.direction !== 'RIGHT';

function alongOf(layout: DiagramLayout): (box: Box) => Interval {
    return isDown(layout) ? box => ({ from: box.y, to: box.y + box.height }) : box => ({ from: box.x, to: box.x + box.width });
}

/**
 * The rows along the flow that boxes, labels, department titles and margins take, merged where they
 * touch. Left to right a department's title runs along the flow: its frame must not get narrower.
 */
export function occupiedRows(layout: DiagramLayout, titles: readonly Box[]): Interval[] {
    const along = alongOf(layout);
    const occupied: Interval[] = [...Object.values(layout.nodes).map(along), ...titles.map(along)];
    for (const edge of Object.values(layout.edges)) if (edge.label) occupied.push(along(edge.label));
    for (const frame of Object.values(layout.groups)) {
        const span = along(frame);
        // Left to right a frame's title row is at its top, across the flow: the frame keeps only its margins.
        const head = isDown(layout) ? FRAME_TOP : FRAME_BOTTOM;
        occupied.push({ from: span.from, to: Math.min(span.to, span.from + head) }, { from: Math.max(span.from, span.to - FRAME_BOTTOM), to: span.to });
    }
    return merged(occupied);
}

/** The gaps between rows of boxes and labels (along the flow) that are longer than they need to be. */
export function bareBands(layout: DiagramLayout, titles: readonly Box[]): Band[] {
    const rows = occupiedRows(layout, titles);
    const bends = Object.values(layout.edges).flatMap(edge => edge.points.slice(1, -1).map(point => isDown(layout) ? point.y : point.x));
    const bands: Band[] = [];
    for (let i = 1; i < rows.length; i++) {
        const [from, to] = [rows[i - 1].to, rows[i].from];
        const turns = [...new Set(bends.filter(value => value > from && value < to).map(Math.round))].sort((a, b) => a - b);
        const kept = Math.max(KEPT_BAND, (turns.length + 1) * BEND_GAP);
        if (to - from > kept + 1) bands.push({ from, to, kept, turns });
    }
    return bands;
}

/** The layout with `by` more room at `at` along the flow: everything beyond moves on, lines across stretch. */
export function openBand(layout: DiagramLayout, at: number, by: number): DiagramLayout {
    return closeBands(layout, [{ from: at, to: at, kept: by, turns: [] }]);
}

/** The layout with the given bands (in order along the flow) closed down to what each keeps. */
export function closeBands(layout: DiagramLayout, bands: readonly Band[]): DiagramLayout {
    const down = isDown(layout);
    const along = alongOf(layout);
    const shift = (value: number): number => moved(value, bands);
    const box = (b: Box): Box => {
        const span = along(b);
        const [from, to] = [shift(span.from), shift(span.to)];
        return down ? { ...b, y: from, height: to - from } : { ...b, x: from, width: to - from };
    };
    const point = (p: Point): Point => down ? { x: p.x, y: shift(p.y) } : { x: shift(p.x), y: p.y };
    const edges: DiagramLayout['edges'] = {};
    for (const [id, edge] of Object.entries(layout.edges)) {
        edges[id] = { ...edge, points: edge.points.map(point), ...(edge.label ? { label: box(edge.label) } : {}) };
    }
    const extent = shift(down ? layout.height : layout.width);
    return {
        ...layout,
        ...(down ? { height: extent } : { width: extent }),
        nodes: mapValues(layout.nodes, box),
        groups: mapValues(layout.groups, box),
        edges
    };
}

function merged(intervals: Interval[]): Interval[] {
    const sorted = [...intervals].sort((a, b) => a.from - b.from);
    const out: Interval[] = [];
    for (const interval of sorted) {
        const last = out[out.length - 1];
        if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
        else out.push({ ...interval });
    }
    return out;
}

/** Where a coordinate along the flow goes: bands before it are closed, one it lies in is drawn closer. */
function moved(value: number, bands: readonly Band[]): number {
    let removed = 0;
    for (const band of bands) {
        if (value <= band.from) break;
        if (value < band.to) return band.from - removed + withinBand(value, band);
        removed += band.to - band.from - band.kept;
    }
    return value - removed;
}

/** Between the band's ends and its turns, each step gets an even share of what the band keeps. */
function withinBand(value: number, band: Band): number {
    const knots = [band.from, ...band.turns.filter(turn => turn > band.from && turn < band.to), band.to];
    const step = band.kept / (knots.length - 1);
    for (let i = 1; i < knots.length; i++) {
        if (value <= knots[i]) return step * (i - 1 + (value - knots[i - 1]) / Math.max(1e-9, knots[i] - knots[i - 1]));
    }
    return band.kept;
}

function mapValues<T>(record: Record<string, T>, map: (value: T) => T): Record<string, T> {
    return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
