import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME, openSession } from './mcp-session.js';

const root = path.join(__dirname, '../../..');

describe('a file changed on disk', () => {
    let folder: string | undefined;
    afterEach(() => { if (folder) rmSync(folder, { recursive: true, force: true }); });

    it('is seen by the next call once the folder has been quiet for the debounce', async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'integ-mcp-'));
        cpSync(ACME, folder, { recursive: true });
        const session = await openSession({ folder, watch: true, debounceMs: 50 });
        try {
            expect((await session.structured('describe', { name: 'AS400' })).properties.users).toBe(25);
            const file = path.join(folder, 'systems-sales-marketing.integ');
            writeFileSync(file, readFileSync(file, 'utf8').replace('  users 25\n', '  users 40\n'));
            let users: unknown;
            for (let tries = 0; tries < 100 && users !== 40; tries++) {
                await new Promise(resolve => setTimeout(resolve, 50));
                users = (await session.structured('describe', { name: 'AS400' })).properties.users;
            }
            expect(users).toBe(40);
            const { findings } = await session.structured('findings', { rule: 'security/sso', element: 'AS400' });
            expect(findings[0].message).toMatch(/^AS400 has 40 users/);
        } finally {
            await session.close();
        }
    }, 20_000);
});

describe('integ mcp over stdio (the built CLI, as an assistant starts it)', () => {
    // dist/ is what `npm ci` builds (the `prepare` script), as the launcher test also relies on.
    it('answers the SDK\'s client on every tool and ends when the client closes', async () => {
        const copy = mkdtempSync(path.join(tmpdir(), 'integ-mcp-stdio-'));
        cpSync(ACME, copy, { recursive: true });
        const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(root, 'bin', 'integ.cjs'), 'mcp', copy], cwd: root, stderr: 'pipe' });
        const client = new Client({ name: 'test', version: '0' });
        await client.connect(transport);
        try {
            expect((await client.listTools()).tools.map(tool => tool.name).sort()).toEqual(['describe', 'diagram', 'findings', 'impact', 'lineage', 'roadmap', 'search']);
            const result = await client.callTool({ name: 'describe', arguments: { name: 'AS400' } });
            expect(result.structuredContent).toMatchObject({ name: 'AS400', file: 'systems-sales-marketing.integ', hoursPerWeek: 10 });
            const call = async (name: string, args: Record<string, unknown>) => {
                const answer = await client.callTool({ name, arguments: args });
                expect(answer.isError, `${name}: ${JSON.stringify(answer.content)}`).toBeFalsy();
                return answer.structuredContent as Record<string, unknown>;
            };
            expect(JSON.stringify(await call('search', { query: 'AS400' }))).toContain('AS400');
            expect(JSON.stringify(await call('findings', { rule: 'security/encryption-at-rest' }))).toContain('AS400');
            expect(JSON.stringify(await call('impact', { change: 'retire-system', system: 'AS400' }))).toContain('DealerOrders');
            expect(JSON.stringify(await call('lineage', { data: 'Order.total' }))).toContain('Epicor');
            expect(JSON.stringify(await call('diagram', { view: 'system:AS400' }))).toContain('<svg');
            expect(JSON.stringify(await call('roadmap', {}))).toMatch(/initiative/i);
            const file = path.join(copy, 'systems-sales-marketing.integ');
            writeFileSync(file, readFileSync(file, 'utf8').replace('  users 25\n', '  users 40\n'));
            let users: unknown;
            for (let tries = 0; tries < 100 && users !== 40; tries++) {
                await new Promise(resolve => setTimeout(resolve, 100));
                users = ((await call('describe', { name: 'AS400' })).properties as Record<string, unknown>).users;
            }
            expect(users).toBe(40);
            const bad = await client.callTool({ name: 'findings', arguments: { severity: 'fatal' } });
            expect(bad.isError).toBe(true);
            // The bundle keeps only zod's English messages (scripts/build.mjs): they must still read as English.
            expect((bad.content as Array<{ text: string }>)[0].text).toMatch(/Invalid option: expected one of "error"\|"warning"\|"info" at severity/);
            expect((await client.listResources()).resources.map(resource => resource.uri)).toEqual(expect.arrayContaining(['integ://docs/rules/security/sso', 'integ://docs/language']));
        } finally {
            await client.close();
            rmSync(copy, { recursive: true, force: true });
        }
    }, 30_000);
});
