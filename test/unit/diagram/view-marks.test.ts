/**
 * What the graph marks on each element for the lenses, the follow-the-data mode and the to-be state,
 * and the notes that tell the reader why a view is empty or what it leaves out.
 */
import { describe, expect, it } from 'vitest';
import type { DiagramOptions } from '../../../language-server/src/diagram/diagram-graph.js';
import { categoryOf } from '../../../language-server/src/diagram/element-lens.js';
import { buildDiagramGraph, DiagramViewError } from '../../../language-server/src/diagram/graph-builder.js';
import { loadTexts } from '../helpers/workspace.js';

const ESTATE = [
    'department Sales "Sales"', 'department Finance "Finance"',
    'entity Customer { master Crm  field email: PII  field card: PCI  field segment }',
    'entity Invoice { master Erp  field total: Financial }',
    'entity Case { master Clinic  field note: PHI }',
    'system Crm { kind crm  department Sales  owner "Ana"  stores Customer }',
    'system Erp { kind erp  department Finance  stores Invoice, Customer }',
    'system Clinic { kind custom  department Sales  owner "Li"  stores Case }',
    'system Sheet { kind spreadsheet  department Finance }',
    'system NewBi { kind analytics  department Finance  status planned }',
    'flow Cards : Crm -> Erp { carries Customer.card  style api }',
    'flow Mails : Crm -> Sheet { carries Customer.email  style manual  owner "Ops" }',
    'flow Totals : Erp -> Sheet { carries Invoice.total  style email }',
    'flow Cases : Clinic -> Crm { carries Case.note  style file }',
    'flow TotalsFeed : Erp -> Sheet { carries Invoice.total  style api  status planned }',
    'flow BiFeed : Erp -> NewBi { carries Invoice.total  style api  status planned }',
    'roadmap R { start 2027-01',
    '  initiative Soon { months 1 to 2  replaces Totals  delivers TotalsFeed }',
    '  initiative Later { months 4 to 6  replaces Mails  delivers BiFeed }',
    '}'
].join('\n');

async function graph(options: DiagramOptions, text = ESTATE, today = '2027-01-15') {
    const { analysis } = await loadTexts({ 'estate.integ': text });
    return buildDiagramGraph(analysis.estate, analysis.findings, options, today);
}

describe('lens marks', () => {
    it('names the most sensitive data a system holds or a flow carries', async () => {
        const g = await graph({ view: { kind: 'estate' }, state: 'as-is' });
        const lens = (id: string) => (g.nodes.find(n => n.id === id) ?? g.edges.find(e => e.id === id))!.lens;
        expect(lens('system:Crm').data).toBe('pci');
        expect(lens('system:Clinic').data).toBe('phi');
        expect(lens('system:Sheet').data).toBe('none');
        expect(lens('flow:Mails').data).toBe('personal');
        expect(lens('flow:Totals').data).toBe('financial');
        expect(categoryOf({ kind: 'classification', name: 'X', title: 'X', regulations: ['CCPA'], requires: { audit: false, oauth2: false }, source: undefined as never })).toBe('regulated');
        // A regulation named like a member of Object.prototype is a regulation like any other.
        for (const name of ['propertyIsEnumerable', 'constructor', '__proto__']) {
            expect(categoryOf({ kind: 'classification', name: 'X', title: 'X', regulations: [name], requires: { audit: false, oauth2: false }, source: undefined as never })).toBe('regulated');
        }
    });

    it('says who answers for a flow: its own owner, else the consumer, else the producer, else nobody', async () => {
        const g = await graph({ view: { kind: 'estate' }, state: 'as-is' });
        const lens = (id: string) => (g.nodes.find(n => n.id === id) ?? g.edges.find(e => e.id === id))!.lens;
        expect([lens('flow:Mails').owner, lens('flow:Mails').ownerName]).toEqual(['owned', 'Ops']);
        expect([lens('flow:Cases').owner, lens('flow:Cases').ownerName]).toEqual(['inferred', 'Ana']);
        expect([lens('flow:Cards').owner, lens('flow:Cards').ownerName]).toEqual(['inferred', 'Ana']);
        expect(lens('flow:Totals').owner).toBe('unowned');
        expect(lens('system:Erp').owner).toBe('unowned');
    });

    it("marks what the roadmap's next initiative (the one finishing first) changes, and what later ones do", async () => {
        const g = await graph({ view: { kind: 'estate' }, state: 'as-is' });
        const lens = (id: string) => (g.nodes.find(n => n.id === id) ?? g.edges.find(e => e.id === id))!.lens;
        expect(lens('flow:Totals').roadmap).toBe('next-replaces');
        expect(lens('flow:Mails').roadmap).toBe('later-replaces');
        expect(lens('system:Erp').roadmap).toBe('next-touches');
        expect(lens('system:Crm').roadmap).toBe('later-touches');
        expect(lens('flow:Cards').roadmap).toBe('none');
        // Once the first initiative is over, the next one is the later one.
        const after = await graph({ view: { kind: 'estate' }, state: 'as-is' }, ESTATE, '2027-04-10');
        expect(after.edges.find(e => e.id === 'flow:Mails')!.lens.roadmap).toBe('next-replaces');
    });
});

