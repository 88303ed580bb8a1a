import {
    addCallHierarchyHandler, addCodeActionHandler, addCodeLensHandler, addCompletionHandler, addConfigurationChangeHandler,
    addDocumentHighlightHandler, addDocumentLinkHandler, addDocumentSymbolHandler, addDocumentUpdateHandler,
    addExecuteCommandHandler, addFileOperationHandler, addFindReferencesHandler, addFoldingRangeHandler, addFormattingHandler,
    addGoToDeclarationHandler, addGoToImplementationHandler, addGoToTypeDefinitionHandler, addGotoDefinitionHandler,
    addHoverHandler, addInlayHintHandler, addRenameHandler, addSemanticTokenHandler, addSignatureHelpHandler,
    addTextDocumentContentRequestHandler, addTypeHierarchyHandler, addWorkspaceSymbolHandler,
    type LangiumSharedServices
} from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';

/**
 * Langium's `startLanguageServer` without its per-document diagnostics handler: diagnostics are
 * published by the workspace diagnostics publisher once the whole workspace is analysed, so a
 * document never flashes its parse diagnostics without its findings.
 */
export function startIntegLanguageServer(shared: LangiumSharedServices, connection: Connection): void {
    addDocumentUpdateHandler(connection, shared);
    addFileOperationHandler(connection, shared);
    addCompletionHandler(connection, shared);
    addFindReferencesHandler(connection, shared);
    addDocumentSymbolHandler(connection, shared);
    addGotoDefinitionHandler(connection, shared);
    addGoToTypeDefinitionHandler(connection, shared);
    addGoToImplementationHandler(connection, shared);
    addDocumentHighlightHandler(connection, shared);
    addFoldingRangeHandler(connection, shared);
    addFormattingHandler(connection, shared);
    addCodeActionHandler(connection, shared);
    addRenameHandler(connection, shared);
    addHoverHandler(connection, shared);
    addInlayHintHandler(connection, shared);
    addSemanticTokenHandler(connection, shared);
    addExecuteCommandHandler(connection, shared);
    addSignatureHelpHandler(connection, shared);
    addCallHierarchyHandler(connection, shared);
    addTypeHierarchyHandler(connection, shared);
    addCodeLensHandler(connection, shared);
    addTextDocumentContentRequestHandler(connection, shared);
    addDocumentLinkHandler(connection, shared);
    addConfigurationChangeHandler(connection, shared);
    addGoToDeclarationHandler(connection, shared);
    addWorkspaceSymbolHandler(connection, shared);
    connection.onInitialize(params => shared.lsp.LanguageServer.initialize(params));
    connection.onInitialized(params => shared.lsp.LanguageServer.initialized(params));
    shared.workspace.TextDocuments.listen(connection);
    connection.listen();
}
