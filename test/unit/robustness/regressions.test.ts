import { describe, expect, test } from 'vitest';
import { FuzzWorkspace } from './pipeline.js';

/** Minimal counterexamples the fuzzer found; each once threw or misplaced a diagnostic. */
describe('fuzz regressions', () => {
    test('a keyword inside a policy duration leaves the unit out of the AST: a syntax error, not a crash', async () => {
        // samples/reference with " policy " inserted before "weeks" in `parallel-run 2 to 4 weeks`.
        const text = 'policy {\n  parallel-run 2 to 4 policy weeks\n}\n';
        const workspace = await FuzzWorkspace.create();
        const result = await workspace.run('file:///fuzz/policy.integ', text);
        expect(result.rangeProblems).toEqual([]);
        expect(result.diagnostics.get('file:///fuzz/policy.integ')!.map(d => [d.range.start.line, d.message])[0]).toEqual([1, "Expected one of 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', … (4 more) but found 'policy'."]);
    });

    test('a string of millions of characters is one token, not a stack overflow in the lexer', async () => {
        const text = `system A "${'x'.repeat(3_000_000)}" { kind crm }\nflow F : A -> Nowhere { }\n`;
        const workspace = await FuzzWorkspace.create();
        const result = await workspace.run('file:///fuzz/long-string.integ', text);
        expect(result.diagnostics.get('file:///fuzz/long-string.integ')!.filter(d => d.severity === 1).map(d => [d.range.start.line, d.message]))
            .toEqual([[1, "Unknown system 'Nowhere'."]]);
    });

    test('a hyphenated name of millions of characters is one token, not a stack overflow in the lexer', async () => {
        const name = `S${'-a'.repeat(1_500_000)}`;
        const workspace = await FuzzWorkspace.create();
        const result = await workspace.run('file:///fuzz/long-name.integ', `system ${name} { kind crm }\nflow F : ${name} -> Nowhere { }\n`);
        expect(result.diagnostics.get('file:///fuzz/long-name.integ')!.filter(d => d.severity === 1).map(d => [d.range.start.line, d.message]))
            .toEqual([[1, "Unknown system 'Nowhere'."]]);
    });

    test('a cost keyword inside an initiative leaves a cost without an amount: the roadmap renders, not throws', async () => {
        // Found with seed 1928956912: " cost " inserted into samples/reference before `replaces`.
        const text = 'system A { kind crm }\nsystem B { kind erp }\nflow F : A -> B { style manual }\nroadmap R {\n  start 2027-01\n  initiative I { months 1 to 2 cost\n replaces F }\n}\n';
        const workspace = await FuzzWorkspace.create();
        const result = await workspace.run('file:///fuzz/cost.integ', text);
        expect(result.rangeProblems).toEqual([]);
        expect(result.diagnostics.get('file:///fuzz/cost.integ')!.filter(d => d.severity === 1).map(d => d.range.start.line)).toEqual([6, 6]);
    });
});
