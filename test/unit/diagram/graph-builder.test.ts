import { describe, expect, it } from 'vitest';
import { buildDiagramGraph, DiagramViewError } from '../../../language-server/src/diagram/graph-builder.js';
import { parseView } from '../../../language-server/src/diagram/view-kinds.js';
import { EXPAND_ALL, type DiagramGraph, type DiagramOptions } from '../../../language-server/src/diagram/diagram-graph.js';
import { loadTexts } from '../helpers/workspace.js';
import { denseEstate, generatedEstate, loadReference, REFERENCE } from './helpers.js';

const ids = (items: Array<{ id: string }>) => items.map(item => item.id).sort();

async function graphOf(options: DiagramOptions, text = REFERENCE): Promise<DiagramGraph> {
    const { analysis } = await loadTexts({ 'model.integ': text });
    return buildDiagramGraph(analysis.estate, analysis.findings, options);
}

describe('graph builder on the reference sample', () => {
    it('estate as-is: every live system grouped by department, every live flow', async () => {
        const graph = await graphOf({ view: { kind: 'estate' }, state: 'as-is' });
        expect(ids(graph.nodes)).toEqual(['system:Ledger', 'system:OrdersWorkbook', 'system:SAP', 'system:Salesforce']);
        expect(ids(graph.edges)).toEqual(['flow:CustomerSync', 'flow:Invoicing', 'flow:OrderEntry', 'flow:OrderReentry']);
        expect(ids(graph.groups)).toEqual(['group:Finance', 'group:Operations', 'group:Sales']);
        expect(graph.nodes.find(n => n.id === 'system:SAP')?.group).toBe('group:Finance');
        expect(graph.aggregated).toBe(false);
    });

    it('carries shadow IT, edge classes, direction, regulated data and finding counts', async () => {
        const { analysis } = await loadReference();
        const graph = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is' });
        const node = (id: string) => graph.nodes.find(n => n.id === id)!;
        const edge = (id: string) => graph.edges.find(e => e.id === id)!;
        expect(node('system:OrdersWorkbook').shadow).toBe(true);
        expect(node('system:Salesforce').shadow).toBe(false);
        expect(edge('flow:OrderReentry').edgeClass).toBe('manual');
        expect(edge('flow:Invoicing').edgeClass).toBe('batch');
        expect(edge('flow:CustomerSync').edgeClass).toBe('realtime');
        expect(edge('flow:OrderEntry').twoWay).toBe(true);
        expect(edge('flow:CustomerSync').twoWay).toBe(false);
        expect(edge('flow:CustomerSync').regulated).toBe(true);
        expect(edge('flow:CustomerSync').classifications).toContain('PII');
        expect(edge('flow:OrderReentry').hoursPerWeek).toBe(15);
        const counted = (kind: string, name: string) => analysis.findings.filter(f => f.element.kind === kind && f.element.name === name && !f.accepted).length;
        const total = (c: { error: number; warning: number; info: number }) => c.error + c.warning + c.info;
        expect(total(node('system:OrdersWorkbook').findings)).toBe(counted('system', 'OrdersWorkbook'));
        expect(total(edge('flow:OrderReentry').findings)).toBe(counted('flow', 'OrderReentry'));
        expect(edge('flow:CustomerSync').findings.accepted).toBe(analysis.findings.filter(f => f.element.name === 'CustomerSync' && f.accepted).length);
        expect(node('system:SAP').location?.uri).toBe('file:///ws/reference.integ');
    });

    it('to-be applies the roadmap: replaced flows are marked retired, delivered flows come', async () => {
        const graph = await graphOf({ view: { kind: 'estate' }, state: 'to-be' });
        expect(ids(graph.edges)).toEqual(['flow:CustomerSync', 'flow:Invoicing', 'flow:OrderEntry', 'flow:OrderReentry']);
        const retired = graph.edges.find(e => e.id === 'flow:OrderReentry')!;
        expect(retired.change).toBe('retired');
        expect(retired.label).toMatch(/^retired · /);
        expect(graph.edges.filter(e => e.id !== 'flow:OrderReentry').every(e => e.change === undefined || e.change === 'added' || e.change === 'changed')).toBe(true);
        const planned = REFERENCE + '\nflow LedgerFeed : Ledger -> Salesforce { carries Order.total  style api  status planned }\n'
            + 'roadmap Later { initiative Feed { months 1 to 2  delivers LedgerFeed } }\n';
        expect(ids((await graphOf({ view: { kind: 'estate' }, state: 'as-is' }, planned)).edges)).not.toContain('flow:LedgerFeed');
        expect(ids((await graphOf({ view: { kind: 'estate' }, state: 'to-be' }, planned)).edges)).toContain('flow:LedgerFeed');
    });

    it('process view: the systems on its steps only', async () => {
        const graph = await graphOf({ view: { kind: 'process', name: 'OrderToCash' }, state: 'as-is' });
        expect(ids(graph.nodes)).toEqual(['system:Ledger', 'system:SAP', 'system:Salesforce']);
        expect(ids(graph.edges)).toEqual(['flow:CustomerSync', 'flow:Invoicing', 'flow:OrderEntry']);
    });

    it('department view: its systems and the flows touching them', async () => {
        const graph = await graphOf({ view: { kind: 'department', name: 'Operations' }, state: 'as-is' });
        expect(ids(graph.nodes)).toEqual(['system:OrdersWorkbook', 'system:SAP']);
        expect(ids(graph.edges)).toEqual(['flow:OrderReentry']);
    });

    it('system view: neighbourhood of depth 1 and 2', async () => {
        const one = await graphOf({ view: { kind: 'system', name: 'Ledger', depth: 1 }, state: 'as-is' });
        expect(ids(one.nodes)).toEqual(['system:Ledger', 'system:SAP']);
        const two = await graphOf({ view: { kind: 'system', name: 'Ledger', depth: 2 }, state: 'as-is' });
        expect(ids(two.nodes)).toEqual(['system:Ledger', 'system:OrdersWorkbook', 'system:SAP', 'system:Salesforce']);
    });

    it('system view of a system without flows says why it stands alone', async () => {
        const text = `${REFERENCE}\nsystem Lonely "Lonely tool" { kind custom }`;
        const alone = await graphOf({ view: { kind: 'system', name: 'Lonely' }, state: 'as-is' }, text);
        expect(ids(alone.nodes)).toEqual(['system:Lonely']);
        expect(alone.notes).toContain('No live flow names Lonely tool as `from` or `to`.');
        const filtered = await graphOf({ view: { kind: 'system', name: 'Ledger' }, state: 'as-is', filters: { classifications: ['PHI'] } });
        expect(filtered.edges).toEqual([]);
        expect(filtered.notes).toContain('No live flow of Finance ledger matches the filters.');
        const connected = await graphOf({ view: { kind: 'system', name: 'Ledger' }, state: 'as-is' });
        expect(connected.notes.filter(note => note.startsWith('No live flow'))).toEqual([]);
    });

    it('unknown names fail with the names that exist', async () => {
        await expect(graphOf({ view: { kind: 'process', name: 'Nope' }, state: 'as-is' })).rejects.toThrow(/unknown process 'Nope' \(known: OrderToCash\)/);
        await expect(graphOf({ view: { kind: 'system', name: 'Nope' }, state: 'as-is' })).rejects.toBeInstanceOf(DiagramViewError);
        expect(parseView('galaxy')).toBeUndefined();
        expect(parseView('estate:SAP')).toBeUndefined();
        expect(parseView('system:SAP', 2)).toEqual({ kind: 'system', name: 'SAP', depth: 2 });
    });
});

