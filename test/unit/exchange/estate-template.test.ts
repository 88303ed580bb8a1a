import { describe, expect, it } from 'vitest';
import { ESTATE_TEMPLATE } from '../../../extension/src/estate-template.js';
import { languageDiagnostics, loadTexts } from '../helpers/workspace.js';

describe('the starter estate of "Integration: New Estate…"', () => {
    it('loads without language errors and shows the findings the walkthrough points at', async () => {
        const workspace = await loadTexts(ESTATE_TEMPLATE);
        expect(languageDiagnostics(workspace)).toEqual([]);
        const rules = new Set(workspace.analysis.findings.map(finding => finding.ruleId));
        expect(rules).toContain('gap/no-integration');
        expect([...rules].some(rule => rule.startsWith('security/'))).toBe(true);
        expect(workspace.analysis.estate.initiatives.get('CrmToErp')?.delivers).toEqual(['CustomerSync']);
    });
});
