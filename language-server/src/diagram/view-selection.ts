/**
 * Which systems and flows a view shows: the estate, one process, one department or one system's
 * neighbourhood, in the as-is or the to-be state, narrowed by the classification and finding
 * filters. Pure estate → names; the graph builder turns the selection into nodes and edges.
 */
import type { Estate, Flow, System } from '../model/estate.js';
import type { EstateIndex } from '../model/estate-index.js';
import { flowId, systemId } from './element-ids.js';
import type { Finding } from '../rules/finding.js';
import type { ChangeMark, DiagramFilters, DiagramState, DiagramView } from './diagram-graph.js';

/** A view that names something the estate does not have; the message lists what exists. */
export class DiagramViewError extends Error {}

export interface Selection {
    systems: Set<string>;
    flows: Set<Flow>;
    /** The system a neighbourhood is about: kept whatever the filters say. */
    focus?: string;
    /** To-be state: what the roadmap does to a flow or system of the selection. */
    changes: Map<string, ChangeMark>;
    /** Why the view is empty, when it is and the reason is not the filters. */
    empty?: string;
}

/** The roadmap's flows: replaced and delivered by some initiative. */
function roadmapFlows(estate: Estate): { replaced: Set<string>; delivered: Set<string> } {
    const replaced = new Set<string>();
    const delivered = new Set<string>();
    for (const initiative of estate.initiatives.values()) {
        initiative.replaces.forEach(name => replaced.add(name));
        initiative.delivers.forEach(name => delivered.add(name));
    }
    return { replaced, delivered };
}

/** Flows that exist in the state: as-is the live ones; to-be the live ones not replaced plus every delivered one. */
function flowsInState(estate: Estate, state: DiagramState): Flow[] {
    const flows = [...estate.flows.values()].filter(flow => !flow.source.builtin);
    if (state === 'as-is') return flows.filter(flow => flow.status === 'live');
    const { replaced, delivered } = roadmapFlows(estate);
    return flows.filter(flow => flow.status !== 'retired'
        && (delivered.has(flow.name) || (flow.status === 'live' && !replaced.has(flow.name))));
}

function systemsInState(estate: Estate, state: DiagramState): System[] {
    return [...estate.systems.values()].filter(system => !system.source.builtin
        && system.status !== 'retired' && (state === 'to-be' || system.status === 'live'));
}

/**
 * The to-be picture also shows what goes: the live flows the roadmap replaces, marked retired, and
 * marks each delivered flow as added, or as changed when it stands in for a replaced flow between
 * the same two systems; systems the roadmap brings in are added, systems an initiative retires retired.
 */
function markChanges(estate: Estate, selection: Selection, inView: (flow: Flow) => boolean): void {
    const { replaced, delivered } = roadmapFlows(estate);
    const pairs = new Set<string>();
    for (const name of replaced) {
        const flow = estate.flows.get(name);
        if (!flow || flow.status !== 'live' || flow.source.builtin || !inView(flow)) continue;
        selection.flows.add(flow);
        selection.changes.set(flowId(flow.name), 'retired');
        pairs.add([flow.sourceSystem, flow.targetSystem].sort().join('\u0000'));
    }
    for (const flow of selection.flows) {
        if (!delivered.has(flow.name)) continue;
        const pair = [flow.sourceSystem, flow.targetSystem].sort().join('\u0000');
        selection.changes.set(flowId(flow.name), pairs.has(pair) ? 'changed' : 'added');
    }
    const retired = new Set([...estate.initiatives.values()].flatMap(initiative => initiative.retires));
    for (const name of selection.systems) {
        if (estate.systems.get(name)?.status === 'planned') selection.changes.set(systemId(name), 'added');
        else if (retired.has(name)) selection.changes.set(systemId(name), 'retired');
    }
}

export function selectView(estate: Estate, view: DiagramView, state: DiagramState): Selection {
    const stateFlows = flowsInState(estate, state);
    const selection = select(estate, view, state, stateFlows);
    if (state === 'to-be') {
        const inView = (flow: Flow) => {
            if (view.kind === 'estate') return true;
            if (view.kind === 'process') return estate.processes.get(view.name ?? '')?.steps.includes(flow.name) ?? false;
            return selection.systems.has(flow.sourceSystem) && selection.systems.has(flow.targetSystem);
        };
        markChanges(estate, selection, inView);
    }
    return withEndpoints(selection);
}

