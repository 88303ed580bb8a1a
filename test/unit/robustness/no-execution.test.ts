import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Every hand-written source file of the language server and the CLI, line by line (generated/ is the grammar as data). */
function sourceLines(): Array<{ at: string; line: string }> {
    const lines: Array<{ at: string; line: string }> = [];
    const walk = (folder: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
            const path = join(folder, entry.name);
            if (entry.isDirectory() && entry.name !== 'generated') walk(path);
            else if (entry.isFile() && /\.(ts|cjs|mjs|js)$/.test(entry.name)) readFileSync(path, 'utf8').split('\n').forEach((line, i) => lines.push({ at: `${path}:${i + 1}`, line }));
        }
    };
    walk('language-server/src');
    return lines;
}

describe('a model can make the tools run or fetch nothing (threat 3)', () => {
    test('the language server and the CLI start no process, open no network connection and evaluate no code built from text', () => {
        const modules = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?(?:child_process|cluster|http|https|http2|net|dgram|tls|dns|inspector)['"]/;
        const calls = /\beval\s*\(|new Function\s*\(|\bfetch\s*\(|XMLHttpRequest|WebSocket/;
        const forbidden = new RegExp(`${modules.source}|${calls.source}`);
        const offending = sourceLines().filter(({ line }) => forbidden.test(line)).map(({ at, line }) => `${at}: ${line.trim()}`);
        // Two files may start a process, each from an argument list and without a shell: `integ diff` reads revisions from git
        // objects, and `integ diagram -o x.png|x.pdf` and `integ report --format pdf` draw with the system's Chromium.
        expect(offending).toEqual([
            `${join('language-server/src/cli/chromium-render.ts')}:1: import { execFile } from 'node:child_process';`,
            `${join('language-server/src/cli/git-revision.ts')}:1: import { execFile } from 'node:child_process';`
        ]);
    });

    test('the CLI starts two processes, git and Chromium, each once, from an argument list, without a shell', () => {
        const starts = sourceLines().filter(({ line }) => /(?<![.\w])(?:execFile|spawn|fork|execSync|spawnSync|execFileSync)\s*\(/.test(line));
        expect(starts.map(({ at }) => at.replace(/:\d+$/, ''))).toEqual([join('language-server/src/cli/chromium-render.ts'), join('language-server/src/cli/git-revision.ts')]);
        // Chromium's executable is the one findChromium chose; its arguments are fixed flags and paths it made (chromium-render.test.ts).
        expect(starts[0].line).toMatch(/execFile\(executable, args, \{[^}]*\}/);
        expect(starts[1].line).toMatch(/execFile\('git', args, \{[^}]*\}/);
        for (const { line } of starts) expect(line).not.toMatch(/shell/);
    });

    test('the one use of node:vm evaluates the constant `gc` (idle garbage collection)', () => {
        const vm = sourceLines().filter(({ line }) => /\brunIn(?:New|This)?Context\s*\(|new Script\s*\(|compileFunction\s*\(/.test(line));
        expect(vm.map(({ line }) => line.trim())).toEqual(["(runInNewContext('gc') as () => void)();"]);
    });
});
