import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadTexts } from '../helpers/workspace.js';

const REFERENCE = readFileSync('samples/reference/reference.integ', 'utf8');

function seeded(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Every diagnostic lies inside the document it is reported for. */
function expectInside(text: string, diagnostics: Diagnostic[]): void {
    const lines = text.split(/\r\n|\r|\n/);
    for (const d of diagnostics) {
        for (const p of [d.range.start, d.range.end]) {
            expect(p.line).toBeGreaterThanOrEqual(0);
            expect(p.line).toBeLessThan(lines.length);
            expect(p.character).toBeLessThanOrEqual(lines[p.line].length);
        }
    }
}

async function diagnose(text: string): Promise<Diagnostic[]> {
    const ws = await loadTexts({ 'bad.integ': text });
    const diagnostics = ws.diagnostics.get('file:///ws/bad.integ') ?? [];
    expectInside(text, diagnostics);
    // Rule findings are tested with the rules; here only what the language itself reports.
    return diagnostics.filter(d => typeof d.code !== 'string' || !d.code.includes('/'));
}

describe('bad input gives positioned diagnostics, never an exception', () => {
    test('unknown keyword names what was expected and where', async () => {
        const diagnostics = await diagnose('system Crm {\n  kind crm\n  colour blue\n}\n');
        expect(diagnostics[0].range.start).toEqual({ line: 2, character: 2 });
        expect(diagnostics[0].message).toMatch(/^Expected .* but found 'colour'\.$/);
    });

    test('a reference to nothing is a link error on the name', async () => {
        const diagnostics = await diagnose('system A { }\nflow F : A -> Nowhere { }\n');
        expect(diagnostics.map(d => [d.range.start.line, d.range.start.character, d.message])).toEqual([[1, 14, "Unknown system 'Nowhere'."]]);
    });

    test('an unknown entity in Entity.field reports only the entity', async () => {
        const diagnostics = await diagnose('system A { }\nflow F : A -> A { carries Nope.email }\n');
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual(["Unknown entity 'Nope'."]);
    });

    test('an unknown field names the entity', async () => {
        const diagnostics = await diagnose('entity Customer { field name }\nsystem A { }\nsystem B { }\nflow F : A -> B { carries Customer.mail }\n');
        expect(diagnostics.map(d => d.message)).toEqual(["Unknown field 'mail' in entity 'Customer'."]);
    });

    test('half a file: every cut of the reference sample parses without throwing', async () => {
        for (let cut = 0; cut < REFERENCE.length; cut += Math.ceil(REFERENCE.length / 40)) {
            await diagnose(REFERENCE.slice(0, cut));
        }
    });

    test('binary content stops analysis at the NUL byte with a clear message', async () => {
        const text = 'system A { kind crm }\nsys\u0000\u0001\u00ff\u0002tem B { }\n';
        const diagnostics = await diagnose(text);
        const stop = diagnostics.find(d => (d.message as string).includes('NUL byte'));
        expect(stop?.range.start).toEqual({ line: 1, character: 3 });
    });

    test('random printable garbage is capped at 100 diagnostics per kind with a count', async () => {
        const random = seeded(7);
        let text = '';
        for (let i = 0; i < 200_000; i++) text += String.fromCharCode(32 + Math.floor(random() * 95)) + (random() < 0.02 ? '\n' : '');
        const diagnostics = await diagnose(text);
        expect(diagnostics.length).toBeLessThanOrEqual(203);
        expect(diagnostics.some(d => /^… and \d+ more/.test(d.message as string))).toBe(true);
    });

    test('10 MB of token soup ends with "analysis stops here" instead of a stack overflow', async () => {
        const random = seeded(1);
        const words = 'system flow { } -> : carries . entity field "x" 12 hours per week 1.2 tls auth'.split(' ');
        const parts: string[] = [];
        let length = 0;
        while (length < 10_000_000) {
            const word = words[Math.floor(random() * words.length)];
            parts.push(word);
            length += word.length + 1;
        }
        const diagnostics = await diagnose(parts.join(' '));
        expect(diagnostics.some(d => (d.message as string).startsWith('Analysis of this file stops here: more than 200 syntax errors'))).toBe(true);
    });

    test('an empty file and a file of comments are clean', async () => {
        expect(await diagnose('')).toEqual([]);
        expect(await diagnose('// nothing yet\n/* still nothing */\n')).toEqual([]);
    });

    test('a flow from a system to itself and an initiative that depends on itself', async () => {
        const diagnostics = await diagnose('system A { }\nflow Loop : A -> A { }\nroadmap R { start 2027-01\n  initiative I { months 1 to 2  depends-on I }\n}\n');
        expect(diagnostics.map(d => [d.range.start.line, d.message])).toEqual([
            [1, "Flow 'Loop' goes from 'A' to itself."],
            [3, "Initiative 'I' depends on itself."]
        ]);
    });

    test('values out of range and repeated properties are reported where they are written', async () => {
        const diagnostics = await diagnose('system A { }\nsystem B { }\nflow F : A -> B {\n  tls 1.1\n  errors 140%\n  tls 1.2\n}\nflow G : B -> A { tls 1.4 }\nroadmap R { start 2027-13 }\n');
        expect(diagnostics.map(d => [d.range.start.line, d.message]).sort()).toEqual([
            [4, '140% is outside -100% to +100%.'],
            [5, "'tls' is set more than once; keep one."],
            [7, 'Unknown TLS version 1.4; use none, 1.0, 1.1, 1.2 or 1.3.'],
            [8, "'2027-13' is not a valid date; write YYYY-MM or YYYY-MM-DD."]
        ].sort());
    });
});
