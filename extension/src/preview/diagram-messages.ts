/**
 * Messages between the diagram panel (extension host) and its webview. Plain types only: the
 * webview bundle and the extension both import this file.
 */
import type { DiagramRequestParams, DiagramRequestResult, DiagramTooltipResult } from '../../../language-server/src/lsp/protocol.js';

export type DiagramViewOptions = Omit<DiagramRequestParams, 'layoutTimeoutMs'>;

/** Extension → webview. */
export type ToWebview =
    | { type: 'diagram'; result: DiagramRequestResult; options: DiagramViewOptions; /** `data-id` to centre and highlight. */ focus?: string }
    | { type: 'failed'; message: string }
    /** Answer to a `tooltip` command; `seq` as the webview sent it, so an answer about an older picture is ignored. */
    | { type: 'tooltip'; id: string; seq: number; tooltip: DiagramTooltipResult };

/** Webview → extension. The extension checks every field before acting. */
export type FromWebview =
    | { command: 'ready' }
    | { command: 'setOptions'; options: DiagramViewOptions }
    | { command: 'reveal'; id: string }
    /** The hover text of an element, fetched when the pointer first rests on it; `seq` counts the pictures shown. */
    | { command: 'tooltip'; id: string; seq: number }
    | { command: 'expand'; id: string }
    | { command: 'exportSvg' }
    | { command: 'exportPng'; base64: string };

/** What the webview remembers across reloads (vscode.setState) and the serializer restores. */
export interface DiagramWebviewState {
    options: DiagramViewOptions;
    pan?: { x: number; y: number; scale: number };
}

export const DEFAULT_DIAGRAM_OPTIONS: DiagramViewOptions = { view: { kind: 'estate' }, state: 'as-is', filters: {}, expand: [] };
