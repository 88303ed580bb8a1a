import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { bundle } from '../robustness/bundles.js';

let cli: string;

beforeAll(async () => {
    cli = (await bundle()).cli;
});

describe('the integ process on failures outside any model', () => {
    test('a working folder deleted under the shell: one line and exit 2, no stack trace (it printed one and exited 1, as if there were findings)', () => {
        const folder = mkdtempSync(join(tmpdir(), 'integ-gone-'));
        const run = spawnSync('/bin/sh', ['-c', `cd "${folder}" && rmdir "${folder}" && exec "${process.execPath}" "${cli}" check`], { encoding: 'utf8', timeout: 60_000 });
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('integ: the working folder cannot be read: no such file or folder\n');
        expect(run.stdout).toBe('');
    });
});
