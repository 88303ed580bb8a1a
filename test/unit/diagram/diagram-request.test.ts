import { describe, expect, it } from 'vitest';
import { DiagramLayouter } from '../../../language-server/src/diagram/layout.js';
import { answerDiagramRequest } from '../../../language-server/src/lsp/diagram-request.js';
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
