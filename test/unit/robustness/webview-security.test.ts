import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { isDiagramMessage, validOptions } from '../../../extension/src/preview/diagram-message-checks.js';
import { contentSecurityPolicy, webviewHtml } from '../../../extension/src/preview/webview-html.js';
import { parseRoadmapMessage } from '../../../extension/src/preview/roadmap-messages.js';
import { workspaceDocumentUri } from '../../../extension/src/preview/workspace-uri.js';
import { runCli } from '../../../language-server/src/cli/run-cli.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { gridLayout } from '../../../language-server/src/diagram/grid-layout.js';
import { renderSvg } from '../../../language-server/src/diagram/svg-renderer.js';
import { renderGanttSvg } from '../../../language-server/src/roadmap/gantt-svg.js';
import { roadmapHtmlPage } from '../../../language-server/src/roadmap/roadmap-html.js';
import { roadmapReport } from '../../../language-server/src/roadmap/roadmap-report.js';
import { loadTexts } from '../helpers/workspace.js';

const FOLDERS = ['file:///home/ana/estate', 'vscode-vfs://github/acme/models', 'file:///c%3A/ws'];

describe('a click in a preview reveals only .integ documents of the workspace', () => {
    test('documents inside a workspace folder pass', () => {
        expect(workspaceDocumentUri('file:///home/ana/estate/sales/crm.integ', FOLDERS)?.path).toBe('/home/ana/estate/sales/crm.integ');
        expect(workspaceDocumentUri('vscode-vfs://github/acme/models/a.INTEG', FOLDERS)).toBeDefined();
        expect(workspaceDocumentUri('file:///home/ana/estate/a.integ', ['file:///home/ana/estate/'])?.path).toBe('/home/ana/estate/a.integ');
        expect(workspaceDocumentUri('file:///c%3A/ws/sales/crm.integ', FOLDERS)?.path).toBe('/c:/ws/sales/crm.integ');
    });

    test.each([
        ['/etc/passwd', 'file:///etc/passwd'],
        ['a non-.integ file in the workspace', 'file:///home/ana/estate/.env'],
        ['an .integ file outside the workspace folders', 'file:///home/bob/secret.integ'],
        ['a sibling folder sharing the prefix', 'file:///home/ana/estate-private/a.integ'],
        ['the folder itself named like a model', 'file:///home/ana/estate.integ'],
        ['escaping the folder with ..', 'file:///home/ana/estate/../../../etc/x.integ'],
        ['escaping with an encoded ..', 'file:///home/ana/estate/%2e%2e/%2e%2e/x.integ'],
        ['another authority', 'file://evil-host/home/ana/estate/a.integ'],
        ['another scheme', 'https://evil.example/home/ana/estate/a.integ'],
        ['another scheme with the same authority and path', 'vscode-userdata:/home/ana/estate/a.integ'],
        ['a command URI', 'command:workbench.action.terminal.new?x.integ'],
        ['a query', 'file:///home/ana/estate/a.integ?x=1'],
        ['a control character', 'file:///home/ana/estate/a\u0000.integ'],
        ['an encoded control character', 'file:///home/ana/estate/a%0A.integ'],
        ["escaping with Windows' ..\\", 'file:///c%3A/ws/..\\..\\secret.integ'],
        ["escaping with Windows' ..\\ encoded", 'file:///c%3A/ws/..%5C..%5Csecret.integ'],
        ['escaping with .. and a trailing space or dot, which Windows drops', 'file:///c%3A/ws/..%20/..%2E/secret.integ'],
        ['a huge uri', `file:///home/ana/estate/${'a/'.repeat(1_000_000)}x.integ`]
    ])('refused: %s', (_name, uri) => {
        expect(workspaceDocumentUri(uri, FOLDERS)).toBeUndefined();
    });

    test('no workspace folder, no reveal', () => {
        expect(workspaceDocumentUri('file:///home/ana/estate/a.integ', [])).toBeUndefined();
    });
});

