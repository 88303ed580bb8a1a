/** Langium's codes for diagnostics that mean the model text is broken, not that the estate has a finding. */
const BROKEN_MODEL_CODES: ReadonlySet<string> = new Set(['lexing-error', 'parsing-error', 'linking-error']);

/** Counts lexing, parsing and linking errors among diagnostics (LSP shaped, `data.code` set by Langium). */
export function countSyntaxErrors(diagnostics: Iterable<{ data?: unknown }>): number {
    let count = 0;
    for (const diagnostic of diagnostics) {
        const code = (diagnostic.data as { code?: unknown } | undefined)?.code;
        if (typeof code === 'string' && BROKEN_MODEL_CODES.has(code)) count++;
    }
    return count;
}
