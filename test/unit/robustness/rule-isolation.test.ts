import { describe, expect, test } from 'vitest';
import { ALL_RULES } from '../../../language-server/src/rules/all-rules.js';
import { systemRule } from '../../../language-server/src/rules/rule-kit.js';
import { runRules } from '../../../language-server/src/rules/run-rules.js';
import { loadTexts } from '../helpers/workspace.js';

describe('a rule whose check of one element throws (rules/rule-runner.ts)', () => {
    test('becomes one internal-error finding naming the rule; every other rule still reports on every element', async () => {
        const text = 'system Sheet { kind spreadsheet }\nsystem Erp { kind erp }\nflow Keying : Sheet -> Erp { style manual  volume 40 per day }\n';
        const { analysis } = await loadTexts({ 'estate.integ': text });
        const throwing = systemRule('test/throws-on-erp', system => {
            if (system.name === 'Erp') throw new Error('boom');
        });
        const findings = runRules(analysis.estate, { rules: [...ALL_RULES.slice(0, 3), throwing, ...ALL_RULES.slice(3)], today: '2026-11-26' });
        expect(findings.filter(f => f.ruleId === 'internal-error').map(f => f.message))
            .toEqual(['Rule test/throws-on-erp failed: boom. The other rules still ran; please report this. (internal-error)']);
        const others = findings.filter(f => f.ruleId !== 'internal-error').map(f => `${f.ruleId} ${f.element.name}`).sort();
        expect(others).toEqual(runRules(analysis.estate, { today: '2026-11-26' }).map(f => `${f.ruleId} ${f.element.name}`).sort());
        expect(others.length).toBeGreaterThan(0);
    });
});
