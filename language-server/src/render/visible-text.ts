/**
 * Characters a terminal, a CI log or a renderer acts on, or that hide or reorder what is shown: C0
 * and C1 controls (ESC starts colour, clear-screen and OSC 8 hyperlink sequences; CR overwrites the
 * line; U+009B is an 8-bit CSI), Unicode format characters (bidi overrides such as U+202E,
 * zero-width spaces, tag characters), line and paragraph separators, and lone surrogates. The
 * zero-width joiner and non-joiner stay: scripts and emoji need them.
 */
const INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function hex(code: number, width: number): string {
    return code.toString(16).padStart(width, '0');
}

/** Text from a model or a file name with every invisible character spelled out: `\x1b`, `\n`, `\u202e`, `\u{e0041}`. */
export function visible(text: string): string {
    return text.replace(INVISIBLE, character => {
        const code = character.codePointAt(0)!;
        if (code < 0x100) return `\\x${hex(code, 2)}`;
        return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`;
    });
}
