import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { IntegrationGeneratedModule, IntegrationGeneratedSharedModule } from './generated/module.js';
import { IntegCoreModule, IntegSharedCoreModule, registerChecks, type IntegAddedServices } from './module.js';
import { IntegCodeActionProvider } from './fixes/integ-code-action-provider.js';
import { IntegCodeLensProvider } from './lsp/code-lens-provider.js';
import { IntegCompletionProvider } from './lsp/completion-provider.js';
import { IntegDocumentSymbolProvider } from './lsp/document-symbol-provider.js';
import { IntegFoldingRangeProvider } from './lsp/folding-range-provider.js';
import { IntegFormatter } from './lsp/integ-formatter.js';
import { IntegHoverProvider } from './lsp/hover-provider.js';
import { IntegInlayHintProvider } from './lsp/inlay-hint-provider.js';
import { watchRuleSeveritySettings } from './lsp/rule-severity-settings.js';
import { IntegSemanticTokenProvider } from './lsp/semantic-token-provider.js';

export type IntegServices = LangiumServices & IntegAddedServices;

/** Editor features; each provider replaces Langium's default where the default is poor. */
export const IntegLspModule: Module<IntegServices, PartialLangiumServices> = {
    lsp: {
        CompletionProvider: services => new IntegCompletionProvider(services),
        HoverProvider: services => new IntegHoverProvider(services),
        DocumentSymbolProvider: () => new IntegDocumentSymbolProvider(),
        SemanticTokenProvider: services => new IntegSemanticTokenProvider(services),
        Formatter: () => new IntegFormatter(),
        FoldingRangeProvider: services => new IntegFoldingRangeProvider(services),
        CodeLensProvider: services => new IntegCodeLensProvider(services),
        InlayHintProvider: services => new IntegInlayHintProvider(services),
        CodeActionProvider: () => new IntegCodeActionProvider()
    }
};

export function createIntegServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; integ: IntegServices } {
    const shared = inject(createDefaultSharedModule(context), IntegrationGeneratedSharedModule, IntegSharedCoreModule);
    const integ = inject(createDefaultModule({ shared }), IntegrationGeneratedModule, IntegCoreModule, IntegLspModule);
    shared.ServiceRegistry.register(integ);
    registerChecks(integ);
    watchRuleSeveritySettings(shared, integ.analysis.WorkspaceAnalysis);
    return { shared, integ };
}
