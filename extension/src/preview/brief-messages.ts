/**
 * Messages between the brief panel (extension host) and its webview, as discriminated unions on
 * `type` in both directions, like the roadmap panel's (roadmap-messages.ts). The webview bundle
 * imports the types; the panel also checks what the webview sends.
 */

/** Extension → webview. */
export type BriefToWebview =
    /** The brief's markup and stylesheet, already escaped; `hasErrors` when the workspace has syntax errors, so its figures may be incomplete. */
    | { type: 'brief'; html: string; css: string; hasErrors: boolean }
    /** The workspace has syntax errors: the last good brief stays on screen. */
    | { type: 'stale' }
    /** The brief could not be computed. */
    | { type: 'error'; message: string };

/** Webview → extension; anything else it sends is ignored. `department`: a heat-map row was clicked. */
export type BriefFromWebview = { type: 'ready' } | { type: 'department'; name: string };

/** The message when it is one of the known shapes, with only its own fields; undefined otherwise. */
export function parseBriefMessage(raw: unknown): BriefFromWebview | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const message = raw as Record<string, unknown>;
    if (message.type === 'ready') return { type: 'ready' };
    if (message.type === 'department' && typeof message.name === 'string' && message.name.length > 0 && message.name.length <= 200) {
        return { type: 'department', name: message.name };
    }
    return undefined;
}
