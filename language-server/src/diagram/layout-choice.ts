/**
 * Of several layouts of one view (top to bottom, left to right), the one a reader is best served by
 * in the panel at hand: first the one that breaks fewest readability targets (nothing drawn over
 * anything, no hidden line, few bends, short lines, a shape near the panel's), then the one whose
 * titles come out largest when fitted into the panel.
 */
import type { DiagramGraph, DiagramLayout } from './diagram-graph.js';
import { fittedTitlePx, measureLayout, type Displacement, type LayoutQuality } from './layout-quality.js';
import { REFERENCE_PANEL, type PanelSize } from './panel-shape.js';

/** Drawn length over straight distance a picture's lines may average, and its longest line may reach. */
export const DETOUR_MEAN = 1.3;
export const DETOUR_WORST = 2.5;
/** Node titles of a small view (up to `SMALL_VIEW_NODES`) come out at least this large when it is fitted into the panel. */
export const SMALLEST_TITLE_PX = 10;
export const SMALL_VIEW_NODES = 20;
/** Titles smaller than this share of the smallest size count as one more target missed (see `chooseLayout`). */
const ILLEGIBLE = 0.7;
/** Titles under this size cannot be read at all, nor the smaller labels of the lines. */
export const ILLEGIBLE_TITLE_PX = ILLEGIBLE * SMALLEST_TITLE_PX;
/** Titles this many times smaller than another layout's, in the same panel, mark a picture of the wrong shape for it... */
const WRONG_SHAPE = 2;
/** ...where they are barely readable (within a tenth of the smallest size): larger, the shape no longer matters. */
const EASY_TITLE_PX = SMALLEST_TITLE_PX * 1.1;

function overlapCount(quality: LayoutQuality): number {
    return quality.edgeThroughNode + quality.nodeOverlaps + quality.labelLabelOverlaps + quality.labelNodeOverlaps + quality.edgeThroughLabel + quality.edgeThroughTitle;
}

/** Something drawn over something else: a line through a box, a label or a title, boxes or labels on each other. */
export function overlapsAnything(quality: LayoutQuality): boolean {
    return overlapCount(quality) > 0;
}

/**
 * The targets of the readability issue; a layout is judged by how many it misses, and by how much.
 * `before`: the picture an edit was fitted into, whose overlaps the reader already has: the fitted
 * picture misses the overlap target only if it adds to them. Nor is it judged by the means of its
 * lines: its old lines are the reader's, as they were, and a new line led round the boxes in place
 * (a few quarter-turns, within the worst detour) tips a mean the reader's picture was near only by its
 * own share. Laying the view out again for that moved a box across the picture (an unseen
 * department, 3.6 box widths) to save a tenth of a quarter-turn a line.
 */
export function targetsMissed(quality: LayoutQuality, before?: LayoutQuality): number {
    const added = before ? overlapCount(quality) > overlapCount(before) : overlapsAnything(quality);
    let missed = added ? 10 : 0;
    // A flow drawn to nowhere (or not at all) tells the reader something false.
    if (quality.undrawn > (before?.undrawn ?? 0)) missed += 10;
    if (quality.hiddenShare > 0.02) missed += 4;
    if (!before && quality.bendsPerEdge > 2) missed += 2;
    if (!before && quality.detourMean > DETOUR_MEAN) missed += 2;
    if (quality.detourWorst > DETOUR_WORST) missed += 1;
    if (quality.labelDistanceWorst > 10) missed += 2;
    if (quality.nodes <= 30 && quality.aspect > 2.5) missed += 2;
    return missed;
}

/** After an edit, boxes the reader already sees move on average at most this far, and none further than that (median box widths). */
const MOVED_MEAN = 0.5;
const MOVED_WORST = 2;

/** The stability target, judged like the others: a picture that moves what the reader knows misses it. */
export function stabilityMissed(moved: Displacement): number {
    return moved.alignedMean > MOVED_MEAN || moved.alignedWorst > MOVED_WORST ? 2 : 0;
}

/** Of two readings of one layout (same boxes, other lines and labels), the one that misses fewer targets, then the straighter. */
export function betterReading(graph: DiagramGraph, first: DiagramLayout, second: DiagramLayout | undefined): DiagramLayout {
    if (!second) return first;
    const [p, q] = [measureLayout(graph, first), measureLayout(graph, second)];
    const [missedP, missedQ] = [targetsMissed(p), targetsMissed(q)];
    if (missedQ !== missedP) return missedQ < missedP ? second : first;
    return q.detourMean + q.bendsPerEdge < p.detourMean + p.bendsPerEdge - 0.01 ? second : first;
}

