import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { DiagramLayouter } from '../diagram/layout.js';
import { registerDescribeTool } from './describe-tool.js';
import { registerDiagramTool } from './diagram-tool.js';
import { registerDocsResources } from './docs-resources.js';
import { EstateSource } from './estate-source.js';
import type { McpHost } from './mcp-host.js';
import { registerFindingsTool } from './findings-tool.js';
import { registerImpactTool } from './impact-tool.js';
import { registerLineageTool } from './lineage-tool.js';
import { registerProposeEditTool } from './propose-edit-tool.js';
import { registerRoadmapTool } from './roadmap-tool.js';
import { registerSearchTool } from './search-tool.js';

export interface IntegMcpOptions {
    /** The folder whose `.integ` files make the estate (searched recursively, as `integ check` does). */
    folder: string;
    /** Adds `propose_edit`; off by default so that a server an assistant starts on its own only reads. */
    allowEdits?: boolean;
    /** Watch the folder and reload after changes (default true). */
    watch?: boolean;
    debounceMs?: number;
    /** Where notes go (never stdout: it carries the protocol). */
    warn?: (note: string) => void;
    /** Overrides where the docs resources are read from (tests). */
    docsFolder?: string;
}

export interface IntegMcp {
    server: McpServer;
    /** Stops watching and the layout worker; closes the server's transport. */
    close(): Promise<void>;
}

const INSTRUCTIONS = 'Answers questions about an application estate modelled in .integ files: systems, data flows, entities, processes and the roadmap. '
    + 'Use search to find names, describe for one element, findings for what the rules report, impact before retiring or replacing a system or changing a flow, lineage for where data goes, '
    + 'roadmap for the plan, diagram for a picture. Rule explanations are resources under integ://docs/rules/.';

export function createIntegMcpServer(host: McpHost, options: IntegMcpOptions): IntegMcp {
    const server = new McpServer({ name: 'integ', title: 'Integration Architect', version: host.version }, { instructions: INSTRUCTIONS });
    const source = new EstateSource(options.folder, host, { debounceMs: options.debounceMs, warn: options.warn });
    if (options.watch !== false) source.watch();
    const layouter = new DiagramLayouter();
    registerSearchTool(server, source);
    registerDescribeTool(server, source);
    registerFindingsTool(server, source);
    registerImpactTool(server, source);
    registerLineageTool(server, source);
    registerDiagramTool(server, source, layouter);
    registerRoadmapTool(server, source);
    if (options.allowEdits) registerProposeEditTool(server, source);
    const docs = registerDocsResources(server, ...(options.docsFolder === undefined ? [] : [options.docsFolder]));
    if (docs.rules === 0) options.warn?.('the docs folder was not found beside the program: rule and language resources are not offered');
    return {
        server,
        async close() {
            source.close();
            layouter.dispose();
            await server.close();
        }
    };
}
