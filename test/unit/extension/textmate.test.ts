import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GrammarAST, AstUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { IntegrationGrammar } from '../../../language-server/src/generated/grammar.js';

interface Pattern { name?: string; match?: string; begin?: string; end?: string; include?: string; patterns?: Pattern[]; captures?: Record<string, { name: string }> }
interface TmGrammar { scopeName: string; patterns: Pattern[]; repository: Record<string, Pattern> }

const root = join(__dirname, '../../..');
const grammar = JSON.parse(readFileSync(join(root, 'extension/syntaxes/integ.tmLanguage.json'), 'utf8')) as TmGrammar;

function allPatterns(patterns: Pattern[]): Pattern[] {
    return patterns.flatMap(pattern => [pattern, ...allPatterns(pattern.patterns ?? [])]);
}

/** The first scope a single-pattern scan gives `word` when it stands alone, following the grammar's include order. */
function scopeOf(word: string): string | undefined {
    for (const include of grammar.patterns) {
        const section = grammar.repository[include.include!.slice(1)];
        for (const pattern of allPatterns(section.patterns ?? [])) {
            if (!pattern.match) continue;
            const match = new RegExp(pattern.match).exec(word);
            if (match && match.index === 0 && match[0] === word) return pattern.name ?? pattern.captures?.['1']?.name;
        }
    }
    return undefined;
}

describe('the TextMate grammar', () => {
    it('is the integ scope and every regular expression compiles', () => {
        expect(grammar.scopeName).toBe('source.integ');
        const sources = Object.values(grammar.repository).flatMap(section => allPatterns(section.patterns ?? []))
            .flatMap(pattern => [pattern.match, pattern.begin, pattern.end]).filter((s): s is string => s !== undefined);
        expect(sources.length).toBeGreaterThan(10);
        for (const source of sources) expect(() => new RegExp(source), source).not.toThrow();
    });

    it('colours every word-like keyword of the language', () => {
        const keywords = new Set(AstUtils.streamAllContents(IntegrationGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value)
            .filter(value => /^[a-z][a-z0-9-]*$/.test(value)));
        const uncoloured = [...keywords].filter(keyword => scopeOf(keyword) === undefined);
        expect(uncoloured).toEqual([]);
    });

    it('tells enum values, numbers, dates and percentages apart', () => {
        expect(scopeOf('crm')).toBe('constant.language.integ');
        expect(scopeOf('shared-account')).toBe('constant.language.integ');
        expect(scopeOf('carries')).toBe('keyword.other.property.integ');
        expect(scopeOf('2027-06-30')).toBe('constant.numeric.date.integ');
        expect(scopeOf('-50%')).toBe('constant.numeric.percent.integ');
        expect(scopeOf('1.2')).toBe('constant.numeric.decimal.integ');
        expect(scopeOf('12 hours')).toBe('constant.numeric.integer.integ');
        expect(scopeOf('system')).toBe('storage.type.declaration.integ');
    });
});
