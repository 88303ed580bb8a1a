import { describe, expect, it } from 'vitest';
import { SHOW_RETIREMENT_IMPACT_COMMAND } from '../../../language-server/src/lsp/code-lens-provider.js';
import { answerRetirementImpact } from '../../../language-server/src/lsp/retirement-impact-request.js';
import { hoverAt, lspWorkspace } from './lsp-workspace.js';

const ESTATE = `system Crm { kind crm }
system Erp { kind erp }
system Sheet { kind spreadsheet }
system Old { kind legacy  status retired }
flow Orders : Crm -> Erp { style manual  effort 6 hours per week }
flow Export : Erp -> Sheet { style file  effort 2 hours per week }
flow Feed : Old -> Crm { style file  effort 1 hours per week }
flow Later : Crm -> Sheet { style api  status planned }
process OrderToCash { rank 1  steps Orders, Export }
roadmap Plan { start 2027-01  initiative Replace { months 1 to 3  replaces Export } }
`;

async function lensesOf(text: string) {
    const { integ, documents } = await lspWorkspace({ 'a.integ': text });
    const lenses = await integ.lsp.CodeLensProvider!.provideCodeLens(documents.get('a.integ')!, { textDocument: { uri: 'file:///ws/a.integ' } });
    return { integ, lenses: lenses ?? [] };
}

describe('the impact of retiring a system', () => {
    it('a code lens on each system says what retiring it breaks and opens the impact view', async () => {
        const { lenses } = await lensesOf(ESTATE);
        const impact = lenses.filter(lens => lens.command?.command === SHOW_RETIREMENT_IMPACT_COMMAND);
        expect(impact.map(lens => [lens.range.start.line, lens.command!.title, lens.command!.arguments])).toEqual([
            [0, 'If retired: 2 live flows, 1 process, 7 h/week affected', ['Crm']],
            [1, 'If retired: 1 live flow, 1 process, 6 h/week affected', ['Erp']],
            [2, 'If retired: 0 live flows, 0 processes, 0 h/week affected', ['Sheet']],
            [3, 'Retired, still depended on by: 1 live flow, 0 processes, 1 h/week affected', ['Old']]
        ]);
        // Crm: Orders and Feed (from the retired Old, still live) count; Later is planned and Export is replaced.
    });

    it('the hover, the code lens and the request share one computation', async () => {
        const { integ, lenses } = await lensesOf(ESTATE);
        const answer = answerRetirementImpact('Erp', integ.analysis.WorkspaceAnalysis)!;
        expect(answer).toEqual({ system: 'Erp', summary: 'If retired: 1 live flow, 1 process, 6 h/week affected', flows: ['Orders'], processes: ['OrderToCash'], hoursPerWeek: 6 });
        expect(lenses.find(lens => lens.command?.arguments?.[0] === 'Erp' && lens.command.command === SHOW_RETIREMENT_IMPACT_COMMAND)?.command?.title).toBe(answer.summary);
        const hover = await hoverAt(ESTATE.replace('system Erp', 'system |Erp'));
        expect(hover).toContain('If retired: **1 live flow, 1 process, 6 h/week affected** (Orders, OrderToCash)');
    });

    it('answers null for a name that is not a system of the workspace', async () => {
        const { integ } = await lensesOf(ESTATE);
        const analysis = integ.analysis.WorkspaceAnalysis;
        expect(answerRetirementImpact('Nowhere', analysis)).toBeNull();
        expect(answerRetirementImpact('Orders', analysis)).toBeNull();
    });
});
