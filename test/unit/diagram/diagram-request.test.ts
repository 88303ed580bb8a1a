import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../../language-server/src/diagram/answer-cache.js';
import { DiagramLayouter, type LayoutRunner } from '../../../language-server/src/diagram/layout.js';
import { answerDiagramRequest, createDiagramAnswers } from '../../../language-server/src/lsp/diagram-request.js';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { CountingRunner, REFERENCE } from './helpers.js';

async function services(text: string) {
    const created = createIntegCoreServices();
    await loadWorkspace(created, [{ uri: 'file:///ws/model.integ', text }]);
    return { analysis: created.integ.analysis.WorkspaceAnalysis, documents: created.shared.workspace.LangiumDocuments };
}

describe('integ/diagram request', () => {
    it('answers with the SVG, locations, tooltips and choices', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const result = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, new DiagramLayouter(new CountingRunner()));
        expect(result.error).toBeUndefined();
        expect(result.hasErrors).toBe(false);
        expect(result.svg.startsWith('<svg')).toBe(true);
        expect(result.locations['flow:Invoicing'].uri).toBe('file:///ws/model.integ');
        expect(result.locations['flow:Invoicing'].range.start.line).toBe(REFERENCE.split('\n').findIndex(line => line.startsWith('flow Invoicing')));
        expect(result.tooltips['system:OrdersWorkbook'].lines).toContain('shadow IT');
        expect(result.choices.processes).toEqual(['OrderToCash']);
        expect(result.choices.systems).toEqual(['Ledger', 'OrdersWorkbook', 'SAP', 'Salesforce']);
    });

    it('leaves out the hover titles the preview does not show when asked, and keeps the same picture otherwise', async () => {
        const { analysis, documents } = await services(REFERENCE);
        const answers = createDiagramAnswers();
        const layouter = new DiagramLayouter(new CountingRunner());
        const titled = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, layouter, answers);
        const plain = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is', hoverTitles: false }, analysis, documents, layouter, answers);
        expect(titled.svg).toMatch(/data-id="system:SAP"><title>SAP S\/4HANA \(SAP\)/);
        expect(plain.svg).toContain('data-id="system:SAP"><rect');
        // Only the document's own title is left, and removing the hover titles from the titled picture gives the plain one.
        expect(plain.svg.match(/<title>/g)?.length).toBe(1 + (plain.svg.match(/class="integ-lock"/g)?.length ?? 0));
        expect(titled.svg.replace(/(data-id="[^"]*">)<title>[^<]*<\/title>/g, '$1')).toBe(plain.svg);
        expect(plain.tooltips).toEqual(titled.tooltips);
    });

    it('reports syntax errors and bad parameters instead of failing', async () => {
        const { analysis, documents } = await services(REFERENCE + '\nsystem Broken {\n');
        const layouter = new DiagramLayouter(new CountingRunner());
        const broken = await answerDiagramRequest({ view: { kind: 'estate' }, state: 'as-is' }, analysis, documents, layouter);
        expect(broken.hasErrors).toBe(true);
        expect(broken.svg).toContain('data-id="system:SAP"');
        const bad = await answerDiagramRequest({ view: { kind: 'nope' as never }, state: 'as-is' }, analysis, documents, layouter);
        expect(bad.error).toMatch(/unknown view 'nope'/);
        const unknown = await answerDiagramRequest({ view: { kind: 'department', name: 'Nope' }, state: 'as-is' }, analysis, documents, layouter);
        expect(unknown.error).toMatch(/unknown department 'Nope'/);
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
        expect(second.svg).toContain('data-id="system:Payroll"');
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
