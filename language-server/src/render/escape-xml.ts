import { hex } from './visible-text.js';

/** Characters XML 1.0 does not allow in a document at all: one in an SVG makes the whole picture unreadable. */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|\p{Cs}/gu;

/**
 * Escapes text for an XML/HTML text node or a double-quoted attribute value; a character XML forbids
 * is spelled out (`\x01`) instead, as the terminal output does.
 */
export function escapeXml(text: string): string {
    return text
        .replace(NOT_XML, character => {
            const code = character.codePointAt(0)!;
            return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
        })
        .replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
