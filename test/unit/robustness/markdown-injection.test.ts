import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { escapeMarkdown, markdownCode } from '../../../language-server/src/render/markdown-escape.js';
import { visible } from '../../../language-server/src/render/visible-text.js';
import { lspWorkspace, marked } from '../lsp/lsp-workspace.js';

/** Markdown as GitHub renders it: raw HTML allowed, bare `https://…` and `www.…` addresses turned into links (not bare domains such as `evil.com`). */
const markdown = new MarkdownIt({ html: true, linkify: true });
markdown.linkify.set({ fuzzyLink: false });

/** Model strings that would be markup if pasted into Markdown as they are. */
const HOSTILE = [
    '![pixel](https://evil.example/p.png)', '[login](https://evil.example/login)', '<img src=x onerror=alert(1)>', '<https://evil.example>',
    'see https://evil.example and www.evil.example', '[ref][r] [r]: https://evil.example', 'a | b | c', '`code` **bold** _em_ ~~gone~~ $x$',
    '# heading #', '- item', '1. one', '> quote', '&lt;b&gt; &#x3c;', 'user@evil.example', 'two\nlines\n\n---\n[r]: https://evil.example'
];

/** The elements a rendering contains. */
function elements(html: string): Set<string> {
    return new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/gi)].map(m => m[1].toLowerCase()));
}

