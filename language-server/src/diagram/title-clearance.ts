/**
 * A department's title is read like a label, and a line through it strikes it out. ELK enters a
 * system from the side that faces the line, through the department's title band when the system
 * sits under the title: on the samples and generated estates 25 views had a line across a title.
 * Each run across a title is moved off it: its end slides to another point of its box's outline, or
 * it turns round a corner of the title. A new run is kept only where it passes no box it does not end
 * at, no other label, title or foreign department, lies on no other line, crosses no more lines than
 * the run it replaces (or, where no way does, as few more as possible, up to two) and leaves the
 * line's label within reach; else the line stays as it was, and its title moves instead.
 */
import type { Box, DiagramGroup, DiagramLayout, Point } from './diagram-graph.js';
import { groupTitleBox, groupTitleText } from './node-sizing.js';
import { alongside, crossingCount, distanceToRun, inflate, outlinePoints, overlaps, pathLength, segmentsOf, spanOf, type Segment } from './box-geometry.js';
import { segmentThroughBox } from './layout-quality.js';
import { surroundingsOf, type SmoothingContext } from './route-smoothing.js';

/** Clearance kept between a moved run and any box it passes, as the other line passes keep. */
const CLEARANCE = 6;
/** How much further out than the clearance a way round a title may pass: side-by-side lanes, a line's gap apart. */
const LANES = [0, 8, 16, 24, 32];
/** Ends of two lines on one box keep this far apart. */
const ENDS_APART = 12;
/** A label stays this close to its line. */
const LABEL_REACH = 10;
/** Lines a way round a title may cross beyond those its old run crossed, where no way crosses none more. */
const EXTRA_CROSSINGS = 2;
/** A title still struck out slides along its band in steps of this much. */
const SHIFT_STEP = 8;
/** Runs across titles moved per line, at most: a line crossing more titles than this keeps the rest. */
const MOVES_PER_LINE = 3;

/** The layout with every line it can moved off the department titles (`titles`), or the layout itself. */
export function clearTitles(layout: DiagramLayout, context: SmoothingContext, titles: readonly Box[]): DiagramLayout {
    const ids = Object.keys(layout.edges);
    const crossesTitle = (points: readonly Point[]) => segmentsOf(points).findIndex(({ a, b }) => titles.some(title => segmentThroughBox(a, b, title)));
    if (titles.length === 0 || ids.every(id => crossesTitle(layout.edges[id].points) < 0)) return layout;
    const edges: DiagramLayout['edges'] = { ...layout.edges };
    for (const id of ids) {
        for (let move = 0; move < MOVES_PER_LINE; move++) {
            const points = edges[id].points;
            const at = crossesTitle(points);
            if (at < 0) break;
            const moved = movedOffTitle(id, at, layout, edges, context, titles);
            if (!moved) break;
            edges[id] = { ...edges[id], points: moved };
        }
    }
    return { ...layout, edges };
}

