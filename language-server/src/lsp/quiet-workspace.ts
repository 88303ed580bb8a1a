import { Disposable, DocumentState, type LangiumSharedCoreServices } from 'langium';

/** Calls `action` each time the workspace stays unchanged for `ms` after a build; dispose to stop. */
export function whenQuiet(shared: LangiumSharedCoreServices, ms: number, action: () => void): Disposable {
    const builder = shared.workspace.DocumentBuilder;
    let timer: NodeJS.Timeout | undefined;
    const cancel = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
    };
    const updates = builder.onUpdate(cancel);
    const builds = builder.onBuildPhase(DocumentState.Validated, () => {
        cancel();
        timer = setTimeout(action, ms);
        timer.unref();
    });
    return Disposable.create(() => {
        cancel();
        updates.dispose();
        builds.dispose();
    });
}
