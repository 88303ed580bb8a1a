import type { IToken } from 'chevrotain';

/**
 * The offsets of the `{` that no `}` closes, pairing them as a stack does. A missing `}` surfaces
 * as a syntax error at the next declaration, far from its cause; this finds the cause.
 */
export function unclosedBraces(tokens: readonly IToken[]): number[] {
    const open: number[] = [];
    for (const token of tokens) {
        if (token.image === '{') open.push(token.startOffset);
        else if (token.image === '}') open.pop();
    }
    return open;
}
