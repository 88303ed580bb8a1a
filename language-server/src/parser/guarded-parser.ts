import { EOF, tokenMatcher } from 'chevrotain';
import { createLangiumParser, type AstNode, type LangiumCoreServices, type LangiumParser, type ParseResult } from 'langium';
import { parserInternals } from '../langium-internals.js';
import { placeHiddenNodesLinearly } from './hidden-node-placement.js';

/**
 * After this many syntax errors the parser stops recovering and ends the parse: chevrotain
 * re-syncs a repetition by calling it recursively, so unbounded recovery on a garbled file
 * grows the stack with every error (a stack overflow at a few thousand errors) and takes minutes.
 */
export const MAX_RECOVERED_ERRORS = 200;

/**
 * How far ahead recovery looks for a token to re-sync on. Chevrotain scans to the end of the input
 * for every error, which is quadratic on a garbled file; a real model re-syncs within a few tokens.
 */
const MAX_RESYNC_LOOKAHEAD = 2000;

export interface GuardedParseResult extends ParseResult {
    /** Offset where analysis stopped (too many errors, or binary content), if it did. */
    stoppedAt?: { offset: number; reason: string };
}

/**
 * Langium's parser with two guards: binary content (a NUL byte) ends the model there, and after
 * MAX_RECOVERED_ERRORS errors recovery is switched off so the parse ends promptly. Any other
 * failure inside the parser becomes an empty model with the reason, never an exception.
 */
export function createGuardedParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    placeHiddenNodesLinearly(parser);
    const wrapper = parserInternals(parser).wrapper;
    const saveError = wrapper.SAVE_ERROR.bind(wrapper);
    const repetitionRecovery = wrapper.attemptInRepetitionRecovery;
    const setRecovery = (enabled: boolean) => {
        wrapper.recoveryEnabled = enabled;
        wrapper.attemptInRepetitionRecovery = enabled ? repetitionRecovery : () => undefined;
    };
    let errors = 0;
    let stoppedAt: GuardedParseResult['stoppedAt'];
    wrapper.SAVE_ERROR = (error: Error & { token?: { startOffset: number } }) => {
        errors++;
        if (errors === MAX_RECOVERED_ERRORS) {
            setRecovery(false);
            stoppedAt = { offset: error.token?.startOffset ?? 0, reason: `more than ${MAX_RECOVERED_ERRORS} syntax errors` };
        }
        return saveError(error);
    };
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => {
        errors = 0;
        stoppedAt = undefined;
        setRecovery(true);
        const nul = input.indexOf('\u0000');
        const text = nul >= 0 ? input.slice(0, nul) : input;
        try {
            const result = parse<T>(text, options);
            const binary = nul >= 0 ? { offset: nul, reason: 'a NUL byte: binary content is not an .integ model' } : undefined;
            return Object.assign(result, { stoppedAt: binary ?? stoppedAt });
        } catch (error) {
            return Object.assign(parse<T>('', options), {
                stoppedAt: { offset: 0, reason: `the parser failed (${error instanceof Error ? error.message : String(error)})` }
            });
        } finally {
            setRecovery(true);
        }
    };
    wrapper.findReSyncTokenType = () => {
        const follows = wrapper.flattenFollowSet();
        for (let k = 1; k <= MAX_RESYNC_LOOKAHEAD; k++) {
            const token = wrapper.LA(k);
            if (token.tokenType === EOF) return EOF;
            const match = follows.find(type => tokenMatcher(token, type));
            if (match) return match;
        }
        return EOF;
    };
    return parser;
}