describe('filters', () => {
    it('by classification keeps flows carrying it and their systems', async () => {
        const graph = await graphOf({ view: { kind: 'estate' }, state: 'as-is', filters: { classifications: ['PII'] } });
        expect(ids(graph.edges)).toEqual(['flow:CustomerSync']);
        expect(ids(graph.nodes)).toEqual(['system:SAP', 'system:Salesforce']);
    });

    it('by rule id or area keeps elements with such a finding', async () => {
        const { analysis } = await loadReference();
        const byRule = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', filters: { findings: ['gap/no-integration'] } });
        const expected = analysis.findings.filter(f => f.ruleId === 'gap/no-integration' && f.element.kind === 'flow').map(f => `flow:${f.element.name}`);
        expect(ids(byRule.edges)).toEqual([...new Set(expected)].sort());
        const byArea = buildDiagramGraph(analysis.estate, analysis.findings, { view: { kind: 'estate' }, state: 'as-is', filters: { findings: ['gap'] } });
        const areaFlows = analysis.findings.filter(f => f.ruleId.startsWith('gap/') && f.element.kind === 'flow').map(f => `flow:${f.element.name}`);
        expect(ids(byArea.edges)).toEqual([...new Set(areaFlows)].sort());
    });
});

describe('the estate overview', () => {
    it('shows every system up to 12 and departments above, each with its members', async () => {
        const at12 = await graphOf({ view: { kind: 'estate' }, state: 'as-is' }, generatedEstate(12));
        expect(at12.aggregated).toBe(false);
        expect(at12.nodes).toHaveLength(12);
        const at151 = await graphOf({ view: { kind: 'estate' }, state: 'as-is' }, generatedEstate(151));
        expect(at151.aggregated).toBe(true);
        expect(ids(at151.nodes)).toEqual(['dept:D0', 'dept:D1', 'dept:D2']);
        expect(at151.nodes.reduce((sum, n) => sum + (n.members?.length ?? 0), 0)).toBe(151);
        // 150 flows S(i) -> S(i+1) all cross departments; summed per pair of departments and direction.
        expect(at151.edges.reduce((sum, e) => sum + e.flows.length, 0)).toBe(150);
        expect(at151.edges).toHaveLength(3);
        expect(at151.notes.join(' ')).toMatch(/151 systems in 3 departments/);
        const opened = await graphOf({ view: { kind: 'estate' }, state: 'as-is', expand: [EXPAND_ALL] }, generatedEstate(151));
        expect(opened.aggregated).toBe(false);
        expect(opened.nodes).toHaveLength(151);
    });

    it('bundles flows per pair of departments and direction, counting manual ones and hours, a two-way flow both ways', async () => {
        const text = [
            'department A', 'department B', 'department C',
            ...[1, 2, 3, 4, 5].map(i => `system A${i} { department A }`), ...[1, 2, 3, 4, 5].map(i => `system B${i} { department B }`),
            'system C1 { department C }', 'system C2 { department C }', 'system C3 { department C }',
            'flow AB1 : A1 -> B1 { style api }', 'flow AB2 : A2 -> B2 { style manual  effort 3 hours per week }',
            'flow AB3 : A3 -> B3 { style email  effort 2 hours per week }', 'flow BA1 : B4 -> A4 { style batch }',
            'flow Both : A5 <-> C1 { style api }', 'flow One "Orders to C" : B5 -> C2 { style file }'
        ].join('\n');
        const graph = await graphOf({ view: { kind: 'estate' }, state: 'as-is' }, text);
        const edge = (id: string) => graph.edges.find(e => e.id === id)!;
        expect(ids(graph.edges)).toEqual(['agg:dept:A->dept:B', 'agg:dept:A->dept:C', 'agg:dept:B->dept:A', 'agg:dept:B->dept:C', 'agg:dept:C->dept:A']);
        expect(edge('agg:dept:A->dept:B').label).toBe('3 flows · 2 manual · 5 h/wk');
        expect(edge('agg:dept:A->dept:B').edgeClass).toBe('manual');
        expect(edge('agg:dept:B->dept:A').flows).toEqual(['BA1']);
        expect(edge('agg:dept:A->dept:C').flows).toEqual(['Both']);
        expect(edge('agg:dept:C->dept:A').flows).toEqual(['Both']);
        // A bundle of one flow reads as that flow.
        expect(edge('agg:dept:B->dept:C').label).toBe('Orders to C');
    });

    it('opens the departments asked for; opened ones fold back, collapsed ones open', async () => {
        const graph = await graphOf({ view: { kind: 'estate' }, state: 'as-is', expand: ['D1'] }, generatedEstate(151));
        expect(graph.nodes.filter(n => n.kind === 'system')).toHaveLength(50);
        expect(ids(graph.nodes.filter(n => n.kind === 'department'))).toEqual(['dept:D0', 'dept:D2']);
        expect(graph.groups.map(g => [g.id, g.collapsible])).toEqual([['group:D1', true]]);
        expect(graph.edges.some(e => e.source.startsWith('system:') && e.target.startsWith('dept:'))).toBe(true);
    });

    it('with departments open in a view too large for one layout, leaves out the lines between closed departments and says so', async () => {
        // Ten densely linked departments of 40 systems: two open make 88 boxes.
        const text = denseEstate(10, 40);
        const between = (graph: DiagramGraph) => graph.edges.filter(e => e.source.startsWith('dept:') && e.target.startsWith('dept:'));
        const large = await graphOf({ view: { kind: 'estate' }, state: 'as-is', expand: ['D1', 'D2'] }, text);
        const overview = await graphOf({ view: { kind: 'estate' }, state: 'as-is' }, text);
        expect(large.nodes).toHaveLength(88);
        expect(between(large)).toEqual([]);
        // Every flow of an open department is still drawn: its own (F1x…) and those to and from other departments (G1to…, G…to2).
        const open = (flow: string) => /^F[12]x/.test(flow) || /^G([12]to\d|\dto[12])$/.test(flow);
        const flows = [...text.matchAll(/^flow (\w+)/gm)].map(match => match[1]);
        expect(large.edges.flatMap(e => e.flows).sort()).toEqual(flows.filter(open).sort());
        const hidden = between(overview).filter(e => ![e.source, e.target].some(id => id === 'dept:D1' || id === 'dept:D2')).length;
        expect(large.notes).toContain(`${hidden} lines between closed departments are not drawn in a view this large with departments open: the overview shows them.`);
        // A view small enough for one layout keeps them.
        const small = await graphOf({ view: { kind: 'estate' }, state: 'as-is', aggregateAbove: 0, expand: ['D1'] }, denseEstate(6, 3));
        expect(between(small).length).toBeGreaterThan(0);
        expect(small.notes.some(note => note.includes('closed departments'))).toBe(false);
    });
});

