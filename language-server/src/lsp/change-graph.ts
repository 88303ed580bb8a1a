import { markChanges } from '../diagram/change-marks.js';
import { UNASSIGNED, type DiagramGraph, type DiagramLayout } from '../diagram/diagram-graph.js';
import { elementIdOf } from '../diagram/element-ids.js';
import { buildDiagramGraph } from '../diagram/graph-builder.js';
import { gridLayout } from '../diagram/grid-layout.js';
import { LayoutTimeoutError, type DiagramLayouter, type LayoutOptions } from '../diagram/layout.js';
import { elementChanges, type ElementChange } from '../diff/element-changes.js';
import type { EstateDiff } from '../diff/estate-diff.js';
import type { Side } from '../diff/impact-diff.js';
import { findingsIntroduced } from '../diff/introduced-findings.js';
import { unionEstate } from '../diff/union-estate.js';
import type { Estate } from '../model/estate.js';

/**
 * The change as one diagram: both estates' systems and flows in one estate view, each marked added,
 * removed, changed, renamed or unchanged; badges are the findings the change introduces. An estate
 * too large for one picture opens as the overview of departments with the departments the change
 * touches opened. Shared by `integ diff --format svg` and the editor's `integ/changePicture` (here,
 * where both the CLI and the server may import it).
 */
export function changeGraph(base: Side, head: Side, diff: EstateDiff): DiagramGraph {
    const union = unionEstate(base.estate, head.estate, diff.declarations);
    const changes = elementChanges(diff.declarations);
    const marks = new Map(changes.map(change => [elementIdOf(change), change]));
    const graph = markChanges(buildDiagramGraph(union, findingsIntroduced(head.findings, diff.findings), {
        view: { kind: 'estate' }, state: 'as-is', expand: touchedDepartments(union, changes)
    }), marks, `Estate diff ${diff.base} → ${diff.head}`);
    if (graph.aggregated) {
        // The builder's note invites a click, which the picture of a change does not answer: say what is folded instead.
        graph.notes = graph.notes.filter(note => !note.includes('click a department'));
        graph.notes.push('Departments the change does not touch are folded into one box each.');
    }
    if (graph.nodes.length > 0) graph.notes.push('Badges: findings this change introduces or raises.');
    return graph;
}

/** The layout every view gets; a layout that fails or runs out of time leaves a grid and a note saying why. */
export async function layOutChangeGraph(graph: DiagramGraph, layouter: DiagramLayouter, options: LayoutOptions): Promise<DiagramLayout> {
    try {
        return await layouter.layout(graph, options);
    } catch (error) {
        const reason = error instanceof LayoutTimeoutError ? 'layout took too long' : `layout failed (${error instanceof Error ? error.message : String(error)})`;
        graph.notes.unshift(`${reason} — showing a simple grid`);
        return gridLayout(graph);
    }
}

/** The departments of the systems the change touches and of both ends of each flow it touches. */
function touchedDepartments(union: Estate, changes: readonly ElementChange[]): string[] {
    const departments = new Set<string>();
    const add = (system: string) => departments.add(union.systems.get(system)?.department ?? UNASSIGNED);
    for (const { kind, name } of changes) {
        if (kind === 'system') add(name);
        const flow = kind === 'flow' ? union.flows.get(name) : undefined;
        if (flow) [flow.sourceSystem, flow.targetSystem].forEach(add);
    }
    return [...departments];
}
