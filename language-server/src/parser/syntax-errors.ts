import { DocumentValidator, type LangiumDocument } from 'langium';
import { STDLIB_URI } from '../stdlib/stdlib.js';

/** Langium's codes for diagnostics that mean the model text is broken, not that the estate has a finding. */
const BROKEN_MODEL_CODES: ReadonlySet<string> = new Set([DocumentValidator.LexingError, DocumentValidator.ParsingError, DocumentValidator.LinkingError]);

/** Counts lexing, parsing and linking errors among diagnostics (LSP shaped, `data.code` set by Langium). */
export function countSyntaxErrors(diagnostics: Iterable<{ data?: unknown }>): number {
    let count = 0;
    for (const diagnostic of diagnostics) {
        const code = (diagnostic.data as { code?: unknown } | undefined)?.code;
        if (typeof code === 'string' && BROKEN_MODEL_CODES.has(code)) count++;
    }
    return count;
}

/** Whether a file of the workspace (the standard library aside) has lexing, parsing or linking errors. */
export function hasSyntaxErrors(documents: Iterable<LangiumDocument>): boolean {
    for (const document of documents) {
        if (document.uri.toString() !== STDLIB_URI && countSyntaxErrors(document.diagnostics ?? []) > 0) return true;
    }
    return false;
}
