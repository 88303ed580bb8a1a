/**
 * Laid-out diagram → one standalone SVG document, the same for the preview and `integ diagram`.
 * Colours are CSS variables with defaults: inside the webview they follow the VS Code theme, in a
 * file they fall back to a light palette. Every model string goes through `escapeXml` (which escapes
 * both quotes). Attributes are single-quoted: the preview receives the SVG inside JSON, where every
 * double quote would cost an escape, and a large view has tens of thousands of them.
 */
import type { Box, DiagramEdge, DiagramGroup, DiagramNode, EdgeClass, EdgeGeometry, FindingCounts, LaidOutDiagram, Point } from './diagram-graph.js';
import { escapeXml } from '../render/escape-xml.js';
import { EDGE_BADGE_WIDTH, LOCK_WIDTH, showsEdgeLabels } from './elk-graph.js';
import { DIAGRAM_CSS, EDGE_CLASSES } from './svg-style.js';
import { textWidth } from './text-metrics.js';
import { edgeTooltip, nodeTooltip, tooltipText } from './tooltips.js';

const MARGIN = 20;
const HEADER = 44;
const NOTE_LINE = 18;
const LEGEND_HEIGHT = 64;

const LEGEND_EDGES: Array<[EdgeClass, string]> = [
    ['manual', 'manual / e-mail'], ['batch', 'batch / file'], ['realtime', 'real-time (api, webhook, event, cdc)'],
    ['script', 'script'], ['other', 'other']
];

function tenth(value: number): number {
    return Math.round(value * 10) / 10;
}

function num(value: number): string {
    return String(tenth(value));
}

export interface SvgOptions {
    /** Hover titles on departments, systems, flows and locks (default true; see `DiagramRequestParams.hoverTitles`). */
    hoverTitles?: boolean;
}

/** Renders the diagram as a standalone SVG string. */
export function renderSvg(diagram: LaidOutDiagram, options: SvgOptions = {}): string {
    const { graph, layout } = diagram;
    const title = options.hoverTitles === false ? () => '' : (text: string) => `<title>${escapeXml(text)}</title>`;
    const notes = graph.notes;
    const top = HEADER + notes.length * NOTE_LINE;
    const legendWidth = 900;
    const width = Math.ceil(Math.max(layout.width, legendWidth, textWidth(graph.title, 16) + 40, ...notes.map(n => textWidth(n, 12) + 40)) + MARGIN * 2);
    const height = Math.ceil(top + layout.height + LEGEND_HEIGHT + MARGIN);
    const out: string[] = [];
    out.push(`<svg xmlns='http://www.w3.org/2000/svg' class='integ-diagram' role='img' width='${width}' height='${height}' viewBox='0 0 ${width} ${height}'>`);
    out.push(`<title>${escapeXml(graph.title)}</title>`);
    out.push(`<style>${DIAGRAM_CSS}</style>`);
    out.push(`<defs>${EDGE_CLASSES.map(markerDef).join('')}</defs>`);
    out.push(`<rect class='integ-bg' x='0' y='0' width='${width}' height='${height}'/>`);
    out.push(`<text class='integ-title' x='${MARGIN}' y='${MARGIN + 12}'>${escapeXml(graph.title)}</text>`);
    notes.forEach((note, i) => out.push(`<text class='integ-note' x='${MARGIN}' y='${MARGIN + 12 + NOTE_LINE * (i + 1)}'>${escapeXml(note)}</text>`));
    out.push(`<g class='integ-content' transform='translate(${MARGIN},${top})'>`);
    for (const group of graph.groups) {
        const box = layout.groups[group.id];
        if (box) out.push(renderGroup(group, box, title));
    }
    const badgeSpots = new Map<string, number>();
    for (const edge of graph.edges) {
        const geometry = layout.edges[edge.id];
        if (geometry && geometry.points.length >= 2) out.push(renderEdge(edge, geometry, badgeSpots, title));
    }
    for (const node of graph.nodes) {
        const box = layout.nodes[node.id];
        if (box) out.push(renderNode(node, box, title));
    }
    out.push('</g>');
    out.push(renderLegend(MARGIN, top + layout.height + 16, showsEdgeLabels(graph), title));
    out.push('</svg>');
    return out.join('\n');
}

function markerDef(edgeClass: EdgeClass): string {
    return `<marker id='integ-arrow-${edgeClass}' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' markerHeight='7' markerUnits='strokeWidth' orient='auto-start-reverse'>`
        + `<path class='arrow-${edgeClass}' d='M0,0 L10,5 L0,10 z'/></marker>`;
}

/** A hover title, or nothing when the caller shows tooltips its own way. */
type HoverTitle = (text: string) => string;

function renderGroup(group: DiagramGroup, box: Box, title: HoverTitle): string {
    return `<g class='integ-group' data-id='${escapeXml(group.id)}'>${title(`Department ${group.label}`)}`
        + `<rect x='${num(box.x)}' y='${num(box.y)}' width='${num(box.width)}' height='${num(box.height)}' rx='8'/>`
        + `<text x='${num(box.x + 12)}' y='${num(box.y + 20)}'>${escapeXml(group.label)}</text></g>`;
}

