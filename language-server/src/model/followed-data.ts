import type { Estate, Flow } from './estate.js';

/** An entity, or one of its fields: the data a lineage, the diagram's "follow" and the MCP tool trace. */
export interface FollowedData {
    entity: string;
    field?: string;
}

/** Parses and checks `Entity`, `Entity.*` or `Entity.field`; the message lists what exists when the name is unknown. */
export function resolveFollow(estate: Estate, text: string): FollowedData | string {
    const [entityName, field, ...rest] = text.split('.');
    const entity = estate.entities.get(entityName);
    if (!entity || rest.length > 0) return `unknown entity '${entityName}'`;
    if (field === undefined || field === '*') return { entity: entity.name };
    if (!entity.fields.some(candidate => candidate.name === field)) {
        return `entity ${entity.name} has no field '${field}' (fields: ${entity.fields.map(f => f.name).join(', ') || 'none'})`;
    }
    return { entity: entity.name, field };
}

export function carriesFollowed(flow: Flow, followed: FollowedData): boolean {
    return flow.carries.some(carried => carried.entity === followed.entity && (followed.field === undefined || carried.fields.includes(followed.field)));
}

/** The systems and flows a piece of data passes through, as the lineage lists them and the diagram's follow lens lights them. */
export interface FollowedElements {
    /** The entity's systems of record, the current systems that store it, and the ends of the flows below. */
    systems: ReadonlySet<string>;
    /** Live and planned flows that carry it: a retired flow moves nothing any more. */
    flows: readonly Flow[];
}

/** One answer for the lineage and the diagram, so the picture lights exactly what the lineage lists. */
export function followedElements(estate: Estate, followed: FollowedData): FollowedElements {
    const flows = [...estate.flows.values()].filter(flow => flow.status !== 'retired' && carriesFollowed(flow, followed));
    const storing = [...estate.systems.values()].filter(system => system.status !== 'retired' && system.stores.includes(followed.entity)).map(system => system.name);
    const systems = new Set([...(estate.entities.get(followed.entity)?.masters ?? []), ...storing, ...flows.flatMap(flow => [flow.sourceSystem, flow.targetSystem])]);
    return { systems, flows };
}
