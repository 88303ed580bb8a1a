import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../../language-server/src/diagram/answer-cache.js';
import { DiagramLayouter, type LayoutRunner } from '../../../language-server/src/diagram/layout.js';
import { answerDiagramRequest, answerTooltipRequest, createDiagramAnswers } from '../../../language-server/src/lsp/diagram-request.js';
import type { DiagramRequestParams } from '../../../language-server/src/lsp/protocol.js';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { bundledFlows, diagramLocation } from '../../../extension/src/preview/diagram-locations.js';
import { CountingRunner, generatedEstate, REFERENCE } from './helpers.js';

async function services(text: string) {
    const created = createIntegCoreServices();
    await loadWorkspace(created, [{ uri: 'file:///ws/model.integ', text }]);
    return { analysis: created.integ.analysis.WorkspaceAnalysis, documents: created.shared.workspace.LangiumDocuments };
}

/** Two files, so that the answer's location table has more than one entry to share. */
async function twoFileServices() {
    const created = createIntegCoreServices();
    const extra = 'system Payroll "Payroll" { kind payroll  department Finance }\nflow PayrollFeed "Payroll feed" : Payroll -> SAP { style file }\n';
    await loadWorkspace(created, [{ uri: 'file:///ws/model.integ', text: REFERENCE }, { uri: 'file:///ws/payroll.integ', text: extra }]);
    return { analysis: created.integ.analysis.WorkspaceAnalysis, documents: created.shared.workspace.LangiumDocuments, extra };
}

const PREVIEW: DiagramRequestParams = { view: { kind: 'estate' }, state: 'as-is', hoverTitles: false };

