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
