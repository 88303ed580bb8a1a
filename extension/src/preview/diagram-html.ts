import { LENS_CATEGORIES } from '../../../language-server/src/diagram/lenses.js';
import { DIAGRAM_VIEW_KINDS, VIEW_KIND_LABELS } from '../../../language-server/src/diagram/view-kinds.js';
import { DIAGRAM_CSS } from '../../../language-server/src/diagram/svg-style.js';
import { webviewHtml } from './webview-html.js';

/**
 * The diagram's colours follow the VS Code theme through these variables (a saved SVG keeps its light
 * defaults). `--vscode-contrastBorder` is set only by the high-contrast themes, so putting it first
 * gives them their borders and leaves the other themes alone.
 */
const THEME_VARIABLES = `
body {
  --integ-bg: var(--vscode-editor-background);
  --integ-fg: var(--vscode-editor-foreground);
  --integ-muted: var(--vscode-descriptionForeground);
  --integ-node-bg: var(--vscode-editorWidget-background);
  --integ-node-border: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #8c959f));
  --integ-group-bg: var(--vscode-sideBar-background, var(--vscode-editor-background));
  --integ-group-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #d0d7de));
  --integ-label-bg: var(--vscode-editor-background);
  --integ-error: var(--vscode-editorError-foreground);
  --integ-warning: var(--vscode-editorWarning-foreground);
  --integ-info: var(--vscode-editorInfo-foreground);
  --integ-shadow: var(--vscode-editorWarning-foreground, #9a6700);
  --integ-shadow-bg: var(--vscode-inputValidation-warningBackground, #fff8c5);
  --integ-added: var(--vscode-gitDecoration-addedResourceForeground, #1a7f37);
  --integ-retired: var(--vscode-disabledForeground, #8c959f);
  --integ-focus: var(--vscode-focusBorder);
  --integ-lock: var(--vscode-editor-foreground);
  --integ-font: var(--vscode-font-family);
  /* Controls in themes that leave a colour unset (the high-contrast ones leave most): see below. */
  --integ-control-bg: #f6f8fa;
  --integ-control-fg: #1f2328;
  --integ-control-border: var(--vscode-contrastBorder, var(--vscode-panel-border, #d0d7de));
}
body.vscode-high-contrast { --integ-control-bg: transparent; --integ-control-fg: var(--vscode-foreground); }
${darkPalette('body.vscode-dark, body.vscode-high-contrast:not(.vscode-high-contrast-light)')}
`;

/** Flow and lens colours made for a white page, lightened so that they read on a dark one. */
function darkPalette(selector: string): string {
    const edges: Record<string, string> = { manual: '#f47067', batch: '#daaa3f', realtime: '#57ab5a', script: '#b083f0', other: '#8b949e' };
    const lines = Object.entries(edges).map(([edgeClass, colour]) => `--integ-${edgeClass}: ${colour};`);
    for (const [lens, categories] of Object.entries(LENS_CATEGORIES)) {
        for (const category of categories) lines.push(`--integ-${lens}-${category.key}: ${lighten(category.colour, 0.3)};`);
    }
    return `${selector} { ${lines.join(' ')} }`;
}

function lighten(hex: string, share: number): string {
    const channels = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
    return '#' + channels.map(c => Math.round(c + (255 - c) * share).toString(16).padStart(2, '0')).join('');
}

/**
 * Every control takes the theme's colours for its kind and a border in `contrastBorder` when the
 * theme has one: in the high-contrast themes nothing may be a blank box.
 */
