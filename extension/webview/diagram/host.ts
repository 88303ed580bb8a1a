/**
 * The webview's side of VS Code: messages to the extension and the state VS Code keeps for the panel
 * across reloads. Every module saves its own part of the state through `saveState`.
 */
import { DEFAULT_DIAGRAM_OPTIONS, type DiagramFromWebview, type DiagramWebviewState } from '../../src/preview/diagram-messages.js';
import { vscodeApi } from '../vscode-api.js';

const api = vscodeApi<DiagramFromWebview, DiagramWebviewState>();
let state: DiagramWebviewState = api.getState() ?? { options: DEFAULT_DIAGRAM_OPTIONS };

export function post(message: DiagramFromWebview): void {
    api.postMessage(message);
}

export function savedState(): DiagramWebviewState {
    return state;
}

export function saveState(part: Partial<DiagramWebviewState>): void {
    state = { ...state, ...part };
    api.setState(state);
}
