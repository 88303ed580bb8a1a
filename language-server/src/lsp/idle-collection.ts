import type { LangiumSharedCoreServices } from 'langium';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { whenQuiet } from './quiet-workspace.js';

/** How long the workspace must stay unchanged before the server collects its garbage. */
const IDLE_MS = 2_000;

/**
 * V8 lets the heap grow to a few times the live data before it collects the old generation, so a
 * burst of typing leaves the server holding several times the memory it needs (figures:
 * docs/performance.md). When the user pauses, nothing else needs the time: a full collection then
 * gives the memory back and starts the next burst from a small heap.
 */
export function collectWhenIdle(shared: LangiumSharedCoreServices, collect: () => void = collectGarbage, idleMs = IDLE_MS): void {
    whenQuiet(shared, idleMs, collect);
}

/** A full collection, as `--expose-gc` offers it (the way Jest's leak detector gets one at run time). */
export function collectGarbage(): void {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
}
