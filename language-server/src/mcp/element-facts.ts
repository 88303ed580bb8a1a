import type { Declared, Entity, Estate, Flow, Process } from '../model/estate.js';
import { indexEstate } from '../model/estate-index.js';
import { flowHours } from '../model/inventory.js';
import { roundToTenth } from '../model/rounding.js';

/** A flow as other answers list it. */
export interface FlowLine { name: string; from: string; to: string; style?: string; status: string; hoursPerWeek: number }

export function flowLine(flow: Flow): FlowLine {
    return { name: flow.name, from: flow.sourceSystem, to: flow.targetSystem, ...(flow.style ? { style: flow.style } : {}), status: flow.status, hoursPerWeek: liveHours(flow) };
}

/** Hours a person spends on the flow each week while it runs; a retired or planned flow costs none today. */
export function liveHours(flow: Flow): number {
    return flow.status === 'live' ? roundToTenth(flowHours(flow).hours) : 0;
}

/** The flows an element takes part in: a system's in and out, a process's steps, an entity's carriers. */
export function flowsOf(estate: Estate, declared: Declared): { in: Flow[]; out: Flow[] } {
    const index = indexEstate(estate);
    switch (declared.kind) {
        case 'system': return { in: index.flowsTo.get(declared.name) ?? [], out: index.flowsFrom.get(declared.name) ?? [] };
        case 'flow': return { in: [], out: [] };
        case 'process': return { in: [], out: (declared as Process).steps.flatMap(step => estate.flows.get(step) ?? []) };
        case 'entity': return { in: [], out: index.flowsCarrying.get(declared.name) ?? [] };
        default: return { in: [], out: [] };
    }
}

/** Processes that run on any of the flows. */
export function processesUsing(estate: Estate, flows: Iterable<string>): Process[] {
    const names = new Set(flows);
    return [...estate.processes.values()].filter(process => process.steps.some(step => names.has(step)));
}

/** An entity's fields with their classification and its regulations. */
export function fieldsOf(estate: Estate, entity: Entity): Array<{ name: string; classification?: string; regulations: string[] }> {
    const index = indexEstate(estate);
    return entity.fields.map(field => ({
        name: field.name, ...(field.classification ? { classification: field.classification } : {}), regulations: index.regulationsOf(field.classification)
    }));
}

/** What a flow carries, field by field, with classifications. */
export function carriedOf(estate: Estate, flow: Flow): Array<{ entity: string; field: string; classification?: string; regulations: string[] }> {
    return indexEstate(estate).carriedFields(flow).map(carried => ({
        entity: carried.entity, field: carried.field,
        ...(carried.classification ? { classification: carried.classification.name } : {}), regulations: carried.classification ? [...carried.classification.regulations] : []
    }));
}

/** The properties as written, without where they are written (the answer says that once). */
export function propertiesOf(declared: Declared): Record<string, unknown> {
    const { source: _source, kind: _kind, name: _name, title: _title, ...rest } = declared as Declared & Record<string, unknown>;
    // Field declarations carry their own source locations: drop them too.
    return JSON.parse(JSON.stringify(rest, (key, value: unknown) => key === 'source' ? undefined : value)) as Record<string, unknown>;
}
