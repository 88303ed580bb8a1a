import { createToken, type ILexerErrorMessageProvider, type ILexingError, type IToken, type TokenType, type TokenVocabulary } from 'chevrotain';
import { DefaultLexer, type Grammar, type LexerResult, type TokenBuilderOptions, type TokenizeOptions } from 'langium';
import { KeywordAsNameTokenBuilder } from './keyword-token-builder.js';

/** Tokens that exist only to be reported: the parser never sees them. */
const ERROR_GROUP = 'lexing-errors';

/**
 * A string the line ends inside. Without this token the lexer retried the string pattern at every
 * later quote of the line, each time scanning to its end: quadratic in the line's length.
 */
const UNCLOSED_STRING = createToken({ name: 'UNCLOSED_STRING', pattern: /"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*/, group: ERROR_GROUP });

/** A block comment the file ends inside: the rest of the file is the comment, as an editor shows it. */
const UNCLOSED_COMMENT = createToken({ name: 'UNCLOSED_COMMENT', pattern: /\/\*[\s\S]*/, group: ERROR_GROUP, line_breaks: true });

/**
 * Any one character no other token starts with. Chevrotain's own recovery from such a character
 * tries every pattern of the language at every following offset until one matches, which cost
 * seconds per megabyte of garbage; as the last token of the language this one ends that search at
 * once. `[\u0000-\uffff]` rather than `[\s\S]`: a complement set would switch off the lexer's
 * first-character optimisation for the whole language.
 */
const UNEXPECTED = createToken({ name: 'UNEXPECTED', pattern: /[\u0000-\uffff]/, group: ERROR_GROUP, line_breaks: true });

/** The language's tokens followed by the error tokens, which match only where nothing else does. */
export class IntegTokenBuilder extends KeywordAsNameTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        return [...super.buildTokens(grammar, options) as TokenType[], UNCLOSED_STRING, UNCLOSED_COMMENT, UNEXPECTED];
    }
}

/**
 * A run of unexpected characters. A megabyte of garbage has hundreds of thousands of them and only the
 * first hundred are shown (see the document validator), so the message is written when first read.
 */
class UnexpectedCharacters implements ILexingError {
    private text?: string;

    constructor(
        private readonly source: string,
        private readonly messages: ILexerErrorMessageProvider,
        readonly offset: number,
        public length: number,
        readonly line: number | undefined,
        readonly column: number | undefined
    ) {}

    get message(): string {
        return this.text ??= this.messages.buildUnexpectedCharactersMessage(this.source, this.offset, this.length, this.line, this.column);
    }
}

/** Turns the error tokens into lexing errors; adjacent unexpected characters make one error, as Chevrotain reports them. */
export class IntegLexer extends DefaultLexer {
    override tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        const result = this.chevrotainLexer.tokenize(text);
        const errors = this.lexingErrors(text, result.groups[ERROR_GROUP] ?? []);
        return {
            tokens: result.tokens,
            errors: [...result.errors, ...errors].sort((a, b) => a.offset - b.offset),
            hidden: result.groups.hidden ?? [],
            report: this.tokenBuilder.flushLexingReport?.(text)
        };
    }

    private lexingErrors(text: string, tokens: IToken[]): ILexingError[] {
        const errors: ILexingError[] = [];
        let run: UnexpectedCharacters | undefined;
        for (const token of tokens) {
            if (token.tokenType === UNEXPECTED) {
                if (run && run.offset + run.length === token.startOffset) {
                    run.length += token.image.length;
                } else {
                    run = new UnexpectedCharacters(text, this.errorMessageProvider, token.startOffset, token.image.length, token.startLine, token.startColumn);
                    errors.push(run);
                }
                continue;
            }
            run = undefined;
            const unclosedString = token.tokenType === UNCLOSED_STRING;
            errors.push({
                offset: token.startOffset, line: token.startLine, column: token.startColumn,
                length: unclosedString ? token.image.length : 2,
                message: unclosedString ? 'This quoted text is never closed: end it with " on the same line.' : 'This comment is never closed: end it with */.'
            });
        }
        return errors;
    }
}
