/**
 * Colours and fonts of the diagram, as CSS variables with light defaults: the preview maps them to
 * the VS Code theme, a saved SVG falls back to the defaults. No imports: the webview bundles this too.
 */
import type { EdgeClass } from './diagram-graph.js';

export const EDGE_CLASSES: EdgeClass[] = ['manual', 'batch', 'realtime', 'script', 'other'];

export const DEFAULT_COLOURS: Record<EdgeClass, string> = {
    manual: '#d73a49', batch: '#d4a72c', realtime: '#2da44e', script: '#8250df', other: '#6e7781'
};

/** The diagram's stylesheet; the webview adopts it under its own CSP nonce instead of the SVG's copy. */
export const DIAGRAM_CSS = `
svg.integ-diagram { font-family: var(--integ-font, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif); }
.integ-bg { fill: var(--integ-bg, #ffffff); }
.integ-title { font-size: 16px; font-weight: 600; fill: var(--integ-fg, #1f2328); }
.integ-note { font-size: 12px; fill: var(--integ-muted, #57606a); }
.integ-group rect { fill: var(--integ-group-bg, #f6f8fa); stroke: var(--integ-group-border, #d0d7de); stroke-width: 1; }
.integ-group text { font-size: 13px; font-weight: 600; fill: var(--integ-muted, #57606a); }
.integ-node > rect.box { fill: var(--integ-node-bg, #ffffff); stroke: var(--integ-node-border, #8c959f); stroke-width: 1.2; }
.integ-node.shadow > rect.box { stroke: var(--integ-shadow, #9a6700); stroke-dasharray: 5 3; stroke-width: 1.6; }
.integ-node.department > rect.box { stroke-width: 2.4; }
.integ-node .label { font-size: 13px; font-weight: 600; fill: var(--integ-fg, #1f2328); }
.integ-node .detail { font-size: 12px; fill: var(--integ-muted, #57606a); }
.integ-node .tag rect { fill: var(--integ-shadow-bg, #fff8c5); stroke: var(--integ-shadow, #9a6700); stroke-width: 0.8; }
.integ-node .tag text { font-size: 10.5px; fill: var(--integ-shadow, #9a6700); text-anchor: middle; }
.integ-edge path.line { fill: none; stroke-width: 1.8; }
.integ-edge .elabel rect { fill: var(--integ-label-bg, #ffffff); fill-opacity: 0.92; }
.integ-edge .elabel text { font-size: 12px; fill: var(--integ-fg, #1f2328); }
.integ-lock rect, .integ-lock path { stroke: var(--integ-lock, #57606a); }
.integ-lock rect { fill: var(--integ-lock, #57606a); }
.integ-lock path { fill: none; stroke-width: 1.4; }
.integ-badge text { font-size: 10.5px; font-weight: 700; fill: #ffffff; text-anchor: middle; }
.integ-badge.error circle { fill: var(--integ-error, #cf222e); }
.integ-badge.warning circle { fill: var(--integ-warning, #bf8700); }
.integ-badge.info circle { fill: var(--integ-info, #0969da); }
.integ-badge.accepted circle { fill: var(--integ-accepted, #8c959f); }
.integ-legend text { font-size: 12px; fill: var(--integ-fg, #1f2328); }
.integ-legend .legend-title { font-weight: 600; }
.integ-node:hover > rect.box, .integ-edge:hover path.line { filter: drop-shadow(0 0 2px var(--integ-focus, #0969da)); }
[data-id] { cursor: pointer; }
${EDGE_CLASSES.map(c => `.edge-${c} path.line { stroke: var(--integ-${c}, ${DEFAULT_COLOURS[c]}); marker-end: url(#integ-arrow-${c}); }
.edge-${c}.two-way path.line { marker-start: url(#integ-arrow-${c}); }
.arrow-${c} { fill: var(--integ-${c}, ${DEFAULT_COLOURS[c]}); }`).join('\n')}
.edge-manual path.line { stroke-dasharray: 7 4; }
`;

