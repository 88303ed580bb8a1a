import { watch, type FSWatcher } from 'node:fs';
import type { McpHost, McpWorkspace } from './mcp-host.js';

export interface EstateSourceOptions {
    /** Quiet time after the last change on disk before the workspace counts as changed. */
    debounceMs?: number;
    /** Told about symbolic links that were not followed and watch failures; never stdout, which carries the protocol. */
    warn?: (note: string) => void;
}

/**
 * The workspace of one folder, loaded as `integ check` loads it, and loaded again on the first
 * request after `.integ` files changed on disk. Loading lazily keeps an editor's burst of saves
 * from parsing the estate once per save while nobody asks anything.
 */
export class EstateSource {
    /** Names the quick fix the editor offers first; see McpHost. */
    readonly quickFixNamer: McpHost['quickFixNamer'];
    private loading: Promise<McpWorkspace> | undefined;
    private watcher: FSWatcher | undefined;
    private timer: NodeJS.Timeout | undefined;
    private readonly debounceMs: number;

    constructor(readonly folder: string, private readonly host: McpHost, private readonly options: EstateSourceOptions = {}) {
        this.debounceMs = options.debounceMs ?? 200;
        this.quickFixNamer = host.quickFixNamer;
    }

    /** Starts watching; without it the workspace is loaded once and kept. */
    watch(): void {
        try {
            this.watcher = watch(this.folder, { recursive: true, persistent: false }, (_event, file) => {
                // Some platforms do not name the file; then any change may be one of ours.
                if (file === null || /\.integ$/i.test(String(file))) this.changed();
            });
            this.watcher.on('error', error => this.options.warn?.(`stopped watching ${this.folder}: ${error.message}`));
        } catch (error) {
            this.options.warn?.(`cannot watch ${this.folder} (${error instanceof Error ? error.message : String(error)}); changes on disk need a restart`);
        }
    }

    /** The workspace as it is on disk now, give or take the debounce. */
    current(): Promise<McpWorkspace> {
        if (!this.loading) {
            const loading = this.host.load(this.folder, this.options.warn);
            this.loading = loading;
            // A failed read (a file vanished mid-save) must not stick: the next request tries again.
            loading.catch(() => { if (this.loading === loading) this.loading = undefined; });
        }
        return this.loading;
    }

    close(): void {
        clearTimeout(this.timer);
        this.watcher?.close();
    }

    private changed(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.loading = undefined; }, this.debounceMs);
        this.timer.unref();
    }
}
