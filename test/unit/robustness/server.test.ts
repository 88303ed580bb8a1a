import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { runRules } from '../../../language-server/src/rules/run-rules.js';
import { ALL_RULES } from '../../../language-server/src/rules/all-rules.js';
import type { Rule } from '../../../language-server/src/rules/rule-kit.js';
import { loadTexts } from '../helpers/workspace.js';
import { bundle } from './bundles.js';
import { mutate, mutation, tokenSoup } from './fuzz-inputs.js';

const REFERENCE = readFileSync('samples/reference/reference.integ', 'utf8');

/** The last content: one link error at a known place, three symbols. */
const FINAL = 'system Crm { kind crm }\nsystem Erp { kind erp }\nflow Sync : Crm -> Nowhere { style api }\n';

interface Server {
    process: ChildProcess;
    connection: MessageConnection;
    diagnostics: Map<string, Diagnostic[]>;
    /** Resolves when a publishDiagnostics for `uri` satisfies `accept`. */
    waitFor(uri: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
}

async function startServer(serverPath: string, folder: string): Promise<Server> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const diagnostics = new Map<string, Diagnostic[]>();
    const waiters: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
        diagnostics.set(params.uri, params.diagnostics);
        for (const waiter of [...waiters]) {
            if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(params.diagnostics);
            }
        }
    });
    // Requests the server makes of the client (configuration, registration, progress) get neutral answers.
    connection.onRequest(() => null);
    connection.listen();
    const folderUri = pathToFileURL(folder).toString();
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: folderUri, capabilities: {}, workspaceFolders: [{ uri: folderUri, name: 'ws' }]
    });
    await connection.sendNotification('initialized', {});
    return {
        process: child, connection, diagnostics,
        waitFor: (uri, accept) => {
            const current = diagnostics.get(uri);
            if (current && accept(current)) return Promise.resolve(current);
            return new Promise(resolve => waiters.push({ uri, accept, resolve }));
        }
    };
}

function stop(server: Server | undefined): void {
    server?.connection.dispose();
    server?.process.kill('SIGKILL');
}

const hasNowhereError = (diagnostics: Diagnostic[]) => diagnostics.some(d => d.message === "Unknown system 'Nowhere'.");

describe('the language server process survives hostile editing', () => {
    let serverPath: string;
    let folder: string;
    let server: Server | undefined;

    beforeAll(async () => {
        serverPath = (await bundle()).server;
        folder = mkdtempSync(join(tmpdir(), 'integ-server-'));
    });

    afterAll(() => stop(server));

    test('1,000 rapid changes of random content, then it answers for the last content', async () => {
        server = await startServer(serverPath, folder);
        const uri = pathToFileURL(join(folder, 'estate.integ')).toString();
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integ', version: 1, text: REFERENCE } });
        await server.waitFor(uri, () => true);

        const soups = fc.sample(tokenSoup, { numRuns: 500, seed: 9 });
        const mutants = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { numRuns: 500, seed: 10 }).map(list => list.reduce(mutate, REFERENCE));
        const contents = soups.flatMap((soup, i) => [soup, mutants[i]]);
        let version = 1;
        for (const text of contents) {
            void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
        }
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: FINAL }] });

        const diagnostics = await server.waitFor(uri, hasNowhereError);
        const link = diagnostics.find(d => d.message === "Unknown system 'Nowhere'.")!;
        expect(link.range.start).toEqual({ line: 2, character: FINAL.split('\n')[2].indexOf('Nowhere') });
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual(["Unknown system 'Nowhere'."]);

        const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as DocumentSymbol[];
        const names = (list: DocumentSymbol[]): string[] => list.flatMap(s => [s.name, ...names(s.children ?? [])]);
        expect(names(symbols)).toEqual(expect.arrayContaining(['Crm', 'Erp', 'Sync']));
        const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 13 } }) as Hover | null;
        expect(JSON.stringify(hover?.contents)).toContain('Crm');
        expect(server.process.exitCode).toBeNull();
        expect(server.process.signalCode).toBeNull();
    }, 180_000);

    test('killed with SIGKILL, a fresh server process reports the same diagnostics again', async () => {
        const uri = pathToFileURL(join(folder, 'estate.integ')).toString();
        const first = server ?? await startServer(serverPath, folder);
        const exited = new Promise(resolve => first.process.once('exit', resolve));
        first.process.kill('SIGKILL');
        await exited;
        first.connection.dispose();
        // What the extension's client does on a crash: start the server again and re-open the documents.
        server = await startServer(serverPath, folder);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integ', version: 1, text: FINAL } });
        const diagnostics = await server.waitFor(uri, hasNowhereError);
        expect(diagnostics.find(hasNowhereErrorOne)!.range.start.line).toBe(2);
    }, 60_000);
});

function hasNowhereErrorOne(d: Diagnostic): boolean {
    return d.message === "Unknown system 'Nowhere'.";
}

describe('a rule that throws', () => {
    test('becomes one internal-error diagnostic naming the rule; the other rules still report', async () => {
        const text = 'system Sheet { kind spreadsheet }\nsystem Erp { kind erp }\nflow Keying : Sheet -> Erp { style manual  volume 40 per day }\n';
        const { analysis } = await loadTexts({ 'estate.integ': text });
        const throwing: Rule = { id: 'test/throws', run: () => { throw new Error('boom'); } };
        const findings = runRules(analysis.estate, { rules: [...ALL_RULES.slice(0, 3), throwing, ...ALL_RULES.slice(3)], today: '2026-11-26' });
        const internal = findings.filter(f => f.ruleId === 'internal-error');
        expect(internal.map(f => f.message)).toEqual(['Rule test/throws failed: boom. The other rules still ran; please report this. (internal-error)']);
        const others = findings.filter(f => f.ruleId !== 'internal-error').map(f => f.ruleId).sort();
        expect(others).toEqual(runRules(analysis.estate, { today: '2026-11-26' }).map(f => f.ruleId).sort());
        expect(others.length).toBeGreaterThan(0);
    });
});
