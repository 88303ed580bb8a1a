import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CLI_MCP_HOST } from '../../../language-server/src/cli/mcp-command.js';
import { createIntegMcpServer, type IntegMcpOptions } from '../../../language-server/src/mcp/integ-mcp-server.js';

export const ACME = path.join(__dirname, '../../../samples/acme');

export interface Session {
    client: Client;
    /** Calls a tool and returns its result as the client received it. */
    call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
    /** Calls a tool that must succeed and returns its structured content. */
    structured<T = Record<string, any>>(name: string, args?: Record<string, unknown>): Promise<T>;
    close(): Promise<void>;
}

/** The server as `integ mcp` builds it, and the SDK's own client, joined by the SDK's in-memory transport. */
export async function openSession(options: Partial<IntegMcpOptions> = {}): Promise<Session> {
    const mcp = createIntegMcpServer(CLI_MCP_HOST, { folder: ACME, watch: false, ...options });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'test', version: '0' });
    await mcp.server.connect(serverSide);
    await client.connect(clientSide);
    const call = async (name: string, args: Record<string, unknown> = {}) => await client.callTool({ name, arguments: args }) as CallToolResult;
    return {
        client,
        call,
        async structured(name, args) {
            const result = await call(name, args);
            if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
            return result.structuredContent as any;
        },
        async close() {
            await client.close();
            await mcp.close();
        }
    };
}

/** The text of an error result, for asserting what the assistant is told. */
export function errorText(result: CallToolResult): string {
    expectError(result);
    return result.content.map(part => part.type === 'text' ? part.text : '').join('\n');
}

function expectError(result: CallToolResult): void {
    if (!result.isError) throw new Error(`expected an error result, got ${JSON.stringify(result.structuredContent).slice(0, 300)}`);
}
