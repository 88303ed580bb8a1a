import { DIAGRAM_CSS } from '../../../language-server/src/diagram/svg-style.js';
import { webviewHtml } from './webview-html.js';

/** The diagram's colours follow the VS Code theme through these variables (defaults stay for files). */
const THEME_CSS = `
body {
  --integ-bg: var(--vscode-editor-background);
  --integ-fg: var(--vscode-editor-foreground);
  --integ-muted: var(--vscode-descriptionForeground);
  --integ-node-bg: var(--vscode-editorWidget-background);
  --integ-node-border: var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #8c959f));
  --integ-group-bg: var(--vscode-sideBar-background, var(--vscode-editor-background));
  --integ-group-border: var(--vscode-panel-border, #d0d7de);
  --integ-label-bg: var(--vscode-editor-background);
  --integ-error: var(--vscode-editorError-foreground);
  --integ-warning: var(--vscode-editorWarning-foreground);
  --integ-info: var(--vscode-editorInfo-foreground);
  --integ-focus: var(--vscode-focusBorder);
  --integ-lock: var(--vscode-editor-foreground);
  --integ-font: var(--vscode-font-family);
  margin: 0; padding: 0; overflow: hidden; height: 100vh; display: flex; flex-direction: column;
  color: var(--vscode-foreground, #1f2328); background: var(--vscode-editor-background, #ffffff);
  font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px);
}
#toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px;
  border-bottom: 1px solid var(--vscode-panel-border, #d0d7de); position: relative; z-index: 2;
  background: var(--vscode-editor-background, #ffffff); }
#toolbar select, #toolbar button { font: inherit; color: var(--vscode-dropdown-foreground, inherit);
  background: var(--vscode-dropdown-background, #ffffff); border: 1px solid var(--vscode-dropdown-border, #d0d7de); padding: 2px 4px; }
#toolbar button { cursor: pointer; color: var(--vscode-button-secondaryForeground, inherit); background: var(--vscode-button-secondaryBackground, #f6f8fa); }
#toolbar label { display: inline-flex; gap: 4px; align-items: center; }
#banner { display: none; padding: 4px 8px; color: var(--vscode-editorWarning-foreground, #9a6700);
  background: var(--vscode-inputValidation-warningBackground, #fff8c5); border-bottom: 1px solid var(--vscode-inputValidation-warningBorder, #d4a72c); }
#banner.visible { display: block; }
#viewport { position: absolute; top: 0; left: 0; right: 0; bottom: 0; overflow: hidden; cursor: grab; }
#viewport.dragging { cursor: grabbing; }
#main { position: relative; flex: 1; }
#canvas { transform-origin: 0 0; position: absolute; top: 0; left: 0; }
#tooltip { position: fixed; display: none; max-width: 420px; padding: 6px 8px; pointer-events: none; z-index: 3;
  white-space: pre-wrap; font-size: 12px; color: var(--vscode-editorHoverWidget-foreground, #1f2328);
  background: var(--vscode-editorHoverWidget-background, #ffffff); border: 1px solid var(--vscode-editorHoverWidget-border, #d0d7de); }
#tooltip .tip-title { font-weight: 600; margin-bottom: 2px; }
#status { margin-left: auto; opacity: 0.8; }
/* The click targets the webview lays under each flow's line (hit-targets.ts). */
.integ-edge path.hit { fill: none; stroke: transparent; stroke-width: 10; }
.integ-focus > rect.box, .integ-focus path.line { stroke: var(--vscode-focusBorder, #0969da); stroke-width: 3; }
`;

const BODY = `
<div id="toolbar" role="toolbar" aria-label="Diagram">
  <label>View <select id="view-kind" aria-label="View">
    <option value="estate">Estate</option><option value="process">Process</option>
    <option value="department">Department</option><option value="system">System</option>
  </select></label>
  <select id="view-name" aria-label="Name"></select>
  <select id="depth" aria-label="Depth"><option value="1">depth 1</option><option value="2">depth 2</option></select>
  <label>State <select id="state" aria-label="State"><option value="as-is">as-is</option><option value="to-be">to-be</option></select></label>
  <label>Data <select id="classification" aria-label="Classification filter"></select></label>
  <label>Findings <select id="finding" aria-label="Finding filter"></select></label>
  <button id="fit" type="button">Fit</button>
  <button id="export-svg" type="button">Export SVG</button>
  <button id="export-png" type="button">Export PNG</button>
  <span id="status" aria-live="polite"></span>
</div>
<div id="banner" role="status"></div>
<div id="main"><div id="viewport"><div id="canvas"></div></div></div>
<div id="tooltip" role="tooltip"></div>
`;

export interface DiagramPageOptions {
    cspSource: string;
    scriptUri: string;
    nonce?: string;
}

/** The diagram preview page; the panel and the browser test both build it here. */
export function diagramHtml(options: DiagramPageOptions): string {
    return webviewHtml({
        cspSource: options.cspSource,
        scriptUri: options.scriptUri,
        nonce: options.nonce,
        title: 'Integration diagram',
        css: THEME_CSS + DIAGRAM_CSS,
        body: BODY
    });
}
