/**
 * Departments opened among closed ones, the closed ones set in two columns (rows, going down): those
 * that mostly feed the opened departments before them, those they mostly feed after them. Layered,
 * closed departments linked nearly every one to every other chain into as many layers as there are
 * departments, and the picture into a strip whose titles a panel shows at 6–8 px; in two columns the
 * lines between the opened systems and the closed departments run across, and the lines between two
 * closed departments of one column, which the layered layout is not given (they would chain the
 * column again), are drawn here: brackets on the column's outer side, each on a track of its own, the
 * shorter inside the longer so that nested brackets do not cross.
 */
import type { Box, DiagramGraph, DiagramLayout, EdgeGeometry, LayoutDirection, Point } from './diagram-graph.js';
import { movedBy } from './box-geometry.js';

/** Room between a column's outer side and its first track, and between two tracks. */
const FIRST_TRACK = 14;
const TRACK_GAP = 8;
/** Ports keep this far from a box's corners (its badges sit on the top corner). */
const PORT_MARGIN = 10;
/** Lines straight across the gap between two neighbours of a column lie this far apart. */
const ACROSS_GAP = 10;

/**
 * The side of the opened departments each closed department goes on: -1 before them where more of
 * its flows to and from their systems come from it, else 1 after them. After an edit (`previous`,
 * the boxes of the last picture, running `direction`) a department keeps the side it was drawn on.
 */
export function closedSides(graph: DiagramGraph, previous?: Readonly<Record<string, Box>>, direction: LayoutDirection = 'RIGHT'): Map<string, number> {
    const pull = new Map(graph.nodes.filter(node => node.kind === 'department').map(node => [node.id, 0]));
    for (const edge of graph.edges) {
        const [fromClosed, toClosed] = [pull.has(edge.source), pull.has(edge.target)];
        if (fromClosed && !toClosed) pull.set(edge.source, pull.get(edge.source)! + edge.flows.length);
        if (toClosed && !fromClosed) pull.set(edge.target, pull.get(edge.target)! - edge.flows.length);
    }
    const along = (box: Box) => direction === 'DOWN' ? box.y + box.height / 2 : box.x + box.width / 2;
    const opened = graph.nodes.filter(node => !pull.has(node.id) && previous?.[node.id]).map(node => along(previous![node.id]));
    const middle = opened.length > 0 ? opened.reduce((sum, at) => sum + at, 0) / opened.length : undefined;
    const kept = (id: string) => middle !== undefined && previous?.[id] ? Math.sign(along(previous[id]) - middle) || 1 : undefined;
    const side = new Map([...pull].map(([id, weight]) => [id, kept(id) ?? (weight > 0 ? -1 : 1)]));
    // One column far taller than the other makes the picture a strip again: the departments least
    // drawn to a side move to the other, the most evenly linked first, until the two differ by one.
    const count = (s: number) => [...side.values()].filter(value => value === s).length;
    const movable = [...pull].filter(([id]) => kept(id) === undefined).sort((a, b) => Math.abs(a[1]) - Math.abs(b[1]) || a[0].localeCompare(b[0])).map(([id]) => id);
    for (const id of movable) {
        const from = side.get(id)!;
        if (count(from) - count(-from) < 2) continue;
        side.set(id, -from);
    }
    return side;
}

/** Whether an edge links two closed departments on the same side: the layered layout leaves it out. */
export function inOneColumn(sides: ReadonlyMap<string, number>, source: string, target: string): boolean {
    return source !== target && sides.has(source) && sides.get(source) === sides.get(target);
}

/** The picture seen as if it ran right: a picture running down has its axes swapped. */
function turned(box: Box, down: boolean): Box {
    return down ? { x: box.y, y: box.x, width: box.height, height: box.width } : box;
}

function turnedPoint(point: Point, down: boolean): Point {
    return down ? { x: point.y, y: point.x } : point;
}

interface Bracket { id: string; source: string; target: string; low: number; high: number; track: number }

/**
 * `layout` with the lines between closed departments of one column drawn as brackets on its outer
 * side (the picture grown, and moved where a column's tracks lie before its left or top edge).
 */
