/**
 * A new picture of the same view (after an edit, a department opened or folded) is laid out again;
 * the nodes the reader was looking at should stay where they were on screen. The layout keeps them
 * in place relative to each other as far as it can, but the picture as a whole may shift (a node
 * added at the top pushes everything down): the pan absorbs that shift. The median, not the mean,
 * so the few nodes that did move do not drag the rest.
 */
import type { Point } from './picture-geometry.js';

export function medianShift(before: ReadonlyMap<string, Point>, after: ReadonlyMap<string, Point>): Point | undefined {
    const dx: number[] = [];
    const dy: number[] = [];
    for (const [id, old] of before) {
        const now = after.get(id);
        if (!now) continue;
        dx.push(now.x - old.x);
        dy.push(now.y - old.y);
    }
    return dx.length === 0 ? undefined : { x: median(dx), y: median(dy) };
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
