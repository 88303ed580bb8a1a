import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { IntegrationGeneratedModule, IntegrationGeneratedSharedModule } from './generated/module.js';
import { IntegCoreModule, IntegSharedCoreModule, registerChecks, type IntegAddedServices } from './module.js';

export type IntegServices = LangiumServices & IntegAddedServices;

/** Editor features; each provider replaces Langium's default where the default is poor. */
export const IntegLspModule: Module<IntegServices, PartialLangiumServices> = {};

export const IntegSharedLspModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {};

export function createIntegServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; integ: IntegServices } {
    const shared = inject(createDefaultSharedModule(context), IntegrationGeneratedSharedModule, IntegSharedCoreModule, IntegSharedLspModule);
    const integ = inject(createDefaultModule({ shared }), IntegrationGeneratedModule, IntegCoreModule, IntegLspModule);
    shared.ServiceRegistry.register(integ);
    registerChecks(integ);
    return { shared, integ };
}
