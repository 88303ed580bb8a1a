import type { LangiumServices } from 'langium/lsp';
import type { IntegAddedServices } from '../workspace/integ-services.js';

/** The language's services in the language server: Langium's editor services and the language's own. */
export type IntegServices = LangiumServices & IntegAddedServices;
