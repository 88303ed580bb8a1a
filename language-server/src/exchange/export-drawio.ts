/**
 * An uncompressed `.drawio` file (diagrams.net), one page per laid-out view, with our positions,
 * labels and colours. Labels are plain text (`html=0`), so no model text is ever read as markup.
 */
import type { Box, DiagramNode, Point } from '../diagram/diagram-graph.js';
import { escapeXml } from '../render/escape-xml.js';
import { styleColour } from './export-scope.js';
import type { LaidOutView } from './laid-out-view.js';

const round = (value: number) => Math.round(value);

function geometry(box: Box, parent?: Box): string {
    const x = parent ? box.x - parent.x : box.x;
    const y = parent ? box.y - parent.y : box.y;
    return `<mxGeometry x="${round(x)}" y="${round(y)}" width="${round(box.width)}" height="${round(box.height)}" as="geometry" />`;
}

function nodeStyle(node: DiagramNode): string {
    const fill = node.shadow ? '#fde2e2' : node.kind === 'department' ? '#eef1f5' : '#ffffff';
    const stroke = node.shadow ? '#c82828' : '#4a5568';
    return `rounded=1;whiteSpace=wrap;html=0;fillColor=${fill};strokeColor=${stroke};${node.shadow ? 'dashed=1;' : ''}${node.status === 'planned' ? 'opacity=60;' : ''}`;
}

function page(view: LaidOutView, index: number): string {
    const { graph, layout } = view;
    const cells: string[] = ['<mxCell id="0" />', '<mxCell id="1" parent="0" />'];
    const cellIds = new Map<string, string>();
    const cellId = (key: string) => {
        let id = cellIds.get(key);
        if (!id) {
            id = `c${cellIds.size + 2}`;
            cellIds.set(key, id);
        }
        return id;
    };
    for (const group of graph.groups) {
        const box = layout.groups[group.id];
        if (!box) continue;
        cells.push(`<mxCell id="${cellId(group.id)}" value="${escapeXml(group.label)}" style="swimlane;html=0;startSize=24;fillColor=#f7f8fa;strokeColor=#a0aec0;" vertex="1" parent="1">${geometry(box)}</mxCell>`);
    }
    for (const node of graph.nodes) {
        const box = layout.nodes[node.id];
        if (!box) continue;
        const parentBox = node.group ? layout.groups[node.group] : undefined;
        const parent = parentBox ? cellId(node.group!) : '1';
        const value = [node.label, node.detail].filter(Boolean).join('\n');
        cells.push(`<mxCell id="${cellId(node.id)}" value="${escapeXml(value).replace(/\n/g, '&#10;')}" style="${nodeStyle(node)}" vertex="1" parent="${parent}">${geometry(box, parentBox)}</mxCell>`);
    }
    for (const edge of graph.edges) {
        if (!cellIds.has(edge.source) || !cellIds.has(edge.target)) continue;
        const points: Point[] = (layout.edges[edge.id]?.points ?? []).slice(1, -1);
        const waypoints = points.length > 0 ? `<Array as="points">${points.map(point => `<mxPoint x="${round(point.x)}" y="${round(point.y)}" />`).join('')}</Array>` : '';
        const style = `edgeStyle=none;html=0;endArrow=block;${edge.twoWay ? 'startArrow=block;' : ''}strokeColor=${styleColour(edge.style)};strokeWidth=2;${edge.status === 'planned' ? 'dashed=1;' : ''}`;
        cells.push(`<mxCell id="${cellId(edge.id)}" value="${escapeXml(edge.label)}" style="${style}" edge="1" parent="1" source="${cellId(edge.source)}" target="${cellId(edge.target)}">`
            + `<mxGeometry relative="1" as="geometry">${waypoints}</mxGeometry></mxCell>`);
    }
    const name = `${graph.title} (${graph.state})`;
    return `  <diagram id="page-${index + 1}" name="${escapeXml(name)}">\n`
        + `    <mxGraphModel dx="0" dy="0" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="${round(layout.width)}" pageHeight="${round(layout.height)}" math="0" shadow="0">\n`
        + `      <root>\n${cells.map(cell => `        ${cell}`).join('\n')}\n      </root>\n    </mxGraphModel>\n  </diagram>`;
}

export function drawioXml(views: readonly LaidOutView[]): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<mxfile host="integ" type="device" compressed="false">\n${views.map(page).join('\n')}\n</mxfile>\n`;
}