/** The line with its run `at` replaced by the shortest clear way round the title, if there is one. */
function movedOffTitle(id: string, at: number, layout: DiagramLayout, edges: DiagramLayout['edges'], context: SmoothingContext, titles: readonly Box[]): Point[] | undefined {
    const points = edges[id].points;
    const [source, target] = context.ends(id);
    const last = points.length - 2;
    const candidates: Point[][] = [];
    if (at === last) for (const end of outlinePoints(layout.nodes[target])) candidates.push([...points.slice(0, -1), end]);
    if (at === 0) for (const start of outlinePoints(layout.nodes[source])) candidates.push([start, ...points.slice(1)]);
    const crossed = titles.filter(title => segmentThroughBox(points[at], points[at + 1], title));
    // Several lines across one title go round it side by side, each a lane further out.
    for (const [lane, round] of crossed.flatMap(title => LANES.map(lane => [lane, inflate(title, CLEARANCE + lane)] as const))) {
        const [left, right, top, bottom] = [round.x, round.x + round.width, round.y, round.y + round.height];
        // Round one corner, or along one side of the title (two corners).
        const ways: Point[][] = [[{ x: left, y: top }], [{ x: right, y: top }], [{ x: left, y: bottom }], [{ x: right, y: bottom }]];
        for (const x of [left, right]) ways.push([{ x, y: top }, { x, y: bottom }], [{ x, y: bottom }, { x, y: top }]);
        for (const y of [top, bottom]) ways.push([{ x: left, y }, { x: right, y }], [{ x: right, y }, { x: left, y }]);
        for (const way of ways) {
            candidates.push([...points.slice(0, at + 1), ...way, ...points.slice(at + 1)]);
            // A bend right beside the title is skipped: the way round starts from the run before it (or ends on the run after).
            if (at > 0) candidates.push([...points.slice(0, at), ...way, ...points.slice(at + 1)]);
            if (at < last) candidates.push([...points.slice(0, at + 1), ...way, ...points.slice(at + 2)]);
            // And into the box from another point of its outline: a box right under a title (the nearest lane only).
            if (lane > 0) continue;
            if (at === last) for (const end of outlinePoints(layout.nodes[target])) candidates.push([...points.slice(0, -1), ...way, end]);
            if (at === 0) for (const start of outlinePoints(layout.nodes[source])) candidates.push([start, ...way, ...points.slice(1)]);
        }
    }
    const { otherSegments, otherSpans, otherEnds, obstacles, insides } = surroundingsOf(id, layout, edges, context, CLEARANCE);
    const label = edges[id].label;
    const key = ({ a, b }: Segment) => `${a.x},${a.y},${b.x},${b.y}`;
    const runsOf = (line: readonly Point[]) => segmentsOf(line).filter(({ a, b }) => Math.hypot(b.x - a.x, b.y - a.y) > 0.5);
    const kept = new Set(runsOf(points).map(key));
    // The shortest clear way that crosses no more lines; failing that, the one that crosses fewest
    // more (up to EXTRA_CROSSINGS): a struck-out title reads worse than a line crossed once more.
    let fallback: { candidate: Point[]; extra: number } | undefined;
    const sorted = candidates.map(candidate => ({ candidate, length: pathLength(candidate) })).sort((p, q) => p.length - q.length);
    for (const { candidate } of sorted) {
        const runs = runsOf(candidate);
        const fresh = runs.filter(run => !kept.has(key(run)));
        const still = new Set(runs.map(key));
        const replaced = runsOf(points).filter(run => !still.has(key(run)));
        if (fresh.length === 0) continue;
        const reaches = fresh.map(run => spanOf(run, CLEARANCE));
        if (fresh.some(({ a, b }, i) => obstacles.some(box => overlaps(reaches[i], box) && segmentThroughBox(a, b, box)) || insides.some(box => segmentThroughBox(a, b, box)))) continue;
        if (fresh.some((run, i) => otherSegments.some((segment, j) => overlaps(reaches[i], otherSpans[j]) && alongside(run, segment)))) continue;
        const ends = [candidate[0], candidate[candidate.length - 1]].filter(end => end !== points[0] && end !== points[points.length - 1]);
        if (ends.some(end => otherEnds.some(other => Math.hypot(other.x - end.x, other.y - end.y) < ENDS_APART))) continue;
        if (label && Math.min(...runs.map(run => distanceToRun(label, run))) > LABEL_REACH) continue;
        const extra = crossingCount(fresh, otherSegments) - crossingCount(replaced, otherSegments);
        if (extra <= 0) return candidate;
        if (extra <= EXTRA_CROSSINGS && (!fallback || extra < fallback.extra)) fallback = { candidate, extra };
    }
    return fallback?.candidate;
}

/**
 * A title a line still strikes out (a bundle through it in a dense view, where no way round crosses
 * no more lines) slides right along its department's title band to the nearest stretch that no line
 * crosses and no label covers. Where lines cross the band all along, it is written, cut short, in
 * the widest gap between them that holds a few of its letters; else it stays where it was.
 */
