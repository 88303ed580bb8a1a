import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { BriefRequest, EvidenceRequest, type BriefRequestResult, type EvidenceRequestResult } from '../../../language-server/src/lsp/protocol.js';

/** The bundled server answers the brief and evidence requests by the methods protocol.ts declares. */
const root = join(__dirname, '../../..');
let server: ChildProcessWithoutNullStreams;
let connection: MessageConnection;

beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    server = spawn(process.execPath, [join(root, 'dist/server.cjs'), '--stdio'], { cwd: root });
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const text = `department Ops "Operations" { }
system Crm { kind crm  department Ops }
system Sheet { kind spreadsheet  department Ops }
entity Customer { field email: PII }
flow Orders : Crm -> Sheet { carries Customer.email  style manual  effort 4 hours per week }
`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/wire/a.integ', languageId: 'integ', version: 1, text } });
}, 60_000);

afterAll(() => {
    connection?.dispose();
    if (server && server.exitCode === null) server.kill();
});

describe('integ/brief and integ/evidence over the wire', () => {
    it('integ/brief answers the brief with the heat map linked to the department', async () => {
        const answer = await connection.sendRequest(BriefRequest.method, { today: '2026-03-01' }) as BriefRequestResult;
        expect(answer.html).toContain('<h1>Integration brief</h1>');
        expect(answer.html).toContain('data-key="Ops"');
        expect(answer.departments).toEqual(['Ops']);
    }, 30_000);

    it('integ/evidence answers the GDPR record in Markdown, and refuses an unknown document', async () => {
        const answer = await connection.sendRequest(EvidenceRequest.method, { kind: 'gdpr-ropa', format: 'md', root: 'file:///tmp/wire' }) as EvidenceRequestResult;
        expect(answer.text.startsWith('# Record of processing activities (GDPR Art. 30)')).toBe(true);
        expect(answer.hasErrors).toBe(false);
        expect(answer.text).toContain('Orders');
        await expect(connection.sendRequest(EvidenceRequest.method, { kind: 'iso-27001', format: 'md' })).rejects.toThrow(/kind is one of/);
    }, 30_000);
});