describe('follow the data', () => {
    it('marks the systems that store or receive a field and the flows that carry it, and says so in a note', async () => {
        const g = await graph({ view: { kind: 'estate' }, state: 'as-is', follow: 'Customer.email' });
        const followed = [...g.nodes, ...g.edges].filter(element => element.lens.followed).map(element => element.id).sort();
        expect(followed).toEqual(['flow:Mails', 'system:Crm', 'system:Erp', 'system:Sheet']);
        expect(g.notes.join(' ')).toMatch(/Following Customer\.email: 2 systems store it and 1 flow of this view carry it/);
        const entity = await graph({ view: { kind: 'estate' }, state: 'as-is', follow: 'Customer' });
        expect(entity.edges.filter(e => e.lens.followed).map(e => e.id).sort()).toEqual(['flow:Cards', 'flow:Mails']);
    });

    it('fails with the entities or fields there are when the name is unknown', async () => {
        await expect(graph({ view: { kind: 'estate' }, state: 'as-is', follow: 'Nope' })).rejects.toBeInstanceOf(DiagramViewError);
        await expect(graph({ view: { kind: 'estate' }, state: 'as-is', follow: 'Customer.phone' })).rejects.toThrow(/fields: email, card, segment/);
    });
});

describe('the to-be state', () => {
    it('marks what the roadmap adds, changes and retires', async () => {
        const g = await graph({ view: { kind: 'estate' }, state: 'to-be' });
        const change = (id: string) => (g.nodes.find(n => n.id === id) ?? g.edges.find(e => e.id === id))?.change;
        expect(change('flow:Totals')).toBe('retired');
        expect(change('flow:Mails')).toBe('retired');
        expect(change('flow:TotalsFeed')).toBe('changed');
        expect(change('flow:BiFeed')).toBe('added');
        expect(change('system:NewBi')).toBe('added');
        expect(change('flow:Cards')).toBeUndefined();
    });

    it('marks a system an initiative retires as retired', async () => {
        const text = ESTATE.replace('replaces Mails  delivers BiFeed', 'replaces Mails  delivers BiFeed  retires Sheet');
        const g = await graph({ view: { kind: 'estate' }, state: 'to-be' }, text);
        expect(g.nodes.find(n => n.id === 'system:Sheet')?.change).toBe('retired');
        expect(g.nodes.find(n => n.id === 'system:Erp')?.change).toBeUndefined();
    });

    it('marks a bundle of flows between departments only when all of them change, and counts the changes otherwise', async () => {
        const g = await graph({ view: { kind: 'estate' }, state: 'to-be', aggregateAbove: 0 });
        const salesToFinance = g.edges.find(e => e.id === 'agg:dept:Sales->dept:Finance')!;
        expect(salesToFinance.flows.sort()).toEqual(['Cards', 'Mails']);
        expect(salesToFinance.change).toBeUndefined();
        expect(salesToFinance.label).toBe('2 flows · 1 manual · 1 retired');
        const text = ESTATE.replace("flow Cards : Crm -> Erp { carries Customer.card  style api }", '');
        const allRetired = (await graph({ view: { kind: 'estate' }, state: 'to-be', aggregateAbove: 0 }, text)).edges.find(e => e.id === 'agg:dept:Sales->dept:Finance')!;
        expect(allRetired.change).toBe('retired');
        expect(allRetired.label).toMatch(/^retired · /);
    });

    it('says when there is no roadmap to apply', async () => {
        const g = await graph({ view: { kind: 'estate' }, state: 'to-be' }, ESTATE.split('roadmap R')[0]);
        expect(g.notes.join(' ')).toMatch(/No roadmap declares an initiative/);
    });
});

describe('notes for an empty or partial view', () => {
    it('a process without steps, or without live ones, says so', async () => {
        const text = ESTATE + '\nprocess Idle "Idle process" { rank 2 }\nprocess Planned "Planned only" { steps BiFeed }\n';
        expect((await graph({ view: { kind: 'process', name: 'Idle' }, state: 'as-is' }, text)).notes).toContain('Process Idle process lists no steps: add `steps` with its flows to see it here.');
        expect((await graph({ view: { kind: 'process', name: 'Planned' }, state: 'as-is' }, text)).notes.join(' ')).toMatch(/None of the 1 steps of Planned only is a live flow/);
    });

    it('a context view says how many flows between its neighbours it leaves to other views', async () => {
        const g = await graph({ view: { kind: 'system', name: 'Crm', depth: 1 }, state: 'as-is' });
        expect(g.edges.map(e => e.id).sort()).toEqual(['flow:Cards', 'flow:Cases', 'flow:Mails']);
        expect(g.notes.join(' ')).toMatch(/1 flow between the systems around it is not drawn/);
    });
});
