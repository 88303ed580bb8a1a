/**
 * What VS Code gives a webview's script: messages to its panel and the state VS Code keeps for the
 * panel across reloads, typed by the panel's own messages and state.
 */
export interface VsCodeApi<FromWebview, State> {
    postMessage(message: FromWebview): void;
    getState(): State | undefined;
    setState(state: State): void;
}

declare function acquireVsCodeApi<FromWebview, State>(): VsCodeApi<FromWebview, State>;

/** VS Code hands the API out once per page: each preview's script asks for it at start-up. */
export function vscodeApi<FromWebview, State>(): VsCodeApi<FromWebview, State> {
    return acquireVsCodeApi<FromWebview, State>();
}
