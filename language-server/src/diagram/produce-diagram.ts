import type { Estate } from '../model/estate.js';
import type { Finding } from '../rules/finding.js';
import type { DiagramGraph, DiagramLayout, DiagramOptions } from './diagram-graph.js';
import { buildDiagramGraph } from './graph-builder.js';
import { gridLayout } from './grid-layout.js';
import { LayoutTimeoutError, type DiagramLayouter } from './layout.js';
import { renderSvg, type SvgOptions } from './svg-renderer.js';

export const LAYOUT_TIMEOUT_NOTE = 'layout took too long — showing the aggregated view';

export interface ProducedDiagram {
    graph: DiagramGraph;
    layout: DiagramLayout;
    svg: string;
    /** The requested picture could not be laid out in time, or at all: this is a stand-in. */
    fallback: boolean;
}

/**
 * Graph → layout → SVG, shared by the preview and the CLI. A layout that times out falls back to
 * the aggregated estate view; a layout that fails (or an aggregated one that also times out)
 * falls back to a plain grid, so the user always gets a picture and a note saying why.
 */
export async function produceDiagram(
    estate: Estate, findings: readonly Finding[], options: DiagramOptions, layouter: DiagramLayouter, timeoutMs?: number, svgOptions: SvgOptions = {}
): Promise<ProducedDiagram> {
    let graph = buildDiagramGraph(estate, findings, options);
    let layout: DiagramLayout;
    let fellBack = false;
    try {
        layout = await layouter.layout(graph, { timeoutMs });
    } catch (error) {
        fellBack = true;
        if (error instanceof LayoutTimeoutError && !(graph.view.kind === 'estate' && graph.aggregated && (options.expand ?? []).length === 0)) {
            graph = buildDiagramGraph(estate, findings, { ...options, view: { kind: 'estate' }, expand: [], aggregateAbove: 0 });
            graph.notes.unshift(LAYOUT_TIMEOUT_NOTE);
            try {
                layout = await layouter.layout(graph, { timeoutMs });
            } catch (second) {
                layout = fallback(graph, second);
            }
        } else {
            layout = fallback(graph, error);
        }
    }
    return { graph, layout, svg: renderSvg({ graph, layout }, svgOptions), fallback: fellBack };
}

function fallback(graph: DiagramGraph, error: unknown): DiagramLayout {
    const reason = error instanceof LayoutTimeoutError ? 'layout took too long' : `layout failed (${error instanceof Error ? error.message : String(error)})`;
    graph.notes.unshift(`${reason} — showing a simple grid`);
    return gridLayout(graph);
}