/**
 * A picture that crosses fewer lines is preferred to one with larger titles while its titles are at
 * least this share as large: a crossing costs the reader more than a little size, a title too small
 * to read more than a crossing.
 */
const CROSSINGS_BEFORE_TITLES = 0.7;
/**
 * The same share where no picture's titles reach the readable size: there each pixel is the
 * difference between a title read and a title guessed at. A busy department opened among closed ones,
 * the closed ones in a column either side of it (8.5 px, 162 crossings), read far better than the
 * strip of layers across the panel (6.3 px, 131 crossings) that a share of 0.7 kept.
 */
const CROSSINGS_BEFORE_SMALL_TITLES = 0.85;

/**
 * A few more crossings (this share of the fewest) are worth titles this much larger: among many
 * crossings a few more go unseen, titles a tenth larger do not.
 */
const FEW_MORE_CROSSINGS = 0.05;
const WORTH_FEW_MORE_CROSSINGS = 0.1;

/** Title sizes this close are the same (both views at the zoom cap). */
const SAME_TITLE_PX = 0.05;

/**
 * `titlesLargeEnough`: titles at least this large count as equally readable, and among those the
 * straighter lines win (a picture cut into rows reads best with the fewest rows that fit).
 */
export function chooseLayout(graph: DiagramGraph, candidates: readonly DiagramLayout[], panel: PanelSize = REFERENCE_PANEL, titlesLargeEnough = Number.POSITIVE_INFINITY): DiagramLayout {
    if (candidates.length === 1) return candidates[0];
    const titles = candidates.map(layout => fittedTitlePx(layout, panel));
    const largest = Math.max(...titles);
    const noneReadable = largest < SMALLEST_TITLE_PX;
    const scored = candidates.map((layout, i) => {
        const quality = measureLayout(graph, layout);
        const titlePx = titles[i];
        // Titles too small to read in the panel at hand miss a target like the others: in a side panel
        // a strip across it (the shape of a wide panel) has half its titles' size. So do titles less
        // than half as large as another layout's in this panel, where they are barely readable: the picture
        // has the wrong shape for it (four boxes in a row across a tall panel, against a column at twice the size).
        const wrongShape = titlePx < EASY_TITLE_PX && titlePx * WRONG_SHAPE < largest;
        // Where no layout of the view reads, titles under seven tenths of that size cannot be read at
        // all: one more target missed, so that a picture one line of which goes far out of its way, its
        // titles near readable, wins over them. Where one reads, the reshaped pictures tried after (a
        // grid, rows) start from the one that met the other targets.
        const illegible = noneReadable && titlePx < ILLEGIBLE_TITLE_PX ? 1 : 0;
        const unreadable = quality.nodes <= SMALL_VIEW_NODES && (titlePx < SMALLEST_TITLE_PX || wrongShape) ? 2 + illegible : 0;
        return { layout, missed: targetsMissed(quality) + unreadable, titlePx: Math.min(titlesLargeEnough, titlePx), crooked: quality.detourMean + quality.bendsPerEdge, crossings: quality.crossings };
    });
    const fewest = Math.min(...scored.map(entry => entry.missed));
    const missing = scored.filter(entry => entry.missed === fewest);
    // Of those whose titles are not much smaller, the ones that cross fewest lines.
    const share = noneReadable ? CROSSINGS_BEFORE_SMALL_TITLES : CROSSINGS_BEFORE_TITLES;
    const comparable = missing.filter(entry => entry.titlePx >= share * Math.max(...missing.map(other => other.titlePx)));
    const leastCrossed = Math.min(...comparable.map(entry => entry.crossings));
    const leastCrossedTitlePx = Math.max(...comparable.filter(entry => entry.crossings === leastCrossed).map(entry => entry.titlePx));
    const kept = comparable.filter(entry => entry.crossings === leastCrossed
        || (entry.crossings <= leastCrossed * (1 + FEW_MORE_CROSSINGS) && entry.titlePx >= leastCrossedTitlePx * (1 + WORTH_FEW_MORE_CROSSINGS)));
    // Titles about as large either way (small views reach the zoom cap in both): the straighter lines.
    const largestKept = Math.max(...kept.map(entry => entry.titlePx));
    return kept.filter(entry => entry.titlePx >= largestKept - SAME_TITLE_PX).sort((a, b) => a.crooked - b.crooked)[0].layout;
}
