/**
 * Laid-out diagram → one standalone SVG document, the same for the preview and `integ diagram`.
 * Colours are CSS variables with defaults: inside the webview they follow the VS Code theme, in a
 * file they fall back to a light palette. Every element carries its category under each lens as a
 * class, so the preview recolours the same picture by switching one class on the root. Every model
 * string goes through `escapeXml` (which escapes both quotes). Attributes are single-quoted: the
 * preview receives the SVG inside JSON, where every double quote would cost an escape.
 */
import { isBundle, type Box, type DiagramEdge, type DiagramGraph, type DiagramGroup, type DiagramNode, type EdgeGeometry, type FindingCounts, type LaidOutDiagram, type Point } from './diagram-graph.js';
import { escapeXml } from '../render/escape-xml.js';
import { LENS_DEFAULT, lensClass, lensKeys, type Lens } from './lenses.js';
import { badgeCounts, badgeWidth, EDGE_LABEL_LINE_HEIGHT, edgeBadgeWidth, groupTitleText, LOCK_WIDTH, TITLE_LINE_HEIGHT } from './node-sizing.js';
import { BADGE_HEIGHT, borderMarks, TAG_HEIGHT, TAG_WIDTH } from './border-marks.js';
import { segmentsOf, type Segment } from './box-geometry.js';
import { segmentIndex, type SpatialIndex } from './spatial-index.js';
import { legendContent } from './svg-legend.js';
import { lock, num, type HoverTitle } from './svg-marks.js';
import { DIAGRAM_CSS, markerIds } from './svg-style.js';
import { textWidth } from './text-metrics.js';
import { edgeTooltip, nodeTooltip, tooltipText } from './tooltips.js';
import { roundToTenth } from '../model/rounding.js';

const MARGIN = 20;
const HEADER = 44;
const NOTE_LINE = 18;

export interface SvgOptions {
    /** Hover titles on departments, systems, flows and locks (default true; see `DiagramRequestParams.hoverTitles`). */
    hoverTitles?: boolean;
    /** Title, notes and legend round the drawing (default true); the preview shows its own. */
    chrome?: boolean;
    /** The lens the picture is coloured by (default `style`). */
    lens?: Lens;
}

function rootClasses(graph: DiagramGraph, lens: Lens, base: string): string {
    return [base, `lens-${lens}`, graph.follow ? 'following' : '', graph.comparing ? 'comparing' : ''].filter(Boolean).join(' ');
}

/** Renders the diagram as a standalone SVG string. */
export function renderSvg(diagram: LaidOutDiagram, options: SvgOptions = {}): string {
    const { graph, layout } = diagram;
    const title = options.hoverTitles === false ? () => '' : (text: string) => `<title>${escapeXml(text)}</title>`;
    const chrome = options.chrome !== false;
    const lens = options.lens ?? 'style';
    const unlabelled = graph.edges.some(edge => layout.edges[edge.id] && !layout.edges[edge.id].label);
    const notes = chrome ? graph.notes : [];
    const margin = chrome ? MARGIN : 8;
    const top = chrome ? HEADER + notes.length * NOTE_LINE : margin;
    const legend = chrome ? legendContent(graph, unlabelled, title) : undefined;
    const width = Math.ceil(Math.max(layout.width, legend?.width ?? 0, chrome ? textWidth(graph.title, 16) + 40 : 0, ...notes.map(n => textWidth(n, 12) + 40)) + margin * 2);
    const height = Math.ceil(top + layout.height + (legend ? legend.height + 16 : 0) + margin);
    const out: string[] = [];
    out.push(`<svg xmlns='http://www.w3.org/2000/svg' class='${rootClasses(graph, lens, 'integ-diagram')}' role='img' width='${width}' height='${height}' viewBox='0 0 ${width} ${height}'>`);
    out.push(`<title>${escapeXml(graph.title)}</title>`);
    out.push(`<style>${DIAGRAM_CSS}</style>`);
    out.push(`<defs>${markerIds().map(({ id }) => markerDef(id)).join('')}</defs>`);
    out.push(`<rect class='integ-bg' x='0' y='0' width='${width}' height='${height}'/>`);
    if (chrome) {
        out.push(`<text class='integ-title' x='${MARGIN}' y='${MARGIN + 12}'>${escapeXml(graph.title)}</text>`);
        notes.forEach((note, i) => out.push(`<text class='integ-note' x='${MARGIN}' y='${MARGIN + 12 + NOTE_LINE * (i + 1)}'>${escapeXml(note)}</text>`));
    }
    out.push(`<g class='integ-content' transform='translate(${margin},${top})'>`);
    for (const group of graph.groups) {
        const box = layout.groups[group.id];
        if (box) out.push(renderGroup(group, box, layout.titleShifts?.[group.id] ?? 0, layout.titleWidths?.[group.id], graph, title));
    }
    for (const edge of graph.edges) {
        const geometry = layout.edges[edge.id];
        if (geometry && geometry.points.length >= 2) out.push(renderEdge(edge, geometry, graph, title));
    }
    // Filed only where a box carries a mark a line could run under.
    const runs = graph.nodes.some(node => node.shadow || badgeWidth(node.findings) > 0)
        ? segmentIndex(Object.values(layout.edges).flatMap(edge => segmentsOf(edge.points))) : undefined;
    for (const node of graph.nodes) {
        const box = layout.nodes[node.id];
        if (box) out.push(renderNode(node, box, graph, title, runs));
    }
    out.push('</g>');
    if (legend) out.push(`<g transform='translate(${MARGIN},${top + layout.height + 16})'>${legend.markup}</g>`);
    out.push('</svg>');
    return out.join('\n');
}

