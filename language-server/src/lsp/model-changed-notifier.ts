import { DocumentState, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { hasSyntaxErrors } from '../parser/syntax-errors.js';
import { STDLIB_URI } from '../stdlib/stdlib.js';
import { ModelChangedNotification, type ModelChangedParams } from './protocol.js';

const QUIET_MS = 150;
const MAX_WAIT_MS = 500;

/**
 * Tells the previews that the estate may have changed, once typing pauses (150 ms quiet) and at
 * least every 500 ms while it does not: a preview re-renders at a readable pace, never per keystroke.
 */
export class ModelChangedNotifier {
    private readonly uris = new Set<string>();
    private timer?: NodeJS.Timeout;
    private firstPending?: number;

    constructor(private readonly shared: LangiumSharedServices, private readonly connection: Connection, private readonly now: () => number = Date.now) {
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
            this.schedule(documents.map(document => document.uri));
        });
    }

    private schedule(uris: URI[]): void {
        for (const uri of uris) if (uri.toString() !== STDLIB_URI) this.uris.add(uri.toString());
        const now = this.now();
        this.firstPending ??= now;
        if (this.timer) clearTimeout(this.timer);
        const wait = Math.max(0, Math.min(QUIET_MS, this.firstPending + MAX_WAIT_MS - now));
        this.timer = setTimeout(() => this.send(), wait);
    }

    private send(): void {
        this.timer = undefined;
        this.firstPending = undefined;
        const params: ModelChangedParams = { uris: [...this.uris], hasSyntaxErrors: hasSyntaxErrors(this.shared.workspace.LangiumDocuments.all) };
        this.uris.clear();
        void this.connection.sendNotification(ModelChangedNotification, params);
    }
}
