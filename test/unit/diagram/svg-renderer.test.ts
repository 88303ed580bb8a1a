import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { renderLegend, renderSvg } from '../../../language-server/src/diagram/svg-renderer.js';
import { loadTexts } from '../helpers/workspace.js';
import { CountingRunner, loadReference } from './helpers.js';

const HOSTILE = [`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `R&D & Co`];

function parse(svg: string) {
    const errors: string[] = [];
    const document = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    return document;
}

function allElements(node: { childNodes?: ArrayLike<unknown> }): Array<{ nodeName: string; attributes?: ArrayLike<{ name: string; value: string }> }> {
    const result: Array<{ nodeName: string; attributes?: ArrayLike<{ name: string; value: string }> }> = [];
    const visit = (current: { nodeType?: number; nodeName?: string; childNodes?: ArrayLike<unknown>; attributes?: ArrayLike<{ name: string; value: string }> }) => {
        if (current.nodeType === 1) result.push(current as never);
        for (const child of Array.from(current.childNodes ?? [])) visit(child as never);
    };
    visit(node as never);
    return result;
}

function attribute(element: { attributes?: ArrayLike<{ name: string; value: string }> }, name: string): string | undefined {
    return Array.from(element.attributes ?? []).find(a => a.name === name)?.value;
}

/** The points of an SVG path written with M, L, H and V (absolute), as the renderer writes them. */
function polyline(d: string): Array<{ x: number; y: number }> {
    const points: Array<{ x: number; y: number }> = [];
    for (const [, command, args] of d.matchAll(/([MLHV])([^MLHV]*)/g)) {
        const numbers = args.split(/[\s,]+/).filter(Boolean).map(Number);
        const last = points.at(-1) ?? { x: 0, y: 0 };
        if (command === 'H') points.push({ x: numbers[0], y: last.y });
        else if (command === 'V') points.push({ x: last.x, y: numbers[0] });
        else points.push({ x: numbers[0], y: numbers[1] });
    }
    return points;
}

function onSegment(a: { x: number; y: number }, b: { x: number; y: number }, p: { x: number; y: number }): boolean {
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    const within = Math.min(a.x, b.x) - 1e-9 <= p.x && p.x <= Math.max(a.x, b.x) + 1e-9 && Math.min(a.y, b.y) - 1e-9 <= p.y && p.y <= Math.max(a.y, b.y) + 1e-9;
    return Math.abs(cross) < 1e-6 && within;
}

function texts(document: ReturnType<typeof parse>): string[] {
    return Array.from(document.getElementsByTagName('text')).map(text => text.textContent ?? '');
}

describe('svg renderer', () => {
    it('draws every node and edge with its data-id, a legend and a title', async () => {
        const { analysis } = await loadReference();
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const document = parse(renderSvg({ graph, layout }));
        const dataIds = allElements(document).map(e => Array.from(e.attributes ?? []).find(a => a.name === 'data-id')?.value).filter(Boolean);
        for (const item of [...graph.nodes, ...graph.edges]) expect(dataIds).toContain(item.id);
        expect(texts(document)).toContain('Estate — as-is');
        expect(texts(document)).toContain('Legend');
        expect(texts(document)).toContain('shadow IT');
        // OrderEntry is two-way: arrowheads at both ends (the legend has one more), set by the stylesheet.
        const twoWay = allElements(document).filter(e => attribute(e, 'class')?.split(' ').includes('two-way'));
        expect(twoWay.length).toBe(graph.edges.filter(e => e.twoWay).length + 1);
        expect(graph.edges.some(e => e.twoWay)).toBe(true);
        const css = document.getElementsByTagName('style')[0].textContent ?? '';
        expect(css).toMatch(/var\(--integ-manual, #d73a49\)/);
        for (const edgeClass of ['manual', 'batch', 'realtime', 'script', 'other']) {
            expect(css).toContain(`.edge-${edgeClass} path.line { stroke: var(--integ-${edgeClass}, `);
            expect(css).toMatch(new RegExp(`\\.edge-${edgeClass} path\\.line \\{[^}]*marker-end: url\\(#integ-arrow-${edgeClass}\\)`));
            expect(css).toContain(`.edge-${edgeClass}.two-way path.line { marker-start: url(#integ-arrow-${edgeClass}); }`);
            expect(allElements(document).some(e => e.nodeName === 'marker' && attribute(e, 'id') === `integ-arrow-${edgeClass}`)).toBe(true);
        }
    });

    it('draws each flow along its route: every bend of the layout and nothing else', async () => {
        const { analysis } = await loadReference();
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const laidOut = await new DiagramLayouter(new CountingRunner()).layout(graph);
        // A point in the middle of each line's first run, as ELK leaves along straight runs: the drawing must leave it out.
        const layout = {
            ...laidOut,
            edges: Object.fromEntries(Object.entries(laidOut.edges).map(([id, edge]) => {
                const [a, b] = edge.points;
                return [id, { ...edge, points: [a, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, ...edge.points.slice(1)] }];
            }))
        };
        const document = parse(renderSvg({ graph, layout }));
        let bends = 0;
        for (const edge of graph.edges) {
            const group = allElements(document).find(e => attribute(e, 'data-id') === edge.id);
            const lines = allElements(group as never).filter(e => e.nodeName === 'path' && attribute(e, 'class') === 'line');
            expect(lines.length, edge.id).toBe(1);
            const drawn = polyline(attribute(lines[0], 'd') ?? '');
            const route = layout.edges[edge.id].points.map(p => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 }));
            expect(drawn[0], edge.id).toEqual(route[0]);
            expect(drawn.at(-1), edge.id).toEqual(route.at(-1));
            // Every drawn vertex is a point of the route, and every point of the route lies on the drawn line.
            for (const vertex of drawn) expect(route, edge.id).toContainEqual(vertex);
            for (const point of route) expect(drawn.some((a, i) => i > 0 && onSegment(drawn[i - 1], a, point)), `${edge.id} passes ${JSON.stringify(point)}`).toBe(true);
            bends += route.length - drawn.length;
        }
        expect(bends).toBeGreaterThan(0);
    });

    it('spells out characters XML forbids, so a title holding one still gives a picture', async () => {
        const { analysis } = await loadTexts({ 'controls.integ': 'system Bell "Bell\u0007 and \u0001 and \ud800" { kind custom }' });
        expect(analysis.estate.systems.get('Bell')?.title).toBe('Bell\u0007 and \u0001 and \ud800');
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const shown = texts(parse(renderSvg({ graph, layout }))).join('\n');
        expect(shown).toContain('Bell\\x07 and \\x01 and \\ud800');
    });

    it('escapes hostile titles: they come back as text, never as markup', async () => {
        const model = HOSTILE.map((title, i) => `department D${i} ${JSON.stringify(title)}\nsystem S${i} ${JSON.stringify(title)} { kind custom  department D${i} }`).join('\n')
            + `\nflow F0 ${JSON.stringify(HOSTILE[0])} : S0 -> S1 { style api }\nflow F1 ${JSON.stringify(HOSTILE[1])} : S1 -> S2 { style api }`;
        const { analysis } = await loadTexts({ 'hostile.integ': model });
        expect(analysis.estate.systems.get('S0')?.title).toBe(HOSTILE[0]);
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const document = parse(renderSvg({ graph, layout }));
        const elements = allElements(document);
        expect(elements.map(e => e.nodeName)).not.toContain('script');
        expect(elements.map(e => e.nodeName)).not.toContain('img');
        for (const element of elements) {
            for (const attribute of Array.from(element.attributes ?? [])) expect(attribute.name.startsWith('on'), attribute.name).toBe(false);
        }
        const shown = texts(document).join('\n');
        for (const title of HOSTILE) expect(shown).toContain(title.length > 34 ? title.slice(0, 20) : title);
        const tooltips = Array.from(document.getElementsByTagName('title')).map(t => t.textContent ?? '').join('\n');
        for (const title of HOSTILE) expect(tooltips).toContain(title);
    });
});

