import { CstUtils, isLeafCstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';

/**
 * Blocks fold as in Langium; comments fold too (Langium skips the hidden comment tokens): a
 * multi-line block comment, or a run of two or more `//` lines.
 */
export class IntegFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        const root = document.parseResult.value.$cstNode;
        if (!root) return;
        let run: { start: number; end: number } | undefined;
        const flush = (): void => {
            if (run && run.end > run.start) acceptor({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            run = undefined;
        };
        for (const node of CstUtils.streamCst(root)) {
            if (!isLeafCstNode(node) || !node.hidden) continue;
            const { start, end } = node.range;
            if (node.text.startsWith('/*')) {
                flush();
                if (end.line > start.line) acceptor({ startLine: start.line, endLine: end.line, kind: FoldingRangeKind.Comment });
            } else if (run && start.line === run.end + 1) {
                run.end = start.line;
            } else {
                flush();
                run = { start: start.line, end: start.line };
            }
        }
        flush();
    }
}
