import { ROADMAP_CSS } from '../../../language-server/src/roadmap/roadmap-html.js';
import { webviewHtml } from './webview-html.js';

/**
 * The page's base (ROADMAP_CSS: the theme's text, table and note colours, as in the report) and
 * the heat-map cells a click opens; the brief's own stylesheet arrives with its markup.
 */
const PANEL_CSS = `${ROADMAP_CSS}
.banner { padding: 4px 8px; margin-bottom: 8px; color: var(--vscode-foreground, #1f2328);
  border: 1px solid var(--vscode-inputValidation-warningBorder, var(--vscode-contrastBorder, #f08c00));
  background: var(--vscode-inputValidation-warningBackground, #fff4e6); }
#brief svg g:has(> rect.cell[data-key]) { cursor: pointer; }
#brief svg g:has(> rect.cell[data-key]):hover > rect.cell { stroke: var(--vscode-focusBorder, #0969da); stroke-width: 2; }
#brief svg g[tabindex]:focus-visible > rect.cell { stroke: var(--vscode-focusBorder, #0969da); stroke-width: 2; outline: none; }`;

const BODY = `<div id="banner" class="banner" role="status" hidden></div>
<div id="brief"><p class="note">Loading the brief…</p></div>`;

/** The brief webview page on the shared preview skeleton (strict CSP, nonce'd script and style). Pure, so a test can build exactly this page. */
export function briefWebviewHtml(options: { cspSource: string; scriptUri: string; nonce?: string }): string {
    return webviewHtml({ ...options, title: 'Integration brief', css: PANEL_CSS, body: BODY });
}