describe("the roadmap panel's message checks (extension/src/preview/roadmap-messages.ts)", () => {
    test('known messages pass with only their own fields', () => {
        expect(parseRoadmapMessage({ type: 'ready', extra: '<script>' })).toEqual({ type: 'ready' });
        expect(parseRoadmapMessage({ type: 'reveal', name: 'CrmToErp', uri: 'file:///etc/passwd' })).toEqual({ type: 'reveal', name: 'CrmToErp' });
    });

    test.each([
        ['an unknown command', { type: 'runTask', task: 'rm -rf /' }],
        ['a type inherited from Object.prototype', { type: 'toString' }],
        ['a type that is not a string', { type: ['reveal'], name: 'A' }],
        ['null', null],
        ['a string', 'reveal'],
        ['an array', ['reveal', 'CrmToErp']],
        ['reveal without a name', { type: 'reveal' }],
        ['reveal with a name object', { type: 'reveal', name: { toString: () => 'A' } }],
        ['a huge name', { type: 'reveal', name: 'A'.repeat(100_000) }],
        ['__proto__ smuggling', JSON.parse('{"__proto__": {"type": "ready"}}')]
    ])('ignored: %s', (_name, message) => {
        expect(parseRoadmapMessage(message)).toBeUndefined();
    });
});

describe("the diagram panel's own checks (extension/src/preview/diagram-message-checks.ts)", () => {
    test('forged message types and malformed payloads are rejected', () => {
        for (const forged of [null, 'ready', { type: 'runTask' }, { type: 'toString' }, { type: 42 }, { command: 'ready' }]) {
            expect(isDiagramMessage(forged), JSON.stringify(forged)).toBe(false);
        }
        for (const forged of [null, 'estate', { view: { kind: 'filesystem' } }, { view: { kind: 'system' } }, { view: { kind: 'process', name: 'x'.repeat(10_000) } }]) {
            expect(validOptions(forged), JSON.stringify(forged)).toBeUndefined();
        }
    });

    test('options are rebuilt from valid fields only: oversized and non-string names are dropped', () => {
        const options = validOptions({
            view: { kind: 'system', name: 'Crm', depth: 7, evil: true }, state: 'rm -rf',
            filters: { classifications: ['PII', 42, 'x'.repeat(10_000)], findings: 'security' },
            expand: Array.from({ length: 10_000 }, (_, i) => `D${i}`)
        });
        expect(options?.view).toEqual({ kind: 'system', name: 'Crm', depth: 1 });
        expect(options?.state).toBe('as-is');
        expect(options?.filters).toEqual({ classifications: ['PII'], findings: [] });
        expect(options?.expand?.length).toBeLessThanOrEqual(200);
    });
});

const HOSTILE = [
    '<script>alert(1)</script>',
    '" onload="alert(2)',
    "' onmouseover='alert(3)",
    ']]><svg onload=alert(4)>',
    '<foreignObject><iframe src=javascript:alert(5)>',
    '&amp;&lt;&#x3c;'
];

const HOSTILE_MODEL = `
department Sales ${JSON.stringify(HOSTILE[0])} { champions ${JSON.stringify(HOSTILE[1])}, ${JSON.stringify(HOSTILE[2])} }
system Crm ${JSON.stringify(HOSTILE[3])} { kind crm  department Sales  owner ${JSON.stringify(HOSTILE[4])} }
system Erp ${JSON.stringify(HOSTILE[5])} { kind erp  department Sales }
flow Sync ${JSON.stringify(HOSTILE[0])} : Crm -> Erp { style manual  volume 40 per day }
roadmap R ${JSON.stringify(HOSTILE[1])} {
  start 2027-01
  initiative Fix ${JSON.stringify(HOSTILE[3])} { months 1 to 3  replaces Sync  departments Sales  cost 10000 EUR }
}
`;

/** Every element and attribute of the markup: no script, no event handler, no foreign content, no javascript: URL. */
function activeContent(markup: string, mimeType: 'image/svg+xml' | 'text/html'): string[] {
    const errors: string[] = [];
    const document = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(markup, mimeType);
    const found: string[] = [...errors];
    const visit = (node: Node) => {
        if (node.nodeType === 1) {
            const element = node as Element;
            const name = (element.localName ?? element.nodeName).toLowerCase();
            if (['script', 'foreignobject', 'iframe', 'object', 'embed'].includes(name)) found.push(`<${name}>`);
            for (const attribute of Array.from(element.attributes)) {
                if (/^on/i.test(attribute.name) || /javascript:/i.test(attribute.value)) found.push(`${name}@${attribute.name}=${attribute.value}`);
            }
        }
        for (const child of Array.from(node.childNodes)) visit(child);
    };
    visit(document);
    return found;
}