export function shiftStruckTitles(layout: DiagramLayout, groups: readonly DiagramGroup[]): DiagramLayout {
    const segments = Object.values(layout.edges).flatMap(edge => segmentsOf(edge.points));
    const labels = Object.values(layout.edges).flatMap(edge => edge.label ? [edge.label] : []);
    const clear = (box: Box) => !segments.some(({ a, b }) => segmentThroughBox(a, b, box)) && !labels.some(label => overlaps(label, box));
    const shifts: Record<string, number> = { ...layout.titleShifts };
    const widths: Record<string, number> = { ...layout.titleWidths };
    let moved = false;
    for (const group of groups) {
        const frame = layout.groups[group.id];
        if (!frame || clear(groupTitleBox(frame, group, shifts[group.id], widths[group.id]))) continue;
        const width = groupTitleBox(frame, group).width;
        let shifted = false;
        for (let shift = SHIFT_STEP; shift + width <= frame.width; shift += SHIFT_STEP) {
            if (!clear(groupTitleBox(frame, group, shift))) continue;
            shifts[group.id] = shift;
            delete widths[group.id];
            moved = shifted = true;
            break;
        }
        if (shifted) continue;
        // The widest gap that holds a few of its letters and where the title, as measured, is clear;
        // else the next widest.
        for (const gap of gapsOf(groupTitleBox(frame, group, 0, frame.width), segments, labels)) {
            const cut = { shift: gap.from + GAP_MARGIN - frame.x, width: Math.min(width, gap.to - gap.from - 2 * GAP_MARGIN) };
            if ([...groupTitleText(group, cut.width).replace(/…$/, '')].length < FEWEST_LETTERS) break;
            if (!clear(groupTitleBox(frame, group, cut.shift, cut.width))) continue;
            shifts[group.id] = cut.shift;
            widths[group.id] = cut.width;
            moved = true;
            break;
        }
    }
    return moved ? { ...layout, titleShifts: shifts, titleWidths: Object.keys(widths).length > 0 ? widths : undefined } : layout;
}

/** A title cut short shows at least this many of its letters, or is not cut. */
const FEWEST_LETTERS = 4;
/** Room kept between a cut title and the lines either side of it. */
const GAP_MARGIN = 2;

/** The stretches of `band` no line runs through and no label covers, widest first. */
function gapsOf(band: Box, segments: readonly Segment[], labels: readonly Box[]): Array<{ from: number; to: number }> {
    const [top, bottom] = [band.y, band.y + band.height];
    const taken: Array<[number, number]> = [];
    for (const { a, b } of segments) {
        if (Math.max(a.y, b.y) <= top || Math.min(a.y, b.y) >= bottom) continue;
        const [t0, t1] = a.y === b.y ? [0, 1] : [(top - a.y) / (b.y - a.y), (bottom - a.y) / (b.y - a.y)].sort((p, q) => p - q).map(t => Math.min(1, Math.max(0, t)));
        const [x0, x1] = [a.x + (b.x - a.x) * t0, a.x + (b.x - a.x) * t1];
        taken.push([Math.min(x0, x1), Math.max(x0, x1)]);
    }
    for (const label of labels) if (overlaps(label, band)) taken.push([label.x, label.x + label.width]);
    taken.sort((p, q) => p[0] - q[0]);
    const gaps: Array<{ from: number; to: number }> = [];
    let from = band.x;
    for (const [start, end] of [...taken, [band.x + band.width, band.x + band.width] as [number, number]]) {
        if (start > from) gaps.push({ from, to: Math.min(start, band.x + band.width) });
        from = Math.max(from, end);
    }
    // Lines beyond the band's end (elsewhere in the picture) leave stretches past it: none is a gap.
    return gaps.filter(gap => gap.to > gap.from).sort((p, q) => q.to - q.from - (p.to - p.from));
}
