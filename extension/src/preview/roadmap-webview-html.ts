import { ROADMAP_CSS } from '../../../language-server/src/roadmap/roadmap-html.js';
import { webviewHtml } from './webview-html.js';

/**
 * The panel's own controls take the theme's button and warning colours. The high-contrast themes leave
 * the button background unset (so a fallback colour would show) and set `contrastBorder`, which every
 * control then draws.
 */
const PANEL_CSS = `${ROADMAP_CSS}
body { --integ-button-bg: #1971c2; --integ-button-fg: #ffffff; }
body.vscode-high-contrast { --integ-button-bg: transparent; --integ-button-fg: var(--vscode-foreground); }
.toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; }
.banner { padding: 4px 8px; color: var(--vscode-foreground, #1f2328);
  border: 1px solid var(--vscode-inputValidation-warningBorder, var(--vscode-contrastBorder, #f08c00));
  background: var(--vscode-inputValidation-warningBackground, #fff4e6); }
button { font: inherit; padding: 4px 10px; cursor: pointer; border-radius: 2px;
  color: var(--vscode-button-foreground, var(--integ-button-fg)); background: var(--vscode-button-background, var(--integ-button-bg));
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); }
button:hover { background: var(--vscode-button-hoverBackground, var(--integ-button-bg)); }
body.vscode-high-contrast button:hover { outline: 1px dashed var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); outline-offset: -1px; }
button:focus-visible, tr[data-initiative]:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0969da); outline-offset: 1px; }`;

const BODY = `<div class="toolbar"><button id="export" type="button">Export HTML…</button><span id="banner" class="banner" hidden></span></div>
<div id="roadmap"><p class="note">Loading the roadmap…</p></div>`;

/** The roadmap webview page on the shared preview skeleton (strict CSP, nonce'd script and style). Pure, so the browser test loads exactly this page. */
export function roadmapWebviewHtml(options: { cspSource: string; scriptUri: string; nonce?: string }): string {
    return webviewHtml({ ...options, title: 'Roadmap', css: PANEL_CSS, body: BODY });
}