describe('svg renderer: badges, lenses, follow, the to-be state and the preview picture', () => {
    const text = [
        'department D', 'entity Customer { master A  field email: PII }',
        'system A { kind crm  department D  stores Customer }', 'system B { kind erp  department D  owner "Ana" }', 'system C { kind custom  department D }',
        'flow AB : A -> B { carries Customer.email  style manual  effort 4 hours per week }', 'flow BC : B -> C { style api  auth oauth2  tls 1.2  monitored }'
    ].join('\n');

    async function drawn(options: Parameters<typeof buildDiagramGraph>[2], svgOptions: Parameters<typeof renderSvg>[1] = {}) {
        const { analysis } = await loadTexts({ 'small.integ': text });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, options);
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        return { graph, svg: renderSvg({ graph, layout }, svgOptions) };
    }

    function group(svg: string, id: string): string {
        return new RegExp(`<g class='([^']*)' data-id='${id}'`).exec(svg)?.[1] ?? '';
    }

    it('counts errors, warnings and infos separately on each badge, as the legend says', async () => {
        const { graph, svg } = await drawn({ view: { kind: 'estate' }, state: 'as-is' });
        const edge = graph.edges.find(e => e.id === 'flow:AB')!;
        expect(edge.findings.error + edge.findings.warning).toBeGreaterThan(0);
        const body = svg.split("data-id='flow:AB'")[1].split('</g>\n')[0];
        for (const severity of ['error', 'warning', 'info'] as const) {
            const count = edge.findings[severity];
            if (count > 0) expect(body).toMatch(new RegExp(`<rect class='${severity}'[^>]*/><text[^>]*>${count}</text>`));
            else expect(body).not.toContain(`<rect class='${severity}'`);
        }
        expect(svg).toContain('(each counted; accepted ones on hover)');
    });

    it('marks each element with its category under every lens and colours the picture by the lens asked for', async () => {
        const { svg } = await drawn({ view: { kind: 'estate' }, state: 'as-is' }, { lens: 'owner' });
        expect(svg).toMatch(/<svg [^>]*class='integ-diagram lens-owner'/);
        expect(group(svg, 'flow:AB').split(' ')).toEqual(expect.arrayContaining(['edge-manual', 'd-personal', 'f-error']));
        // The owner of AB is inferred from its consumer B; A and C have no owner.
        expect(group(svg, 'flow:AB').split(' ')).toContain('o-inferred');
        expect(group(svg, 'system:A').split(' ')).toContain('o-unowned');
        expect(group(svg, 'system:B').split(' ')).not.toContain('o-owned');
        expect(svg).toContain('.lens-owner .integ-edge.o-unowned path.line');
        expect(svg).toContain("class='legend-owner'");
    });

    it('dims what does not hold or carry the data followed', async () => {
        const { svg } = await drawn({ view: { kind: 'estate' }, state: 'as-is', follow: 'Customer.email' });
        expect(svg).toMatch(/<svg [^>]*class='integ-diagram lens-style following'/);
        expect(group(svg, 'flow:AB').split(' ')).not.toContain('dim');
        expect(group(svg, 'flow:BC').split(' ')).toContain('dim');
        expect(group(svg, 'system:C').split(' ')).toContain('dim');
        expect(group(svg, 'system:A').split(' ')).not.toContain('dim');
    });

    it('names both ends of every flow, for the preview to light up a system and its neighbours', async () => {
        const { svg } = await drawn({ view: { kind: 'estate' }, state: 'as-is' });
        expect(svg).toContain("data-id='flow:BC' data-from='system:B' data-to='system:C'");
    });

    it('leaves the title, the notes and the legend to the preview when asked, and draws the legend alone', async () => {
        const { graph, svg } = await drawn({ view: { kind: 'estate' }, state: 'as-is' }, { chrome: false });
        expect(svg).not.toContain("class='integ-title'");
        expect(svg).not.toContain("class='integ-legend'");
        const legend = renderLegend(graph, false, 'data');
        expect(legend).toMatch(/^<svg [^>]*class='integ-legend-sheet lens-data'/);
        for (const lens of ['style', 'data', 'findings', 'owner', 'roadmap']) expect(legend).toContain(`class='legend-${lens}'`);
    });
});