function select(estate: Estate, view: DiagramView, state: DiagramState, stateFlows: Flow[]): Selection {
    const changes = new Map<string, ChangeMark>();
    switch (view.kind) {
        case 'estate': {
            const systems = new Set(systemsInState(estate, state).map(system => system.name));
            return { systems, flows: new Set(stateFlows), changes };
        }
        case 'process': {
            const process = estate.processes.get(requireName(view)) ?? unknown('process', view.name, estate.processes.keys());
            const steps = new Set(process.steps);
            const flows = new Set(stateFlows.filter(flow => steps.has(flow.name)));
            if (state === 'to-be') {
                for (const initiative of estate.initiatives.values()) {
                    if (!initiative.replaces.some(name => steps.has(name))) continue;
                    for (const flow of stateFlows) if (initiative.delivers.includes(flow.name)) flows.add(flow);
                }
            }
            const empty = process.steps.length === 0
                ? `Process ${process.title} lists no steps: add \`steps\` with its flows to see it here.`
                : flows.size === 0 ? `None of the ${process.steps.length} steps of ${process.title} is a ${state === 'as-is' ? 'live' : 'current or delivered'} flow.` : undefined;
            return { systems: new Set(), flows, changes, empty };
        }
        case 'department': {
            const name = requireName(view);
            if (!estate.departments.has(name)) unknown('department', name, estate.departments.keys());
            const systems = new Set(systemsInState(estate, state).filter(system => system.department === name).map(system => system.name));
            const flows = new Set(stateFlows.filter(flow => systems.has(flow.sourceSystem) || systems.has(flow.targetSystem)));
            const empty = systems.size === 0 ? `No ${state === 'as-is' ? 'live ' : ''}system names department ${name}.` : undefined;
            return { systems, flows, changes, empty };
        }
        case 'system': {
            const name = requireName(view);
            const system = estate.systems.get(name);
            if (!system || system.source.builtin) unknown('system', name, estate.systems.keys());
            return { ...neighbourhood(name, view.depth ?? 1, stateFlows), changes };
        }
    }
}

function requireName(view: DiagramView): string {
    if (!view.name) throw new DiagramViewError(`the ${view.kind} view needs a name, e.g. --view ${view.kind}:<name>`);
    return view.name;
}

function unknown(kind: string, name: string | undefined, known: Iterable<string>): never {
    const names = [...known].sort();
    const listed = names.length === 0 ? `the model declares no ${kind}` : `known: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}`;
    throw new DiagramViewError(`unknown ${kind} '${name}' (${listed})`);
}

function neighbourhood(focus: string, depth: number, stateFlows: Flow[]): Omit<Selection, 'changes'> {
    const adjacent = new Map<string, Flow[]>();
    for (const flow of stateFlows) {
        for (const end of [flow.sourceSystem, flow.targetSystem]) {
            const list = adjacent.get(end);
            if (list) list.push(flow); else adjacent.set(end, [flow]);
        }
    }
    const systems = new Set([focus]);
    let frontier = [focus];
    for (let step = 0; step < depth; step++) {
        const next: string[] = [];
        for (const name of frontier) {
            for (const flow of adjacent.get(name) ?? []) {
                for (const end of [flow.sourceSystem, flow.targetSystem]) {
                    if (!systems.has(end)) { systems.add(end); next.push(end); }
                }
            }
        }
        frontier = next;
    }
    const flows = new Set(stateFlows.filter(flow => systems.has(flow.sourceSystem) && systems.has(flow.targetSystem)));
    return { systems, flows, focus };
}

function withEndpoints<T extends Pick<Selection, 'systems' | 'flows'>>(selection: T): T {
    for (const flow of selection.flows) {
        selection.systems.add(flow.sourceSystem);
        selection.systems.add(flow.targetSystem);
    }
    return selection;
}

function matchesRule(ruleId: string, wanted: readonly string[]): boolean {
    return wanted.some(entry => ruleId === entry || ruleId.startsWith(entry.endsWith('/') ? entry : entry + '/'));
}

export function applyFilters(
    estate: Estate, index: EstateIndex, findingsOf: Map<string, Finding[]>, selection: Selection,
    filters: DiagramFilters | undefined, view: DiagramView
): Selection {
    const classifications = filters?.classifications?.filter(Boolean) ?? [];
    const rules = filters?.findings?.filter(Boolean) ?? [];
    if (classifications.length === 0 && rules.length === 0) return selection;
    const wantedClasses = new Set(classifications);
    const keepFlow = (flow: Flow) =>
        (wantedClasses.size === 0 || index.classificationsCarried(flow).some(c => wantedClasses.has(c.name)))
        && (rules.length === 0 || (findingsOf.get(flowId(flow.name)) ?? []).some(f => matchesRule(f.ruleId, rules)));
    const keepSystem = (name: string) => {
        const system = estate.systems.get(name);
        if (!system) return false;
        const storesWanted = wantedClasses.size === 0 || system.stores.some(entity =>
            estate.entities.get(entity)?.fields.some(field => field.classification !== undefined && wantedClasses.has(field.classification)));
        const hasFinding = rules.length === 0 || (findingsOf.get(systemId(name)) ?? []).some(f => matchesRule(f.ruleId, rules));
        return storesWanted && hasFinding;
    };
    const flows = new Set([...selection.flows].filter(keepFlow));
    // A process or neighbourhood is defined by its flows; systems come back only as their ends.
    const systemLevel = view.kind === 'estate' || view.kind === 'department';
    const systems = new Set([...selection.systems].filter(name => systemLevel && keepSystem(name)));
    if (selection.focus) systems.add(selection.focus);
    return withEndpoints({ ...selection, systems, flows });
}
