import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadTexts } from '../helpers/workspace.js';
import { bundle } from './bundles.js';

/** No hang: a case that runs longer than this is killed and fails. Generous for a busy 2-core machine. */
const PROCESS_TIMEOUT_MS = 60_000;

let cli: string;

function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), 'integ-odd-'));
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(folder, name, '..'), { recursive: true });
        writeFileSync(join(folder, name), text);
    }
    return folder;
}

function check(folder: string, ...args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, 'check', ...args], { cwd: folder, encoding: 'utf8', timeout: PROCESS_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - started };
}

/** Output lines that are link or syntax errors, as `file:line:col message`. */
function errors(stdout: string): string[] {
    return stdout.split('\n').filter(line => / error /.test(line)).map(line => line.replace(/ error /, ' ').replace(/ \[[^\]]+\]$/, ''));
}

const LINK_ERROR = 'system A { kind crm }\nflow F : A -> Nowhere { }\n';

beforeAll(async () => {
    cli = (await bundle()).cli;
});

describe('large and odd files through `integ check`', () => {
    test('a 100,000-line estate is checked, not hung', () => {
        const lines: string[] = [];
        for (let i = 0; i < 10_000; i++) lines.push(`system S${i} {`, '  kind custom', '  hosting cloud', '  users 40', '}');
        for (let i = 0; i < 10_000; i++) lines.push(`flow F${i} : S${i} -> S${(i + 1) % 10_000} {`, '  style api', '  carries Order.*', '  auth oauth2', '}');
        const run = check(folderWith({ 'big.integ': `entity Order { field id }\n${lines.join('\n')}` }), '--format', 'json');
        expect(lines.length).toBe(100_000);
        expect(run.stderr).toBe('');
        expect([0, 1]).toContain(run.status);
        expect(JSON.parse(run.stdout)).toBeTruthy();
    }, PROCESS_TIMEOUT_MS + 10_000);

    test('a 10 MB single line is read and checked', () => {
        const text = `system A "${'x'.repeat(10_000_000)}" { kind crm }  system B { kind erp }  flow F : A -> Nowhere { }`;
        const run = check(folderWith({ 'long.integ': text }));
        expect(run.status).toBe(1);
        expect(errors(run.stdout)).toEqual([`long.integ:1:${text.indexOf('Nowhere') + 1} Unknown system 'Nowhere'.`]);
    }, PROCESS_TIMEOUT_MS + 10_000);

    test('NUL bytes: analysis stops there with a positioned error', () => {
        const run = check(folderWith({ 'binary.integ': 'system A { kind crm }\nsystem B { }\u0000\u0001\u00ff garbage {\n' }));
        expect(run.status).toBe(1);
        expect(errors(run.stdout)).toEqual(['binary.integ:2:13 Analysis of this file stops here: a NUL byte: binary content is not an .integ model. Fix the first errors to see the rest.']);
    });

    test('CRLF, CR and mixed line endings: the error is reported on its own line and column', () => {
        const folder = folderWith({
            'crlf.integ': LINK_ERROR.replace(/\n/g, '\r\n'),
            'cr.integ': LINK_ERROR.replace(/\n/g, '\r').replace(/\b([AF])\b/g, '$1cr'),
            'mixed.integ': 'system Am { kind crm }\r\n\n\rflow Fm : Am -> Nowhere { }\r\n'
        });
        const run = check(folder);
        expect(run.status).toBe(1);
        expect(errors(run.stdout).sort()).toEqual([
            "cr.integ:2:19 Unknown system 'Nowhere'.",
            "crlf.integ:2:15 Unknown system 'Nowhere'.",
            "mixed.integ:4:17 Unknown system 'Nowhere'."
        ]);
    });

    test('a byte order mark is not an error and does not shift columns', () => {
        const run = check(folderWith({ 'bom.integ': '\uFEFF' + 'flow F : A -> Nowhere { }\nsystem A { kind crm }\n' }));
        expect(errors(run.stdout)).toEqual(["bom.integ:1:15 Unknown system 'Nowhere'."]);
    });

    test('an empty file is clean', () => {
        const run = check(folderWith({ 'empty.integ': '' }));
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
    });

    test('a directory named x.integ is searched, not read', () => {
        const run = check(folderWith({ 'x.integ/inner.integ': LINK_ERROR }));
        expect(run.stderr).toBe('');
        expect(errors(run.stdout)).toEqual(["x.integ/inner.integ:2:15 Unknown system 'Nowhere'."]);
    });

    test('a symlink loop in the workspace folder ends, each file read once', () => {
        const folder = folderWith({ 'models/estate.integ': LINK_ERROR });
        symlinkSync('..', join(folder, 'models', 'loop'));
        symlinkSync(join(folder, 'models'), join(folder, 'models', 'again'));
        const run = check(folder);
        expect(run.status).toBe(1);
        expect(errors(run.stdout)).toEqual(["models/estate.integ:2:15 Unknown system 'Nowhere'."]);
    });

    test('a path that does not exist is a one-line error (then the usage) with exit code 2', () => {
        const run = check(folderWith({}), 'missing.integ');
        expect(run.status).toBe(2);
        expect(run.stderr.split('\n')[0]).toBe('integ check: missing.integ: no such file or folder');
    });
});

describe('odd files in the language server (no BOM stripping, editor positions)', () => {
    test('a BOM counts as whitespace: no error at 1:1, the link error where it is written', async () => {
        const text = '\uFEFF' + 'flow F : A -> Nowhere { }\nsystem A { kind crm }\n';
        const ws = await loadTexts({ 'bom.integ': text });
        const diagnostics = ws.diagnostics.get('file:///ws/bom.integ')!.filter(d => d.severity === 1);
        expect(diagnostics.map(d => [d.range.start, d.message])).toEqual([[{ line: 0, character: text.split('\n')[0].indexOf('Nowhere') }, "Unknown system 'Nowhere'."]]);
    });

    test('CRLF positions are editor positions (line, UTF-16 column)', async () => {
        const text = 'system A { kind crm }\r\n// 😀 ☃\r\nflow F : A -> Nowhere { }\r\n';
        const ws = await loadTexts({ 'crlf.integ': text });
        const link = ws.diagnostics.get('file:///ws/crlf.integ')!.find(d => d.message === "Unknown system 'Nowhere'.");
        expect(link?.range).toEqual({ start: { line: 2, character: 14 }, end: { line: 2, character: 21 } });
    });
});
