import type { Position, Range, TextEdit } from 'vscode-languageserver-types';

/**
 * Pure text edits for quick fixes: given the document text and where a declaration's braces are,
 * insert properties the way a person would write them. Kept free of Langium so the CLI and tests
 * can reuse them.
 */

/** Where a declaration's block is: its braces, or the end of the declaration when it has none. */
export interface BlockShape {
    /** End of the whole declaration (where a block is appended when there is none). */
    end: Position;
    open?: Position;
    close?: Position;
}

const INDENT_UNIT = '  ';

function lineAt(lines: string[], line: number): string {
    return lines[line] ?? '';
}

function indentationOf(text: string): string {
    return /^\s*/.exec(text)?.[0] ?? '';
}

/** Position just after the last non-blank character before `position` on its line. */
function afterLastContent(lines: string[], position: Position): Position {
    const before = lineAt(lines, position.line).slice(0, position.character);
    return { line: position.line, character: before.trimEnd().length };
}

/** The indentation properties of a multi-line block use: the first property line's, else one level deeper than the `{` line. */
function propertyIndent(lines: string[], open: Position, close: Position): string {
    for (let line = open.line + 1; line <= close.line; line++) {
        const text = line === close.line ? lineAt(lines, line).slice(0, close.character) : lineAt(lines, line);
        if (text.trim() !== '') return indentationOf(text);
    }
    return indentationOf(lineAt(lines, open.line)) + INDENT_UNIT;
}

/**
 * Inserts properties (each like `tls 1.2`) into the block: on their own lines with the block's
 * indentation in a multi-line block, separated by two spaces in a one-line block, in a new one-line
 * block when the declaration has none. `first` puts them right after `{` (e.g. `master`), else before `}`.
 */
export function insertProperties(text: string, shape: BlockShape, properties: string[], where: 'first' | 'last' = 'last'): TextEdit {
    const lines = text.split(/\r?\n/);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const { open, close } = shape;
    if (!open || !close) {
        return { range: { start: shape.end, end: shape.end }, newText: ` { ${properties.join('  ')} }` };
    }
    if (open.line === close.line) {
        const inner = lineAt(lines, open.line).slice(open.character + 1, close.character);
        if (inner.trim() === '') {
            return { range: { start: { line: open.line, character: open.character + 1 }, end: close }, newText: ` ${properties.join('  ')} ` };
        }
        if (where === 'first') {
            const at = { line: open.line, character: open.character + 1 };
            return { range: { start: at, end: at }, newText: ` ${properties.join('  ')} ` };
        }
        const at = afterLastContent(lines, close);
        return { range: { start: at, end: at }, newText: `  ${properties.join('  ')}` };
    }
    const indent = propertyIndent(lines, open, close);
    const block = properties.map(property => `${indent}${property}`).join(eol);
    if (where === 'first') {
        const at = { line: open.line + 1, character: 0 };
        return { range: { start: at, end: at }, newText: `${block}${eol}` };
    }
    const beforeClose = lineAt(lines, close.line).slice(0, close.character);
    if (beforeClose.trim() === '') {
        const at = { line: close.line, character: 0 };
        return { range: { start: at, end: at }, newText: `${block}${eol}` };
    }
    const at = afterLastContent(lines, close);
    return { range: { start: at, end: at }, newText: `${eol}${block}` };
}

export function replaceText(range: Range, newText: string): TextEdit {
    return { range, newText };
}

/** Appends a line at the end of the document, after a blank line. */
export function appendLine(text: string, line: string): TextEdit {
    const lines = text.split(/\r?\n/);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const last = lines.length - 1;
    const end = { line: last, character: lineAt(lines, last).length };
    const separator = text.length === 0 ? '' : lineAt(lines, last) === '' ? eol : eol + eol;
    return { range: { start: end, end }, newText: `${separator}${line}${eol}` };
}
