import { ROADMAP_CSS } from '../../../language-server/src/roadmap/roadmap-html.js';
import { webviewHtml } from './webview-html.js';

const PANEL_CSS = `${ROADMAP_CSS}
.toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; }
.banner { padding: 4px 8px; border: 1px solid var(--vscode-inputValidation-warningBorder, #f08c00); background: var(--vscode-inputValidation-warningBackground, #fff4e6); }
button { color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #1971c2); border: none; padding: 4px 10px; cursor: pointer; }`;

const BODY = `<div class="toolbar"><button id="export" type="button">Export HTML…</button><span id="banner" class="banner" hidden></span></div>
<div id="roadmap"><p class="note">Loading the roadmap…</p></div>`;

/** The roadmap webview page on the shared preview skeleton (strict CSP, nonce'd script and style). Pure, so the browser test loads exactly this page. */
export function roadmapWebviewHtml(options: { cspSource: string; scriptUri: string; nonce?: string }): string {
    return webviewHtml({ ...options, title: 'Roadmap', css: PANEL_CSS, body: BODY });
}
