import type { Flow, Platform, System } from './estate.js';

/** The declarations the inference reads, by name (an estate's maps, or a rule's recorded lookups). */
export interface OwnershipLookups {
    systems: { get(name: string): System | undefined };
    platforms: { get(name: string): Platform | undefined };
}

/** Who answers for an integration, and where that was found. */
export interface FlowOwner {
    name: string;
    /**
     * `flow`: its own `owner`; `platform`: the owner of the platform it runs `via`; `consumer` /
     * `producer`: the owner of its target / source system.
     */
    from: 'flow' | 'platform' | 'consumer' | 'producer';
    /** The platform or system the owner was found on (the flow itself for `flow`). */
    on: string;
}

/**
 * The owner of a flow as an organisation assigns it: the flow's own `owner`, else whoever runs
 * the platform it runs on, else the owner of the system that consumes the data, else of the
 * system that produces it. Undefined when nobody along that chain is named.
 */
export function flowOwner(lookups: OwnershipLookups, flow: Flow): FlowOwner | undefined {
    if (flow.owner) return { name: flow.owner, from: 'flow', on: flow.name };
    const platform = flow.via ? lookups.platforms.get(flow.via) : undefined;
    if (platform?.owner) return { name: platform.owner, from: 'platform', on: platform.name };
    const consumer = lookups.systems.get(flow.targetSystem)?.owner;
    if (consumer) return { name: consumer, from: 'consumer', on: flow.targetSystem };
    const producer = lookups.systems.get(flow.sourceSystem)?.owner;
    return producer ? { name: producer, from: 'producer', on: flow.sourceSystem } : undefined;
}

/** How a flow is monitored: its own `monitored`, or the platform it runs on monitors what it runs. */
export function flowMonitoring(lookups: Pick<OwnershipLookups, 'platforms'>, flow: Flow): 'flow' | 'platform' | undefined {
    if (flow.monitored) return 'flow';
    return flow.via && lookups.platforms.get(flow.via)?.monitored ? 'platform' : undefined;
}

/** `Ana Ruiz (owner of Erp, the target)`: who owns the flow and where that was found. */
export function describeOwner(owner: FlowOwner): string {
    switch (owner.from) {
        case 'flow': return owner.name;
        case 'platform': return `${owner.name} (owner of its platform ${owner.on})`;
        case 'consumer': return `${owner.name} (owner of its target ${owner.on})`;
        case 'producer': return `${owner.name} (owner of its source ${owner.on})`;
    }
}
