import type { DiagramEdge, DiagramFinding, DiagramGraph, DiagramNode } from './diagram-graph.js';

/** Hover text of a node or edge: shared by the SVG's `<title>` and the preview's tooltip. */
export interface Tooltip {
    title: string;
    lines: string[];
}

function findingLines(findings: DiagramFinding[]): string[] {
    return findings.map(f => `${f.accepted ? 'accepted' : f.severity} ${f.ruleId}: ${f.message}`);
}

function plain(id: string): string {
    return id.replace(/^\w+:/, '');
}

const CHANGE_TEXT = { added: 'the roadmap adds it', changed: 'the roadmap changes it (it stands in for a replaced flow)', retired: 'the roadmap retires it' };

function ownerLine(owner: DiagramNode['lens']['owner'], name: string | undefined): string {
    if (owner === 'unowned') return 'no owner';
    return owner === 'inferred' ? `owner: ${name} (inferred from the systems it links)` : `owner: ${name}`;
}

export function nodeTooltip(node: DiagramNode): Tooltip {
    if (node.kind === 'department') {
        return { title: `Department ${node.label}`, lines: [`${node.detail} (collapsed; click to open)`, node.diff?.note ?? '', ...findingLines(node.findingList)].filter(Boolean) };
    }
    return {
        title: node.label === node.name ? node.name : `${node.label} (${node.name})`,
        lines: [
            node.systemKind ? `kind: ${node.systemKind}` : '',
            node.department ? `department: ${node.department}` : 'no department',
            node.owner ? `owner: ${node.owner}` : 'no owner',
            node.shadow ? 'shadow IT' : '',
            node.status && node.status !== 'live' ? `status: ${node.status}` : '',
            node.change ? CHANGE_TEXT[node.change] : '',
            node.diff?.note ?? '',
            ...findingLines(node.findingList)
        ].filter(Boolean)
    };
}

export function edgeTooltip(edge: DiagramEdge): Tooltip {
    return {
        title: edge.flows.length === 1 ? `${edge.title} (${edge.flows[0]})` : `${edge.label}: ${edge.flows.slice(0, 12).join(', ')}${edge.flows.length > 12 ? ', …' : ''}`,
        lines: [
            `${plain(edge.source)} ${edge.twoWay ? '<->' : '->'} ${plain(edge.target)}`,
            edge.style ? `style: ${edge.style}` : '',
            edge.status && edge.status !== 'live' ? `status: ${edge.status}` : '',
            edge.change ? CHANGE_TEXT[edge.change] : '',
            edge.diff?.note ?? '',
            edge.classifications.length > 0 ? `carries: ${edge.classifications.join(', ')}${edge.regulated ? ' (regulated)' : ''}` : '',
            edge.flows.length === 1 ? ownerLine(edge.lens.owner, edge.lens.ownerName) : '',
            edge.hoursPerWeek !== undefined ? `manual effort: ${edge.hoursPerWeek} h/week` : '',
            ...findingLines(edge.findingList)
        ].filter(Boolean)
    };
}

/** The tooltip of the node or edge with this `data-id`, if the graph has one. */
export function tooltipOf(graph: DiagramGraph, id: string): Tooltip | undefined {
    const node = graph.nodes.find(candidate => candidate.id === id);
    if (node) return nodeTooltip(node);
    const edge = graph.edges.find(candidate => candidate.id === id);
    return edge ? edgeTooltip(edge) : undefined;
}

export function tooltipText(tooltip: Tooltip): string {
    return [tooltip.title, ...tooltip.lines].join('\n');
}
