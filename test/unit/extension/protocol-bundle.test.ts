import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'integ-protocol-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Every message of lsp/protocol.ts, checked against the client's own copy of the JSON-RPC library,
// which compares a message's parameter structure by identity before it sends it.
const PROBE = `
import { ParameterStructures } from 'vscode-languageclient';
import { DiagramRequest, DiagramTooltipRequest, ModelChangedNotification, RoadmapRequest } from '../../language-server/src/lsp/protocol.js';
export const methods = [DiagramRequest, DiagramTooltipRequest, RoadmapRequest, ModelChangedNotification]
    .filter(message => message.parameterStructures === ParameterStructures.auto).map(message => message.method);
`;

/** The probe bundled as the extension is, with `overrides`, and loaded beside a stand-in for the `vscode` module. */
async function probe(overrides: esbuild.BuildOptions = {}): Promise<string[]> {
    const { extensionOptions } = await import(join(root, 'scripts', 'build.mjs')) as { extensionOptions: esbuild.BuildOptions };
    const dir = mkdtempSync(join(work, 'bundle-'));
    const outfile = join(dir, 'probe.cjs');
    await esbuild.build({
        ...extensionOptions, entryPoints: undefined, outdir: undefined, outExtension: undefined, sourcemap: false, ...overrides,
        stdin: { contents: PROBE, resolveDir: join(root, 'extension', 'src'), loader: 'ts' }, outfile, logLevel: 'error'
    });
    mkdirSync(join(dir, 'node_modules', 'vscode'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'vscode', 'index.js'),
        'const made = {};\nmodule.exports = new Proxy({}, { get: (_, name) => name === "__esModule" || (made[name] ??= class {}) });\n');
    return (createRequire(outfile)(outfile) as { methods: string[] }).methods;
}

describe('the extension bundle (scripts/build.mjs)', () => {
    it("sends every message of the protocol with the language client's JSON-RPC classes", async () => {
        expect(await probe()).toEqual(['integ/diagram', 'integ/diagramTooltip', 'integ/roadmap', 'integ/modelChanged']);
    }, 60_000);

    it('would not without the alias: the protocol would bring the server\'s copy, which the client rejects', async () => {
        expect(await probe({ alias: {} })).toEqual([]);
    }, 60_000);
});
