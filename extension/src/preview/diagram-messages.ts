/**
 * Messages between the diagram panel (extension host) and its webview, as discriminated unions on
 * `type` in both directions, like the roadmap panel's (roadmap-messages.ts). Plain types and data
 * only: the webview bundle and the extension both import this file.
 */
import type { Lens } from '../../../language-server/src/diagram/lenses.js';
import type { DiagramRequestParams, DiagramRequestResult, DiagramTooltipResult } from '../../../language-server/src/lsp/protocol.js';

/** What the webview chooses to look at; how the picture is drawn for it (size, chrome, lens, titles) the panel adds. */
export type DiagramViewOptions = Pick<DiagramRequestParams, 'view' | 'state' | 'filters' | 'expand' | 'follow'>;

export interface PanelSize { width: number; height: number }

/** Elements to keep bright, the rest dimmed, with the note that says why ("If retired: …"). */
export interface DiagramHighlight {
    /** `data-id`s: each flow is lit with its two ends. */
    ids: string[];
    note: string;
}

/** Extension → webview. */
export type DiagramToWebview =
    | { type: 'diagram'; result: DiagramRequestResult; options: DiagramViewOptions; /** `data-id` to zoom to and ring. */ focus?: string; highlight?: DiagramHighlight;
        /** The lens a command opened the view with (the brief's findings heat map); the picker follows it. */ lens?: Lens }
    | { type: 'failed'; message: string }
    /** Answer to a `tooltip` message; `seq` as the webview sent it, so an answer about an older picture is ignored. */
    | { type: 'tooltip'; id: string; seq: number; tooltip: DiagramTooltipResult }
    /** The picture to export as PNG, with its title, notes and legend, coloured by the lens asked for: the webview draws it. */
    | { type: 'rasterise'; svg: string };

/** Webview → extension. The extension checks every field before acting (diagram-message-checks.ts). */
export type DiagramFromWebview =
    /** The page is listening; `panel` is its size so that the first picture already takes the panel's shape. */
    | { type: 'ready'; panel?: PanelSize }
    | { type: 'setOptions'; options: DiagramViewOptions }
    | { type: 'reveal'; id: string }
    /** The hover text of an element, fetched when the pointer first rests on it; `seq` counts the pictures shown. */
    | { type: 'tooltip'; id: string; seq: number }
    /** Open a collapsed department (`dept:<name>`) of the estate overview; `focus`: the element to zoom to once it is open. */
    | { type: 'expand'; id: string; focus?: string }
    /** Fold an opened department box (`group:<name>`) back into one node. */
    | { type: 'collapse'; id: string }
    /** The panel was resized; the layout follows only a change of its shape. */
    | { type: 'panelSize'; panel: PanelSize }
    | { type: 'exportSvg'; lens: Lens }
    /** Asks for the picture to draw as PNG (answered with `rasterise`). */
    | { type: 'exportPng'; lens: Lens }
    | { type: 'savePng'; base64: string };

/** A view the reader came from: the options to ask for it again and where the picture was on screen. */
export interface HistoryEntry {
    options: DiagramViewOptions;
    pan: PanState;
}

export interface PanState { x: number; y: number; scale: number }

/** What the webview remembers across reloads (vscode.setState) and the serializer restores. */
export interface DiagramWebviewState {
    options: DiagramViewOptions;
    pan?: PanState;
    lens?: Lens;
    /** Whether the legend overlay is open (default true). */
    legendOpen?: boolean;
    /** The views drilled through to reach this one, oldest first. */
    history?: HistoryEntry[];
}

export const DEFAULT_DIAGRAM_OPTIONS: DiagramViewOptions = { view: { kind: 'estate' }, state: 'as-is', filters: {}, expand: [] };
