import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createIntegServices } from '../../../language-server/src/lsp/lsp-module.js';
import type { IntegServices } from '../../../language-server/src/lsp/lsp-services.js';
import { STDLIB_TEXT, STDLIB_URI } from '../../../language-server/src/stdlib/stdlib.js';
import type { LangiumSharedServices } from 'langium/lsp';

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