/** The legend alone, for the preview to show beside the picture at a fixed size; its lens follows the same root class. */
export function renderLegend(graph: DiagramGraph, unlabelled: boolean, lens: Lens = 'style'): string {
    const { markup, width, height } = legendContent(graph, unlabelled, () => '');
    return `<svg xmlns='http://www.w3.org/2000/svg' class='${rootClasses(graph, lens, 'integ-legend-sheet')}' width='${width}' height='${height}' viewBox='0 0 ${width} ${height}'>`
        + `<defs>${markerIds().map(({ id }) => markerDef(id)).join('')}</defs>${markup}</svg>`;
}

function markerDef(id: string): string {
    return `<marker id='integ-arrow-${id}' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' markerHeight='7' markerUnits='strokeWidth' orient='auto-start-reverse'>`
        + `<path class='arrow-${id}' d='M0,0 L10,5 L0,10 z'/></marker>`;
}

/** Classes for an element's category under every lens, whether it is dimmed, its to-be change and what a compared change does to it. */
function elementClasses(graph: DiagramGraph, element: DiagramNode | DiagramEdge): string[] {
    const keys = lensKeys(element);
    const classes = (Object.keys(keys) as Array<keyof typeof keys>).filter(lens => keys[lens] !== LENS_DEFAULT[lens]).map(lens => lensClass(lens, keys[lens]));
    if (graph.follow && !element.lens.followed) classes.push('dim');
    if (element.change) classes.push(`chg-${element.change}`);
    if (element.diff) classes.push(`diff-${element.diff.mark}`);
    return classes;
}

function renderGroup(group: DiagramGroup, box: Box, titleShift: number, titleWidth: number | undefined, graph: DiagramGraph, title: HoverTitle): string {
    const members = graph.nodes.filter(node => node.group === group.id);
    const dim = graph.follow && !members.some(node => node.lens.followed) ? ' dim' : '';
    const parts = [`<g class='integ-group${group.collapsible ? ' collapsible' : ''}${dim}' data-id='${escapeXml(group.id)}'>`];
    parts.push(title(`Department ${group.label}${group.collapsible ? ' (click the title to fold it back)' : ''}`));
    parts.push(`<rect class='frame' x='${num(box.x)}' y='${num(box.y)}' width='${num(box.width)}' height='${num(box.height)}' rx='8'/>`);
    let textX = box.x + titleShift + 12;
    if (group.collapsible) {
        parts.push(foldMark(box.x + titleShift + 10, box.y + 8, '−'));
        textX += 18;
    }
    parts.push(`<text x='${num(textX)}' y='${num(box.y + 20)}'>${escapeXml(groupTitleText(group, titleWidth))}</text></g>`);
    return parts.join('');
}

function foldMark(x: number, y: number, sign: string): string {
    return `<g class='fold'><rect x='${num(x)}' y='${num(y)}' width='14' height='14' rx='3'/><text x='${num(x + 7)}' y='${num(y + 11)}'>${sign}</text></g>`;
}

/** Separate counts per severity, as the legend says: errors, warnings and infos each in their colour. */
function badge(counts: FindingCounts, right: Point): string {
    const segments = badgeCounts(counts);
    if (segments.length === 0) return '';
    const width = badgeWidth(counts);
    let x = right.x - width;
    const parts = [`<g class='integ-badge'>`];
    for (const [severity, count] of segments) {
        const w = 18 + (count > 9 ? 7 : 0);
        const text = count > 99 ? '99+' : String(count);
        parts.push(`<rect class='${severity}' x='${num(x)}' y='${num(right.y - BADGE_HEIGHT / 2)}' width='${w}' height='${BADGE_HEIGHT}' rx='${BADGE_HEIGHT / 2}'/>`);
        parts.push(`<text x='${num(x + w / 2)}' y='${num(right.y + 3.8)}'>${text}</text>`);
        x += w;
    }
    parts.push('</g>');
    return parts.join('');
}