describe('integ/diagram request', () => {
    it('answers with the SVG, locations and choices', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const result = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, new DiagramLayouter(new CountingRunner()));
        expect(result.error).toBeUndefined();
        expect(result.hasErrors).toBe(false);
        expect(result.svg.startsWith('<svg')).toBe(true);
        const invoicing = diagramLocation(result.locations, 'flow:Invoicing');
        expect(invoicing?.uri).toBe('file:///ws/model.integ');
        expect(invoicing?.range.start.line).toBe(REFERENCE.split('\n').findIndex(line => line.startsWith('flow Invoicing')));
        expect(result.choices.processes).toEqual(['OrderToCash']);
        expect(result.choices.systems).toEqual(['Ledger', 'OrdersWorkbook', 'SAP', 'Salesforce']);
    });

    it('names each file once in the location table, and every drawn element has its declaration', async () => {
        const { analysis, documents, extra } = await twoFileServices();
        const result = await answerDiagramRequest(PREVIEW, analysis, documents, new DiagramLayouter(new CountingRunner()));
        expect([...result.locations.files].sort()).toEqual(['file:///ws/model.integ', 'file:///ws/payroll.integ']);
        const drawn = [...result.svg.matchAll(/data-id='([^']+)'/g)].map(match => match[1]);
        for (const id of drawn) expect(diagramLocation(result.locations, id), id).toBeDefined();
        const feed = diagramLocation(result.locations, 'flow:PayrollFeed');
        expect(feed?.uri).toBe('file:///ws/payroll.integ');
        expect(feed?.range.start).toEqual({ line: 1, character: extra.split('\n')[1].indexOf('PayrollFeed') });
        expect(diagramLocation(result.locations, 'flow:Nope')).toBeUndefined();
        expect(diagramLocation(result.locations, 'toString')).toBeUndefined();
    });

    it('names the flows of every line that stands for several, each where it is declared, for a click to offer them', async () => {
        // 20 systems in three departments, each feeding the next: an overview whose lines bundle flows.
        const text = generatedEstate(20, 3);
        const { analysis, documents } = await services(text);
        const result = await answerDiagramRequest(PREVIEW, analysis, documents, new DiagramLayouter(new CountingRunner()));
        const drawn = [...result.svg.matchAll(/class='integ-edge[^']*' data-id='([^']+)'/g)].map(match => match[1].replaceAll('&gt;', '>'));
        expect(Object.keys(result.bundles).sort()).toEqual([...drawn].sort());
        // D0 feeds D1 from S0, S3, S6, …, S18.
        const ids = Array.from({ length: 7 }, (_, i) => `flow:F${3 * i}`).sort();
        expect(result.bundles['agg:dept:D0->dept:D1']).toEqual(ids);
        const choices = bundledFlows(result, 'agg:dept:D0->dept:D1');
        expect(choices.map(choice => choice.name)).toEqual(ids.map(id => id.slice('flow:'.length)));
        const lines = text.split('\n');
        for (const { name, location } of choices) {
            expect(location.uri).toBe('file:///ws/model.integ');
            expect(location.range.start).toEqual({ line: lines.findIndex(line => line.startsWith(`flow ${name} `)), character: 'flow '.length });
        }
        expect(bundledFlows(result, 'dept:D0')).toEqual([]);
        expect(bundledFlows(result, '__proto__')).toEqual([]);
        // A view that draws each flow has no bundle.
        const expanded = await answerDiagramRequest({ ...PREVIEW, expand: ['*'] }, analysis, documents, new DiagramLayouter(new CountingRunner()));
        expect(expanded.bundles).toEqual({});
    });

    it('answers a hover from the view as the preview drew it, kept near a size threshold', async () => {
        // Twelve systems drawn one by one; a thirteenth would make the estate an overview of departments.
        const layouter = new DiagramLayouter(new CountingRunner());
        const twelve = await services(generatedEstate(12, 3));
        await answerDiagramRequest(PREVIEW, twelve.analysis, twelve.documents, layouter);
        const thirteen = await services(generatedEstate(13, 3));
        const drawn = await answerDiagramRequest(PREVIEW, thirteen.analysis, thirteen.documents, layouter);
        expect(drawn.svg).toContain("data-id='system:S12'");
        // The server has no copy of that picture (a build came between): it builds the view again, in the same form.
        const tooltip = answerTooltipRequest({ diagram: PREVIEW, id: 'system:S12' }, thirteen.analysis, createDiagramAnswers(), undefined, layouter);
        expect(tooltip?.title).toContain('S12');
    });

    it('draws each flow once: no path data repeated for click targets', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const result = await answerDiagramRequest(PREVIEW, analysis, documents, new DiagramLayouter(new CountingRunner()));
        const flows = [...result.svg.matchAll(/<g class='integ-edge[^']*' data-id='(flow:[^']+)'[^>]*>(.*?)<\/g>\n/g)];
        expect(flows.length).toBe(result.edgeCount);
        for (const [, id, body] of flows) expect(body.match(/<path /g)?.length ?? 0, id).toBe(1 + (body.match(/class='integ-lock'/g)?.length ?? 0));
        expect(result.svg).not.toMatch(/class=["']hit/);
        expect(JSON.stringify(result)).not.toContain('tooltips');
    });

    it('leaves out the hover titles the preview does not show when asked, and keeps the same picture otherwise', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const answers = createDiagramAnswers();
        const layouter = new DiagramLayouter(new CountingRunner());
        const titled = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, layouter, answers);
        const plain = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is', hoverTitles: false }, analysis, documents, layouter, answers);
        expect(titled.svg).toMatch(/data-id='system:SAP'><title>SAP S\/4HANA \(SAP\)/);
        expect(plain.svg).toContain("data-id='system:SAP'><rect");
        // Only the document's own title is left, and removing the hover titles from the titled picture gives the plain one.
        expect(plain.svg.match(/<title>/g)?.length).toBe(1);
        expect(titled.svg.match(/class='integ-lock'><title>regulated data<\/title>/g)?.length).toBe(titled.svg.match(/class='integ-lock'/g)?.length);
        expect(titled.svg.replace(/(data-id='[^']*'(?: data-from='[^']*' data-to='[^']*')?>|class='integ-lock'>)<title>[^<]*<\/title>/g, '$1')).toBe(plain.svg);
        expect(plain.locations).toEqual(titled.locations);
    });

    it('reports syntax errors and bad parameters instead of failing', async () => {
        const { analysis, documents } = await services(REFERENCE + '\nsystem Broken {\n');
        const layouter = new DiagramLayouter(new CountingRunner());
        const broken = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, layouter);
        expect(broken.hasErrors).toBe(true);
        expect(broken.svg).toContain("data-id='system:SAP'");
        const bad = await answerDiagramRequest({ view: { kind: 'nope' as never }, state: 'as-is' }, analysis, documents, layouter);
        expect(bad.error).toMatch(/unknown view 'nope'/);
        const unknown = await answerDiagramRequest({ view: { kind: 'department', name: 'Nope' }, state: 'as-is' }, analysis, documents, layouter);
        expect(unknown.error).toMatch(/unknown department 'Nope'/);
    });
});

