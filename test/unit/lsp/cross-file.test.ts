import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/**
 * The real language server as an editor sees it: the server bundle is built (into a private folder,
 * so parallel builds of dist/ cannot interfere), spawned with --stdio and spoken to in LSP JSON-RPC.
 */

const A_TEXT = `system Crm { stores Customer  edits Customer }
system Erp { stores Customer  edits Customer }
entity Customer { master Crm  field name }
flow CrmToErp : Crm -> Erp { carries Customer.name  style api  auth oauth2  tls 1.2  monitored  owner "Ops" }
`;

const B_FIRST = `// flows back from the ERP\n`;
const B_CHANGED = `${B_FIRST}flow ErpToCrm : Erp -> Crm { carries Customer.name  style api  auth oauth2  tls 1.2  monitored  owner "Ops" }\n`;

let folder: string;
let server: ChildProcess;
let connection: MessageConnection;
const published: PublishDiagnosticsParams[] = [];
const listeners: Array<() => void> = [];

function waitFor(description: string, predicate: () => boolean, timeoutMs = 45_000): Promise<void> {
    return new Promise((resolve, reject) => {
        if (predicate()) return resolve();
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${description}; published: ${JSON.stringify(published.map(p => [p.uri, p.diagnostics.map(d => d.code)]))}`)), timeoutMs);
        listeners.push(() => {
            if (predicate()) {
                clearTimeout(timer);
                resolve();
            }
        });
    });
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code);

beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'integ-cross-file-'));
    await esbuild.build({
        entryPoints: ['language-server/src/main.ts'], outfile: join(folder, 'server.cjs'), bundle: true, platform: 'node', target: 'node20',
        format: 'cjs', logLevel: 'error', define: { 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).toString();" }
    });
    server = spawn(process.execPath, [join(folder, 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    if (!server.stdout || !server.stdin) throw new Error('server has no stdio');
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.push(params);
        listeners.forEach(listener => listener());
    });
    connection.listen();
    const workspace = join(folder, 'workspace');
    mkdirSync(workspace);
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: pathToFileURL(workspace).toString(), capabilities: {},
        workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'workspace' }]
    });
    await connection.sendNotification('initialized', {});
});

afterAll(async () => {
    if (connection) {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        connection.dispose();
    }
    if (server && server.exitCode === null) server.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('cross-file findings in the language server', () => {
    it('a flow added in b.integ removes the gap/one-way warning of the untouched a.integ', async () => {
        const a = pathToFileURL(join(folder, 'workspace', 'a.integ')).toString();
        const b = pathToFileURL(join(folder, 'workspace', 'b.integ')).toString();
        const latest = (uri: string) => [...published].reverse().find(p => p.uri === uri);

        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'integ', version: 1, text: A_TEXT } });
        await waitFor('gap/one-way on a.integ', () => codes(latest(a)?.diagnostics ?? []).includes('gap/one-way'));
        const oneWay = latest(a)?.diagnostics.find(d => d.code === 'gap/one-way');
        // The rule id is the diagnostic's code; the Problems panel shows it once, not again in the message.
        expect(oneWay?.message).toBe('Erp edits Customer, but no flow carries Customer back from Erp to Crm: changes in Erp never come back');
        expect(oneWay?.range.start.line).toBe(3);
        const publishedForA = published.filter(p => p.uri === a).length;

        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: b, languageId: 'integ', version: 1, text: B_FIRST } });
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: b, version: 2 }, contentChanges: [{ text: B_CHANGED }]
        });
        await waitFor('a.integ republished without gap/one-way', () => published.filter(p => p.uri === a).length > publishedForA
            && !codes(latest(a)?.diagnostics ?? []).includes('gap/one-way'));
        // The gap it reported as unaddressed by the roadmap is gone with it.
        expect(codes(latest(a)?.diagnostics ?? [])).not.toContain('roadmap/unaddressed-gap');
        expect(codes(latest(b)?.diagnostics ?? [])).not.toContain('gap/one-way');
    });

    it('answers textDocument/codeAction with the quick fixes of a published finding', async () => {
        const c = pathToFileURL(join(folder, 'workspace', 'c.integ')).toString();
        const text = 'system Hr\nsystem Payroll\nflow Pay : Hr -> Payroll { style api  auth oauth2  tls 1.2  secrets hardcoded  monitored  owner "Ops" }\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: c, languageId: 'integ', version: 1, text } });
        await waitFor('security/hardcoded-secret on c.integ', () => published.some(p => p.uri === c && codes(p.diagnostics).includes('security/hardcoded-secret')));
        const diagnostic = [...published].reverse().find(p => p.uri === c)?.diagnostics.find(d => d.code === 'security/hardcoded-secret');
        if (!diagnostic) throw new Error('no diagnostic');
        const actions = await connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri: c }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, Array<{ newText: string; range: Diagnostic['range'] }>> } }>;
        const vault = actions.find(a => a.title === 'Set secrets vault');
        expect(vault?.isPreferred).toBe(true);
        expect(vault?.edit.changes[c]).toEqual([{ range: diagnostic.range, newText: 'vault' }]);
        expect(actions.map(a => a.title)).toContain('Accept (waive) this finding: security/hardcoded-secret on Pay');
    });
});
