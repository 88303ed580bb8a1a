import type { Finding } from '../rules/finding.js';
import type { Estate } from '../model/estate.js';
import { EXPAND_ALL, type ListedElements } from './diagram-graph.js';
import { DiagramLayouter } from './layout.js';
import type { Lens } from './lenses.js';
import { produceDiagram } from './produce-diagram.js';

/** The picture of a listed diagram and the notes its reader must know. */
export interface ListedPicture {
    svg: string;
    notes: string[];
}

/**
 * The diagram of exactly the listed systems and flows (a lineage, an evidence document's data
 * flows), drawn by the same pipeline as `integ diagram`, with a layouter of its own for the one picture.
 */
export async function listedPicture(estate: Estate, findings: readonly Finding[], only: ListedElements, lens: Lens): Promise<ListedPicture> {
    const layouter = new DiagramLayouter();
    try {
        const diagram = await produceDiagram(estate, findings, {
            view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL], only
        }, layouter, { timeoutMs: 30_000 }, { lens });
        return { svg: diagram.svg, notes: diagram.graph.notes };
    } finally {
        layouter.dispose();
    }
}
