import type { Entity, Estate, Flow, FlowStyle, System } from '../model/estate.js';
import { isManual } from '../model/inventory.js';
import { ToolInputError } from './tool-result.js';

export const FLOW_STYLES = ['manual', 'email', 'file', 'batch', 'api', 'webhook', 'event', 'cdc', 'script', 'shared-db'] as const satisfies readonly FlowStyle[];

export type EstateChange =
    | { kind: 'retire-system'; system: string }
    | { kind: 'replace-system'; system: string; replacement: string }
    | { kind: 'change-flow-style'; flow: string; style: FlowStyle };

/** A flow the change touches, as it was and how it changed. */
export interface ChangedFlow { before: Flow; after: Flow; how: 'retired' | 'redirected' | 'restyled' }

export interface ChangedEstate { estate: Estate; flows: ChangedFlow[]; description: string }

/**
 * The estate as it would be after the change: a copy whose changed declarations are new objects,
 * the rest shared. The rules then judge it as they judge the workspace, so what the change does
 * is measured, not guessed. The workspace's estate is never modified.
 */
export function applyChange(estate: Estate, change: EstateChange): ChangedEstate {
    switch (change.kind) {
        case 'retire-system': return retire(estate, liveSystem(estate, change.system));
        case 'replace-system': return replace(estate, liveSystem(estate, change.system), replacementOf(estate, change));
        case 'change-flow-style': return restyle(estate, flowOf(estate, change.flow), change.style);
    }
}

function liveSystem(estate: Estate, name: string): System {
    const system = estate.systems.get(name);
    if (!system || system.source.builtin) throw new ToolInputError(`no system named '${name}'; use the search tool to find names`);
    if (system.status === 'retired') throw new ToolInputError(`system ${name} is already retired`);
    return system;
}

function replacementOf(estate: Estate, change: { system: string; replacement: string }): System {
    if (change.replacement === change.system) throw new ToolInputError('a system cannot replace itself');
    const replacement = estate.systems.get(change.replacement);
    if (!replacement || replacement.source.builtin) throw new ToolInputError(`no system named '${change.replacement}' to replace ${change.system} with; declare it first, or search for its name`);
    if (replacement.status === 'retired') throw new ToolInputError(`system ${change.replacement} is retired and cannot replace ${change.system}`);
    return replacement;
}

function flowOf(estate: Estate, name: string): Flow {
    const flow = estate.flows.get(name);
    if (!flow) throw new ToolInputError(`no flow named '${name}'; use the search tool to find names`);
    if (flow.status === 'retired') throw new ToolInputError(`flow ${name} is retired; its style no longer matters`);
    return flow;
}

const touches = (flow: Flow, system: string) => flow.status !== 'retired' && (flow.sourceSystem === system || flow.targetSystem === system);

function withFlows(estate: Estate, changed: ChangedFlow[], systems: System[], entities: Entity[] = []): Estate {
    const flows = new Map(estate.flows);
    for (const { after } of changed) flows.set(after.name, after);
    const systemTable = new Map(estate.systems);
    for (const system of systems) systemTable.set(system.name, system);
    const entityTable = new Map(estate.entities);
    for (const entity of entities) entityTable.set(entity.name, entity);
    return { ...estate, flows, systems: systemTable, entities: entityTable };
}

function retire(estate: Estate, system: System): ChangedEstate {
    const flows = [...estate.flows.values()].filter(flow => touches(flow, system.name))
        .map(flow => ({ before: flow, after: { ...flow, status: 'retired' as const }, how: 'retired' as const }));
    return { estate: withFlows(estate, flows, [{ ...system, status: 'retired' }]), flows, description: `retire ${system.name}` };
}

/**
 * The replacement takes over the old system's flows, data and mastership; a flow that would then
 * run from the replacement to itself is retired, as it has nothing left to move.
 */
function replace(estate: Estate, old: System, replacement: System): ChangedEstate {
    const swap = (name: string) => name === old.name ? replacement.name : name;
    const flows = [...estate.flows.values()].filter(flow => touches(flow, old.name)).map((flow): ChangedFlow => {
        const redirected = { ...flow, sourceSystem: swap(flow.sourceSystem), targetSystem: swap(flow.targetSystem) };
        return redirected.sourceSystem === redirected.targetSystem
            ? { before: flow, after: { ...redirected, status: 'retired' }, how: 'retired' }
            : { before: flow, after: redirected, how: 'redirected' };
    });
    const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
    const successor: System = {
        ...replacement, status: 'live', stores: union(replacement.stores, old.stores), edits: union(replacement.edits, old.edits)
    };
    const entities = [...estate.entities.values()].filter(entity => entity.masters.includes(old.name))
        .map(entity => ({ ...entity, masters: [...new Set(entity.masters.map(swap))] }));
    return { estate: withFlows(estate, flows, [{ ...old, status: 'retired' }, successor], entities), flows, description: `replace ${old.name} with ${replacement.name}` };
}

/** A flow a person no longer moves loses its written effort: those hours are what the change saves. */
function restyle(estate: Estate, flow: Flow, style: FlowStyle): ChangedEstate {
    if (flow.style === style) throw new ToolInputError(`flow ${flow.name} already has style ${style}`);
    const after: Flow = { ...flow, style };
    if (isManual(flow) && !isManual(after)) delete after.effortHoursPerWeek;
    return { estate: withFlows(estate, [{ before: flow, after, how: 'restyled' }], []), flows: [{ before: flow, after, how: 'restyled' }], description: `change ${flow.name} from ${flow.style ?? 'no style'} to ${style}` };
}
