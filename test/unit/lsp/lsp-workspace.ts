import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createIntegServices } from '../../../language-server/src/lsp/lsp-module.js';
import type { IntegServices } from '../../../language-server/src/lsp/lsp-services.js';
import { STDLIB_TEXT, STDLIB_URI } from '../../../language-server/src/stdlib/stdlib.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { expectCompletion } from 'langium/test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';

export interface LspWorkspace {
    shared: LangiumSharedServices;
    integ: IntegServices;
    documents: Map<string, LangiumDocument>;
}

/** LSP services over in-memory files (name → text, URIs `file:///ws/<name>`) plus the standard library, fully built. */
export async function lspWorkspace(files: Record<string, string>): Promise<LspWorkspace> {
    const { shared, integ } = createIntegServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const all = shared.workspace.LangiumDocuments;
    all.addDocument(factory.fromString(STDLIB_TEXT, URI.parse(STDLIB_URI)));
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(files)) {
        const document = factory.fromString(text, URI.parse(`file:///ws/${name}`));
        all.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build(all.all.toArray(), { validation: true });
    return { shared, integ, documents };
}

/** Text with one `|` marking a position: the text without it and the position. */
export function marked(textWithCursor: string): { text: string; position: { line: number; character: number }; offset: number } {
    const offset = textWithCursor.indexOf('|');
    if (offset < 0) throw new Error('no | cursor marker');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    const before = text.slice(0, offset).split('\n');
    return { text, offset, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

export function textDocumentOf(document: LangiumDocument): { uri: string } {
    return { uri: document.uri.toString() };
}

/** LSP services with the standard library built, for langium/test's `expect…` helpers (which parse one document each). */
export async function servicesWithStdlib(): Promise<IntegServices> {
    const { shared, integ } = createIntegServices(EmptyFileSystem);
    const stdlib = shared.workspace.LangiumDocumentFactory.fromString(STDLIB_TEXT, URI.parse(STDLIB_URI));
    shared.workspace.LangiumDocuments.addDocument(stdlib);
    await shared.workspace.DocumentBuilder.build([stdlib]);
    return integ;
}

/** The completion items at `<|>` in the text (one document, with the standard library). */
export async function completionsAt(services: IntegServices, text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await expectCompletion(services)({ text, index: 0, assert: (list: CompletionList) => { items = list.items; }, disposeAfterCheck: true });
    return items;
}

/** The hover's Markdown at the `|` in the text, as the only file of a workspace. */
export async function hoverAt(textWithCursor: string): Promise<string> {
    const { text, position } = marked(textWithCursor);
    const { integ, documents } = await lspWorkspace({ 'a.integ': text });
    const hover = await integ.lsp.HoverProvider!.getHoverContent(documents.get('a.integ')!, { textDocument: { uri: 'file:///ws/a.integ' }, position });
    const contents = hover?.contents;
    return typeof contents === 'object' && contents !== null && 'value' in contents ? contents.value : '';
}
