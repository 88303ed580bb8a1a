/**
 * Views up to this size are laid out as one compound graph (compound-layout.ts); larger ones
 * department by department (split-layout.ts), where nested layout would take seconds.
 */
export const COMPOUND_UP_TO_NODES = 80;
export const COMPOUND_UP_TO_EDGES = 250;
