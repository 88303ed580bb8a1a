import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    it.skipIf(!existsSync(path.join(root, 'dist', 'cli.cjs')))('answers the SDK\'s client and ends when the client closes', async () => {
        const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(root, 'bin', 'integ.cjs'), 'mcp', 'samples/acme'], cwd: root, stderr: 'pipe' });
        const client = new Client({ name: 'test', version: '0' });
        await client.connect(transport);
        try {
            expect((await client.listTools()).tools.map(tool => tool.name)).toContain('impact');
            const result = await client.callTool({ name: 'describe', arguments: { name: 'AS400' } });
            expect(result.structuredContent).toMatchObject({ name: 'AS400', file: 'systems-sales-marketing.integ', hoursPerWeek: 10 });
            const bad = await client.callTool({ name: 'findings', arguments: { severity: 'fatal' } });
            expect(bad.isError).toBe(true);
            // The bundle keeps only zod's English messages (scripts/build.mjs): they must still read as English.
            expect((bad.content as Array<{ text: string }>)[0].text).toMatch(/Invalid option: expected one of "error"\|"warning"\|"info" at severity/);
            expect((await client.listResources()).resources.map(resource => resource.uri)).toEqual(expect.arrayContaining(['integ://docs/rules/security/sso', 'integ://docs/language']));
        } finally {
            await client.close();
        }
    }, 30_000);
});
