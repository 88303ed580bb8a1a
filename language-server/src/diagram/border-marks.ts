/**
 * Where a box's finding badge and shadow-IT tag sit on its top border. Their place is the top right
 * corner; but a line may end anywhere along the side that faces its other end, and one that ends in
 * the corner, under them, loses its arrowhead. There they slide left along the border, together, to
 * the nearest place no line passes under; where there is none, along the bottom border; where no
 * place is clear, they take the one fewest lines pass under.
 */
import type { Box } from './diagram-graph.js';
import type { Segment } from './box-geometry.js';
import { segmentThroughBox } from './layout-quality.js';
import type { SpatialIndex } from './spatial-index.js';

/** The badge's height, centred this far below the top border. */
export const BADGE_HEIGHT = 16;
const BADGE_DROP = 2;
/** How far the badge's right end stands out beyond the box's right side. */
const BADGE_OUTSET = 4;
export const TAG_WIDTH = 62;
export const TAG_HEIGHT = 14;
/** Between the tag and the badge. */
const TAG_GAP = 12;
/** A line this close to a mark reads as running under it. */
const CLEAR = 2;
/** Steps of the slide along the border. */
const STEP = 6;
/** The marks stop this far short of the box's left end (its rounded corner). */
const INSET = 8;

export interface BorderMarks {
    /** The right end of the badge; its vertical centre is `badgeY`. */
    badgeRight: number;
    badgeY: number;
    /** The tag's left end, where the box has one; it spans the border the badge is on. */
    tagX?: number;
    /** On the bottom border rather than the top. */
    bottom: boolean;
}

/**
 * `badgeWidth`: 0 where there is no badge; `tag`: whether the box carries the shadow-IT tag;
 * `runs`: the picture's line runs, filed by place.
 */
export function borderMarks(box: Box, badgeWidth: number, tag: boolean, runs: SpatialIndex<Segment> | undefined): BorderMarks {
    const at = (shift: number, bottom: boolean): BorderMarks => {
        const badgeRight = box.x + box.width + BADGE_OUTSET - shift;
        return {
            badgeRight, badgeY: bottom ? box.y + box.height - BADGE_DROP : box.y + BADGE_DROP,
            tagX: tag ? badgeRight - badgeWidth - TAG_GAP - BADGE_OUTSET - TAG_WIDTH : undefined, bottom
        };
    };
    const corner = at(0, false);
    if (!runs || (badgeWidth === 0 && !tag)) return corner;
    const areas = (marks: BorderMarks): Box[] => [
        ...(badgeWidth > 0 ? [{ x: marks.badgeRight - badgeWidth, y: marks.badgeY - BADGE_HEIGHT / 2, width: badgeWidth, height: BADGE_HEIGHT }] : []),
        ...(marks.tagX !== undefined ? [{ x: marks.tagX, y: (marks.bottom ? box.y + box.height : box.y) - TAG_HEIGHT / 2, width: TAG_WIDTH, height: TAG_HEIGHT }] : [])
    ].map(area => ({ x: area.x - CLEAR, y: area.y - CLEAR, width: area.width + 2 * CLEAR, height: area.height + 2 * CLEAR }));
    const under = (marks: BorderMarks) => areas(marks).reduce((sum, area) => {
        const across: Segment = { a: { x: area.x, y: area.y + area.height / 2 }, b: { x: area.x + area.width, y: area.y + area.height / 2 } };
        return sum + runs.nearRun(across, area.height).filter(run => segmentThroughBox(run.a, run.b, area)).length;
    }, 0);
    // The corner is weighed even where the marks are wider than the box leaves them: it is where they go.
    let fewest = { marks: corner, lines: Number.POSITIVE_INFINITY };
    for (const bottom of [false, true]) {
        for (let shift = 0; ; shift += STEP) {
            const marks = at(shift, bottom);
            if ((shift > 0 || bottom) && Math.min(...areas(marks).map(area => area.x)) < box.x + INSET) break;
            const lines = under(marks);
            if (lines === 0) return marks;
            if (lines < fewest.lines) fewest = { marks, lines };
        }
    }
    return fewest.marks;
}