function worst(counts: FindingCounts): 'error' | 'warning' | 'info' | 'accepted' | undefined {
    if (counts.error > 0) return 'error';
    if (counts.warning > 0) return 'warning';
    if (counts.info > 0) return 'info';
    if (counts.accepted > 0) return 'accepted';
    return undefined;
}

function badge(counts: FindingCounts, at: Point): string {
    const severity = worst(counts);
    if (!severity) return '';
    const count = severity === 'accepted' ? counts.accepted : counts.error + counts.warning + counts.info;
    const text = count > 99 ? '99+' : String(count);
    const r = text.length > 2 ? 11 : 9;
    return `<g class='integ-badge ${severity}'><circle cx='${num(at.x)}' cy='${num(at.y)}' r='${r}'/>`
        + `<text x='${num(at.x)}' y='${num(at.y + 3.8)}'>${text}</text></g>`;
}

function renderNode(node: DiagramNode, box: Box, title: HoverTitle): string {
    const classes = ['integ-node', node.kind, node.shadow ? 'shadow' : ''].filter(Boolean).join(' ');
    const tooltip = tooltipText(nodeTooltip(node));
    const parts = [`<g class='${classes}' data-id='${escapeXml(node.id)}'>${title(tooltip)}`];
    parts.push(`<rect class='box' x='${num(box.x)}' y='${num(box.y)}' width='${num(box.width)}' height='${num(box.height)}' rx='6'/>`);
    if (node.kind === 'department') {
        parts.push(`<rect class='box' x='${num(box.x + 3)}' y='${num(box.y + 3)}' width='${num(box.width - 6)}' height='${num(box.height - 6)}' rx='4' fill='none'/>`);
    }
    parts.push(`<text class='label' x='${num(box.x + 12)}' y='${num(box.y + 20)}'>${escapeXml(node.label)}</text>`);
    parts.push(`<text class='detail' x='${num(box.x + 12)}' y='${num(box.y + 37)}'>${escapeXml(node.detail)}</text>`);
    if (node.shadow) {
        // On the top border, clear of the label and detail lines whatever their length.
        const w = 62;
        const x = box.x + box.width - w - 18;
        parts.push(`<g class='tag'><rect x='${num(x)}' y='${num(box.y - 7)}' width='${w}' height='14' rx='7'/>`
            + `<text x='${num(x + w / 2)}' y='${num(box.y + 3.5)}'>shadow IT</text></g>`);
    }
    parts.push(badge(node.findings, { x: box.x + box.width - 4, y: box.y + 4 }));
    parts.push('</g>');
    return parts.join('');
}

/** Whether `p` lies on the straight, axis-parallel run from `a` to `b` (or repeats one of them). */
function onRun(a: Point, p: Point, b: Point): boolean {
    return (a.x === p.x && p.x === b.x && (p.y - a.y) * (b.y - p.y) >= 0)
        || (a.y === p.y && p.y === b.y && (p.x - a.x) * (b.x - p.x) >= 0);
}

/**
 * The polyline with axis-parallel segments written as H/V and the points inside a straight run left
 * out: the same line in about half the text (ELK routes orthogonally, with many such points).
 */
function pathOf(points: Point[]): string {
    const rounded = points.map(p => ({ x: tenth(p.x), y: tenth(p.y) }));
    const kept = rounded.filter((p, i) => i === 0 || i === rounded.length - 1 || !onRun(rounded[i - 1], p, rounded[i + 1]));
    let d = `M${kept[0].x},${kept[0].y}`;
    for (let i = 1; i < kept.length; i++) {
        const [from, to] = [kept[i - 1], kept[i]];
        d += from.x === to.x ? `V${to.y}` : from.y === to.y ? `H${to.x}` : `L${to.x},${to.y}`;
    }
    return d;
}

/** Midpoint of the longest segment, where badges sit when the edge has no label, and whether it runs vertically. */
function anchorOf(points: Point[]): Point & { vertical: boolean } {
    let best = { a: points[0], b: points[1], length: -1 };
    for (let i = 1; i < points.length; i++) {
        const length = Math.abs(points[i].x - points[i - 1].x) + Math.abs(points[i].y - points[i - 1].y);
        if (length > best.length) best = { a: points[i - 1], b: points[i], length };
    }
    return { x: (best.a.x + best.b.x) / 2, y: (best.a.y + best.b.y) / 2, vertical: Math.abs(best.a.x - best.b.x) < Math.abs(best.a.y - best.b.y) };
}

function lock(at: Point, title: HoverTitle): string {
    return `<g class='integ-lock'>${title('regulated data')}<rect x='${num(at.x - 4.5)}' y='${num(at.y - 2)}' width='9' height='7' rx='1.2'/>`
        + `<path d='M${num(at.x - 2.8)},${num(at.y - 2)}v-2.2a2.8,2.8 0 0 1 5.6,0v2.2'/></g>`;
}

