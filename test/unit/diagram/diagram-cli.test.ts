import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { loadFiles } from '../../../language-server/src/cli/load-files.js';

function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd: process.cwd() }, out, err };
}

describe('integ diagram', () => {
    async function expectEveryLiveElement(folder: string): Promise<void> {
        const target = path.join(mkdtempSync(path.join(tmpdir(), 'integ-diagram-')), 'estate.svg');
        const run = io();
        expect(await runCli(['diagram', folder, '--view', 'estate', '--expand', 'all', '-o', target], run.io)).toBe(0);
        expect(run.err.join('')).not.toMatch(/error/i);
        const svg = readFileSync(target, 'utf8');
        expect(new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement?.nodeName).toBe('svg');
        const { analysis } = await loadFiles([folder]);
        const systems = [...analysis.estate.systems.values()].filter(system => !system.source.builtin && system.status === 'live');
        const flows = [...analysis.estate.flows.values()].filter(flow => flow.status === 'live');
        expect(systems.length).toBeGreaterThan(3);
        for (const system of systems) expect(svg).toContain(`data-id='system:${system.name}'`);
        for (const flow of flows) expect(svg).toContain(`data-id='flow:${flow.name}'`);
        // A live flow still touching a retired system (inventory/retired-dependency) draws that system too.
        const endpoints = new Set(flows.flatMap(flow => [flow.sourceSystem, flow.targetSystem]));
        const retiredEnds = [...analysis.estate.systems.values()].filter(system => system.status === 'retired' && endpoints.has(system.name));
        for (const system of retiredEnds) expect(svg).toContain(`data-id='system:${system.name}'`);
        expect(run.out.join('')).toContain(`${systems.length + retiredEnds.length} nodes, ${flows.length} edges`);
    }

    it('writes a valid SVG with every live system and flow of samples/reference', async () => {
        await expectEveryLiveElement('samples/reference');
    });

    it('writes a valid SVG with every live system and flow of samples/acme', async () => {
        await expectEveryLiveElement('samples/acme');
    });

    it('draws a system neighbourhood in the to-be state to stdout', async () => {
        const run = io();
        const code = await runCli(['diagram', 'samples/reference', '--view', 'system:Ledger', '--depth', '1', '--state', 'to-be'], run.io);
        expect(code).toBe(0);
        const svg = run.out.join('');
        expect(svg).toContain("data-id='system:SAP'");
        expect(svg).not.toContain("data-id='system:OrdersWorkbook'");
    });

    it('rejects unknown views with exit code 2 and a clear message', async () => {
        const unknownKind = io();
        expect(await runCli(['diagram', 'samples/reference', '--view', 'galaxy'], unknownKind.io)).toBe(2);
        expect(unknownKind.err.join('')).toContain("unknown view 'galaxy'");
        const unknownName = io();
        expect(await runCli(['diagram', 'samples/reference', '--view', 'process:Nope'], unknownName.io)).toBe(2);
        expect(unknownName.err.join('')).toContain("unknown process 'Nope' (known: OrderToCash)");
    });
});

describe('integ diagram options for lenses, data and panels', () => {
    it('writes the picture coloured by a lens, following a field, shaped for a panel', async () => {
        const run = io();
        expect(await runCli(['diagram', 'samples/acme', '--view', 'department:Finance', '--lens', 'data', '--follow', 'Customer.contactEmail', '--panel', '700x1000'], run.io)).toBe(0);
        const svg = run.out.join('');
        expect(svg).toMatch(/<svg [^>]*class='integ-diagram lens-data following'/);
        expect(run.err.join('')).toMatch(/Following Customer\.contactEmail/);
    });

    it('rejects a bad lens, panel or data name with exit code 2 and a clear message', async () => {
        const lens = io();
        expect(await runCli(['diagram', 'samples/acme', '--lens', 'x-ray'], lens.io)).toBe(2);
        expect(lens.err.join('')).toContain('--lens must be one of style, data, findings, owner, roadmap');
        const panel = io();
        expect(await runCli(['diagram', 'samples/acme', '--panel', 'wide'], panel.io)).toBe(2);
        expect(panel.err.join('')).toContain("--panel needs WIDTHxHEIGHT in pixels, e.g. 1600x900 (got 'wide')");
        const follow = io();
        expect(await runCli(['diagram', 'samples/acme', '--follow', 'Unicorn'], follow.io)).toBe(2);
        expect(follow.err.join('')).toContain("unknown entity 'Unicorn'");
    });
});
