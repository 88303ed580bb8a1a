import type { DiagramState } from '../diagram/diagram-graph.js';
import type { Estate, Flow, System } from '../model/estate.js';

/** The user's own declarations: the standard library is in every workspace and in no export. */
export function ownSystems(estate: Estate): System[] {
    return [...estate.systems.values()].filter(system => !system.source.builtin);
}

/** Flows of a state: as-is, what runs today; to-be, what runs once every initiative is done (planned ones in, replaced ones out). */
export function flowsOf(estate: Estate, state: DiagramState): Flow[] {
    const replaced = new Set([...estate.initiatives.values()].flatMap(initiative => initiative.replaces));
    return [...estate.flows.values()].filter(flow => {
        if (flow.source.builtin || flow.status === 'retired') return false;
        return state === 'as-is' ? flow.status === 'live' : !replaced.has(flow.name);
    });
}

/** The department of each system, grouped in estate order; systems without one under `undefined`. */
export function byDepartment(systems: readonly System[]): Map<string | undefined, System[]> {
    const groups = new Map<string | undefined, System[]>();
    for (const system of systems) {
        const list = groups.get(system.department) ?? [];
        list.push(system);
        groups.set(system.department, list);
    }
    return groups;
}

/** Colours of the flow styles, as the diagram's legend families: manual and email red, file and batch orange, script purple, the rest green. */
export function styleColour(style: string | undefined): string {
    switch (style) {
        case 'manual': case 'email': return '#c82828';
        case 'file': case 'batch': return '#dc8200';
        case 'script': case 'shared-db': return '#963caa';
        case undefined: return '#5a5a5a';
        default: return '#1e8c3c';
    }
}

/** The classifications of the fields a flow carries, by name, each once, in the order first met. */
export function carriedClassifications(estate: Estate, flow: Flow): string[] {
    const found = new Set<string>();
    for (const carried of flow.carries) {
        const entity = estate.entities.get(carried.entity);
        for (const field of carried.fields) {
            const classification = entity?.fields.find(candidate => candidate.name === field)?.classification;
            if (classification) found.add(classification);
        }
    }
    return [...found];
}