/**
 * Unlabelled flows that share a trunk share its longest segment too: each further flow's badges
 * move one step along the line so that every count stays readable.
 */
function nextSpot(at: Point & { vertical: boolean }, spots: Map<string, number>): Point & { vertical: boolean } {
    const key = `${Math.round(at.x)},${Math.round(at.y)}`;
    const taken = spots.get(key) ?? 0;
    spots.set(key, taken + 1);
    const step = taken * 30;
    return at.vertical ? { ...at, y: at.y + step } : { ...at, x: at.x + step };
}

/** Arrowheads come from the stylesheet (`edge-<class>`, `two-way`): the same on every flow of a class. */
function renderEdge(edge: DiagramEdge, geometry: EdgeGeometry, badgeSpots: Map<string, number>, title: HoverTitle): string {
    const tooltip = tooltipText(edgeTooltip(edge));
    const parts = [`<g class='integ-edge edge-${edge.edgeClass}${edge.twoWay ? ' two-way' : ''}' data-id='${escapeXml(edge.id)}'>${title(tooltip)}`];
    parts.push(`<path class='line' d='${pathOf(geometry.points)}'/>`);
    const label = geometry.label;
    if (label && edge.label) {
        const textX = label.x + (edge.regulated ? LOCK_WIDTH : 0) + 4;
        parts.push(`<g class='elabel'><rect x='${num(label.x)}' y='${num(label.y - 1)}' width='${num(label.width)}' height='${num(label.height + 2)}' rx='3'/>`
            + `<text x='${num(textX)}' y='${num(label.y + label.height - 4)}'>${escapeXml(edge.label)}</text></g>`);
        if (edge.regulated) parts.push(lock({ x: label.x + 8, y: label.y + label.height / 2 }, title));
        parts.push(badge(edge.findings, { x: label.x + label.width - EDGE_BADGE_WIDTH / 2, y: label.y + label.height / 2 }));
    } else {
        // Beside the line, not on it, so the badge never hides an arrowhead or a crossing.
        const hasBadge = edge.regulated || worst(edge.findings) !== undefined;
        const at = hasBadge ? nextSpot(anchorOf(geometry.points), badgeSpots) : anchorOf(geometry.points);
        const lockAt = at.vertical ? { x: at.x + 10, y: at.y } : { x: at.x - 8, y: at.y - 10 };
        const badgeAt = at.vertical ? { x: at.x + (edge.regulated ? 26 : 12), y: at.y } : { x: at.x + 6, y: at.y - 11 };
        if (edge.regulated) parts.push(lock(lockAt, title));
        parts.push(badge(edge.findings, badgeAt));
    }
    parts.push('</g>');
    return parts.join('');
}

function renderLegend(x: number, y: number, edgeLabels: boolean, title: HoverTitle): string {
    const parts = [`<g class='integ-legend' transform='translate(${x},${y})'>`, `<text class='legend-title' x='0' y='12'>Legend</text>`];
    let cx = 60;
    for (const [edgeClass, label] of LEGEND_EDGES) {
        parts.push(`<g class='integ-edge edge-${edgeClass}'><path class='line' d='M${cx},8H${cx + 30}'/></g>`);
        parts.push(`<text x='${cx + 36}' y='12'>${escapeXml(label)}</text>`);
        cx += 36 + textWidth(label, 12) + 18;
    }
    const row = 38;
    cx = 60;
    parts.push(`<g class='integ-edge edge-other two-way'><path class='line' d='M${cx},${row - 4}H${cx + 30}'/></g>`);
    parts.push(`<text x='${cx + 36}' y='${row}'>two-way</text>`);
    cx += 110;
    parts.push(`<g class='integ-node shadow'><rect class='box' x='${cx}' y='${row - 12}' width='28' height='16' rx='3'/></g><text x='${cx + 34}' y='${row}'>shadow IT</text>`);
    cx += 112;
    parts.push(lock({ x: cx + 5, y: row - 5 }, title) + `<text x='${cx + 16}' y='${row}'>regulated data</text>`);
    cx += 130;
    for (const [severity, label] of [['error', 'errors'], ['warning', 'warnings'], ['info', 'info'], ['accepted', 'accepted']] as const) {
        parts.push(`<g class='integ-badge ${severity}'><circle cx='${cx + 8}' cy='${row - 4}' r='8'/><text x='${cx + 8}' y='${row - 0.5}'>3</text></g>`);
        parts.push(`<text x='${cx + 20}' y='${row}'>${label}</text>`);
        cx += 32 + textWidth(label, 12) + 12;
    }
    if (!edgeLabels) parts.push(`<text x='${cx + 12}' y='${row}'>flows unlabelled at this size: hover a line for its name</text>`);
    parts.push('</g>');
    return parts.join('');
}
