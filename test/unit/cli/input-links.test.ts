import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';

async function check(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['check', ...args], { cwd, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
    return { code, stdout, stderr };
}

/** A repository folder and, beside it, a folder it must not reach. */
function layout(): { repo: string; outside: string } {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'integ-links-')));
    const repo = join(root, 'repo');
    const outside = join(root, 'outside');
    mkdirSync(join(repo, 'models'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(repo, 'models', 'estate.integ'), 'system A { kind crm }\nflow F : A -> Nowhere { }\n');
    writeFileSync(join(outside, 'secret.integ'), 'SECRET-TOKEN-1234 is not a model\n');
    writeFileSync(join(outside, 'passwd'), 'root:x:0:0:SECRET-ROOT:/root:/bin/bash\n');
    return { repo, outside };
}

/** The files `integ check` reported on, from its text output. */
function filesOf(stdout: string): string[] {
    return [...new Set(stdout.split('\n').map(line => /^(.+?):\d+:\d+ /.exec(line)?.[1]).filter((f): f is string => f !== undefined))].sort();
}

describe('symbolic links among the inputs (item 8)', () => {
    test('a link to a file outside the folders given is not read, and is named on stderr', async () => {
        const { repo, outside } = layout();
        symlinkSync(join(outside, 'passwd'), join(repo, 'models', 'config.integ'));
        symlinkSync('../../outside/secret.integ', join(repo, 'models', 'relative.integ'));
        const run = await check(repo);
        expect(run.stdout).not.toContain('SECRET');
        expect(filesOf(run.stdout)).toEqual(['models/estate.integ']);
        expect(run.stderr.split('\n').filter(Boolean)).toEqual([
            'integ check: models/config.integ: a symbolic link to a file outside the folders given; not read',
            'integ check: models/relative.integ: a symbolic link to a file outside the folders given; not read'
        ]);
        expect(run.code).toBe(1);
    });

    test('a link to a folder outside (up to the root of the disk) is not searched', async () => {
        const { repo, outside } = layout();
        symlinkSync('/', join(repo, 'root'));
        symlinkSync(outside, join(repo, 'models', 'shared'));
        const started = performance.now();
        const run = await check(repo);
        expect(performance.now() - started).toBeLessThan(20_000);
        expect(filesOf(run.stdout)).toEqual(['models/estate.integ']);
        expect(run.stderr).toContain('integ check: root: a symbolic link to a folder outside the folders given; not read');
        expect(run.stderr).toContain('integ check: models/shared: a symbolic link to a folder outside the folders given; not read');
    });

    test('links that stay inside are followed, each real file read once under its own path', async () => {
        const { repo } = layout();
        mkdirSync(join(repo, 'more'));
        writeFileSync(join(repo, 'more', 'b.integ'), 'system B { kind erp }\nflow G : B -> Elsewhere { }\n');
        symlinkSync('../more', join(repo, 'models', 'a-link-to-more'));
        symlinkSync('estate.integ', join(repo, 'models', 'alias.integ'));
        symlinkSync('..', join(repo, 'models', 'loop'));
        const run = await check(repo);
        expect(run.stderr).toBe('');
        expect(filesOf(run.stdout)).toEqual(['models/estate.integ', 'more/b.integ']);
        expect(run.stdout).not.toContain('duplicate-name');
    });

    test('a link is judged by the folders given: a link from one given folder into another is followed', async () => {
        const { repo, outside } = layout();
        writeFileSync(join(outside, 'extra.integ'), 'system X { kind crm }\n');
        symlinkSync(join(outside, 'extra.integ'), join(repo, 'models', 'extra.integ'));
        const run = await check(repo, 'models', outside);
        expect(run.stderr).toBe('');
        expect(filesOf(run.stdout)).toEqual([join(outside, 'extra.integ'), join(outside, 'secret.integ'), 'models/estate.integ'].sort());
    });

    test('dangling links and link loops named like models are reported, not fatal', async () => {
        const { repo } = layout();
        symlinkSync('missing.integ', join(repo, 'models', 'dangling.integ'));
        symlinkSync('loop-b.integ', join(repo, 'models', 'loop-a.integ'));
        symlinkSync('loop-a.integ', join(repo, 'models', 'loop-b.integ'));
        const run = await check(repo);
        expect(filesOf(run.stdout)).toEqual(['models/estate.integ']);
        expect(run.stderr.split('\n').filter(Boolean)).toEqual([
            'integ check: models/dangling.integ: a symbolic link to nothing; not read',
            'integ check: models/loop-a.integ: a loop of symbolic links; not read',
            'integ check: models/loop-b.integ: a loop of symbolic links; not read'
        ]);
    });

    test('a path given on the command line that is a link out of the working folder is refused with exit 2', async () => {
        const { repo, outside } = layout();
        symlinkSync(join(outside, 'passwd'), join(repo, 'named.integ'));
        symlinkSync(outside, join(repo, 'named-folder'));
        for (const given of ['named.integ', 'named-folder']) {
            const run = await check(repo, given);
            expect(run.code, given).toBe(2);
            expect(run.stderr.split('\n')[0]).toBe(`integ check: ${given}: a symbolic link to ${given === 'named.integ' ? join(outside, 'passwd') : outside}, outside the working folder; give that path instead`);
            expect(run.stdout + run.stderr).not.toContain('SECRET');
        }
        symlinkSync('models/estate.integ', join(repo, 'inside.integ'));
        expect(filesOf((await check(repo, 'inside.integ')).stdout)).toEqual(['inside.integ']);
    });
});

describe('which files are models', () => {
    test('a file named just `.integ` is skipped like any other non-model (it crashed the CLI: no language for the extension ``)', async () => {
        const { repo } = layout();
        writeFileSync(join(repo, 'models', '.integ'), 'system Hidden { kind crm }\n');
        writeFileSync(join(repo, 'models', 'notes.txt'), 'system Notes { kind crm }\n');
        const run = await check(repo);
        expect(run.stderr).toBe('');
        expect(filesOf(run.stdout)).toEqual(['models/estate.integ']);
    });

    test('a file whose name starts with two dots is inside the working folder and shown relative to it', async () => {
        const { repo } = layout();
        writeFileSync(join(repo, '..odd.integ'), 'flow G : A -> Missing { }\n');
        expect(filesOf((await check(repo)).stdout)).toEqual(['..odd.integ', 'models/estate.integ']);
    });

    test('a file over 64 MB is not read: exit 2 with the reason', async () => {
        const { repo } = layout();
        // Sparse: the size is there at once, without writing 64 MB.
        const huge = openSync(join(repo, 'models', 'huge.integ'), 'w');
        ftruncateSync(huge, 64 * 1024 * 1024 + 1);
        closeSync(huge);
        const run = await check(repo);
        expect(run.code).toBe(2);
        expect(run.stderr.split('\n')[0]).toBe('integ check: models/huge.integ: larger than 64 MB, not read');
    });

    test('a file given by name must be an .integ file: exit 2 with the reason, not an internal error', async () => {
        const { repo } = layout();
        writeFileSync(join(repo, '.integ'), 'system Hidden { kind crm }\n');
        writeFileSync(join(repo, 'notes.txt'), 'system Notes { kind crm }\n');
        for (const given of ['.integ', 'notes.txt']) {
            const run = await check(repo, given);
            expect(run.code, given).toBe(2);
            expect(run.stderr.split('\n')[0]).toBe(`integ check: ${given}: not a model file (its name must end in .integ)`);
        }
    });
});
