import {
    inject, createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem,
    type DeepPartial, type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import { IntegrationGeneratedModule, IntegrationGeneratedSharedModule } from './generated/module.js';
import { createGuardedParser } from './parser/guarded-parser.js';
import { IntegLexer, IntegTokenBuilder } from './parser/integ-lexer.js';
import { IntegLexerErrorMessages, IntegParserErrorMessages } from './parser/syntax-messages.js';
import { GlobalScopeComputation } from './scoping/global-scope-computation.js';
import { IndexedScopeProvider } from './scoping/indexed-scope-provider.js';
import { SelectiveLinker } from './linking/selective-linker.js';
import { IntegDocumentValidator } from './validation/document-validator.js';
import { languageChecks } from './validation/language-checks.js';
import { StdlibWorkspaceManager } from './stdlib/stdlib-workspace-manager.js';
import { LinkedReferenceDescriptionProvider } from './linking/reference-descriptions.js';
import { RelinkingDocumentBuilder } from './linking/relinking-document-builder.js';
import type { IntegAddedServices, IntegCoreServices } from './workspace/integ-services.js';
import { SILENT_LOG } from './workspace/integ-log.js';
import { WorkspaceAnalysis } from './workspace/workspace-analysis.js';

/** Language services shared by the CLI, the tests and the language server. */
export const IntegCoreModule: Module<IntegCoreServices, PartialLangiumCoreServices & IntegAddedServices> = {
    parser: {
        TokenBuilder: () => new IntegTokenBuilder(),
        Lexer: services => new IntegLexer(services),
        LangiumParser: services => createGuardedParser(services),
        ParserErrorMessageProvider: () => new IntegParserErrorMessages(),
        LexerErrorMessageProvider: () => new IntegLexerErrorMessages()
    },
    references: {
        ScopeComputation: services => new GlobalScopeComputation(services),
        ScopeProvider: services => new IndexedScopeProvider(services),
        Linker: services => new SelectiveLinker(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new LinkedReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new IntegDocumentValidator(services)
    },
    analysis: {
        WorkspaceAnalysis: services => new WorkspaceAnalysis(services)
    },
    log: {
        Log: () => SILENT_LOG
    }
};

export const IntegSharedCoreModule: Module<LangiumSharedCoreServices, DeepPartial<LangiumSharedCoreServices>> = {
    workspace: {
        WorkspaceManager: services => new StdlibWorkspaceManager(services),
        DocumentBuilder: services => new RelinkingDocumentBuilder(services)
    }
};

export function registerChecks(services: LangiumCoreServices): void {
    services.validation.ValidationRegistry.register(languageChecks);
}

/**
 * Core services without LSP: what the CLI and most tests use. `sharedOverrides` lets one client
 * replace shared services (the CLI drops the reference index it never reads).
 */
export function createIntegCoreServices(
    context: DefaultSharedCoreModuleContext = EmptyFileSystem,
    sharedOverrides: Module<LangiumSharedCoreServices, DeepPartial<LangiumSharedCoreServices>> = {},
    languageOverrides: Module<IntegCoreServices, DeepPartial<IntegCoreServices>> = {}
): { shared: LangiumSharedCoreServices; integ: IntegCoreServices } {
    const shared = inject(createDefaultSharedCoreModule(context), IntegrationGeneratedSharedModule, IntegSharedCoreModule, sharedOverrides);
    const integ = inject(createDefaultCoreModule({ shared }), IntegrationGeneratedModule, IntegCoreModule, languageOverrides);
    shared.ServiceRegistry.register(integ);
    registerChecks(integ);
    return { shared, integ };
}
