import type { LangiumCoreServices } from 'langium';
import type { SelectiveLinker } from '../linking/selective-linker.js';
import type { IntegLog } from './integ-log.js';
import type { WorkspaceAnalysis } from './workspace-analysis.js';

/**
 * What the language adds to Langium's services, typed where they are read: the linker is the
 * selective one (the workspace analysis asks it what it re-linked), the analysis is shared by every
 * feature, and `log` is where a failure the services recover from is reported.
 */
export type IntegAddedServices = {
    references: {
        Linker: SelectiveLinker;
    };
    analysis: {
        WorkspaceAnalysis: WorkspaceAnalysis;
    };
    log: {
        Log: IntegLog;
    };
};

export type IntegCoreServices = LangiumCoreServices & IntegAddedServices;
