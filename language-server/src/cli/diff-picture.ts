import { DiagramLayouter } from '../diagram/layout.js';
import { renderSvg } from '../diagram/svg-renderer.js';
import type { EstateDiff } from '../diff/estate-diff.js';
import type { Side } from '../diff/impact-diff.js';
import { changeGraph, layOutChangeGraph } from '../lsp/change-graph.js';

/** As `integ diagram`: a picture asked for on the command line may take its time. */
const LAYOUT_TIMEOUT_MS = 30_000;

export interface DiffPicture {
    svg: string;
    /** What the reader must know about the picture, also for stderr. */
    notes: string[];
}

/** The change as one diagram (lsp/change-graph.ts), laid out once with a layouter of its own. */
export async function diffPicture(base: Side, head: Side, diff: EstateDiff): Promise<DiffPicture> {
    const graph = changeGraph(base, head, diff);
    const layouter = new DiagramLayouter();
    try {
        const layout = await layOutChangeGraph(graph, layouter, { timeoutMs: LAYOUT_TIMEOUT_MS });
        return { svg: renderSvg({ graph, layout }), notes: graph.notes };
    } finally {
        layouter.dispose();
    }
}