function renderNode(node: DiagramNode, box: Box, graph: DiagramGraph, title: HoverTitle, runs: SpatialIndex<Segment> | undefined): string {
    const classes = ['integ-node', node.kind, node.shadow ? 'shadow' : '', ...elementClasses(graph, node)].filter(Boolean).join(' ');
    const tooltip = tooltipText(nodeTooltip(node));
    const parts = [`<g class='${classes}' data-id='${escapeXml(node.id)}'>${title(tooltip)}`];
    parts.push(`<rect class='box' x='${num(box.x)}' y='${num(box.y)}' width='${num(box.width)}' height='${num(box.height)}' rx='6'/>`);
    parts.push(`<rect class='chip' x='${num(box.x + 3)}' y='${num(box.y + 6)}' width='4' height='${num(box.height - 12)}' rx='2'/>`);
    if (node.kind === 'department') {
        parts.push(`<rect class='box' x='${num(box.x + 3)}' y='${num(box.y + 3)}' width='${num(box.width - 6)}' height='${num(box.height - 6)}' rx='4' fill='none'/>`);
        parts.push(foldMark(box.x + box.width - 22, box.y + box.height - 20, '+'));
    }
    node.lines.forEach((line, i) => {
        parts.push(`<text class='label' x='${num(box.x + 12)}' y='${num(box.y + 20 + i * TITLE_LINE_HEIGHT)}'>${escapeXml(line)}</text>`);
    });
    parts.push(`<text class='detail' x='${num(box.x + 12)}' y='${num(box.y + 37 + (node.lines.length - 1) * TITLE_LINE_HEIGHT)}'>${escapeXml(node.detail)}</text>`);
    // On the top border, clear of the title and detail lines whatever their length, and of the lines' ends.
    const marks = borderMarks(box, badgeWidth(node.findings), node.shadow, runs);
    if (marks.tagX !== undefined) {
        const border = marks.bottom ? box.y + box.height : box.y;
        parts.push(`<g class='tag'><rect x='${num(marks.tagX)}' y='${num(border - TAG_HEIGHT / 2)}' width='${TAG_WIDTH}' height='${TAG_HEIGHT}' rx='${TAG_HEIGHT / 2}'/>`
            + `<text x='${num(marks.tagX + TAG_WIDTH / 2)}' y='${num(border + 3.5)}'>shadow IT</text></g>`);
    }
    parts.push(badge(node.findings, { x: marks.badgeRight, y: marks.badgeY }));
    parts.push('</g>');
    return parts.join('');
}

/** The polyline as a path: axis-parallel segments as H/V, straight runs without their inner points. */
function pathOf(points: Point[]): string {
    // Coordinates to a tenth of a pixel: finer adds bytes, not sharpness.
    const rounded = points.map(p => ({ x: roundToTenth(p.x), y: roundToTenth(p.y) }));
    const onRun = (a: Point, p: Point, b: Point) => (a.x === p.x && p.x === b.x && (p.y - a.y) * (b.y - p.y) >= 0)
        || (a.y === p.y && p.y === b.y && (p.x - a.x) * (b.x - p.x) >= 0);
    const kept = rounded.filter((p, i) => i === 0 || i === rounded.length - 1 || !onRun(rounded[i - 1], p, rounded[i + 1]));
    let d = `M${kept[0].x},${kept[0].y}`;
    for (let i = 1; i < kept.length; i++) {
        const [from, to] = [kept[i - 1], kept[i]];
        d += from.x === to.x ? `V${to.y}` : from.y === to.y ? `H${to.x}` : `L${to.x},${to.y}`;
    }
    return d;
}

/** Arrowheads come from the stylesheet (`edge-<class>`, `two-way`, the lens classes): the same on every flow of a class. */
function renderEdge(edge: DiagramEdge, geometry: EdgeGeometry, graph: DiagramGraph, title: HoverTitle): string {
    const tooltip = tooltipText(edgeTooltip(edge));
    const classes = ['integ-edge', `edge-${edge.edgeClass}`, edge.twoWay ? 'two-way' : '', ...elementClasses(graph, edge)].filter(Boolean).join(' ');
    // A bundle names its flows, for "Show in diagram" to find the line a flow runs in.
    const carried = isBundle(edge) ? ` data-flows='${escapeXml(edge.flows.join(' '))}'` : '';
    const parts = [`<g class='${classes}' data-id='${escapeXml(edge.id)}' data-from='${escapeXml(edge.source)}' data-to='${escapeXml(edge.target)}'${carried}>${title(tooltip)}`];
    parts.push(`<path class='line' d='${pathOf(geometry.points)}'/>`);
    const label = geometry.label;
    if (label && edge.label) {
        const lines = geometry.labelLines ?? [edge.label];
        const textX = label.x + (edge.regulated ? LOCK_WIDTH : 0) + 4;
        parts.push(`<g class='elabel'><rect x='${num(label.x)}' y='${num(label.y)}' width='${num(label.width)}' height='${num(label.height)}' rx='3'/>`);
        lines.forEach((line, i) => parts.push(`<text x='${num(textX)}' y='${num(label.y + 13 + i * EDGE_LABEL_LINE_HEIGHT)}'>${escapeXml(line)}</text>`));
        parts.push('</g>');
        if (edge.regulated) parts.push(lock({ x: label.x + 8, y: label.y + 9 }, title));
        if (edgeBadgeWidth(edge) > 0) parts.push(badge(edge.findings, { x: label.x + label.width, y: label.y + label.height / 2 }));
    }
    // An unlabelled line (a view too large for labels) carries no badge: a badge without its label
    // cannot tell which of the nearby lines it belongs to. The tooltip and the lenses have its findings.
    parts.push('</g>');
    return parts.join('');
}
