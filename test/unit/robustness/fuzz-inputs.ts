import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** The grammar's keywords and punctuation, read from the grammar so new keywords are fuzzed too. */
export const KEYWORDS: string[] = [...new Set([...readFileSync('grammar/integration.langium', 'utf8').matchAll(/'([^'\s]+)'/g)].map(m => m[1]))];

/** Every sample file, by workspace folder: `samples/<folder>/**.integ`. */
export function sampleWorkspaces(): Map<string, Record<string, string>> {
    const workspaces = new Map<string, Record<string, string>>();
    for (const folder of readdirSync('samples', { withFileTypes: true }).filter(e => e.isDirectory())) {
        const files: Record<string, string> = {};
        const walk = (dir: string) => {
            for (const entry of readdirSync(dir, { withFileTypes: true })) {
                const path = join(dir, entry.name);
                if (entry.isDirectory()) walk(path);
                else if (entry.name.endsWith('.integ')) files[`file:///${path}`] = readFileSync(path, 'utf8');
            }
        };
        walk(join('samples', folder.name));
        if (Object.keys(files).length > 0) workspaces.set(folder.name, files);
    }
    return workspaces;
}

const name = fc.stringMatching(/^[_a-zA-Z][\w]{0,12}(-[a-z0-9]{1,4})?$/);
const number = fc.oneof(
    fc.nat({ max: 100_000 }).map(String),
    fc.tuple(fc.nat({ max: 99 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`),
    fc.tuple(fc.constantFrom('', '+', '-'), fc.nat({ max: 300 })).map(([s, n]) => `${s}${n}%`),
    fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 0, max: 14 }), fc.option(fc.integer({ min: 0, max: 33 }))).map(
        ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}${d === null ? '' : `-${String(d).padStart(2, '0')}`}`)
);
const string = fc.oneof(fc.string({ maxLength: 20 }).map(s => JSON.stringify(s)), fc.constant('"unterminated'), fc.constant('"esc\\"aped\\\\"'));
const comment = fc.oneof(
    fc.string({ maxLength: 20 }).map(s => `// ${s.replace(/[\r\n]/g, ' ')}\n`),
    fc.string({ maxLength: 20 }).map(s => `/* ${s.replace(/\*\//g, '')} */`),
    fc.constant('/* never closed')
);
const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\r\n', '\t', '');

/** Random token soups: the grammar's own words in random order, which reach deep into the parser's recovery. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(
    fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KEYWORDS) }, { weight: 3, arbitrary: name }, { weight: 2, arbitrary: number },
        { weight: 1, arbitrary: string }, { weight: 1, arbitrary: comment }), separator).map(([token, sep]) => token + sep),
    { maxLength: 250 }
).map(parts => parts.join(''));

const unicode = fc.constantFrom(
    '\u{1F600}', '\u{1D49C}', '\u{10FFFF}', // astral: two UTF-16 code units each
    '\u202E', '\u200F', 'שלום', 'مرحبا', // right-to-left
    'e\u0301', 'a\u0308\u0323', // combining marks
    '\u{1F469}\u200D\u{1F4BB}', '\u{1F1FA}\u{1F1F8}', // emoji sequences
    '\uFEFF', '\u2028', '\u2029', '\u0085', '\u00A0', '\uD800', '\uDFFF' // BOM inside, unicode line breaks, lone surrogates
);

export type Mutation =
    | { kind: 'delete-line' | 'duplicate-line'; at: number }
    | { kind: 'swap-lines'; at: number; with: number }
    | { kind: 'cut'; at: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'crlf' | 'cr' | 'mixed-eol' | 'bom' };

const at = fc.nat({ max: 1_000_000 });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at }),
    fc.record({ kind: fc.constant('swap-lines' as const), at, with: at }),
    fc.record({ kind: fc.constant('cut' as const), at }),
    fc.record({ kind: fc.constant('insert' as const), at, text: fc.constantFrom(...KEYWORDS).map(k => ` ${k} `) }),
    fc.record({ kind: fc.constant('insert' as const), at, text: unicode }),
    fc.record({ kind: fc.constant('insert' as const), at, text: fc.tuple(fc.constantFrom('x', 'Ab_', 'é'), fc.integer({ min: 1_000, max: 20_000 })).map(([s, n]) => s.repeat(n)) }),
    fc.record({ kind: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed-eol' as const, 'bom' as const) })
);

export function mutate(text: string, m: Mutation): string {
    const lines = text.split('\n');
    const line = (n: number) => n % Math.max(1, lines.length);
    switch (m.kind) {
        case 'delete-line': lines.splice(line(m.at), 1); return lines.join('\n');
        case 'duplicate-line': lines.splice(line(m.at), 0, lines[line(m.at)] ?? ''); return lines.join('\n');
        case 'swap-lines': {
            const a = line(m.at), b = line(m.with);
            [lines[a], lines[b]] = [lines[b], lines[a]];
            return lines.join('\n');
        }
        // Cut by UTF-8 byte: a cut inside a multi-byte character leaves a replacement character, as a truncated file would.
        case 'cut': {
            const bytes = Buffer.from(text, 'utf8');
            return bytes.subarray(0, m.at % (bytes.length + 1)).toString('utf8');
        }
        case 'insert': {
            const offset = m.at % (text.length + 1);
            return text.slice(0, offset) + m.text + text.slice(offset);
        }
        case 'crlf': return text.replace(/\r?\n/g, '\r\n');
        case 'cr': return text.replace(/\r?\n/g, '\r');
        case 'mixed-eol': return lines.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('');
        case 'bom': return '\uFEFF' + text;
    }
}
