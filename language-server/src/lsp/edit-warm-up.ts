import { URI, type LangiumSharedCoreServices } from 'langium';
import { createIntegCoreServices } from '../module.js';
import { collectGarbage } from './idle-collection.js';
import { whenQuiet } from './quiet-workspace.js';
import { InMemoryFiles } from '../workspace/in-memory-files.js';
import { describeError, type IntegLog } from '../workspace/integ-log.js';
import { loadWorkspace } from '../workspace/load-workspace.js';

/** Quiet time after the workspace is loaded before the warm-up starts. */
const QUIET_MS = 300;
/** Edits the warm-up makes: enough for V8 to compile what they run. */
const EDITS = 16;

export type WarmUp = (interrupted: () => boolean) => Promise<void>;

/**
 * The first edits after start-up were markedly slower than later ones (docs/performance.md): V8
 * compiled the code only an edit runs (re-linking the files that refer to the edited one, keeping
 * unchanged declarations and findings) while the edit waited. Once the workspace is loaded and quiet, the same code runs once
 * on a scratch workspace of its own (separate services: nothing is published and the user's files
 * are not touched), so the user's first keystrokes find it compiled. A build of the user's
 * workspace stops it between two of its edits.
 */
export function warmUpEditPath(shared: LangiumSharedCoreServices, log: IntegLog, warmUp: WarmUp = editScratchWorkspace): void {
    let builds = 0;
    shared.workspace.DocumentBuilder.onUpdate(() => { builds++; });
    const quiet = whenQuiet(shared, QUIET_MS, () => {
        quiet.dispose();
        const at = builds;
        // Only the first edits pay for a failed warm-up: the log says why, for a bug report.
        void warmUp(() => builds !== at).catch(error => log.error(`The warm-up of the edit path failed: ${describeError(error)}`));
    });
}

/** Loads the scratch workspace and renames a system that other files use, and back, `EDITS` times. */
export async function editScratchWorkspace(interrupted: () => boolean): Promise<void> {
    const files = new InMemoryFiles();
    const { hub, others } = scratchEstate();
    const hubUri = 'file:///warm-up/hub.integ';
    const sources = [{ uri: hubUri, text: hub }, ...others.map((text, i) => ({ uri: `file:///warm-up/spokes${i}.integ`, text }))];
    for (const source of sources) files.texts.set(source.uri, source.text);
    const services = createIntegCoreServices({ fileSystemProvider: () => files });
    await loadWorkspace(services, sources);
    for (let edit = 0; edit < EDITS && !interrupted(); edit++) {
        files.texts.set(hubUri, edit % 2 === 0 ? hub.replace('system Hub0 ', 'system Hub0Renamed ') : hub);
        await services.shared.workspace.DocumentBuilder.update([URI.parse(hubUri)], []);
        void services.integ.analysis.WorkspaceAnalysis.result;
        // Requests of the user's workspace are answered between two edits.
        await new Promise(resolve => setImmediate(resolve));
    }
    // The scratch workspace's garbage would otherwise bring V8's next full collection, and its
    // pause, into the user's first edits. Still quiet: collect it now.
    if (!interrupted()) collectGarbage();
}

/** Hubs with spokes in three other files, data of several classifications and flows of most styles, so that most rules have work. */
export function scratchEstate(): { hub: string; others: string[] } {
    const hub = ['department Ops { champions "A", "B" }'];
    const others: string[][] = [[], [], []];
    const styles = ['api', 'manual', 'file', 'batch', 'script', 'email', 'event', 'shared-db'];
    for (let h = 0; h < 6; h++) {
        hub.push(`system Hub${h} { kind erp  department Ops  stores Order${h}, Person${h}  edits Order${h}  users 20 }`);
        hub.push(`entity Order${h} { master Hub${h}  freshness 1 hour  field id: Internal  field total: Financial  field note }`);
        hub.push(`entity Person${h} { field name: PII  field email: PII  field health: PHI }`);
        const lines = others[h % others.length];
        for (let s = 0; s < 10; s++) {
            const spoke = `Spoke${h}x${s}`;
            lines.push(`system ${spoke} { kind ${s % 3 === 0 ? 'spreadsheet' : 'crm'}  stores Order${h}  users 3 }`);
            lines.push(`flow ${spoke}In : Hub${h} -> ${spoke} { carries Order${h}.*, Person${h}.email  style ${styles[(h + s) % styles.length]}  schedule daily  tls 1.${s % 3 + 1}  auth ${s % 2 ? 'api-key' : 'oauth2'} }`);
            lines.push(`flow ${spoke}Out : ${spoke} ${s % 2 ? '<->' : '->'} Hub${h} { carries Order${h}.id  style ${styles[(h + s + 3) % styles.length]}  effort 2 hours per week }`);
        }
    }
    return { hub: `${hub.join('\n')}\n`, others: others.map(lines => `${lines.join('\n')}\n`) };
}