describe('integ/diagramTooltip request', () => {
    it('gives the hover text of a node or a flow of the diagram shown, finding lines included', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const answers = createDiagramAnswers();
        await answerDiagramRequest(PREVIEW, analysis, documents, new DiagramLayouter(new CountingRunner()), answers);
        const sheet = answerTooltipRequest({ diagram: PREVIEW, id: 'system:OrdersWorkbook' }, analysis, answers);
        expect(sheet?.title).toBe('Orders workbook (OrdersWorkbook)');
        expect(sheet?.lines).toContain('shadow IT');
        expect(answerTooltipRequest({ diagram: PREVIEW, id: 'flow:Invoicing' }, analysis, answers)?.lines[0]).toBe('SAP -> Ledger');
        const flow = analysis.result.findings.find(f => f.element.kind === 'flow')?.element.name;
        const flowFindings = analysis.result.findings.filter(f => f.element.kind === 'flow' && f.element.name === flow);
        expect(flowFindings.length).toBeGreaterThan(0);
        const tooltip = answerTooltipRequest({ diagram: PREVIEW, id: `flow:${flow}` }, analysis, answers);
        for (const finding of flowFindings) {
            expect(tooltip?.lines).toContain(`${finding.accepted ? 'accepted' : finding.severity} ${finding.ruleId}: ${finding.message}`);
        }
    });

    it('answers from the cached diagram, and builds the graph when the server no longer has it', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const answers = createDiagramAnswers();
        const cold = answerTooltipRequest({ diagram: PREVIEW, id: 'system:OrdersWorkbook' }, analysis, answers);
        await answerDiagramRequest(PREVIEW, analysis, documents, new DiagramLayouter(new CountingRunner()), answers);
        expect(answerTooltipRequest({ diagram: PREVIEW, id: 'system:OrdersWorkbook' }, analysis, answers)).toEqual(cold);
        expect(cold?.lines).toContain('shadow IT');
        const otherAnswers = createDiagramAnswers();
        const department = { view: { kind: 'department', name: 'Sales' }, state: 'as-is' } as const;
        expect(answerTooltipRequest({ diagram: department, id: 'system:Salesforce' }, analysis, otherAnswers)?.title).toBe('Salesforce Sales Cloud (Salesforce)');
    });

    it('answers null for an element not in the diagram, a view that does not exist, or forged parameters', async () => {
        const { analysis } = await services(REFERENCE);
        const answers = createDiagramAnswers();
        expect(answerTooltipRequest({ diagram: PREVIEW, id: 'system:Nope' }, analysis, answers)).toBeNull();
        expect(answerTooltipRequest({ diagram: { view: { kind: 'department', name: 'Nope' }, state: 'as-is' }, id: 'system:SAP' }, analysis, answers)).toBeNull();
        expect(answerTooltipRequest({ diagram: { view: { kind: 'file' as never }, state: 'as-is' }, id: 'system:SAP' }, analysis, answers)).toBeNull();
        expect(answerTooltipRequest({ id: 'system:SAP' } as never, analysis, answers)).toBeNull();
        expect(answerTooltipRequest({ diagram: PREVIEW, id: 42 } as never, analysis, answers)).toBeNull();
        expect(answerTooltipRequest(undefined as never, analysis, answers)).toBeNull();
    });

    it('follows the workspace: after a change the hover text is that of the new model', async () => {
        const answers = createDiagramAnswers();
        const layouter = new DiagramLayouter(new CountingRunner());
        const before = await services(REFERENCE);
        await answerDiagramRequest(PREVIEW, before.analysis, before.documents, layouter, answers);
        const after = await services(REFERENCE.replace('owner "Ana Ruiz"', 'owner "Nadia Haddad"'));
        expect(answerTooltipRequest({ diagram: PREVIEW, id: 'system:Salesforce' }, before.analysis, answers)?.lines).toContain('owner: Ana Ruiz');
        expect(answerTooltipRequest({ diagram: PREVIEW, id: 'system:Salesforce' }, after.analysis, answers)?.lines).toContain('owner: Nadia Haddad');
    });

    it('still has the hover text of a stand-in picture, which is never answered again as the diagram', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const failing: LayoutRunner = { async run() { throw new Error('engine down'); }, dispose() {} };
        const answers = createDiagramAnswers();
        const layouter = new DiagramLayouter(failing);
        const first = await answerDiagramRequest(PREVIEW, analysis, documents, layouter, answers);
        expect(answerTooltipRequest({ diagram: PREVIEW, id: 'system:OrdersWorkbook' }, analysis, answers)?.lines).toContain('shadow IT');
        expect(await answerDiagramRequest(PREVIEW, analysis, documents, layouter, answers)).not.toBe(first);
    });
});

describe('recent diagram answers', () => {
    it('answer an unchanged request again without producing the diagram again, whatever the timeout', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const layouter = new DiagramLayouter(new CountingRunner());
        const answers = createDiagramAnswers();
        const first = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, layouter, answers);
        const again = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is', expand: [], filters: {}, layoutTimeoutMs: 9_000 }, analysis, documents, layouter, answers);
        expect(again).toBe(first);
        const other = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'to-be' }, analysis, documents, layouter, answers);
        expect(other).not.toBe(first);
    });

    it('are not reused once the workspace has changed', async () => {
        const answers = createDiagramAnswers();
        const layouter = new DiagramLayouter(new CountingRunner());
        const before = await services(REFERENCE);
        const first = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, before.analysis, before.documents, layouter, answers);
        const after = await services(REFERENCE + '\nsystem Payroll { kind payroll  department Finance }\n');
        const second = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, after.analysis, after.documents, layouter, answers);
        expect(second).not.toBe(first);
        expect(second.svg).toContain("data-id='system:Payroll'");
    });

    it('do not keep a stand-in picture: the next request tries the real layout again', async () => {
        const { analysis, documents } = await services(REFERENCE);
        let calls = 0;
        const failing: LayoutRunner = { async run() { calls++; throw new Error('engine down'); }, dispose() {} };
        const answers = createDiagramAnswers();
        const layouter = new DiagramLayouter(failing);
        const first = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, layouter, answers);
        expect(first.notes[0]).toMatch(/layout failed \(engine down\)/);
        const callsBefore = calls;
        await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, layouter, answers);
        expect(calls).toBeGreaterThan(callsBefore);
    });
});