function text(html: string): string {
    return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

const withoutSpace = (s: string) => s.replace(/\s+/g, '');

/** Characters and words that mean something to Markdown, GFM or a linkifier, mixed with controls and plain text. */
const markdownSoup = fc.array(fc.oneof(
    fc.constantFrom('!', '[', ']', '(', ')', '<', '>', '`', '*', '_', '~', '|', '#', '&', '\\', '$', '@', ':', '/', '-', '+', '=', '.', '"', "'", '1.', '1)'),
    fc.constantFrom('https://', 'http://', 'www.', '//', 'mailto:', '&amp;', '&#x3c;', '<img', '<a href=', '</p>', '<!--', '](', ']:', '---', '***', '    '),
    fc.constantFrom(' ', '\n', '\r\n', '\t', '\u2028', '\u001b', '\u0000', '\u202e', '\u200b'),
    fc.string({ maxLength: 4 })
), { maxLength: 30 }).map(parts => parts.join(''));

describe('Markdown injection (item 6)', () => {
    test('escaped model text renders as exactly its characters, with no element, anywhere in a line', () => {
        fc.assert(fc.property(markdownSoup, raw => {
            const escaped = escapeMarkdown(raw);
            const expected = withoutSpace(visible(raw.replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')));
            if (escaped === '') return;
            for (const [context, source] of [['paragraph', escaped], ['list item', `- ${escaped}`], ['heading', `# ${escaped}`], ['strong', `**${escaped}**`]]) {
                const html = markdown.render(source);
                expect([...elements(html)].filter(tag => !['p', 'ul', 'li', 'h1', 'strong'].includes(tag)), `${context}: ${JSON.stringify(raw)}`).toEqual([]);
                expect(withoutSpace(text(html)), `${context}: ${JSON.stringify(raw)}`).toBe(expected);
            }
            const table = markdown.render(`| a | b |\n|---|---|\n| ${escaped} | ${markdownCode(raw, true)} |`);
            expect([...elements(table)].filter(tag => !['table', 'thead', 'tbody', 'tr', 'th', 'td', 'code'].includes(tag)), JSON.stringify(raw)).toEqual([]);
            // Both cells whole: a `|` that split a cell would push text into a third cell, which tables drop.
            expect(withoutSpace(text(table)), JSON.stringify(raw)).toBe(`ab${expected}${expected}`);
        }), { numRuns: 500, seed: 20261126 });
    });

    test('a `www.` address stays text even where bare addresses become links (GFM links `www.`, as markdown-it does by default)', () => {
        const linksBareAddresses = new MarkdownIt({ linkify: true });
        expect(linksBareAddresses.renderInline('see www.evil.com/login')).toContain('<a');
        expect(linksBareAddresses.renderInline(escapeMarkdown('see www.evil.com/login, WWW.EVIL.COM'))).not.toContain('<a');
    });

    test('report.md and roadmap.md show hostile titles, owners and champions as text: no image, link or HTML', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'integ-md-'));
        const title = (i: number) => JSON.stringify(HOSTILE[i % HOSTILE.length]).replace(/\\n/g, '\\n');
        writeFileSync(join(folder, 'estate.integ'), `
department Sales ${title(0)} { champions ${title(1)}, ${title(2)} }
system Crm ${title(3)} { kind crm  department Sales  owner ${title(4)}  shadow }
system Erp ${title(5)} { kind erp  department Sales  owner ${title(6)} }
classification Secret ${title(7)} { level restricted  regulations GDPR }
entity Order ${title(8)} { field id: Secret }
flow Sync ${title(9)} : Crm -> Erp { carries Order.id  style manual }
flow Api ${title(10)} : Crm -> Erp { carries Order.id  style api  auth oauth2  tls 1.2  status planned }
roadmap Plan ${title(11)} {
  start 2027-01
  initiative Fix ${title(12)} { priority 1  months 1 to 3  replaces Sync  delivers Api  departments Sales  cost 10000 EUR }
  initiative Later ${title(14)} { months 2 to 3  depends-on Fix }
}
`);
        for (const [argv, shown] of [[['report'], HOSTILE[3]], [['roadmap', '--today', '2027-01-01'], HOSTILE[12]]] as const) {
            let stdout = '';
            const code = await runCli([...argv], { cwd: folder, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
            expect(code).toBe(0);
            const html = markdown.render(stdout);
            // h3 and ol: the brief's "Five actions" heading and numbered list.
            const found = [...elements(html)].filter(tag => !['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'code', 'pre'].includes(tag));
            expect(found, argv[0]).toEqual([]);
            expect(text(html), argv[0]).toContain(shown);
        }
    });

    test('roadmap.md written with -o holds no control character, and a title cannot close the Mermaid fence', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'integ-md-'));
        const title = '\u001b[2J\u202e```\n# injected\n```html\n<img src=x>';
        writeFileSync(join(folder, 'plan.integ'), `roadmap R ${JSON.stringify(title)} { start 2027-01  initiative I ${JSON.stringify(title)} { months 1 to 2 } }\n`);
        const code = await runCli(['roadmap', '-o', 'roadmap.md', '--today', '2027-01-01'], { cwd: folder, stdout: { write: () => true }, stderr: { write: () => true } });
        expect(code).toBe(0);
        const written = readFileSync(join(folder, 'roadmap.md'), 'utf8');
        expect(written).not.toMatch(/(?![\n\u200c\u200d])[\p{Cc}\p{Cf}]/u);
        expect(written.split('\n').filter(line => line.startsWith('```'))).toEqual(['```mermaid', '```']);
        expect([...elements(markdown.render(written))].filter(tag => !['h1', 'h2', 'p', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'code', 'pre'].includes(tag))).toEqual([]);
    });

    test('completion documentation after `via` shows a hostile platform description as text', async () => {
        const model = `platform Evil "Evil" { best-for ${JSON.stringify(HOSTILE[0] + ' ' + HOSTILE[2])} }\nsystem A { kind crm }\nsystem B { kind erp }\nflow F : A -> B { via | }`;
        const { text: source, position } = marked(model);
        const { integ, documents } = await lspWorkspace({ 'm.integ': source });
        const list = await integ.lsp.CompletionProvider!.getCompletion(documents.get('m.integ')!, { textDocument: { uri: 'file:///ws/m.integ' }, position });
        const evil = list?.items.find(item => item.label === 'Evil');
        const documentation = (evil?.documentation as MarkupContent).value;
        const html = markdown.render(documentation);
        expect([...elements(html)].filter(tag => tag !== 'p')).toEqual([]);
        expect(text(html)).toContain(HOSTILE[0]);
    });

    test('hover shows hostile titles, owners, classification titles and names in findings as text', async () => {
        const model = [
            `classification Secret ${JSON.stringify(HOSTILE[0])} { level restricted }`,
            `entity Order { field id: Secret }`,
            `system Crm ${JSON.stringify(HOSTILE[1])} { kind crm  owner ${JSON.stringify(HOSTILE[2])} }`,
            `system __Erp__ { kind erp }`,
            `flow Sync ${JSON.stringify(HOSTILE[3])} : Crm -> __Erp__ { carries Order.id  style manual }`,
            `accept "gap/no-integration" on Sync ${JSON.stringify(HOSTILE[4])} { until 2099-01-01 }`
        ].join('\n');
        const { integ, documents } = await lspWorkspace({ 'm.integ': model });
        const document = documents.get('m.integ')!;
        for (const at of ['field id', 'system Crm', 'flow Sync', 'system __Erp__']) {
            const line = model.split('\n').findIndex(l => l.includes(at));
            const character = model.split('\n')[line].indexOf(at) + at.length - 1;
            const hover = await integ.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: 'file:///ws/m.integ' }, position: { line, character } });
            const html = markdown.render((hover?.contents as MarkupContent).value);
            expect([...elements(html)].filter(tag => !['p', 'strong', 'ul', 'li', 'code', 'em'].includes(tag)), at).toEqual([]);
            // Emphasis is the hover's own, around its headings: never inside a listed finding or flow.
            expect(html.match(/<li>.*?<\/li>/g)?.filter(item => /<(strong|em)>/.test(item)) ?? [], at).toEqual([]);
            expect(text(html), at).not.toMatch(/(?<!_)Erp(?!_)/);
        }
    });
});