const PAGE_CSS = `
body {
  margin: 0; padding: 0; overflow: hidden; height: 100vh; display: flex; flex-direction: column;
  color: var(--vscode-foreground, #1f2328); background: var(--vscode-editor-background, #ffffff);
  font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px);
}
#toolbar { display: flex; flex-wrap: wrap; gap: 5px 8px; align-items: center; padding: 5px 8px;
  border-bottom: 1px solid var(--integ-control-border); position: relative; z-index: 2;
  background: var(--vscode-editor-background, #ffffff); }
#toolbar label { display: inline-flex; gap: 4px; align-items: center; }
select, input, button { font: inherit; padding: 2px 6px; border-radius: 2px; }
select { max-width: 10em; color: var(--vscode-dropdown-foreground, var(--integ-control-fg)); background: var(--vscode-dropdown-background, var(--integ-control-bg));
  border: 1px solid var(--vscode-dropdown-border, var(--integ-control-border)); }
input { color: var(--vscode-input-foreground, var(--integ-control-fg)); background: var(--vscode-input-background, var(--integ-control-bg));
  border: 1px solid var(--vscode-input-border, var(--integ-control-border)); width: 9em; }
#search { width: 8em; }
input::placeholder { color: var(--vscode-input-placeholderForeground, #6e7781); }
button { cursor: pointer; color: var(--vscode-button-secondaryForeground, var(--integ-control-fg));
  background: var(--vscode-button-secondaryBackground, var(--integ-control-bg));
  border: 1px solid var(--vscode-button-border, var(--integ-control-border)); }
button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-toolbar-hoverBackground, var(--integ-control-bg))); }
body.vscode-high-contrast button:hover { outline: 1px dashed var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); outline-offset: -1px; }
select:focus-visible, input:focus-visible, button:focus-visible, #viewport:focus-visible {
  outline: 1px solid var(--vscode-focusBorder, #0969da); outline-offset: -1px; }
[hidden] { display: none !important; }
#status { margin-left: auto; color: var(--vscode-descriptionForeground, #57606a); font-size: 12px; }
#caption { padding: 4px 8px; display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center;
  border-bottom: 1px solid var(--integ-control-border); }
#actions { display: inline-flex; gap: 6px; }
#lens { max-width: none; }
#crumbs { display: inline-flex; gap: 4px; align-items: baseline; }
#crumbs:has(> #back[hidden]) { display: none; }
#trail { display: inline-flex; gap: 4px; align-items: baseline; }
#trail .crumb { border: none; background: none; padding: 0; color: var(--vscode-textLink-foreground, #0969da); text-decoration: underline; }
body.vscode-high-contrast #trail .crumb { border: none; }
#trail .crumb-here { font-weight: 600; }
#trail .crumb-sep { color: var(--vscode-descriptionForeground, #57606a); }
#title { font-weight: 600; }
#notes { margin: 0; padding: 0; list-style: none; flex-basis: 100%; color: var(--vscode-descriptionForeground, #57606a); font-size: 12px; }
#banner { display: none; padding: 4px 8px; color: var(--vscode-foreground, #1f2328);
  background: var(--vscode-inputValidation-warningBackground, #fff8c5);
  border-bottom: 1px solid var(--vscode-inputValidation-warningBorder, var(--integ-control-border)); }
#banner.visible { display: block; }
#main { position: relative; flex: 1; min-height: 0; }
#viewport { position: absolute; top: 0; left: 0; right: 0; bottom: 0; overflow: hidden; cursor: grab; }
#viewport.dragging { cursor: grabbing; }
#canvas { transform-origin: 0 0; position: absolute; top: 0; left: 0; }
#empty { position: absolute; top: 40%; left: 10%; right: 10%; text-align: center; white-space: pre-line; pointer-events: none;
  color: var(--vscode-descriptionForeground, #57606a); font-size: 14px; }
#legend { position: absolute; left: 8px; bottom: 8px; max-width: calc(100% - 16px); z-index: 1;
  display: flex; flex-direction: column; align-items: flex-start; }
#legend-toggle { font-size: 11px; padding: 1px 8px; border-bottom: none; }
/* At its own size, readable at any zoom; a panel narrower than the legend scrolls it sideways. */
#legend-body { box-sizing: border-box; max-width: 100%; overflow-x: auto; padding: 4px 6px;
  color: var(--vscode-editorWidget-foreground, var(--vscode-foreground, #1f2328));
  background: var(--vscode-editorWidget-background, #ffffff);
  border: 1px solid var(--vscode-editorWidget-border, var(--integ-control-border)); }
#legend-body svg { display: block; }
#tooltip { position: fixed; display: none; max-width: 420px; padding: 6px 8px; pointer-events: none; z-index: 3;
  white-space: pre-wrap; font-size: 12px; color: var(--vscode-editorHoverWidget-foreground, #1f2328);
  background: var(--vscode-editorHoverWidget-background, #ffffff);
  border: 1px solid var(--vscode-editorHoverWidget-border, var(--integ-control-border)); }
#tooltip.visible { display: block; }
#tooltip .tip-title { font-weight: 600; margin-bottom: 2px; }
/* The click targets the webview lays under each flow's line (hit-targets.ts). */
.integ-edge path.hit { fill: none; stroke: transparent; stroke-width: 10; }
/* A ring round what "Show in diagram", the search or the keyboard points at; above any lens's colour. */
#canvas .integ-node:focus { outline: none; }
#canvas .integ-node.integ-focus > rect.box, #canvas .integ-node:focus-visible > rect.box,
#canvas .integ-edge.integ-focus path.line { stroke: var(--integ-focus, #0969da); stroke-width: 3.5; }
#canvas .integ-group.integ-focus > rect.frame { stroke: var(--integ-focus, #0969da); stroke-width: 3; }
`;

