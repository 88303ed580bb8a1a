/**
 * Colours and fonts of the diagram, as CSS variables with light defaults: the preview maps them to
 * the VS Code theme, a saved SVG falls back to the defaults. The lens classes on the root (`lens-…`)
 * recolour the same picture. No runtime imports: the webview bundles this too.
 */
import type { DiffMark, EdgeClass } from './diagram-graph.js';
import { LENS_CATEGORIES, LENS_DEFAULT, lensClass } from './lenses.js';

export const EDGE_CLASSES: EdgeClass[] = ['manual', 'batch', 'realtime', 'script', 'other'];

export const DEFAULT_COLOURS: Record<EdgeClass, string> = {
    manual: '#d73a49', batch: '#d4a72c', realtime: '#2da44e', script: '#8250df', other: '#6e7781'
};

/** The picture of a change: added green, removed red, changed or renamed amber, the rest grey and dimmed. */
const DIFF_COLOURS: Record<DiffMark, string> = {
    added: 'var(--integ-diff-added, #1a7f37)', removed: 'var(--integ-diff-removed, #cf222e)',
    changed: 'var(--integ-diff-changed, #bf8700)', renamed: 'var(--integ-diff-changed, #bf8700)', unchanged: 'var(--integ-diff-unchanged, #8c959f)'
};

/** Every arrowhead colour a line can take: the edge classes, then each lens category, then each mark of a compared change. */
export function markerIds(): Array<{ id: string; colour: string }> {
    const ids: Array<{ id: string; colour: string }> = EDGE_CLASSES.map(c => ({ id: c, colour: `var(--integ-${c}, ${DEFAULT_COLOURS[c]})` }));
    for (const [lens, categories] of Object.entries(LENS_CATEGORIES)) {
        for (const category of categories) ids.push({ id: lensClass(lens as keyof typeof LENS_CATEGORIES, category.key), colour: lensColour(lens, category.key, category.colour) });
    }
    for (const [mark, colour] of Object.entries(DIFF_COLOURS)) ids.push({ id: `diff-${mark}`, colour });
    return ids;
}

/** After the lens rules, which they override: in the picture of a change colour says what changed, nothing else. */
function diffRules(): string {
    const rules = Object.entries(DIFF_COLOURS).flatMap(([mark, colour]) => [
        `.comparing .integ-edge.diff-${mark} path.line { stroke: ${colour}; marker-start: none; marker-end: url(#integ-arrow-diff-${mark}); }`,
        `.comparing .integ-edge.two-way.diff-${mark} path.line { marker-start: url(#integ-arrow-diff-${mark}); }`,
        `.comparing .integ-node.diff-${mark} > rect.box { stroke: ${colour}; stroke-width: ${mark === 'unchanged' ? 1.2 : 2.6}; stroke-dasharray: none; }`,
        `.comparing .integ-node.diff-${mark} > rect.chip { fill: ${colour}; }`
    ]);
    rules.push(
        '.comparing .integ-edge.diff-added path.line, .comparing .integ-edge.diff-changed path.line, .comparing .integ-edge.diff-renamed path.line { stroke-width: 2.6; stroke-dasharray: none; }',
        '.comparing .integ-edge.diff-removed path.line { stroke-width: 2.2; stroke-dasharray: 6 4; }',
        '.comparing .integ-node.diff-removed > rect.box { stroke-dasharray: 6 3; }',
        '.comparing .integ-node.diff-removed .label { text-decoration: line-through; }',
        '.comparing .integ-content .diff-unchanged { opacity: 0.4; }',
        '.comparing .integ-content .integ-group { opacity: 0.7; }'
    );
    return rules.join('\n');
}

function lensColour(lens: string, key: string, colour: string): string {
    return `var(--integ-${lens}-${key}, ${colour})`;
}

/**
 * Under a lens every flow and system takes its category's colour. An element without a class for the
 * lens is in the lens's default category (its rules come first, so any class overrides them).
 */
function lensRules(): string {
    const rules: string[] = [];
    for (const [lens, categories] of Object.entries(LENS_CATEGORIES)) {
        const name = lens as keyof typeof LENS_CATEGORIES;
        const ordered = [...categories].sort((a, b) => Number(b.key === LENS_DEFAULT[name]) - Number(a.key === LENS_DEFAULT[name]));
        for (const { key, colour } of ordered) {
            const cls = lensClass(name, key);
            const match = key === LENS_DEFAULT[name] ? '' : `.${cls}`;
            const value = lensColour(lens, key, colour);
            rules.push(`.lens-${lens} .integ-edge${match} path.line { stroke: ${value}; stroke-dasharray: none; marker-start: none; marker-end: url(#integ-arrow-${cls}); }`);
            rules.push(`.lens-${lens} .integ-edge.two-way${match} path.line { marker-start: url(#integ-arrow-${cls}); }`);
            rules.push(`.lens-${lens} .integ-node${match} > rect.box { stroke: ${value}; stroke-width: 2.6; }`);
            rules.push(`.lens-${lens} .integ-node${match} > rect.chip { fill: ${value}; }`);
            rules.push(`.lens-${lens} .legend-swatch.${cls} { fill: ${value}; }`);
        }
        rules.push(`.integ-legend .legend-${lens} { display: none; } .lens-${lens} .integ-legend .legend-${lens} { display: inline; }`);
        rules.push(`.lens-${lens} .integ-legend .legend-style { display: none; }`);
    }
    return rules.join('\n');
}

