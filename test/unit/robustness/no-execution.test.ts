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
        // `integ diff` reads revisions from git objects: one file may start a process, git, with an argument list and no shell.
        expect(offending).toEqual([`${join('language-server/src/cli/git-revision.ts')}:1: import { execFile } from 'node:child_process';`]);
    });

    test('the one process the CLI starts is git, from an argument list, without a shell', () => {
        const starts = sourceLines().filter(({ line }) => /(?<![.\w])(?:execFile|spawn|fork|execSync|spawnSync|execFileSync)\s*\(/.test(line));
        expect(starts.map(({ at }) => at.replace(/:\d+$/, ''))).toEqual([join('language-server/src/cli/git-revision.ts')]);
        expect(starts[0].line).toMatch(/execFile\('git', args, \{[^}]*\}/);
        expect(starts[0].line).not.toMatch(/shell/);
    });

    test('the one use of node:vm evaluates the constant `gc` (idle garbage collection)', () => {
        const vm = sourceLines().filter(({ line }) => /\brunIn(?:New|This)?Context\s*\(|new Script\s*\(|compileFunction\s*\(/.test(line));
        expect(vm.map(({ line }) => line.trim())).toEqual(["(runInNewContext('gc') as () => void)();"]);
    });
});
