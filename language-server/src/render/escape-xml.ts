/** Escapes text for an XML/HTML text node or a double-quoted attribute value. */
export function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
