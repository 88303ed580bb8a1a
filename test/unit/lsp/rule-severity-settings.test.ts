import { DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import { parseSeveritySettings } from '../../../language-server/src/lsp/rule-severity-settings.js';
import { lspWorkspace } from './lsp-workspace.js';

const MODEL = [
    'policy { rule "gap/no-integration" info }',
    'system A { kind crm  department D  owner "x" }',
    'system B { kind erp  department D  owner "y" }',
    'department D',
    'entity E { field x }',
    'flow F : A -> B { carries E.x  style manual  effort 3 hours per week }'
].join('\n');

describe('integ.rules.severity', () => {
    it('keeps only rule ids mapped to error, warning, info or off', () => {
        expect(parseSeveritySettings({ 'gap/batch': 'error', 'security/sso': 'off', bad: 'fatal', worse: 3 })).toEqual({ 'gap/batch': 'error', 'security/sso': 'off' });
        expect(parseSeveritySettings(undefined)).toEqual({});
        expect(parseSeveritySettings('error')).toEqual({});
    });

    it('applies the editor setting on top of the policy block and republishes', async () => {
        const { shared, integ } = await lspWorkspace({ 'm.integ': MODEL });
        const severityOf = (rule: string) => integ.analysis.WorkspaceAnalysis.result.findings.filter(f => f.ruleId === rule).map(f => f.severity);
        expect(severityOf('gap/no-integration')).toEqual(['info']);

        const rebuilt = new Promise<void>(resolve => shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => resolve()));
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { integ: { rules: { severity: { 'gap/no-integration': 'error', 'inventory/empty-flow': 'off' } } } } });
        await rebuilt;
        expect(severityOf('gap/no-integration')).toEqual(['error']);

        const again = new Promise<void>(resolve => shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => resolve()));
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { integ: { rules: { severity: { 'gap/no-integration': 'off' } } } } });
        await again;
        expect(severityOf('gap/no-integration')).toEqual([]);
    });
});
