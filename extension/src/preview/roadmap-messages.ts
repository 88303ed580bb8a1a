/**
 * Messages between the roadmap panel (extension host) and its webview, as discriminated unions on
 * `type` in both directions, like the diagram panel's (diagram-messages.ts). The webview bundle
 * imports the types; the panel also checks what the webview sends.
 */

/** Extension → webview. */
export type RoadmapToWebview =
    /** The preview's body, already escaped; `hasErrors` when the workspace has syntax errors, so its figures may be incomplete. */
    | { type: 'roadmap'; fragment: string; hasErrors: boolean }
    /** The workspace has syntax errors: the last good roadmap stays on screen. */
    | { type: 'stale' }
    /** The roadmap could not be computed. */
    | { type: 'error'; message: string };

/** Webview → extension; anything else it sends is ignored. */
export type RoadmapFromWebview = { type: 'ready' } | { type: 'export' } | { type: 'reveal'; name: string };

/** The message when it is one of the known shapes, with only its own fields; undefined otherwise. */
export function parseRoadmapMessage(raw: unknown): RoadmapFromWebview | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const message = raw as Record<string, unknown>;
    if (message.type === 'ready' || message.type === 'export') return { type: message.type };
    if (message.type === 'reveal' && typeof message.name === 'string' && message.name.length <= 200) return { type: 'reveal', name: message.name };
    return undefined;
}