describe('answer cache', () => {
    it('keeps the most recent answers up to a total weight, and none above the weight of one', () => {
        const owner = {};
        const cache = new AnswerCache<string>(answer => answer.length, { answer: 4, total: 6 });
        cache.set(owner, 'a', 'aaa');
        cache.set(owner, 'b', 'bbb');
        expect(cache.get(owner, 'a')).toBe('aaa');
        cache.set(owner, 'c', 'cc');
        // 'b' was used least recently: it goes to make room.
        expect([cache.get(owner, 'a'), cache.get(owner, 'b'), cache.get(owner, 'c')]).toEqual(['aaa', undefined, 'cc']);
        cache.set(owner, 'd', 'ddddd');
        expect(cache.get(owner, 'd')).toBeUndefined();
        expect(cache.get({}, 'a')).toBeUndefined();
    });
});

describe('integ/diagram request: the panel, the data followed, the lens and the preview picture', () => {
    it('answers the preview with a picture without title and legend, the legend alone, and what it can open and fold', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const result = await answerDiagramRequest({ ...PREVIEW, chrome: false }, analysis, documents, new DiagramLayouter(new CountingRunner()));
        expect(result.svg).not.toContain("class='integ-legend'");
        expect(result.legend).toMatch(/^<svg [^>]*class='integ-legend-sheet lens-style'/);
        expect(result.expandable).toEqual([]);
        expect(result.collapsible).toEqual([]);
        expect(result.choices.data).toEqual(expect.arrayContaining(['Customer', 'Customer.email', 'Order.total']));
        expect(result.choices.data).not.toContain('Customer.segment');
    });

    it('follows the data asked for, and says which names exist when it does not know one', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const layouter = new DiagramLayouter(new CountingRunner());
        const followed = await answerDiagramRequest({ ...PREVIEW, follow: 'Customer.email' }, analysis, documents, layouter);
        expect(followed.svg).toMatch(/<svg [^>]*class='integ-diagram lens-style following'/);
        expect(followed.notes.join(' ')).toMatch(/Following Customer\.email/);
        const unknown = await answerDiagramRequest({ ...PREVIEW, follow: 'Customer.nope' }, analysis, documents, layouter);
        expect(unknown.error).toMatch(/entity Customer has no field 'nope' \(fields: name, email, creditLimit, segment\)/);
        const forged = await answerDiagramRequest({ ...PREVIEW, follow: 42 as never }, analysis, documents, layouter);
        expect(forged.error).toMatch(/follow names an entity/);
    });

    it('colours an export by the lens asked for and refuses an unknown one', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const layouter = new DiagramLayouter(new CountingRunner());
        const data = await answerDiagramRequest({ ...PREVIEW, lens: 'data' }, analysis, documents, layouter);
        expect(data.svg).toMatch(/<svg [^>]*class='integ-diagram lens-data'/);
        const bad = await answerDiagramRequest({ ...PREVIEW, lens: 'x-ray' as never }, analysis, documents, layouter);
        expect(bad.error).toMatch(/unknown lens 'x-ray'/);
    });

    it('lays a view out again only when the shape of the panel changes, not its size', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const layouter = new DiagramLayouter(new CountingRunner());
        const answers = createDiagramAnswers();
        await answerDiagramRequest({ ...PREVIEW, panel: { width: 1600, height: 900 } }, analysis, documents, layouter, answers);
        const runs = layouter.runs;
        await answerDiagramRequest({ ...PREVIEW, panel: { width: 1500, height: 800 } }, analysis, documents, layouter, answers);
        expect(layouter.runs).toBe(runs);
        await answerDiagramRequest({ ...PREVIEW, panel: { width: 500, height: 1000 } }, analysis, documents, layouter, answers);
        expect(layouter.runs).toBe(runs + 1);
        const nonsense = await answerDiagramRequest({ ...PREVIEW, panel: { width: -1, height: Number.NaN } }, analysis, documents, layouter, answers);
        expect(nonsense.error).toBeUndefined();
    });
});
