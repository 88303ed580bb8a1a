/** Messages the roadmap webview may send; anything else is ignored. */
export type RoadmapWebviewMessage = { type: 'ready' } | { type: 'export' } | { type: 'reveal'; name: string };

/** The message when it is one of the known shapes, with only its own fields; undefined otherwise. */
export function parseRoadmapMessage(raw: unknown): RoadmapWebviewMessage | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const message = raw as Record<string, unknown>;
    if (message.type === 'ready' || message.type === 'export') return { type: message.type };
    if (message.type === 'reveal' && typeof message.name === 'string' && message.name.length <= 200) return { type: 'reveal', name: message.name };
    return undefined;
}
