import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const root = join(__dirname, '../../..');
let server: ChildProcessWithoutNullStreams;
let connection: MessageConnection;
let exitCode: Promise<number | null>;

beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    server = spawn(process.execPath, [join(root, 'dist/server.cjs'), '--stdio'], { cwd: root });
    exitCode = new Promise(resolve => server.on('exit', code => resolve(code)));
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.listen();
}, 60_000);

afterAll(() => {
    connection?.dispose();
    if (server && server.exitCode === null) server.kill();
});

describe('the language server over stdio', () => {
    let result: InitializeResult;

    it('answers initialize with every editor capability', async () => {
        result = await connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid, rootUri: null, workspaceFolders: null,
            capabilities: { workspace: { configuration: false }, textDocument: { semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } } }
        });
        const capabilities = result.capabilities;
        expect(capabilities.completionProvider).toBeTruthy();
        expect(capabilities.completionProvider?.triggerCharacters).toContain('.');
        for (const name of [
            'hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider', 'workspaceSymbolProvider',
            'foldingRangeProvider', 'semanticTokensProvider', 'documentFormattingProvider', 'codeLensProvider', 'inlayHintProvider',
            'documentHighlightProvider', 'codeActionProvider'
        ] as const) {
            expect(capabilities[name], name).toBeTruthy();
        }
        await connection.sendNotification('initialized', {});
    }, 30_000);

    it('publishes diagnostics for an opened document and formats it', async () => {
        const uri = 'file:///tmp/stdio-test/a.integ';
        const published = new Promise<PublishDiagnosticsParams>(resolve => {
            connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => { if (params.uri === uri) resolve(params); });
        });
        const text = 'system CRM {\n kind crm\n}\nflow F : CRM -> Nope\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integ', version: 1, text } });
        const diagnostics = (await published).diagnostics;
        expect(diagnostics.some(d => String(d.message).includes('Nope') && d.range.start.line === 3)).toBe(true);
        const edits = await connection.sendRequest<Array<{ newText: string }>>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        expect(edits.map(edit => edit.newText)).toEqual(['system CRM {\n  kind crm\n}\nflow F : CRM -> Nope\n']);
    }, 30_000);

    it('shuts down and exits cleanly', async () => {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        expect(await exitCode).toBe(0);
    }, 30_000);
});
