import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { chmodSync, closeSync, constants, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, promises, readdirSync, readFileSync, readSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';

const MODEL = 'system A { kind crm }\nsystem B { kind erp }\nflow F : A -> B { style manual }\n';

async function integ(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { cwd, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
    return { code, stdout, stderr };
}

/** A repository with one model, and beside it a folder the repository must not reach. */
function layout(): { repo: string; outside: string } {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'integ-out-links-')));
    const repo = join(root, 'repo');
    const outside = join(root, 'outside');
    mkdirSync(repo);
    mkdirSync(outside);
    writeFileSync(join(repo, 'estate.integ'), MODEL);
    writeFileSync(join(outside, 'x.sh'), '#!/bin/sh\necho original\n');
    return { repo, outside };
}

describe('-o never writes through a symbolic link the repository planted (item 1)', () => {
    test('a link named like the output, pointing at a model: refused, with or without --force; the model is unchanged', async () => {
        const { repo } = layout();
        symlinkSync('estate.integ', join(repo, 'out.html'));
        const plain = await integ(repo, 'report', '-o', 'out.html');
        expect(plain.code).toBe(2);
        expect(plain.stderr.split('\n')[0]).toBe('integ report: out.html: out.html is a symbolic link; refusing to write through it (--force writes through links)');
        const forced = await integ(repo, 'report', '-o', 'out.html', '--force');
        expect(forced.code).toBe(2);
        expect(forced.stderr.split('\n')[0]).toBe(`integ report: out.html: leads to the model file ${join(repo, 'estate.integ')}; refusing to write over it`);
        expect(readFileSync(join(repo, 'estate.integ'), 'utf8')).toBe(MODEL);
        expect(lstatSync(join(repo, 'out.html')).isSymbolicLink()).toBe(true);
    });

    test('a link pointing out of the repository: refused without --force; --force writes to its target', async () => {
        const { repo, outside } = layout();
        symlinkSync('../outside/x.sh', join(repo, 'roadmap.md'));
        const plain = await integ(repo, 'roadmap', '-o', 'roadmap.md');
        expect(plain.code).toBe(2);
        expect(readFileSync(join(outside, 'x.sh'), 'utf8')).toBe('#!/bin/sh\necho original\n');
        const forced = await integ(repo, 'roadmap', '-o', 'roadmap.md', '--force');
        expect(forced.code).toBe(0);
        expect(readFileSync(join(outside, 'x.sh'), 'utf8')).toMatch(/^# /);
        expect(lstatSync(join(repo, 'roadmap.md')).isSymbolicLink()).toBe(true);
    });

    test('a linked folder on the way (at any depth, relative or absolute -o): refused and named; --force goes through', async () => {
        const { repo, outside } = layout();
        symlinkSync('../outside', join(repo, 'out'));
        mkdirSync(join(repo, 'a'));
        symlinkSync(outside, join(repo, 'a', 'b'));
        for (const [target, link] of [['out/report.md', 'out'], [join(repo, 'out', 'report.md'), 'out'], ['a/b/c/report.md', join('a', 'b')]]) {
            const run = await integ(repo, 'report', '-o', target);
            expect(run.code, target).toBe(2);
            expect(run.stderr.split('\n')).toContain(`integ report: ${target}: ${link} is a symbolic link; refusing to write through it (--force writes through links)`);
        }
        expect(readdirSync(outside)).toEqual(['x.sh']);
        expect((await integ(repo, 'report', '-o', 'out/report.md', '--force')).code).toBe(0);
        expect(readdirSync(outside).sort()).toEqual(['report.md', 'x.sh']);
    });

    test('`..` in -o is resolved on the path as written: `link/../x` is `x`, never a folder beside the link target', async () => {
        const { repo, outside } = layout();
        mkdirSync(join(outside, 'deep'));
        symlinkSync(join(outside, 'deep'), join(repo, 'sub'));
        const run = await integ(repo, 'report', '-o', 'sub/../report.md');
        expect(run.code).toBe(0);
        expect(existsSync(join(repo, 'report.md'))).toBe(true);
        expect(readdirSync(outside).sort()).toEqual(['deep', 'x.sh']);
    });

    test('a dangling link at the output is refused, with --force too', async () => {
        const { repo } = layout();
        symlinkSync('missing/report.md', join(repo, 'report.md'));
        expect((await integ(repo, 'report', '-o', 'report.md')).code).toBe(2);
        const forced = await integ(repo, 'report', '-o', 'report.md', '--force');
        expect(forced.code).toBe(2);
        expect(forced.stderr.split('\n')[0]).toBe('integ report: report.md: a symbolic link that cannot be followed (no such file or folder); write to its target instead');
    });

    test('a hard link to a model at the output path: the output replaces the link, the model keeps its content', async () => {
        const { repo } = layout();
        linkSync(join(repo, 'estate.integ'), join(repo, 'report.md'));
        expect((await integ(repo, 'report', '-o', 'report.md')).code).toBe(0);
        expect(readFileSync(join(repo, 'estate.integ'), 'utf8')).toBe(MODEL);
        expect(readFileSync(join(repo, 'report.md'), 'utf8')).toMatch(/^# Integration report/);
    });

    test('-o naming a model is refused before anything is created: no new folder, no file', async () => {
        const { repo } = layout();
        for (const target of ['estate.integ', 'new-folder/model.integ', 'new-folder/MODEL.INTEG']) {
            const run = await integ(repo, 'check', '-o', target);
            expect(run.code, target).toBe(2);
            expect(run.stderr.split('\n')[0]).toBe(`integ check: ${target}: refusing to write output over a .integ model file`);
        }
        expect(readdirSync(repo)).toEqual(['estate.integ']);
        expect(readFileSync(join(repo, 'estate.integ'), 'utf8')).toBe(MODEL);
    });

    test('an empty -o is a usage error, not output on stdout', async () => {
        const { repo } = layout();
        const run = await integ(repo, 'check', '-o', '');
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr.split('\n')[0]).toBe('integ check: -o needs a value');
    });

    test('a pipe or a device at the output (`-o /dev/null`) is written to, not replaced by a file', async () => {
        const { repo } = layout();
        const pipe = join(repo, 'pipe');
        expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
        // Open for reading and writing, without blocking: the CLI's write then has a reader, and an empty pipe reads as EAGAIN.
        const reader = openSync(pipe, constants.O_RDWR | constants.O_NONBLOCK);
        const run = await integ(repo, 'check', '-o', 'pipe');
        expect(run.code).toBe(0);
        expect(lstatSync(pipe).isFIFO()).toBe(true);
        const buffer = Buffer.alloc(65_536);
        const read = readSync(reader, buffer);
        closeSync(reader);
        expect(buffer.subarray(0, read).toString('utf8')).toMatch(/^estate\.integ:3:\d+ warning /);
    });

    test('replacing an output keeps its permissions and leaves no temporary file', async () => {
        const { repo } = layout();
        writeFileSync(join(repo, 'report.md'), 'old');
        chmodSync(join(repo, 'report.md'), 0o640);
        expect((await integ(repo, 'report', '-o', 'report.md')).code).toBe(0);
        expect(statSync(join(repo, 'report.md')).mode & 0o777).toBe(0o640);
        expect(readdirSync(repo).sort()).toEqual(['estate.integ', 'report.md']);
    });
});

describe('a failed write never leaves half a file (item 1)', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    test('a link planted at the name of the temporary file is not followed: exit 2, its target unchanged', async () => {
        const { repo, outside } = layout();
        // The name has 48 random bits; with them fixed, a repository could plant a link there.
        vi.spyOn(crypto, 'randomBytes').mockImplementation(() => Buffer.from('000000000000', 'hex'));
        syncBuiltinESMExports();
        symlinkSync(join(outside, 'x.sh'), join(repo, `.report.md.${process.pid}.000000000000.tmp`));
        const run = await integ(repo, 'report', '-o', 'report.md');
        vi.restoreAllMocks();
        syncBuiltinESMExports();
        expect(run.code).toBe(2);
        expect(readFileSync(join(outside, 'x.sh'), 'utf8')).toBe('#!/bin/sh\necho original\n');
        expect(existsSync(join(repo, 'report.md'))).toBe(false);
    });

    test.each([
        ['the disk fills up while writing', async (repo: string) => {
            const probe = await promises.open(join(repo, 'probe'), 'w');
            const fileHandle = Object.getPrototypeOf(probe) as { writeFile: () => Promise<void> };
            await probe.close();
            await promises.rm(join(repo, 'probe'));
            vi.spyOn(fileHandle, 'writeFile').mockRejectedValue(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
        }],
        ['the final rename fails', async () => {
            vi.spyOn(promises, 'rename').mockRejectedValue(Object.assign(new Error('rename failed'), { code: 'EIO' }));
        }]
    ])('%s: exit 2, the old output intact, no temporary file left', async (_case, breakIt) => {
        const { repo } = layout();
        writeFileSync(join(repo, 'report.md'), 'previous report\n');
        await breakIt(repo);
        const run = await integ(repo, 'report', '-o', 'report.md');
        expect(run.code).toBe(2);
        expect(run.stderr.split('\n')[0]).toMatch(/^integ report: report\.md: (no space left on device|rename failed)$/);
        expect(readFileSync(join(repo, 'report.md'), 'utf8')).toBe('previous report\n');
        expect(readdirSync(repo).sort()).toEqual(['estate.integ', 'report.md']);
    });
});
