/**
 * A picture of named elements rather than of a view: what a lineage or an evidence document lists,
 * planned flows included, which neither the as-is nor the to-be state would draw together.
 */
import type { Estate, Flow } from '../model/estate.js';
import type { ListedElements } from './diagram-graph.js';
import type { Selection } from './view-selection.js';

/** Names the estate does not declare are left out; a flow brings both its ends. */
export function listedSelection(estate: Estate, listed: ListedElements): Selection {
    const flows = new Set(listed.flows.map(name => estate.flows.get(name)).filter((flow): flow is Flow => flow !== undefined));
    const systems = new Set([...listed.systems, ...[...flows].flatMap(flow => [flow.sourceSystem, flow.targetSystem])].filter(name => estate.systems.has(name)));
    return { systems, flows, changes: new Map() };
}
