import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { renderSvg } from '../../../language-server/src/diagram/svg-renderer.js';
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
        const markers = allElements(document).filter(e => e.nodeName === 'path' && Array.from(e.attributes ?? []).some(a => a.name === 'marker-start'));
        // OrderEntry is two-way: arrowheads at both ends (the legend has one more).
        expect(markers.length).toBe(graph.edges.filter(e => e.twoWay).length + 1);
        expect(document.getElementsByTagName('style')[0].textContent).toMatch(/var\(--integ-manual, #d73a49\)/);
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
