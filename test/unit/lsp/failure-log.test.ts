import { OperationCancelled } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagramLayouter, type LayoutRunner } from '../../../language-server/src/diagram/layout.js';
import { connectionLog, loggedFailure } from '../../../language-server/src/lsp/connection-log.js';
import { answerDiagramRequest, answerTooltipRequest, createDiagramAnswers } from '../../../language-server/src/lsp/diagram-request.js';
import { warmUpEditPath } from '../../../language-server/src/lsp/edit-warm-up.js';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import type { Rule } from '../../../language-server/src/rules/rule-kit.js';
import { targets } from '../../../language-server/src/rules/roi-rules.js';
import type { IntegLog } from '../../../language-server/src/workspace/integ-log.js';
import { loadWorkspace } from '../../../language-server/src/workspace/load-workspace.js';
import { REFERENCE } from '../diagram/helpers.js';
import { openWorkspace } from '../helpers/open-workspace.js';

/** The lines the output channel would show. */
function recordingLog(): IntegLog & { lines: string[] } {
    const lines: string[] = [];
    return { lines, error: message => { lines.push(message); } };
}

async function workspace(text: string, log: IntegLog = recordingLog()) {
    const services = createIntegCoreServices(undefined, {}, { log: { Log: () => log } });
    await loadWorkspace(services, [{ uri: 'file:///ws/model.integ', text }]);
    return { analysis: services.integ.analysis.WorkspaceAnalysis, documents: services.shared.workspace.LangiumDocuments };
}

class FailingRunner implements LayoutRunner {
    async run(): Promise<never> {
        throw new Error('ELK broke');
    }

    dispose(): void {}
}

afterEach(() => { vi.restoreAllMocks(); });

describe('failures the language server recovers from are written to the output channel', () => {
    it('a rule that throws: its id and the stack, besides the internal-error finding', async () => {
        vi.spyOn(targets as Required<Pick<Rule, 'run'>>, 'run').mockImplementation(() => { throw new Error('boom'); });
        const log = recordingLog();
        const { analysis } = await workspace('roadmap R { initiative A { } }\n', log);
        expect(analysis.result.findings.map(finding => finding.ruleId)).toContain('internal-error');
        expect(log.lines).toHaveLength(1);
        expect(log.lines[0]).toMatch(/^Rule roi\/targets failed; its findings are replaced by an internal-error finding: Error: boom\n\s+at /);
    });

    it('a layout that fails: the view asked for and the stack, while the reader gets a grid and a note', async () => {
        const log = recordingLog();
        const { analysis, documents } = await workspace(REFERENCE);
        const answer = await answerDiagramRequest({ view: { kind: 'department', name: 'Sales' }, state: 'as-is' }, analysis, documents, new DiagramLayouter(new FailingRunner()), undefined, log);
        expect(answer.notes[0]).toBe('layout failed (ELK broke) — showing a simple grid');
        expect(log.lines).toHaveLength(1);
        expect(log.lines[0]).toMatch(/^integ\/diagram department:Sales: the layout failed, a grid is shown instead: Error: ELK broke\n\s+at /);
    });

    it('a tooltip that fails for another reason than its parameters: logged, and no tooltip shown', async () => {
        const log = recordingLog();
        const { analysis } = await workspace(REFERENCE);
        const answers = createDiagramAnswers();
        vi.spyOn(answers, 'graph').mockImplementation(() => { throw new TypeError('cache broke'); });
        expect(answerTooltipRequest({ diagram: { view: { kind: 'estate' }, state: 'as-is' }, id: 'system:SAP' }, analysis, answers, log)).toBeNull();
        expect(log.lines[0]).toMatch(/^integ\/diagramTooltip estate system:SAP: TypeError: cache broke\n/);
        // Parameters the types do not allow, or a view that no longer exists, are no fault of the server.
        expect(answerTooltipRequest({ diagram: { view: { kind: 'file' as never }, state: 'as-is' }, id: 'system:SAP' }, analysis, createDiagramAnswers(), log)).toBeNull();
        expect(answerTooltipRequest({ diagram: { view: { kind: 'department', name: 'Nope' }, state: 'as-is' }, id: 'system:SAP' }, analysis, createDiagramAnswers(), log)).toBeNull();
        expect(log.lines).toHaveLength(1);
    });

    it('a request that fails: logged with what was asked and still answered as an error; a cancelled one is not logged', async () => {
        const log = recordingLog();
        await expect(loggedFailure(log, 'integ/roadmap', async () => { throw new RangeError('no room'); })).rejects.toThrow('no room');
        await expect(loggedFailure(log, 'integ/roadmap', async () => { throw OperationCancelled; })).rejects.toBe(OperationCancelled);
        expect(log.lines).toHaveLength(1);
        expect(log.lines[0]).toMatch(/^integ\/roadmap failed: RangeError: no room\n/);
    });

    it('a warm-up of the edit path that fails', async () => {
        const log = recordingLog();
        const { services, builder, write } = await openWorkspace({ 'hub.integ': 'system Hub { kind crm }\n' });
        warmUpEditPath(services.shared, log, async () => { throw new Error('scratch workspace broke'); });
        await builder.update([write('hub.integ', 'system Hub { kind erp }\n')], []);
        await vi.waitFor(() => expect(log.lines).toHaveLength(1), { timeout: 3_000 });
        expect(log.lines[0]).toMatch(/^The warm-up of the edit path failed: Error: scratch workspace broke\n/);
    });

    it("the language server's log is the connection's console", () => {
        const console = { error: vi.fn() };
        connectionLog({ console } as unknown as Connection).error('Rule x failed');
        expect(console.error).toHaveBeenCalledWith('Rule x failed');
    });
});
