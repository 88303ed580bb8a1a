/**
 * The picture of a change: a graph built from both estates in one, each system and flow marked with
 * what the change does to it. Pure: the marks come from the diff as plain data keyed by element id
 * (`element-ids.ts`); the layout then places the marked graph like any other.
 */
import type { DiagramEdge, DiagramGraph, DiagramNode, DiffMark, DiffNote } from './diagram-graph.js';
import { sizeNode } from './node-sizing.js';
import { flowId, systemId } from './element-ids.js';

export interface ElementMark {
    change: Exclude<DiffMark, 'unchanged'>;
    note: string;
    /** A renamed element's old name. */
    from?: string;
}

/**
 * Marks every node and edge of `graph`: a system or flow by its own change, a folded department or
 * a bundle of flows by its members' (one mark when they share it, else changed). A renamed system
 * says its old name under its title. Sizes are recomputed, so call it before the layout.
 */
export function markChanges(graph: DiagramGraph, marks: ReadonlyMap<string, ElementMark>, title: string): DiagramGraph {
    const nodes = graph.nodes.map(node => markNode(node, marks));
    const edges = graph.edges.map(edge => markEdge(edge, marks));
    return { ...graph, title, nodes, edges, comparing: true };
}

function markNode(node: DiagramNode, marks: ReadonlyMap<string, ElementMark>): DiagramNode {
    const diff = node.kind === 'department' ? combined((node.members ?? []).map(name => marks.get(systemId(name)))) : own(marks.get(node.id));
    const marked: DiagramNode = { ...node, diff };
    const renamedFrom = node.kind === 'system' ? marks.get(node.id)?.from : undefined;
    if (renamedFrom !== undefined) {
        marked.detail = `was ${renamedFrom} · ${node.detail}`;
        sizeNode(marked);
    }
    return marked;
}

function markEdge(edge: DiagramEdge, marks: ReadonlyMap<string, ElementMark>): DiagramEdge {
    const diff = edge.flows.length === 1 && edge.id === flowId(edge.flows[0]) ? own(marks.get(edge.id)) : combined(edge.flows.map(name => marks.get(flowId(name))));
    // The label starts with the mark, so that the change reads without colour or the legend.
    return { ...edge, diff, label: diff.mark === 'unchanged' ? edge.label : `${diff.mark} · ${edge.label}` };
}

function own(mark: ElementMark | undefined): DiffNote {
    return mark ? { mark: mark.change, note: mark.note } : { mark: 'unchanged' };
}

function combined(members: ReadonlyArray<ElementMark | undefined>): DiffNote {
    const kinds = new Set(members.map(member => member?.change ?? 'unchanged'));
    if (kinds.size === 1) {
        const [mark] = kinds;
        return mark === 'unchanged' ? { mark } : { mark, note: `${members.length} ${mark}` };
    }
    const counts = (['added', 'removed', 'renamed', 'changed'] as const)
        .map(mark => [mark, members.filter(member => member?.change === mark).length] as const).filter(([, count]) => count > 0);
    return { mark: 'changed', note: counts.map(([mark, count]) => `${count} ${mark}`).join(', ') };
}
