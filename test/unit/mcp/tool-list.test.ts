import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './mcp-session.js';

const READ_TOOLS = ['search', 'describe', 'findings', 'impact', 'lineage', 'diagram', 'roadmap'];

describe('the tools an assistant is offered', () => {
    let session: Session;
    beforeAll(async () => { session = await openSession(); });
    afterAll(async () => { await session.close(); });

    it('are the seven read-only tools, each with an input and an output schema', async () => {
        const { tools } = await session.client.listTools();
        expect(tools.map(tool => tool.name)).toEqual(READ_TOOLS);
        for (const tool of tools) {
            expect(tool.inputSchema.type, tool.name).toBe('object');
            expect(tool.outputSchema?.type, tool.name).toBe('object');
            expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
            expect(tool.description?.length, tool.name).toBeGreaterThan(40);
        }
    });

    it('describe their arguments: impact names its changes and the flow styles it accepts', async () => {
        const { tools } = await session.client.listTools();
        const impact = tools.find(tool => tool.name === 'impact')!;
        const properties = impact.inputSchema.properties as Record<string, { enum?: string[] }>;
        expect(properties.change.enum).toEqual(['retire-system', 'replace-system', 'change-flow-style']);
        expect(properties.style.enum).toContain('api');
        expect(impact.inputSchema.required).toEqual(['change']);
        const describeTool = tools.find(tool => tool.name === 'describe')!;
        expect(describeTool.inputSchema.required).toEqual(['name']);
    });

    it('say what the server is for', () => {
        expect(session.client.getServerVersion()?.name).toBe('integ');
        expect(session.client.getInstructions()).toMatch(/impact before retiring/);
    });
});

describe('--allow-edits', () => {
    it('adds propose_edit, and only then', async () => {
        const session = await openSession({ allowEdits: true });
        try {
            const { tools } = await session.client.listTools();
            expect(tools.map(tool => tool.name)).toEqual([...READ_TOOLS, 'propose_edit']);
        } finally {
            await session.close();
        }
    });
});
