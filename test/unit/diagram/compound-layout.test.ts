import { describe, expect, it } from 'vitest';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { compoundLayout } from '../../../language-server/src/diagram/compound-layout.js';
import { distanceToBox } from '../../../language-server/src/diagram/box-geometry.js';
import { measureLayout } from '../../../language-server/src/diagram/layout-quality.js';
import { loadTexts } from '../helpers/workspace.js';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { CountingRunner, fixtureView } from './helpers.js';

describe("ELK's answer read back into a picture", () => {
    it('draws an edge ELK returned without a route straight between the sides its boxes turn to each other', async () => {
        const { analysis } = await loadTexts({ 'estate.integ': 'system Crm { kind crm }\nsystem Erp { kind erp }\nflow Orders : Crm -> Erp { style api }\n' });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' }, '2026-12-01');
        const [crm, erp] = ['Crm', 'Erp'].map(name => graph.nodes.find(node => node.name === name)!);
        const edge = graph.edges[0];
        const laidOut = {
            id: 'root', width: 500, height: 200,
            children: [
                { id: crm.id, x: 20, y: 20, width: crm.width, height: crm.height },
                { id: erp.id, x: 320, y: 120, width: erp.width, height: erp.height }
            ],
            edges: [{ id: edge.id, sources: [crm.id], targets: [erp.id] }]
        };
        const layout = compoundLayout(graph, laidOut, { reversed: new Set(), labelLines: new Map(), unlinked: [] }, 'RIGHT');
        const points = layout.edges[edge.id].points;
        expect(points.length).toBeGreaterThanOrEqual(2);
        expect(distanceToBox(points[0], layout.nodes[crm.id])).toBeLessThan(1);
        expect(distanceToBox(points[points.length - 1], layout.nodes[erp.id])).toBeLessThan(1);
        const quality = measureLayout(graph, layout);
        expect(quality.undrawn).toBe(0);
        expect(quality.edgeThroughNode).toBe(0);
    });
});

describe('a box many lines enter on one side', () => {
    it('grows along that side so that their ends, and arrowheads, stay apart', async () => {
        const feeds = Array.from({ length: 9 }, (_, i) => `system S${i} { kind custom }\nflow F${i} "Feed number ${i}" : S${i} -> Erp { style batch }`);
        const { analysis } = await loadTexts({ 'estate.integ': `department Fin\nsystem Erp { kind erp department Fin }\n${feeds.join('\n')}\n` });
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'department', name: 'Fin' }, state: 'as-is' }, '2026-12-01');
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const erp = layout.nodes[graph.nodes.find(node => node.name === 'Erp')!.id];
        const ends = graph.edges.map(edge => layout.edges[edge.id].points.at(-1)!);
        expect(ends).toHaveLength(9);
        for (const end of ends) expect(distanceToBox(end, erp)).toBeLessThan(1);
        for (const [i, end] of ends.entries()) {
            for (const other of ends.slice(i + 1)) expect(Math.hypot(end.x - other.x, end.y - other.y)).toBeGreaterThanOrEqual(10);
        }
    });
});

describe('many labelled flows between one pair of systems', () => {
    it('run side by side, each nearly straight with its label on it, the two boxes as tall as the stack (corner-cases, department A)', async () => {
        const graph = await fixtureView('corner-cases', { view: { kind: 'department', name: 'A' }, state: 'as-is' })();
        const layout = await new DiagramLayouter(new CountingRunner()).layout(graph);
        const quality = measureLayout(graph, layout);
        expect(quality.detourMean).toBeLessThanOrEqual(1.15);
        expect(quality.bendsPerEdge).toBeLessThanOrEqual(1);
        expect(quality.labelDistanceWorst).toBeLessThanOrEqual(10);
        expect(quality.edgeThroughNode + quality.edgeThroughLabel + quality.labelLabelOverlaps + quality.labelNodeOverlaps).toBe(0);
    });
});
