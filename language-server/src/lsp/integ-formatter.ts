import { CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver';

const INDENT = '  ';

/**
 * Canonical layout, computed from the token stream rather than Langium's whitespace-action
 * formatter (which reflows comments): 2-space indentation by brace depth, one property per line in
 * multi-line blocks, one-line blocks stay one line, comments kept where they were, at most one
 * blank line. Every choice depends only on facts the output preserves, so a second pass is a no-op.
 */
export class IntegFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return formatEdits(document);
    }

    formatDocumentRange(document: LangiumDocument, _params: DocumentRangeFormattingParams): TextEdit[] {
        return formatEdits(document);
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}

function formatEdits(document: LangiumDocument): TextEdit[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    // Formatting a half-parsed file would move text the parser skipped.
    if (lexerErrors.length > 0 || parserErrors.length > 0) return [];
    const text = document.textDocument.getText();
    const formatted = formatText(document.parseResult.value, text);
    if (formatted === text) return [];
    const end = document.textDocument.positionAt(text.length);
    return [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
}

interface Block { oneLine: boolean }

/** The formatted text of a parsed model; `text` is the source the CST was parsed from. */
export function formatText(root: AstNode, text: string): string {
    const cst = root.$cstNode;
    if (!cst) return text;
    const leaves = CstUtils.streamCst(cst).filter((node): node is LeafCstNode => isLeafCstNode(node)).toArray();
    const oneLineBraces = oneLineOpeningBraces(leaves);
    const out: string[] = [];
    const blocks: Block[] = [];
    let previous: LeafCstNode | undefined;
    let previousIsLineComment = false;
    for (const leaf of leaves) {
        const gap = previous ? text.slice(previous.end, leaf.offset) : '';
        const newlines = countNewlines(gap);
        const depth = blocks.length;
        const innermost = blocks[blocks.length - 1];
        let separator: string;
        if (!previous) {
            separator = '';
        } else if (leaf.hidden) {
            const sameLine = newlines === 0 && !previousIsLineComment;
            separator = sameLine ? (gap.length > 0 ? gap : ' ') : lineBreak(newlines, depth);
        } else if (leaf.text === '}') {
            separator = innermost?.oneLine ? ' ' : lineBreak(1, depth - 1);
        } else if (previousIsLineComment) {
            separator = lineBreak(newlines, startsProperty(leaf) ? depth : depth + 1);
        } else if (innermost?.oneLine || (previous.hidden && newlines === 0)) {
            separator = inlineSeparator(previous, leaf, gap, innermost?.oneLine === true);
        } else if (previous.text === '{' && !previous.hidden) {
            separator = lineBreak(1, depth);
        } else if (startsProperty(leaf)) {
            separator = lineBreak(Math.max(newlines, 1), depth);
        } else if (newlines > 0 && !tight(previous, leaf)) {
            separator = lineBreak(1, depth + 1);
        } else {
            separator = inlineSeparator(previous, leaf, gap, innermost?.oneLine === true);
        }
        out.push(separator, leaf.hidden ? leaf.text.trimEnd() : leaf.text);
        if (!leaf.hidden && leaf.text === '{') blocks.push({ oneLine: oneLineBraces.has(leaf) });
        if (!leaf.hidden && leaf.text === '}') blocks.pop();
        previousIsLineComment = leaf.hidden && leaf.text.startsWith('//');
        previous = leaf;
    }
    return out.join('').replace(/[ \t]+$/gm, '') + '\n';
}

function countNewlines(gap: string): number {
    let count = 0;
    for (const char of gap) if (char === '\n') count++;
    return count;
}

/** A new line at `depth`, keeping at most one blank line from the source. */
function lineBreak(newlines: number, depth: number): string {
    return (newlines >= 2 ? '\n\n' : '\n') + INDENT.repeat(Math.max(depth, 0));
}

/** `{` whose matching `}` is on the same source line. */
function oneLineOpeningBraces(leaves: LeafCstNode[]): Set<LeafCstNode> {
    const result = new Set<LeafCstNode>();
    const open: LeafCstNode[] = [];
    for (const leaf of leaves) {
        if (leaf.hidden) continue;
        if (leaf.text === '{') open.push(leaf);
        else if (leaf.text === '}') {
            const opening = open.pop();
            if (opening && opening.range.start.line === leaf.range.start.line) result.add(opening);
        }
    }
    return result;
}

/** Tokens written without a space between them: `Entity.field`, `a, b`, `field x: PII`. */
function tight(previous: LeafCstNode, leaf: LeafCstNode): boolean {
    if (leaf.text === ',' || leaf.text === '.' || previous.text === '.') return true;
    return leaf.text === ':' && leaf.astNode.$type === 'Field';
}

/** Between tokens on one line: none where tight, else one space, or two inside a one-line block where the author separated properties with two. */
function inlineSeparator(previous: LeafCstNode, leaf: LeafCstNode, gap: string, keepDouble: boolean): string {
    if (tight(previous, leaf) && !previous.hidden) return '';
    return keepDouble && /^[ \t]{2,}$/.test(gap) ? '  ' : ' ';
}

/**
 * True when the token begins one entry of a repeated group: a top-level declaration or one
 * property of a block (`kind`, `shadow`, `field …`, `initiative …`, a policy setting).
 */
function startsProperty(leaf: LeafCstNode): boolean {
    if (leaf.text === ',') return false;
    let node: CstNode | undefined = leaf;
    while (node) {
        const verdict = repeatedEntryStart(node.grammarSource);
        if (verdict !== undefined) return verdict;
        const parent: CstNode | undefined = node.container;
        if (!parent || firstChild(parent) !== node) return false;
        node = parent;
    }
    return false;
}

function firstChild(node: CstNode): CstNode | undefined {
    return 'content' in node ? (node.content as CstNode[]).find(child => !child.hidden) : undefined;
}

/** true: starts a repeated entry; false: certainly not; undefined: decided by the enclosing rule call. */
function repeatedEntryStart(element: GrammarAST.AbstractElement | undefined): boolean | undefined {
    let current: GrammarAST.AbstractElement | undefined = element;
    while (current) {
        if (current.cardinality === '*' || current.cardinality === '+') return true;
        const container: AstNode | undefined = current.$container;
        if (GrammarAST.isGroup(container)) {
            if (container.elements.find(element => !GrammarAST.isAction(element)) !== current) return false;
            current = container;
        } else if (GrammarAST.isAlternatives(container) || GrammarAST.isAssignment(container) || GrammarAST.isUnorderedGroup(container)) {
            current = container;
        } else {
            return undefined;
        }
    }
    return undefined;
}
