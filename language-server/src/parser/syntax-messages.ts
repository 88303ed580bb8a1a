import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/** Parse errors in the architect's words: what was expected, what was found. */
const TERMINAL_NAMES: Record<string, string> = {
    ID: 'a name',
    STRING: 'a quoted title',
    INT: 'a number',
    DECIMAL: 'a version such as 1.2',
    PERCENT: 'a percentage such as 3%',
    DATE: 'a date such as 2027-01',
    EOF: 'the end of the file'
};

function describeExpected(type: TokenType): string {
    return TERMINAL_NAMES[type.name] ?? `'${type.name}'`;
}

export function describeFound(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') return 'the end of the file';
    const image = token.image.length > 40 ? `${token.image.slice(0, 40)}…` : token.image;
    return `'${printable(image)}'`;
}

function printable(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The keywords the parser would have accepted where it found a word instead, kept per token for
 * the validator's "did you mean" (Chevrotain's exceptions keep only the message).
 */
const expectedKeywords = new WeakMap<IToken, string[]>();

export function keywordsExpectedAt(token: IToken): readonly string[] | undefined {
    return expectedKeywords.get(token);
}

function recordKeywords(types: TokenType[], found: IToken | undefined): void {
    if (!found) return;
    const keywords = [...new Set(types.filter(type => !(type.name in TERMINAL_NAMES)).map(type => type.name))];
    if (keywords.length > 0) expectedKeywords.set(found, keywords);
}

function alternatives(types: TokenType[]): string {
    const names = [...new Set(types.map(describeExpected))];
    const shown = names.slice(0, 8);
    const more = names.length > shown.length ? `, … (${names.length - shown.length} more)` : '';
    return shown.length === 1 ? shown[0] : `one of ${shown.join(', ')}${more}`;
}

export class IntegParserErrorMessages implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return `Expected ${describeExpected(options.expected)} but found ${describeFound(options.actual)}.`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Expected a declaration (system, flow, entity, …) but found ${describeFound(options.firstRedundant)}.`;
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const firsts = options.expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0])).filter(Boolean);
        recordKeywords(firsts, options.actual[0]);
        return `Expected ${alternatives(firsts)} but found ${describeFound(options.actual[0])}.`;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter(Boolean);
        recordKeywords(firsts, options.actual[0]);
        return `Expected at least one ${alternatives(firsts)} but found ${describeFound(options.actual[0])}.`;
    }
}

export class IntegLexerErrorMessages implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substr(startOffset, Math.min(length, 20));
        return length === 1 ? `Unexpected character '${printable(text)}'.` : `Unexpected characters '${printable(text)}${length > 20 ? '…' : ''}'.`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected ${describeFound(token)}.`;
    }
}
