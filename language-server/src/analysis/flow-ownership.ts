import type { Estate, Flow } from '../model/estate.js';

/** Who answers for an integration, and where that was found. */
export interface FlowOwner {
    name: string;
    /** `flow`: its own `owner`; `consumer` / `producer`: the owner of its target / source system. */
    from: 'flow' | 'consumer' | 'producer';
}

/**
 * The owner of a flow as an organisation assigns it: the flow's own `owner`, else the owner of the
 * system that consumes the data, else of the system that produces it. Undefined when nobody does.
 */
export function flowOwner(estate: Estate, flow: Flow): FlowOwner | undefined {
    if (flow.owner) return { name: flow.owner, from: 'flow' };
    const consumer = estate.systems.get(flow.targetSystem)?.owner;
    if (consumer) return { name: consumer, from: 'consumer' };
    const producer = estate.systems.get(flow.sourceSystem)?.owner;
    return producer ? { name: producer, from: 'producer' } : undefined;
}
