import { URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IntegCoreServices } from './integ-services.js';
import { STDLIB_TEXT, STDLIB_URI } from '../stdlib/stdlib.js';
import type { AnalysisResult } from './workspace-analysis.js';

export interface SourceText {
    uri: string;
    text: string;
}

export interface LoadedWorkspace {
    documents: LangiumDocument[];
    analysis: AnalysisResult;
    /** Parse, link and check diagnostics plus workspace-level ones, per document URI (stdlib excluded). */
    diagnostics: Map<string, Diagnostic[]>;
}

/** Parses, links and validates the given texts together with the standard library. */
export async function loadWorkspace(services: { shared: LangiumSharedCoreServices; integ: IntegCoreServices }, sources: SourceText[]): Promise<LoadedWorkspace> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const stdlibUri = URI.parse(STDLIB_URI);
    if (!langiumDocuments.hasDocument(stdlibUri)) {
        langiumDocuments.addDocument(factory.fromString(STDLIB_TEXT, stdlibUri));
    }
    const documents = sources.map(source => {
        const document = factory.fromString(source.text, URI.parse(source.uri));
        langiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(langiumDocuments.all.toArray(), { validation: true });
    const analysis = services.integ.analysis.WorkspaceAnalysis.result;
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const document of documents) {
        const uri = document.uri.toString();
        diagnostics.set(uri, [...(document.diagnostics ?? []), ...(analysis.diagnostics.get(uri) ?? [])]);
    }
    return { documents, analysis, diagnostics };
}
