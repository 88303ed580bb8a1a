import { expect } from 'vitest';
import { loadTexts, uri } from '../helpers/workspace.js';

/** Findings and diagnostics of one rule for a one-file model that must parse and link cleanly. */
export async function check(text: string, ruleId: string) {
    const ws = await loadTexts({ 'a.integ': text });
    expect(ws.documents[0].diagnostics?.filter(d => d.severity === 1) ?? []).toEqual([]);
    return {
        findings: ws.analysis.findings.filter(f => f.ruleId === ruleId),
        diagnostics: (ws.diagnostics.get(uri('a.integ')) ?? []).filter(d => d.code === ruleId)
    };
}

/** Zero-based line and column of the first occurrence of `needle`. */
export function at(text: string, needle: string): { line: number; character: number } {
    const offset = text.indexOf(needle);
    expect(offset).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}