const BODY = `
<div id="toolbar" role="toolbar" aria-label="Diagram">
  <label>View <select id="view-kind" aria-label="View">
    ${DIAGRAM_VIEW_KINDS.map(kind => `<option value="${kind}">${VIEW_KIND_LABELS[kind]}</option>`).join('')}
  </select></label>
  <select id="view-name" aria-label="Name"></select>
  <select id="depth" aria-label="Depth"><option value="1">depth 1</option><option value="2">depth 2</option></select>
  <label>State <select id="state" aria-label="State"><option value="as-is">as-is</option><option value="to-be">to-be</option></select></label>
  <button id="open-all" type="button" hidden>Open all</button>
  <label>Data <select id="classification" aria-label="Classification filter"></select></label>
  <label>Findings <select id="finding" aria-label="Finding filter"></select></label>
  <label>Lens <select id="lens" aria-label="Lens"></select></label>
  <label>Follow <input id="follow" type="search" list="follow-list" placeholder="Entity or Entity.field" aria-label="Follow the data" autocomplete="off"></label>
  <label>Find <input id="search" type="search" list="search-list" placeholder="System" aria-label="Find a system" autocomplete="off"></label>
</div>
<div id="caption">
  <span id="crumbs"><button id="back" type="button" hidden aria-label="Back to the previous view">← Back</button><span id="trail"></span></span>
  <span id="title"></span>
  <span id="status" aria-live="polite"></span>
  <span id="actions"><button id="fit" type="button">Fit</button><button id="export-svg" type="button">Export SVG</button><button id="export-png" type="button">Export PNG</button></span>
  <ul id="notes" hidden></ul>
</div>
<div id="banner" role="status"></div>
<div id="main">
  <div id="viewport" tabindex="0" aria-label="Diagram: arrow keys move between systems, Enter opens the declaration, Shift+Enter the system's own view"><div id="canvas"></div></div>
  <div id="empty" hidden></div>
  <div id="legend" hidden><button id="legend-toggle" type="button" aria-expanded="true" aria-controls="legend-body">Legend</button><div id="legend-body"></div></div>
</div>
<div id="tooltip" role="tooltip"></div>
<datalist id="follow-list"></datalist>
<datalist id="search-list"></datalist>
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
        css: THEME_VARIABLES + PAGE_CSS + DIAGRAM_CSS,
        body: BODY
    });
}
