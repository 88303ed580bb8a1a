import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { EXPAND_ALL } from '../diagram/diagram-graph.js';
import { DiagramViewError } from '../diagram/graph-builder.js';
import type { DiagramLayouter } from '../diagram/layout.js';
import { LENSES } from '../diagram/lenses.js';
import { produceDiagram } from '../diagram/produce-diagram.js';
import { parseView, VIEW_FORMS } from '../diagram/view-kinds.js';
import type { EstateSource } from './estate-source.js';
import { toolResult, ToolInputError } from './tool-result.js';

const LAYOUT_TIMEOUT_MS = 30_000;

const inputSchema = {
    view: z.string().max(300).default('estate').describe(`${VIEW_FORMS.join(', ')}`),
    state: z.enum(['as-is', 'to-be']).default('as-is').describe('to-be: as the roadmap leaves the estate'),
    depth: z.union([z.literal(1), z.literal(2)]).default(1).describe('For a system view: neighbours, or also theirs'),
    lens: z.enum(LENSES).default('style'),
    expand: z.array(z.string().max(200)).max(100).optional().describe('Departments to open in an overview; ["all"] opens every one'),
    follow: z.string().max(300).optional().describe('Entity or Entity.field whose path to highlight')
};

const outputSchema = {
    title: z.string(), nodes: z.number(), edges: z.number(), notes: z.array(z.string()),
    fallback: z.boolean().describe('The layout failed or took too long: a simpler picture stands in'),
    svg: z.string()
};

/** The dependency diagram the editor's preview and `integ diagram` draw, as a standalone SVG. */
export function registerDiagramTool(server: McpServer, source: EstateSource, layouter: DiagramLayouter): void {
    server.registerTool('diagram', {
        title: 'Dependency diagram of a view',
        description: 'A view of the estate (the whole estate, a process, a department, a system and its neighbours) as a standalone SVG, coloured by flow style or another lens.',
        inputSchema, outputSchema, annotations: { readOnlyHint: true }
    }, async ({ view: viewText, state, depth, lens, expand, follow }) => {
        const view = parseView(viewText, depth);
        if (!view) throw new ToolInputError(`unknown view '${viewText}'; use ${VIEW_FORMS.join(', ')}`);
        const { analysis: { estate, findings } } = await source.current();
        try {
            const diagram = await produceDiagram(estate, findings, {
                view, state, follow, expand: expand?.map(name => name === 'all' ? EXPAND_ALL : name)
            }, layouter, { timeoutMs: LAYOUT_TIMEOUT_MS }, { lens });
            const { graph } = diagram;
            const summary = `${graph.title}: ${graph.nodes.length} nodes, ${graph.edges.length} edges${graph.notes.length > 0 ? ` (${graph.notes.join('; ')})` : ''}. The SVG is attached.`;
            return toolResult(summary,
                { title: graph.title, nodes: graph.nodes.length, edges: graph.edges.length, notes: graph.notes, fallback: diagram.fallback, svg: diagram.svg },
                [{ type: 'resource', resource: { uri: `integ://diagram/${encodeURIComponent(viewText)}`, mimeType: 'image/svg+xml', text: diagram.svg } }]);
        } catch (error) {
            if (error instanceof DiagramViewError) throw new ToolInputError(error.message);
            throw error;
        }
    });
}
