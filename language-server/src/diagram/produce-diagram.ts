import type { Estate } from '../model/estate.js';
import type { Finding } from '../rules/finding.js';
import type { DiagramGraph, DiagramLayout, DiagramOptions } from './diagram-graph.js';
import { buildDiagramGraph } from './graph-builder.js';
import { gridLayout } from './grid-layout.js';
import { LayoutTimeoutError, type DiagramLayouter, type LayoutOptions } from './layout.js';
import { renderLegend, renderSvg, type SvgOptions } from './svg-renderer.js';

export const LAYOUT_TIMEOUT_NOTE = 'layout took too long — showing the overview of departments';

export interface ProducedDiagram {
    graph: DiagramGraph;
    layout: DiagramLayout;
    svg: string;
    /** The legend on its own, for a preview that shows it beside the picture. */
    legend: string;
    /** The requested picture could not be laid out in time, or at all: this is a stand-in. */
    fallback: boolean;
    /** Why the layout failed, when it failed rather than ran out of time: for the caller to log. */
    layoutError?: unknown;
}

/**
 * Graph → layout → SVG, shared by the preview and the CLI. A layout that times out falls back to
 * the overview of departments; a layout that fails (or an overview that also times out) falls
 * back to a plain grid, so the user always gets a picture and a note saying why.
 */
export async function produceDiagram(
    estate: Estate, findings: readonly Finding[], options: DiagramOptions, layouter: DiagramLayouter, layoutOptions: LayoutOptions = {}, svgOptions: SvgOptions = {}
): Promise<ProducedDiagram> {
    // Near a size threshold the view keeps the form it was last drawn in.
    let graph = buildDiagramGraph(estate, findings, { ...options, before: options.before ?? layouter.formOf(layoutOptions.viewKey) });
    let layout: DiagramLayout;
    let fellBack = false;
    let layoutError: unknown;
    const fallback = (laidOut: DiagramGraph, error: unknown): DiagramLayout => {
        if (!(error instanceof LayoutTimeoutError)) layoutError = error;
        return gridFallback(laidOut, error);
    };
    try {
        layout = await layouter.layout(graph, layoutOptions);
    } catch (error) {
        fellBack = true;
        if (error instanceof LayoutTimeoutError && !(graph.view.kind === 'estate' && graph.aggregated && (options.expand ?? []).length === 0)) {
            graph = buildDiagramGraph(estate, findings, { ...options, view: { kind: 'estate' }, expand: [], aggregateAbove: 0 });
            graph.notes.unshift(LAYOUT_TIMEOUT_NOTE);
            try {
                layout = await layouter.layout(graph, { ...layoutOptions, viewKey: undefined });
            } catch (second) {
                layout = fallback(graph, second);
            }
        } else {
            layout = fallback(graph, error);
        }
    }
    const unlabelled = graph.edges.some(edge => layout.edges[edge.id] && !layout.edges[edge.id].label);
    return { graph, layout, svg: renderSvg({ graph, layout }, svgOptions), legend: renderLegend(graph, unlabelled, svgOptions.lens), fallback: fellBack, layoutError };
}

function gridFallback(graph: DiagramGraph, error: unknown): DiagramLayout {
    const reason = error instanceof LayoutTimeoutError ? 'layout took too long' : `layout failed (${error instanceof Error ? error.message : String(error)})`;
    graph.notes.unshift(`${reason} — showing a simple grid`);
    return gridLayout(graph);
}
