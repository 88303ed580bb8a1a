import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { IntegrationGeneratedModule, IntegrationGeneratedSharedModule } from '../generated/module.js';
import { IntegCoreModule, IntegSharedCoreModule, registerChecks } from '../module.js';
import type { IntegAddedServices } from '../workspace/integ-services.js';
import { IntegCodeActionProvider } from '../fixes/integ-code-action-provider.js';
import { IntegCodeLensProvider } from './code-lens-provider.js';
import { IntegCompletionProvider } from './completion-provider.js';
import { IntegDocumentSymbolProvider } from './document-symbol-provider.js';
import { IntegFoldingRangeProvider } from './folding-range-provider.js';
import { IntegFormatter } from './integ-formatter.js';
import { IntegHoverProvider } from './hover-provider.js';
import { IntegInlayHintProvider } from './inlay-hint-provider.js';
import { watchRuleSeveritySettings } from './rule-severity-settings.js';
import { IntegSemanticTokenProvider } from './semantic-token-provider.js';
import { connectionLog } from './connection-log.js';
import type { IntegServices } from './lsp-services.js';

/** Editor features (each provider replaces Langium's default where the default is poor) and the log to the output channel. */
export const IntegLspModule: Module<IntegServices, PartialLangiumServices & Pick<IntegAddedServices, 'log'>> = {
    lsp: {
        CompletionProvider: services => new IntegCompletionProvider(services),
        HoverProvider: services => new IntegHoverProvider(services),
        DocumentSymbolProvider: () => new IntegDocumentSymbolProvider(),
        SemanticTokenProvider: services => new IntegSemanticTokenProvider(services),
        Formatter: () => new IntegFormatter(),
        FoldingRangeProvider: services => new IntegFoldingRangeProvider(services),
        CodeLensProvider: services => new IntegCodeLensProvider(services),
        InlayHintProvider: services => new IntegInlayHintProvider(services),
        CodeActionProvider: services => new IntegCodeActionProvider(undefined, services.shared.workspace.LangiumDocuments)
    },
    log: {
        Log: services => connectionLog(services.shared.lsp.Connection)
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