describe('a view of hundreds of flows', () => {
    const busy = (pairs: number) => [
        'department D0 "Zero"', 'department D1 "One"',
        'system A { kind custom  department D0 }', 'system B { kind custom  department D0 }', 'system C { kind custom  department D1 }',
        ...Array.from({ length: pairs }, (_, i) => `flow Api${i} : A -> B { style api }\nflow Manual${i} : A -> B { style manual }`),
        'flow Sync : A -> C { style api }', 'flow Loop : B -> C { style api  twoWay }', 'flow Back : B -> A { style file }'
    ].join('\n');

    it('draws the flows of one kind between two systems as one line, each kind apart, and says so', async () => {
        const graph = await graphOf({ view: { kind: 'department', name: 'D0' }, state: 'as-is' }, busy(130));
        expect(ids(graph.edges)).toEqual(['agg:system:A->system:B:manual', 'agg:system:A->system:B:realtime', 'flow:Back', 'flow:Loop', 'flow:Sync']);
        const edge = (id: string) => graph.edges.find(e => e.id === id)!;
        expect(edge('agg:system:A->system:B:manual')).toMatchObject({ edgeClass: 'manual', label: '130 flows · all manual' });
        expect(edge('agg:system:A->system:B:realtime')).toMatchObject({ edgeClass: 'realtime', label: '130 flows' });
        expect(edge('agg:system:A->system:B:realtime').flows).toHaveLength(130);
        expect(graph.notes).toContain("Flows of one kind between the same two systems are drawn as one line in a view this large (263 lines otherwise; hover a line for its flows); a system's own view shows each of its flows.");
    });

    it('keeps each flow its own line in a view of fewer, and in a system\'s context', async () => {
        const fewer = await graphOf({ view: { kind: 'department', name: 'D0' }, state: 'as-is' }, busy(100));
        expect(fewer.edges).toHaveLength(203);
        expect(fewer.edges.every(e => e.id.startsWith('flow:'))).toBe(true);
        const context = await graphOf({ view: { kind: 'system', name: 'A', depth: 1 }, state: 'as-is' }, busy(130));
        expect(context.edges).toHaveLength(262);
        expect(context.notes.some(note => note.includes('drawn as one line'))).toBe(false);
    });

    it('keeps each flow its own line a little past the limit where the view drew them so before, and the bundles a little under it', async () => {
        const department = { view: { kind: 'department' as const, name: 'D0' }, state: 'as-is' as const };
        const form = (parallelFlows: boolean) => ({ overview: false, byDepartment: false, reduced: { betweenDepartments: false, closedLeftOut: false, parallelFlows } });
        // 128 pairs: 259 lines, past the limit of 250.
        const kept = await graphOf({ ...department, before: form(false) }, busy(128));
        expect(kept.edges).toHaveLength(259);
        expect(kept.reduced?.parallelFlows).toBe(false);
        expect((await graphOf(department, busy(128))).edges).toHaveLength(5);
        // 120 pairs: 243 lines, under it.
        const stillBundled = await graphOf({ ...department, before: form(true) }, busy(120));
        expect(ids(stillBundled.edges)).toEqual(['agg:system:A->system:B:manual', 'agg:system:A->system:B:realtime', 'flow:Back', 'flow:Loop', 'flow:Sync']);
        expect(stillBundled.reduced?.parallelFlows).toBe(true);
        expect((await graphOf(department, busy(120))).edges).toHaveLength(243);
        // Far enough past the limit either way, the size decides whatever the view was.
        expect((await graphOf({ ...department, before: form(false) }, busy(140))).edges).toHaveLength(5);
        expect((await graphOf({ ...department, before: form(true) }, busy(100))).edges).toHaveLength(203);
    });
});

