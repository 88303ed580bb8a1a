import { describe, expect, it } from 'vitest';
import { markChanges, type ElementMark } from '../../../language-server/src/diagram/change-marks.js';
import { buildDiagramGraph } from '../../../language-server/src/diagram/graph-builder.js';
import { loadTexts } from '../helpers/workspace.js';

const ESTATE = [
    'department Ops', 'department Sales',
    'system Ops1 { department Ops }', 'system Ops2 { department Ops }', 'system Wms "Warehouse" { department Ops }',
    'system Sales1 { department Sales }', 'system Sales2 { department Sales }',
    'flow Feed : Ops1 -> Ops2 { style api }', 'flow ToSales : Ops1 -> Sales1 { style api }', 'flow MoreToSales : Ops2 -> Sales2 { style batch }'
].join('\n');

const MARKS = new Map<string, ElementMark>([
    ['system:Wms', { change: 'renamed', note: 'renamed from Alpha', from: 'Alpha' }],
    ['flow:Feed', { change: 'changed', note: 'changed: style batch → api' }],
    ['flow:MoreToSales', { change: 'added', note: 'added by the change' }]
]);

async function graph(aggregateAbove?: number) {
    const { analysis } = await loadTexts({ 'estate.integ': ESTATE });
    return buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', aggregateAbove });
}

describe('the picture of a change: marks on the graph, before the layout', () => {
    it('marks each system and flow by its own change, the rest unchanged, and titles the picture', async () => {
        const marked = markChanges(await graph(), MARKS, 'Estate diff main → HEAD');
        expect(marked.comparing).toBe(true);
        expect(marked.title).toBe('Estate diff main → HEAD');
        const mark = (id: string) => [...marked.nodes, ...marked.edges].find(element => element.id === id)?.diff;
        expect(mark('system:Wms')).toEqual({ mark: 'renamed', note: 'renamed from Alpha' });
        expect(mark('flow:Feed')).toEqual({ mark: 'changed', note: 'changed: style batch → api' });
        expect(mark('flow:MoreToSales')?.mark).toBe('added');
        expect(mark('system:Ops1')).toEqual({ mark: 'unchanged' });
        expect(mark('flow:ToSales')).toEqual({ mark: 'unchanged' });
    });

    it('says a renamed system\'s old name under its title, sized for it, and starts a marked flow\'s label with its mark', async () => {
        const before = await graph();
        const marked = markChanges(before, MARKS, 'diff');
        const wms = marked.nodes.find(node => node.id === 'system:Wms')!;
        expect(wms.detail.startsWith('was Alpha · ')).toBe(true);
        expect(wms.width).toBeGreaterThanOrEqual(before.nodes.find(node => node.id === 'system:Wms')!.width);
        expect(marked.edges.find(edge => edge.id === 'flow:Feed')!.label).toBe(`changed · ${before.edges.find(edge => edge.id === 'flow:Feed')!.label}`);
        expect(marked.edges.find(edge => edge.id === 'flow:ToSales')!.label).toBe(before.edges.find(edge => edge.id === 'flow:ToSales')!.label);
    });

    it('marks a folded department and a bundle of flows by their members: one mark when they share it, else changed with counts', async () => {
        const marked = markChanges(await graph(0), MARKS, 'diff');
        const ops = marked.nodes.find(node => node.id === 'dept:Ops')!;
        expect(ops.diff).toEqual({ mark: 'changed', note: '1 renamed' });
        expect(marked.nodes.find(node => node.id === 'dept:Sales')!.diff).toEqual({ mark: 'unchanged' });
        const bundle = marked.edges.find(edge => edge.source === 'dept:Ops' && edge.target === 'dept:Sales')!;
        expect(bundle.flows.sort()).toEqual(['MoreToSales', 'ToSales']);
        expect(bundle.diff).toEqual({ mark: 'changed', note: '1 added' });
    });
});