describe('model strings reach the views as text', () => {
    test('the diagram SVG shows hostile titles and names as text, with no active content', async () => {
        const { analysis } = await loadTexts({ 'hostile.integ': HOSTILE_MODEL });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const svg = renderSvg({ graph, layout: gridLayout(graph) });
        expect(activeContent(svg, 'image/svg+xml')).toEqual([]);
        const text = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement!.textContent!;
        expect(text).toContain('Crm');
        expect(text).toContain(HOSTILE[3]);
        for (const hostile of HOSTILE) expect(svg).not.toContain(hostile);
    });

    test('the roadmap page and Gantt SVG show hostile titles as text, with no active content', async () => {
        const { analysis } = await loadTexts({ 'hostile.integ': HOSTILE_MODEL });
        const report = roadmapReport(analysis.estate, { today: '2026-11-26', findings: analysis.findings });
        const gantt = renderGanttSvg(report.schedule);
        expect(activeContent(gantt, 'image/svg+xml')).toEqual([]);
        expect(new DOMParser().parseFromString(gantt, 'image/svg+xml').documentElement!.textContent).toContain(HOSTILE[3]);
        const page = roadmapHtmlPage(report.schedule, report.impact);
        for (const hostile of HOSTILE) expect(page).not.toContain(hostile);
        expect(activeContent(page, 'text/html')).toEqual([]);
        expect(new DOMParser().parseFromString(page, 'text/html').documentElement!.textContent).toContain(HOSTILE[3]);
    });

    test('the HTML report shows hostile titles, owners and regulations in its table cells as text, with no active content', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'integ-html-report-'));
        writeFileSync(join(folder, 'hostile.integ'), `${HOSTILE_MODEL}
regulation Evil ${JSON.stringify(HOSTILE[4])}
classification Secret ${JSON.stringify(HOSTILE[0])} { level restricted  regulations Evil }
entity Order { field id: Secret }
system Sheet ${JSON.stringify(HOSTILE[2])} { kind spreadsheet  department Sales  owner ${JSON.stringify(HOSTILE[1])}  shadow  stores Order }
`);
        let page = '';
        const code = await runCli(['report', '--format', 'html'], { cwd: folder, stdout: { write: (t: string) => (page += t) }, stderr: { write: () => true } });
        expect(code).toBe(0);
        expect(activeContent(page, 'text/html')).toEqual([]);
        for (const hostile of HOSTILE) expect(page).not.toContain(hostile);
        const cells = new DOMParser().parseFromString(page, 'text/html').getElementsByTagName('td');
        const text = Array.from(cells).map(cell => cell.textContent).join('\n');
        for (const hostile of [HOSTILE[1], HOSTILE[2], HOSTILE[4]]) expect(text).toContain(hostile);
    });

    test('the webview page: strict CSP with a nonce, nothing remote, no model text in the markup', () => {
        const csp = contentSecurityPolicy('https://webview.test', 'abc123');
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'nonce-abc123'");
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:/);
        const page = webviewHtml({ cspSource: 'https://webview.test', scriptUri: 'https://webview.test/diagram.js"><script>alert(1)</script>', title: HOSTILE[0], css: '', body: '<div id="root"></div>' });
        expect(page.match(/<script/gi)).toHaveLength(1);
        expect(page).not.toContain(HOSTILE[0]);
        const nonces = [...page.matchAll(/nonce="([^"]+)"/g)].map(m => m[1]);
        expect(new Set(nonces).size).toBe(1);
        expect(nonces[0].length).toBeGreaterThanOrEqual(16);
        expect(webviewHtml({ cspSource: 'x', scriptUri: 'y', title: 't', css: '', body: '' })).not.toContain(`nonce="${nonces[0]}"`);
    });

    test('the webview scripts never turn strings into markup or code', () => {
        const sources: string[] = [];
        const walk = (dir: string) => {
            for (const entry of readdirSync(dir, { withFileTypes: true })) {
                const path = join(dir, entry.name);
                if (entry.isDirectory()) walk(path); else if (path.endsWith('.ts')) sources.push(path);
            }
        };
        walk('extension/webview');
        expect(sources.length).toBeGreaterThan(0);
        const offending = sources.flatMap(path => readFileSync(path, 'utf8').split('\n')
            .map((line, i) => ({ line, at: `${path}:${i + 1}` }))
            .filter(({ line }) => /\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setTimeout\(\s*['"`]/.test(line))
            .map(({ at, line }) => `${at}: ${line.trim()}`));
        expect(offending).toEqual([]);
    });
});
