import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { isAccept, isEntity, isPolicy, isRoadmap, type Model } from '../generated/ast.js';

interface Group { label: string; kind: SymbolKind }

const GROUPS: Record<string, Group> = {
    Policy: { label: 'Policy', kind: SymbolKind.Property },
    Department: { label: 'Departments', kind: SymbolKind.Module },
    Regulation: { label: 'Regulations', kind: SymbolKind.Constant },
    Classification: { label: 'Classifications', kind: SymbolKind.EnumMember },
    Entity: { label: 'Entities', kind: SymbolKind.Struct },
    Platform: { label: 'Platforms', kind: SymbolKind.Package },
    System: { label: 'Systems', kind: SymbolKind.Class },
    Flow: { label: 'Flows', kind: SymbolKind.Event },
    Process: { label: 'Processes', kind: SymbolKind.Function },
    Roadmap: { label: 'Roadmaps', kind: SymbolKind.Namespace },
    Accept: { label: 'Waivers', kind: SymbolKind.Key }
};
const ORDER = Object.keys(GROUPS);

/**
 * The outline groups declarations by kind (Systems, Flows, …), each group's detail counting its
 * declarations; entities list their fields, roadmaps their initiatives. A file of one kind lists its
 * declarations without a group: VS Code's quick outline counts every symbol it lists ("symbols (15)"),
 * so a lone group would make it count one more than the group says ("Systems 14").
 */
export class IntegDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): DocumentSymbol[] {
        const model = document.parseResult.value as Model;
        const byType = new Map<string, DocumentSymbol[]>();
        for (const element of model.elements ?? []) {
            const symbol = symbolOf(element);
            if (!symbol) continue;
            const list = byType.get(element.$type);
            if (list) list.push(symbol); else byType.set(element.$type, [symbol]);
        }
        if (byType.size === 1) return [...byType.values()][0];
        return ORDER.filter(type => byType.has(type)).map(type => {
            const children = byType.get(type)!;
            const group = GROUPS[type];
            return {
                name: group.label,
                detail: String(children.length),
                kind: SymbolKind.Namespace,
                range: { start: children[0].range.start, end: children[children.length - 1].range.end },
                selectionRange: children[0].selectionRange,
                children
            };
        });
    }
}

function symbolOf(node: AstNode): DocumentSymbol | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const group = GROUPS[node.$type];
    if (isPolicy(node)) {
        return { name: 'policy', kind: group.kind, range: cst.range, selectionRange: cst.range };
    }
    if (isAccept(node)) {
        const target = node.target?.$refText ?? '?';
        return { name: `${node.rule} on ${target}`, detail: node.reason, kind: group.kind, range: cst.range, selectionRange: GrammarUtils.findNodeForProperty(cst, 'rule')?.range ?? cst.range };
    }
    return declarationSymbol(node, group?.kind ?? SymbolKind.Object);
}

function declarationSymbol(node: AstNode, kind: SymbolKind): DocumentSymbol | undefined {
    const cst = node.$cstNode;
    const name = (node as { name?: string }).name;
    const nameNode = GrammarUtils.findNodeForProperty(cst, 'name');
    if (!cst || !name || !nameNode) return undefined;
    const title = (node as { title?: string }).title;
    let children: DocumentSymbol[] | undefined;
    if (isEntity(node)) {
        children = node.fields.map(field => declarationSymbol(field, SymbolKind.Field)).filter((s): s is DocumentSymbol => s !== undefined);
    } else if (isRoadmap(node)) {
        children = node.initiatives.map(initiative => declarationSymbol(initiative, SymbolKind.Method)).filter((s): s is DocumentSymbol => s !== undefined);
    }
    const detail = node.$type === 'Field'
        ? (node as { classification?: { $refText: string } }).classification?.$refText
        : title;
    return { name, detail, kind, range: cst.range, selectionRange: nameNode.range, children };
}
