import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { currentFindingKeys, difference, expectedFindingKeys, integFiles, loadExpectedFindings, openEditor, revert, waitFor } from './workspace-helpers.js';

/** Pids of language-server processes started by this extension host (Linux /proc). */
function serverPids(): number[] {
    const pids: number[] = [];
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
            const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
            if (parent === process.pid && commandLine.includes('server.cjs')) pids.push(Number(entry));
        } catch {
            // The process ended while the table was read.
        }
    }
    return pids;
}

/** A crashed language server is restarted by the extension and the findings come back. */
export function serverRestartSuite(): void {
    describe('language server crash', () => {
        it('kill -9 of the server: the extension restarts it and every expected finding is shown again', async function () {
            if (process.platform !== 'linux') this.skip();
            const expected = expectedFindingKeys(loadExpectedFindings());
            const [pid] = await waitFor(() => { const pids = serverPids(); return pids.length > 0 ? pids : undefined; }, () => 'no language-server process is running under the extension host');
            process.kill(pid, 'SIGKILL');
            const [restarted] = await waitFor(() => { const pids = serverPids().filter(other => other !== pid); return pids.length > 0 ? pids : undefined; },
                () => `the language server (pid ${pid}) was killed and no new one was started`, 30_000);
            assert.notEqual(restarted, pid);
            await waitFor(() => {
                const actual = currentFindingKeys();
                return actual.length === expected.length && difference(actual, expected).length === 0 ? true : undefined;
            }, () => `after the restart the diagnostics differ from the expected findings: missing ${difference(expected, currentFindingKeys()).length}, extra ${difference(currentFindingKeys(), expected).length}`, 30_000);

            // The findings above could be left over from before the crash; an edit proves the new server answers.
            const [file] = await integFiles();
            const editor = await openEditor(file);
            try {
                const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
                assert.ok(await editor.edit(edit => edit.insert(end, '\nsystem E2eRestartProbe { }\nsystem E2eRestartProbe { }\n')));
                await waitFor(() => vscode.languages.getDiagnostics(file).some(d => d.code === 'duplicate-name' && d.message.includes('E2eRestartProbe')) || undefined,
                    () => 'the restarted server did not report the duplicate name added after the restart');
            } finally {
                await revert(file);
            }
        });
    });
}
