import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CliIo } from './run-cli.js';
import { parseArgs } from './cli-args.js';
import { UsageError, describe } from './collect-files.js';
import { loadFiles } from './load-files.js';
import { quickFixNamer } from './quick-fix-names.js';
import { TOOL_VERSION } from './tool-version.js';
import { visible } from '../render/visible-text.js';
import { createIntegMcpServer } from '../mcp/integ-mcp-server.js';
import type { McpHost } from '../mcp/mcp-host.js';

/** How the server reads files: as `integ check` does, paths shown relative to the folder served. */
export const CLI_MCP_HOST: McpHost = {
    load: (folder, warn) => loadFiles([folder], folder, warn),
    quickFixNamer,
    version: TOOL_VERSION
};

/**
 * Serves the estate of one folder to an assistant over stdin and stdout until the client closes
 * them. stdout carries only the protocol; notes go to stderr, which clients show as the server's log.
 */
export async function mcpCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(), new Set(['--allow-edits']));
    if (parsed.paths.length > 1) throw new UsageError('serves one folder; give at most one');
    const folder = path.resolve(io.cwd, parsed.paths[0] ?? '.');
    // Said once, at start, where the user configuring the client sees it, rather than in every answer.
    const stat = await fs.stat(folder).catch(error => { throw new UsageError(`${parsed.paths[0] ?? '.'}: ${describe(error)}`); });
    if (!stat.isDirectory()) throw new UsageError(`${parsed.paths[0]}: not a folder; give the folder of the estate`);
    const warn = (note: string) => io.stderr.write(`integ mcp: ${visible(note)}\n`);
    const mcp = createIntegMcpServer(CLI_MCP_HOST, { folder, allowEdits: parsed.flags.has('--allow-edits'), warn });
    const transport = new StdioServerTransport();
    const closed = new Promise<void>(resolve => { transport.onclose = resolve; });
    // The client ends the session by closing our stdin; the transport does not notice that by itself.
    process.stdin.once('end', () => void mcp.close());
    await mcp.server.connect(transport);
    warn(`serving ${folder}${parsed.flags.has('--allow-edits') ? ' (propose_edit enabled)' : ''}`);
    await closed;
    return 0;
}
