/**
 * How big a box and a label are, decided before layout from the text they show: a title wraps to a
 * second line, then ends in an ellipsis (the tooltip has it whole); nothing is ever wider than its box.
 */
import type { Box, DiagramEdge, DiagramGroup, DiagramLayout, DiagramNode, FindingCounts, LayoutDirection } from './diagram-graph.js';
import { isBundle } from './diagram-graph.js';
import { DETAIL_FONT_PX, EDGE_FONT_PX, LABEL_FONT_PX, textWidth, wrapText } from './text-metrics.js';

const NODE_MIN_WIDTH = 130;
const NODE_MAX_WIDTH = 240;
/** Room inside a box left and right of its text. */
const NODE_PADDING = 14;
export const NODE_ONE_LINE_HEIGHT = 48;
/** Height of a department box's title band. */
export const GROUP_TITLE_HEIGHT = 28;
/** Left of a department's title: the padding, and the fold mark of a department that can be folded. */
const GROUP_TITLE_INSET = 12;
const FOLD_MARK_WIDTH = 18;
export const TITLE_LINE_HEIGHT = 16;
/** The shadow-IT tag sits on the top border, right of the corner badge: the box must be wide enough for both. */
const SHADOW_TAG_ROOM = 104;

export const EDGE_LABEL_LINE_HEIGHT = 14;
const EDGE_LABEL_PADDING = 2;
export const LOCK_WIDTH = 14;
/** Width of one count of a finding badge, and the gap before the first. */
const BADGE_SEGMENT_WIDTH = 18;
const BADGE_GAP = 4;
/** Labels longer than this take two lines, each at most the longest line's width. */
const NARROW_LABEL_WIDTH = 118;
const LONGEST_LABEL_LINE = 160;
/**
 * Left to right, a layer of labels is as wide as its widest label and every such layer widens the
 * picture: labels there take up to three narrower lines, which costs height the layer has anyway.
 */
const ACROSS_LABEL_WIDTH = 100;

/**
 * A label in two lines: between its parts (`title · 3 manual · 8 h/wk`) where that balances the
 * lines best, each cut with an ellipsis if still too long; a label of one part between words.
 */
function twoLines(text: string): string[] {
    const parts = text.split(' · ');
    if (parts.length === 1) return wrapText(text, NARROW_LABEL_WIDTH, EDGE_FONT_PX, 2);
    let best: string[] = [];
    let bestWidth = Number.POSITIVE_INFINITY;
    for (let k = 1; k < parts.length; k++) {
        const lines = [parts.slice(0, k).join(' · ') + ' ·', parts.slice(k).join(' · ')];
        const width = Math.max(...lines.map(line => textWidth(line, EDGE_FONT_PX)));
        if (width < bestWidth) [best, bestWidth] = [lines, width];
    }
    return best.map(line => wrapText(line, LONGEST_LABEL_LINE, EDGE_FONT_PX, 1)[0]);
}

/** Counts shown on a badge: errors, warnings and infos separately (accepted findings only in the tooltip). */
export function badgeCounts(counts: FindingCounts): Array<['error' | 'warning' | 'info', number]> {
    return (['error', 'warning', 'info'] as const).filter(severity => counts[severity] > 0).map(severity => [severity, counts[severity]]);
}

export function badgeWidth(counts: FindingCounts): number {
    return badgeCounts(counts).reduce((width, [, count]) => width + BADGE_SEGMENT_WIDTH + (count > 9 ? 7 : 0), 0);
}

/**
 * A bundle of flows between departments shows no badge: summed over many flows the counts say
 * little and widen the overview; its department boxes carry theirs and the findings lens colours it.
 */
export function edgeBadgeWidth(edge: DiagramEdge): number {
    return edge.flows.length > 1 || isBundle(edge) ? 0 : badgeWidth(edge.findings);
}

