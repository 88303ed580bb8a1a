import { SHADOW_KINDS } from '../model/inventory.js';
import type { Classification, System } from '../model/estate.js';
import type { CarriedField } from '../model/estate-index.js';
import type { ElementContext } from './rule-kit.js';
import { isCurrentOrPlanned } from './rule-text.js';

/**
 * What a declaration implies a system holds besides the entities it lists in `stores` (docs/language.md,
 * "What a declaration implies"): the master of an entity stores it, and a spreadsheet or personal tool
 * keeps every field a flow brings it, since an export to one is a copy. Rules about data at rest and
 * about least privilege read holdings through here, so they agree on what a system holds.
 */
export interface HeldField extends CarriedField {
    /** `stores`: listed in `stores`; `master`: the system is the entity's master; `received`: brought by flow `by`. */
    how: 'stores' | 'master' | 'received';
    by?: string;
}

/** Spreadsheets and personal tools keep whatever they receive. */
export function keepsWhatItReceives(system: System): boolean {
    return system.systemKind !== undefined && SHADOW_KINDS.has(system.systemKind);
}

/** True when the system holds the whole entity: it stores it or is its master. */
export function holdsEntity(system: System, entity: string, { estate }: Pick<ElementContext, 'estate'>): boolean {
    return system.stores.includes(entity) || (estate.entities.get(entity)?.masters.includes(system.name) ?? false);
}

/** True when the receiving system holds the carried field of `entity`. */
export function holdsReceived(system: System, entity: string, context: Pick<ElementContext, 'estate'>): boolean {
    return keepsWhatItReceives(system) || holdsEntity(system, entity, context);
}

/**
 * The fields the system holds whose classification passes `keep`, each once: stored entities
 * first, then mastered ones, then fields received by live or planned flows. Only kept fields are
 * made into objects: most systems hold many fields and few concern a given rule.
 */
export function heldFields(system: System, { index }: Pick<ElementContext, 'index'>, keep: (classification: Classification) => boolean): HeldField[] {
    const held: HeldField[] = [];
    const wholeEntities = new Set<string>();
    const addEntity = (entity: string, how: 'stores' | 'master') => {
        if (wholeEntities.has(entity)) return;
        wholeEntities.add(entity);
        for (const field of index.fieldsOf(entity)) {
            if (field.classification && keep(field.classification)) held.push({ entity, field: field.field, classification: field.classification, how });
        }
    };
    for (const entity of system.stores) addEntity(entity, 'stores');
    for (const entity of index.masteredBy.get(system.name) ?? []) addEntity(entity.name, 'master');
    if (!keepsWhatItReceives(system)) return held;
    const received = new Set<string>();
    const incoming = [...(index.flowsTo.get(system.name) ?? []), ...(index.flowsFrom.get(system.name) ?? []).filter(flow => flow.twoWay)];
    for (const flow of incoming) {
        if (!isCurrentOrPlanned(flow)) continue;
        for (const field of index.carriedFields(flow)) {
            const key = `${field.entity}.${field.field}`;
            if (wholeEntities.has(field.entity) || received.has(key) || !field.classification || !keep(field.classification)) continue;
            received.add(key);
            held.push({ entity: field.entity, field: field.field, classification: field.classification, how: 'received', by: flow.name });
        }
    }
    return held;
}

/** `stores`, `stores (as master of Order)` or `holds (received by Export)`: how the first field is held, as the message says it. */
export function holdingVerb(field: HeldField): { verb: string; basis: string } {
    switch (field.how) {
        case 'stores': return { verb: 'stores', basis: '' };
        case 'master': return { verb: 'stores', basis: ` (as master of ${field.entity})` };
        case 'received': return { verb: 'holds', basis: ` (received by ${field.by})` };
    }
}