export function withSideBrackets(graph: DiagramGraph, layout: DiagramLayout, sides: ReadonlyMap<string, number>, direction: LayoutDirection): DiagramLayout {
    const down = direction === 'DOWN';
    const turnedBoxes = new Map([...sides.keys()].filter(id => layout.nodes[id]).map(id => [id, turned(layout.nodes[id], down)]));
    const boxOf = (id: string) => turnedBoxes.get(id)!;
    const edges: Record<string, EdgeGeometry> = { ...layout.edges };
    let [before, after] = [0, 0];
    for (const side of [-1, 1]) {
        const column = [...sides].filter(([id, s]) => s === side && layout.nodes[id]).map(([id]) => id);
        const lines = graph.edges.filter(edge => !layout.edges[edge.id] && inOneColumn(sides, edge.source, edge.target) && sides.get(edge.source) === side && layout.nodes[edge.source] && layout.nodes[edge.target]);
        if (lines.length === 0) continue;
        const middle = (id: string) => boxOf(id).y + boxOf(id).height / 2;
        const brackets: Bracket[] = lines
            .map(edge => ({ id: edge.id, source: edge.source, target: edge.target, low: Math.min(middle(edge.source), middle(edge.target)), high: Math.max(middle(edge.source), middle(edge.target)), track: 0 }))
            .sort((a, b) => a.high - a.low - (b.high - b.low) || a.id.localeCompare(b.id));
        // Between two neighbours of the column a line runs straight across the gap between them.
        const order = [...column].sort((a, b) => middle(a) - middle(b));
        const neighbours = brackets.filter(bracket => Math.abs(order.indexOf(bracket.source) - order.indexOf(bracket.target)) === 1);
        for (const bracket of neighbours) {
            const together = neighbours.filter(other => [other.source, other.target].sort().join() === [bracket.source, bracket.target].sort().join());
            const [sourceBox, targetBox] = [boxOf(bracket.source), boxOf(bracket.target)];
            const sourceAbove = sourceBox.y < targetBox.y;
            const [upper, lower] = sourceAbove ? [sourceBox, targetBox] : [targetBox, sourceBox];
            const [left, right] = [Math.max(upper.x, lower.x), Math.min(upper.x + upper.width, lower.x + lower.width)];
            if (right - left < together.length * ACROSS_GAP) continue;
            const x = (left + right) / 2 + (together.indexOf(bracket) - (together.length - 1) / 2) * ACROSS_GAP;
            const [top, bottom] = [{ x, y: upper.y + upper.height }, { x, y: lower.y }];
            const points = sourceAbove ? [top, bottom] : [bottom, top];
            edges[bracket.id] = { points: points.map(point => turnedPoint(point, down)) };
            bracket.track = -1;
        }
        // The shortest first, each on the innermost track no bracket it overlaps has taken.
        const taken: Bracket[][] = [];
        for (const bracket of brackets) {
            if (bracket.track < 0) continue;
            let track = 0;
            while (taken[track]?.some(other => other.low < bracket.high && bracket.low < other.high)) track++;
            bracket.track = track;
            (taken[track] ??= []).push(bracket);
        }
        const outer = side < 0 ? Math.min(...column.map(id => boxOf(id).x)) : Math.max(...column.map(id => boxOf(id).x + boxOf(id).width));
        const trackAt = (track: number) => outer + side * (FIRST_TRACK + track * TRACK_GAP);
        // On each box's outer side, top to bottom: brackets going up, innermost first, then those
        // going down, outermost first; a bracket's run out to its track then passes no inner track
        // it could cross.
        const ports = new Map<string, Point>();
        for (const id of column) {
            const box = boxOf(id);
            const ends = brackets.filter(bracket => bracket.track >= 0 && (bracket.source === id || bracket.target === id)).map(bracket => {
                const other = bracket.source === id ? bracket.target : bracket.source;
                return { bracket, up: middle(other) < middle(id) };
            });
            ends.sort((a, b) => (a.up === b.up ? (a.up ? a.bracket.track - b.bracket.track : b.bracket.track - a.bracket.track) : a.up ? -1 : 1));
            const x = side < 0 ? box.x : box.x + box.width;
            const room = Math.max(0, box.height - 2 * PORT_MARGIN);
            ends.forEach((end, i) => ports.set(`${end.bracket.id}|${id}`, { x, y: box.y + PORT_MARGIN + room * (i + 1) / (ends.length + 1) }));
        }
        for (const bracket of brackets) {
            if (bracket.track < 0) continue;
            const [from, to] = [ports.get(`${bracket.id}|${bracket.source}`)!, ports.get(`${bracket.id}|${bracket.target}`)!];
            const x = trackAt(bracket.track);
            const points = [from, { x, y: from.y }, { x, y: to.y }, to].map(point => turnedPoint(point, down));
            edges[bracket.id] = { points };
        }
        if (taken.length === 0) continue;
        // The outermost track, and as much room again beyond it as inside it.
        const reach = 2 * FIRST_TRACK + (taken.length - 1) * TRACK_GAP;
        if (side < 0) before = Math.max(0, reach - outer);
        else after = Math.max(0, outer + reach - (down ? layout.height : layout.width));
    }
    const grown: DiagramLayout = { ...layout, edges };
    const moved = before > 0 ? movedBy(grown, down ? 0 : before, down ? before : 0) : grown;
    return down
        ? { ...moved, height: layout.height + before + after }
        : { ...moved, width: layout.width + before + after };
}