/** Gives the node its title lines and its size. */
export function sizeNode(node: DiagramNode): void {
    const maxText = NODE_MAX_WIDTH - 2 * NODE_PADDING;
    node.lines = wrapText(node.label, maxText, LABEL_FONT_PX, 2);
    node.detail = wrapText(node.detail, maxText, DETAIL_FONT_PX, 1)[0];
    const content = Math.max(...node.lines.map(line => textWidth(line, LABEL_FONT_PX)), textWidth(node.detail, DETAIL_FONT_PX));
    const room = node.shadow ? SHADOW_TAG_ROOM : 0;
    node.width = Math.min(NODE_MAX_WIDTH, Math.max(NODE_MIN_WIDTH, content + 2 * NODE_PADDING, room + badgeWidth(node.findings)));
    node.height = NODE_ONE_LINE_HEIGHT + (node.lines.length - 1) * TITLE_LINE_HEIGHT;
}

/**
 * Where a department's title is written: lines keep out of it, but may cross the rest of the title
 * band on their way in or out of the box.
 */
export function groupTitleBox(frame: Box, group: Pick<DiagramGroup, 'label' | 'collapsible'>, shift = 0, width?: number): Box {
    const whole = GROUP_TITLE_INSET + (group.collapsible ? FOLD_MARK_WIDTH : 0) + textWidth(group.label, LABEL_FONT_PX) + GROUP_TITLE_INSET;
    return { x: frame.x + shift, y: frame.y, width: Math.min(frame.width - shift, width ?? whole), height: GROUP_TITLE_HEIGHT };
}

/** A department's title as written in a title box `width` wide (see `titleWidths`): whole, or cut with an ellipsis. */
export function groupTitleText(group: Pick<DiagramGroup, 'label' | 'collapsible'>, width?: number): string {
    if (width === undefined) return group.label;
    return wrapText(group.label, width - 2 * GROUP_TITLE_INSET - (group.collapsible ? FOLD_MARK_WIDTH : 0), LABEL_FONT_PX, 1)[0] ?? '';
}

/** The title boxes of a layout's departments, where they are written (`titleShifts`, `titleWidths`). */
export function layoutTitleBoxes(layout: Pick<DiagramLayout, 'groups' | 'titleShifts' | 'titleWidths'>, groups: ReadonlyArray<Pick<DiagramGroup, 'id' | 'label' | 'collapsible'>>): Box[] {
    return groups.flatMap(group => layout.groups[group.id] ? [groupTitleBox(layout.groups[group.id], group, layout.titleShifts?.[group.id], layout.titleWidths?.[group.id])] : []);
}

export interface LabelSize {
    lines: string[];
    width: number;
    height: number;
}

/**
 * A label's lines and size: the lock of regulated data, the text, then the finding badge. A long
 * text takes two lines: a label's width spreads the lines of a picture apart (the layers left to
 * right, the lines of one layer top to bottom), its height costs less. `narrow`: up to three
 * narrower lines whichever way the picture runs (a side panel, where a row of labels side by side
 * makes the picture wider than the panel).
 */
export function labelSize(edge: DiagramEdge, direction: LayoutDirection = 'DOWN', narrow = false): LabelSize {
    const lines = textWidth(edge.label, EDGE_FONT_PX) <= NARROW_LABEL_WIDTH ? [edge.label]
        : direction === 'RIGHT' || narrow ? wrapText(edge.label, ACROSS_LABEL_WIDTH, EDGE_FONT_PX, 3) : twoLines(edge.label);
    const text = Math.max(...lines.map(line => textWidth(line, EDGE_FONT_PX)));
    const badge = edgeBadgeWidth(edge);
    return {
        lines,
        width: (edge.regulated ? LOCK_WIDTH : 0) + text + 8 + (badge > 0 ? badge + BADGE_GAP : 0),
        height: lines.length * EDGE_LABEL_LINE_HEIGHT + 2 * EDGE_LABEL_PADDING
    };
}
