import { DefaultIndexManager, type LangiumDocument } from 'langium';
import { createIntegCoreServices } from '../module.js';
import { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';

/**
 * The reference index serves find-references and rename in the editor; a one-shot CLI run never
 * reads it, and building it is a noticeable share of `integ check` (docs/performance.md).
 */
class ExportsOnlyIndexManager extends DefaultIndexManager {
    override async updateReferences(_document: LangiumDocument): Promise<void> {
        // Nothing to record: see the class comment.
    }
}

/** Core services for one CLI run. */
export function createCliServices(): ReturnType<typeof createIntegCoreServices> {
    return createIntegCoreServices(undefined, {
        workspace: { IndexManager: services => new ExportsOnlyIndexManager(services) }
    }, {
        analysis: { WorkspaceAnalysis: services => new WorkspaceAnalysis(services, false) }
    });
}
