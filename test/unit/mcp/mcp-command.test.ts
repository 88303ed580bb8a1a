import { describe, expect, it } from 'vitest';
import { runCliIn } from '../helpers/cli-run.js';
import { ACME } from './mcp-session.js';

describe('integ mcp refuses, before serving, what it cannot serve', () => {
    it('a folder that does not exist, a file, two folders, an unknown option: exit 2 with the usage', async () => {
        for (const [args, message] of [
            [['nowhere'], 'integ mcp: nowhere: no such file or folder'],
            [['README.md'], 'integ mcp: README.md: not a folder; give the folder of the estate'],
            [['a', 'b'], 'integ mcp: serves one folder; give at most one'],
            [['--write'], 'integ mcp: unknown option --write']
        ] as const) {
            const run = await runCliIn(`${ACME}/../..`, 'mcp', ...args);
            expect(run.code, args.join(' ')).toBe(2);
            expect(run.stderr).toBe(`${message}\nusage: integ mcp [folder] [--allow-edits]\n`);
            expect(run.stdout).toBe('');
        }
    });

    it('is listed in the help', async () => {
        expect((await runCliIn(ACME, '--help')).stdout).toMatch(/integ mcp \[folder\] \[--allow-edits\] +a Model Context Protocol server over stdio/);
    });
});
