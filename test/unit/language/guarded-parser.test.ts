import { describe, expect, test } from 'vitest';
import type { IToken } from 'chevrotain';
import { createIntegCoreServices } from '../../../language-server/src/module.js';
import type { GuardedParseResult } from '../../../language-server/src/parser/guarded-parser.js';

/** The parser, with a count of the tokens it looks ahead at. */
function countingParser() {
    const parser = createIntegCoreServices().integ.parser.LangiumParser;
    const wrapper = (parser as unknown as { wrapper: { LA(k: number): IToken } }).wrapper;
    const lookAhead = wrapper.LA.bind(wrapper);
    const counter = { lookAheads: 0 };
    wrapper.LA = (k: number) => {
        counter.lookAheads++;
        return lookAhead(k);
    };
    return { parser, counter };
}

describe('the guarded parser', () => {
    test.each([
        ['stray names inside a block', (n: number) => `system A { kind ${'x '.repeat(n)}}`],
        ['stray numbers after a value', (n: number) => `flow F from A to B { style ${'1 '.repeat(n)}}\n`]
    ])('re-syncing after an error looks a bounded way ahead: %s', (_, shape) => {
        // Chevrotain scans to the end of the input for a re-sync token at every error, so the
        // look-aheads of one error would grow with the garbage that follows it.
        const { parser, counter } = countingParser();
        const lookAheads = [5_000, 20_000].map(n => {
            counter.lookAheads = 0;
            expect(parser.parse(shape(n)).parserErrors.length).toBeGreaterThan(0);
            return counter.lookAheads;
        });
        expect(lookAheads[1]).toBeLessThan(lookAheads[0] * 1.5);
    });

    test('a failure inside the parser becomes an empty model with the reason, not an exception', () => {
        const { integ } = createIntegCoreServices();
        const lexer = integ.parser.Lexer;
        const tokenize = lexer.tokenize.bind(lexer);
        let failures = 1;
        lexer.tokenize = (text, options) => {
            if (failures-- > 0) throw new Error('lexer exploded');
            return tokenize(text, options);
        };
        const result = integ.parser.LangiumParser.parse('system Crm { kind crm }') as GuardedParseResult;
        expect(result.stoppedAt).toEqual({ offset: 0, reason: 'the parser failed (lexer exploded)' });
        expect(result.value.$type).toBe('Model');
        expect(JSON.stringify(Object.values(result.value).filter(Array.isArray).flat())).toBe('[]');
    });
});
