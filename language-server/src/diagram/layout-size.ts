/**
 * Views up to this size are laid out as one compound graph (compound-layout.ts); larger ones
 * department by department (split-layout.ts), where nested layout would take seconds.
 */
export const COMPOUND_UP_TO_NODES = 80;
export const COMPOUND_UP_TO_EDGES = 250;

/**
 * ELK routes the lines between the frames of one compound graph through the frames' sides: beyond
 * this many flows between departments they zigzag (a generated 50-system estate, every department
 * open: 58 such flows at 2.9 quarter-turns each, an 80-system one's 101 at 3.8, one line 3.5 times
 * its way; the hand-written estates, up to 34, at 0.4–2.1 turns). Above it an estate with every
 * department open is laid out department by department, its flows between departments bundled.
 */
export const COMPOUND_UP_TO_FLOWS_BETWEEN_DEPARTMENTS = 50;

/**
 * How far past a size threshold a view keeps the form it had (a share of the threshold): one system
 * more must not turn the picture on the reader's screen into another, nor one less turn it back.
 */
const KEPT_FOR = 0.1;

/**
 * Whether `size` is over `limit` for a view that was over it before (`before` true), under it
 * (false), or is drawn for the first time (undefined): near the limit a view keeps its answer.
 */
export function over(size: number, limit: number, before: boolean | undefined): boolean {
    if (before === undefined) return size > limit;
    return before ? size > Math.floor(limit * (1 - KEPT_FOR)) : size > Math.ceil(limit * (1 + KEPT_FOR));
}

/** Whether a view of this many nodes and lines is laid out department by department (see `over`). */
export function tooLargeForOneLayout(nodes: number, edges: number, before: boolean | undefined): boolean {
    return over(nodes, COMPOUND_UP_TO_NODES, before) || over(edges, COMPOUND_UP_TO_EDGES, before);
}

/**
 * Whether an estate with every department open, of this many systems and flows between departments,
 * is laid out department by department, those flows bundled per pair of departments (see `over`).
 */
export function tooManyForOneCompound(systems: number, betweenDepartments: number, before: boolean | undefined): boolean {
    return over(systems, COMPOUND_UP_TO_NODES, before) || over(betweenDepartments, COMPOUND_UP_TO_FLOWS_BETWEEN_DEPARTMENTS, before);
}
