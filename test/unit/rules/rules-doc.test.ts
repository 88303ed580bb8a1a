import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ALL_RULES } from '../../../language-server/src/rules/all-rules.js';
import { CATALOGUE } from '../../../language-server/src/rules/catalogue.js';
import { loadTexts } from '../helpers/workspace.js';

/** docs/rules.md: one `## <rule id>` section per rule, each with a failing and a passing ```integ example. */
const DOC = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

function sections(markdown: string): Map<string, string> {
    const result = new Map<string, string>();
    const parts = markdown.split(/^## /m).slice(1);
    for (const part of parts) {
        const newline = part.indexOf('\n');
        result.set(part.slice(0, newline).trim(), part.slice(newline + 1));
    }
    return result;
}

function examples(section: string): string[] {
    return [...section.matchAll(/```integ\n([\s\S]*?)```/g)].map(match => match[1]);
}

/** Active (not accepted) findings of the rule in an example, which must parse and link cleanly. */
async function firing(text: string, ruleId: string): Promise<string[]> {
    const ws = await loadTexts({ 'example.integ': text });
    expect(ws.documents[0].diagnostics?.filter(d => d.severity === 1).map(d => d.message) ?? []).toEqual([]);
    return ws.analysis.findings.filter(f => f.ruleId === ruleId && !f.accepted).map(f => f.message);
}

const DOCUMENTED = sections(DOC);

describe('the catalogue', () => {
    test('every rule of the catalogue is implemented, in catalogue order', () => {
        expect(ALL_RULES.map(rule => rule.id)).toEqual(CATALOGUE.map(rule => rule.id));
    });

    test('has the 36 rules of the design, the 5 policy, waiver and cycle rules, the retirement impact and the cross-border transfer, each with title and rationale', () => {
        expect(CATALOGUE).toHaveLength(43);
        for (const rule of CATALOGUE) {
            expect(rule.title.length, rule.id).toBeGreaterThan(0);
            expect(rule.rationale.length, rule.id).toBeGreaterThan(80);
        }
    });
});

describe('docs/rules.md', () => {
    test('has one section per catalogue rule, in catalogue order, and no other', () => {
        expect([...DOCUMENTED.keys()]).toEqual(CATALOGUE.map(rule => rule.id));
    });

    test('each section has the anchor the diagnostics link to', () => {
        for (const rule of CATALOGUE) {
            const githubAnchor = rule.id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
            expect(rule.anchor).toBe(githubAnchor);
        }
    });

    test.each(CATALOGUE.map(rule => [rule.id]))('%s: the failing example fires it, the passing one does not', async ruleId => {
        const section = DOCUMENTED.get(ruleId);
        expect(section, `section for ${ruleId}`).toBeDefined();
        const [failing, passing, ...rest] = examples(section ?? '');
        expect(rest).toEqual([]);
        expect(await firing(failing, ruleId)).not.toEqual([]);
        expect(await firing(passing, ruleId)).toEqual([]);
    });
});