/** The diagram's stylesheet; the webview adopts it under its own CSP nonce instead of the SVG's copy. */
export const DIAGRAM_CSS = `
svg.integ-diagram, svg.integ-legend-sheet { font-family: var(--integ-font, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif); }
.integ-bg { fill: var(--integ-bg, #ffffff); }
.integ-title { font-size: 16px; font-weight: 600; fill: var(--integ-fg, #1f2328); }
.integ-note { font-size: 12px; fill: var(--integ-muted, #57606a); }
.integ-group > rect.frame { fill: var(--integ-group-bg, #f6f8fa); stroke: var(--integ-group-border, #d0d7de); stroke-width: 1; }
.integ-group text { font-size: 13px; font-weight: 600; fill: var(--integ-muted, #57606a); }
.integ-group .fold rect, .integ-node .fold rect { fill: var(--integ-node-bg, #ffffff); stroke: var(--integ-muted, #57606a); stroke-width: 1; }
.integ-group .fold text, .integ-node .fold text { font-size: 12px; font-weight: 700; fill: var(--integ-muted, #57606a); text-anchor: middle; }
.integ-node > rect.box { fill: var(--integ-node-bg, #ffffff); stroke: var(--integ-node-border, #8c959f); stroke-width: 1.2; }
.integ-node > rect.chip { fill: none; }
.integ-node.shadow > rect.box { stroke: var(--integ-shadow, #9a6700); stroke-dasharray: 5 3; stroke-width: 1.6; }
.integ-node.department > rect.box { stroke-width: 2.4; }
.integ-node .label { font-size: 13px; font-weight: 600; fill: var(--integ-fg, #1f2328); }
.integ-node .detail { font-size: 12px; fill: var(--integ-muted, #57606a); }
.integ-node .tag rect { fill: var(--integ-shadow-bg, #fff8c5); stroke: var(--integ-shadow, #9a6700); stroke-width: 0.8; }
.integ-node .tag text { font-size: 10.5px; fill: var(--integ-shadow, #9a6700); text-anchor: middle; }
.integ-node.chg-added > rect.box { stroke: var(--integ-added, #1a7f37); stroke-width: 2.4; stroke-dasharray: 6 3; }
.integ-node.chg-retired > rect.box { stroke: var(--integ-retired, #8c959f); stroke-dasharray: 3 4; opacity: 0.75; }
.integ-edge path.line { fill: none; stroke-width: 1.8; }
.integ-edge.chg-added path.line, .integ-edge.chg-changed path.line { stroke-width: 2.6; }
.integ-edge.chg-retired path.line { stroke: var(--integ-retired, #8c959f); stroke-dasharray: 3 4; opacity: 0.75; marker-end: url(#integ-arrow-other); }
.integ-edge .change text { font-size: 10.5px; font-weight: 700; fill: var(--integ-fg, #1f2328); }
.integ-edge .elabel rect { fill: var(--integ-label-bg, #ffffff); fill-opacity: 0.92; }
.integ-edge .elabel text { font-size: 12px; fill: var(--integ-fg, #1f2328); }
.integ-lock rect, .integ-lock path { stroke: var(--integ-lock, #57606a); }
.integ-lock rect { fill: var(--integ-lock, #57606a); }
.integ-lock path { fill: none; stroke-width: 1.4; }
.integ-badge text { font-size: 10.5px; font-weight: 700; fill: #ffffff; text-anchor: middle; }
.integ-badge .error { fill: var(--integ-error, #cf222e); }
.integ-badge .warning { fill: var(--integ-warning, #9a6700); }
.integ-badge .info { fill: var(--integ-info, #0969da); }
.integ-legend text { font-size: 12px; fill: var(--integ-fg, #1f2328); }
.integ-legend .legend-title { font-weight: 600; }
.integ-legend .legend-swatch { stroke: none; }
.integ-node:hover > rect.box, .integ-edge:hover path.line { filter: drop-shadow(0 0 2px var(--integ-focus, #0969da)); }
[data-id] { cursor: pointer; }
.following [data-id].dim, .highlighting [data-id]:not(.lit) { opacity: 0.18; }
.following .integ-group.dim, .highlighting .integ-group:not(.lit) { opacity: 0.45; }
${EDGE_CLASSES.map(c => `.edge-${c} path.line { stroke: var(--integ-${c}, ${DEFAULT_COLOURS[c]}); marker-end: url(#integ-arrow-${c}); }
.edge-${c}.two-way path.line { marker-start: url(#integ-arrow-${c}); }`).join('\n')}
.edge-manual path.line { stroke-dasharray: 7 4; }
${lensRules()}
${diffRules()}
${markerIds().map(({ id, colour }) => `.arrow-${id} { fill: ${colour}; }`).join('\n')}
`;
