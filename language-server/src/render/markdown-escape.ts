import { visible } from './visible-text.js';

/**
 * Model text inside Markdown (reports, roadmap, hover, completion documentation) must read as the
 * characters written, never as an image, a link, HTML, a heading, a list or a table cell break.
 */

/** Line breaks and tabs: a break inside a table row or list item would start a new block, a tab could indent code. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Punctuation with a meaning anywhere in a line: escapes, code, emphasis, strike-through, links, HTML and autolinks, entities, table cells, headings, math. */
const INLINE = /[\\`*_~[\]<>&|#$@]/g;
/** Punctuation that opens a block only where the text starts a line: lists, block quotes, setext underlines. */
const LINE_START = /^(?:[-+=]|\d+(?=[.)]))/;

/** One line of text, without the leading spaces that could make it indented code. */
function oneLine(text: string): string {
    return visible(text.replace(BREAKS, ' ').replace(/^ +| +$/g, ''));
}

/** Plain text for anywhere in a Markdown line (a paragraph, a heading, a list item, a table cell). */
export function escapeMarkdown(text: string): string {
    return oneLine(text)
        .replace(INLINE, character => `\\${character}`)
        // GFM, VS Code and linkify turn `https://…`, `//…` and `www.…` into links without any markup; an escaped character breaks the pattern.
        .replace(/\/\//g, '\\/\\/')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(LINE_START, start => /^\d/.test(start) ? `${start}\\` : `\\${start}`);
}

/**
 * A code span showing `text` as written: the fence is longer than any run of backticks inside it.
 * In a table cell a `|` must still be escaped (GFM splits cells before it reads code spans).
 */
export function markdownCode(text: string, inTable = false): string {
    const content = inTable ? oneLine(text).replace(/\|/g, '\\|') : oneLine(text);
    if (content === '') return '';
    const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${content}${pad}${fence}`;
}
