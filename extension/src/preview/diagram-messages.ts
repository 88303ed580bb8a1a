/**
 * Messages between the diagram panel (extension host) and its webview. Plain types only: the
 * webview bundle and the extension both import this file.
 */
import type { DiagramRequestParams, DiagramRequestResult } from '../../../language-server/src/lsp/protocol.js';

export type DiagramViewOptions = Omit<DiagramRequestParams, 'layoutTimeoutMs'>;

/** Extension → webview. */
export type ToWebview =
    | { type: 'diagram'; result: DiagramRequestResult; options: DiagramViewOptions; /** `data-id` to centre and highlight. */ focus?: string }
    | { type: 'failed'; message: string };

/** Webview → extension. The extension checks every field before acting. */
export type FromWebview =
    | { command: 'ready' }
    | { command: 'setOptions'; options: DiagramViewOptions }
    | { command: 'reveal'; id: string }
    | { command: 'expand'; id: string }
    | { command: 'exportSvg' }
    | { command: 'exportPng'; base64: string };

/** What the webview remembers across reloads (vscode.setState) and the serializer restores. */
export interface DiagramWebviewState {
    options: DiagramViewOptions;
    pan?: { x: number; y: number; scale: number };
}

export const DEFAULT_DIAGRAM_OPTIONS: DiagramViewOptions = { view: { kind: 'estate' }, state: 'as-is', filters: {}, expand: [] };
