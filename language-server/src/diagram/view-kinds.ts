/**
 * The kinds of view the diagram has and how a view is written (`estate`, `process:<name>`, …): one
 * list for the server's checks, the CLI, the preview's pickers and the `integ.diagram.defaultView`
 * setting (a test holds package.json to it). No dependencies: the webview bundles it too.
 */
import type { DiagramView } from './diagram-graph.js';

export const DIAGRAM_VIEW_KINDS = ['estate', 'process', 'department', 'system'] as const;
export type DiagramViewKind = typeof DIAGRAM_VIEW_KINDS[number];

/** What the preview's picker calls each kind. */
export const VIEW_KIND_LABELS: Readonly<Record<DiagramViewKind, string>> = { estate: 'Estate', process: 'Process', department: 'Department', system: 'System' };

/** Each kind as it is written: `estate`, `process:<name>`, … */
export const VIEW_FORMS: readonly string[] = DIAGRAM_VIEW_KINDS.map(kind => kind === 'estate' ? kind : `${kind}:<name>`);

export function isViewKind(value: unknown): value is DiagramViewKind {
    return (DIAGRAM_VIEW_KINDS as readonly unknown[]).includes(value);
}

/** `estate`, `process:<name>`, `department:<name>` or `system:<name>` (at `depth`, default 1) as a view; undefined for anything else. */
export function parseView(text: string, depth?: 1 | 2): DiagramView | undefined {
    const [kind, ...rest] = text.split(':');
    const name = rest.join(':').trim();
    if (!isViewKind(kind) || (kind === 'estate') !== (name === '')) return undefined;
    if (kind === 'estate') return { kind };
    return kind === 'system' ? { kind, name, depth: depth ?? 1 } : { kind, name };
}
