import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';

/** What a terminal or a CI log would act on: controls, format characters, separators (line feed and tab are the output's own). */
const UNSAFE = /(?![\n\t\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
/** A line of `integ check` text output: a finding, or the closing count. */
const LINE = /^(?:[\p{L}\p{N}_.][^\n]*|\.\/[^\n]*|\/[^\n]*):\d+:\d+ (?:error|warning|info|accepted) .* \[[^\]]+\]$|^\d+ errors, \d+ warnings, \d+ infos(?:, \d+ accepted)?$/u;

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { cwd, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
    return { code, stdout, stderr };
}

function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), 'integ-tty-'));
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(folder, name, '..'), { recursive: true });
        writeFileSync(join(folder, name), text);
    }
    return folder;
}

const CLEAR_AND_LIE = '\u001b[2J\u001b[H\u001b[32mAll checks passed\u001b[0m\u0007';
const HYPERLINK = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';
const HOSTILE_REASON = `${CLEAR_AND_LIE} ${HYPERLINK} \r::error::fake \u009b31m \u202eevil\u202c zero\u200bwidth \u2028next ##vso[task.setvariable variable=PATH]/tmp ##[group]`;

/** A .integ string literal whose value is `text`, whatever it holds. */
function quoted(text: string): string {
    return `"${text.replace(/[\\"]/g, c => `\\${c}`).replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
}

const MODEL = `system A ${quoted('Title\n::error file=a.integ::injected')} { kind crm }
system B { kind erp  owner ${quoted(HOSTILE_REASON)} }
flow F : A -> B { style manual }
accept "gap/no-integration" on F ${quoted(HOSTILE_REASON)} { until 2099-01-01 }
`;

describe('terminal and CI-log injection (item 7)', () => {
    test('a waiver reason with escape sequences prints visibly, on its own line', async () => {
        const { stdout } = await run(folderWith({ 'estate.integ': MODEL }), 'check');
        expect(stdout).not.toMatch(UNSAFE);
        for (const line of stdout.trimEnd().split('\n')) expect(line).toMatch(LINE);
        const accepted = stdout.split('\n').find(line => line.includes(' accepted '))!;
        expect(accepted).toContain('\\x1b[2J\\x1b[H\\x1b[32mAll checks passed\\x1b[0m\\x07');
        expect(accepted).toContain('\\x1b]8;;https://evil.example\\x1b\\click');
        expect(accepted).toContain('\\x0d::error::fake \\x9b31m \\u202eevil\\u202c zero\\u200bwidth \\u2028next ##vso\\u005btask.setvariable variable=PATH]/tmp ##\\u005bgroup]');
    });

    test('Azure and TeamCity logging commands anywhere in a line are broken, on stdout and stderr', async () => {
        const folder = folderWith({ 'estate.integ': MODEL });
        symlinkSync('/etc/hostname', join(folder, 'x ##vso[task.setvariable variable=x]1 ##teamcity[buildStop].integ'));
        for (const argv of [['check'], ['check', '--format', 'json'], ['report']]) {
            const { stdout, stderr } = await run(folder, ...argv);
            expect(stdout + stderr, argv.join(' ')).not.toMatch(/##[A-Za-z]*\[/);
        }
        expect((await run(folder, 'check')).stderr).toContain('x ##vso\\u005btask.setvariable variable=x]1 ##teamcity\\u005bbuildStop].integ: a symbolic link');
    });

    test('a file name with a newline cannot start a line with a workflow command', async () => {
        const folder = folderWith({ 'x\n::error file=app.js,line=1::Injected.integ': MODEL, '::warning::y.integ': 'system Y { kind crm }\n', '##vso[task.setvariable variable=x]1.integ': '' });
        const { stdout } = await run(folder, 'check');
        const lines = stdout.trimEnd().split('\n');
        for (const line of lines) {
            expect(line).toMatch(LINE);
            expect(line).not.toMatch(/^\s*(?:::|##)/);
        }
        expect(lines.some(line => line.startsWith('x\\x0a::error file=app.js,line=1::Injected.integ:'))).toBe(true);
        expect(lines.some(line => line.startsWith('./::warning::y.integ:'))).toBe(true);
    });

    test('JSON and SARIF keep the text exactly (as JSON escapes) and print no raw control character', async () => {
        const folder = folderWith({ 'estate.integ': MODEL });
        for (const format of ['json', 'sarif']) {
            const { stdout } = await run(folder, 'check', '--format', format);
            expect(stdout, format).not.toMatch(UNSAFE);
            expect(JSON.stringify(JSON.parse(stdout)), format).toContain(JSON.stringify(HOSTILE_REASON).slice(1, -1));
        }
    });

    test('reports and the roadmap printed to the terminal carry no raw control character', async () => {
        const folder = folderWith({ 'estate.integ': `${MODEL}roadmap R ${quoted(HOSTILE_REASON)} { start 2027-01  initiative I ${quoted(HOSTILE_REASON)} { months 1 to 2  replaces F } }\n` });
        for (const argv of [['report'], ['report', '--format', 'html'], ['report', '--format', 'json'], ['roadmap', '--today', '2027-01-01'], ['diagram']]) {
            const { code, stdout } = await run(folder, ...argv);
            expect(code, argv.join(' ')).toBe(0);
            expect(stdout.length, argv.join(' ')).toBeGreaterThan(1000);
            expect(stdout, argv.join(' ')).not.toMatch(UNSAFE);
        }
    });

    test('messages on stderr (unknown commands, paths, skipped links) are printed visibly', async () => {
        const unknown = await run(tmpdir(), `\u001b[2Jcheck\n::error::x`);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr.split('\n')[0]).toBe("integ: unknown command '\\x1b[2Jcheck\\x0a::error::x'");
        const missing = await run(tmpdir(), 'check', 'no\u001b[31mne\n::error::.integ');
        expect(missing.stderr.split('\n')[0]).toBe('integ check: no\\x1b[31mne\\x0a::error::.integ: no such file or folder');
        const folder = folderWith({ 'estate.integ': 'system A { kind crm }\n' });
        symlinkSync('/etc/hostname', join(folder, 'leak\n::error::x\u001b[2J.integ'));
        const skipped = await run(folder, 'check');
        expect(skipped.stderr).toBe('integ check: leak\\x0a::error::x\\x1b[2J.integ: a symbolic link to a file outside the folders given; not read\n');
    });
});