describe('departments in views other than the estate', () => {
    it('tags each system with its department instead of a box; a department view boxes that department only', async () => {
        const process = await graphOf({ view: { kind: 'process', name: 'OrderToCash' }, state: 'as-is' });
        expect(process.groups).toEqual([]);
        expect(process.nodes.find(n => n.id === 'system:SAP')!.detail).toBe('erp · Finance');
        const context = await graphOf({ view: { kind: 'system', name: 'SAP', depth: 1 }, state: 'as-is' });
        expect(context.groups).toEqual([]);
        expect(context.focus).toBe('system:SAP');
        const department = await graphOf({ view: { kind: 'department', name: 'Finance' }, state: 'as-is' });
        expect(ids(department.groups)).toEqual(['group:Finance']);
        expect(department.nodes.filter(n => n.group).map(n => n.id).sort()).toEqual(['system:Ledger', 'system:SAP']);
    });
});


describe('stable ids', () => {
    it('an unrelated edit keeps every node and edge id', async () => {
        const before = await graphOf({ view: { kind: 'estate' }, state: 'as-is' });
        const edited = REFERENCE.replace('system Ledger', '// a comment\ndepartment Legal "Legal"\n\nsystem Ledger');
        const after = await graphOf({ view: { kind: 'estate' }, state: 'as-is' }, edited);
        expect(ids(after.nodes)).toEqual(ids(before.nodes));
        expect(ids(after.edges)).toEqual(ids(before.edges));
    });
});
