import type { Classification, Entity, Estate, Flow, System } from './estate.js';

/** A field a flow carries, with its classification. */
export interface CarriedField {
    entity: string;
    field: string;
    classification?: Classification;
}

/** Per field of one entity: the live or planned flows by which a system sends that field on. */
export type PassedOn = ReadonlyMap<string, readonly Flow[]>;

/**
 * Lookups the rules and views need, built once per estate so that no rule scans all flows per
 * system or per entity (rules stay linear in the size of the estate).
 */
export interface EstateIndex {
    flowsFrom: Map<string, Flow[]>;
    flowsTo: Map<string, Flow[]>;
    /** Flows carrying any field of the entity. */
    flowsCarrying: Map<string, Flow[]>;
    /** Systems that list the entity in `stores`. */
    storedIn: Map<string, System[]>;
    /** Entities whose `master` names the system. */
    masteredBy: Map<string, Entity[]>;
    /** Regulations of a classification (empty when it names none). */
    regulationsOf(classification: string | undefined): string[];
    /** Classification of `entity.field`, if any. */
    classificationOf(entity: string, field: string): Classification | undefined;
    /** Classifications carried by a flow, each once. */
    classificationsCarried(flow: Flow): Classification[];
    /** True when the flow carries any field whose classification names a regulation. */
    carriesRegulated(flow: Flow): boolean;
    /** Every field the flow carries, in the order written. */
    carriedFields(flow: Flow): readonly CarriedField[];
    /** Every field of the entity, with its classification. */
    fieldsOf(entity: string): readonly CarriedField[];
    /** Fields of the entity whose classification names a regulation. */
    regulatedFields(entity: string): readonly CarriedField[];
    /** What the system sends on of the entity: its outgoing flows and the two-way flows into it that are live or planned. */
    passedOn(system: string, entity: string): PassedOn | undefined;
    /** Flows between the two systems, either way. */
    flowsBetween(a: string, b: string): readonly Flow[];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

/**
 * An estate is never changed once built (a new one is made per workspace build), and the rules,
 * the diagram, hover and the roadmap all index the same estate: index it once.
 */
const indexes = new WeakMap<Estate, EstateIndex>();

export function indexEstate(estate: Estate): EstateIndex {
    let index = indexes.get(estate);
    if (!index) indexes.set(estate, index = buildIndex(estate));
    return index;
}

function buildIndex(estate: Estate): EstateIndex {
    const flowsFrom = new Map<string, Flow[]>();
    const flowsTo = new Map<string, Flow[]>();
    const flowsCarrying = new Map<string, Flow[]>();
    const storedIn = new Map<string, System[]>();
    const masteredBy = new Map<string, Entity[]>();
    for (const flow of estate.flows.values()) {
        push(flowsFrom, flow.sourceSystem, flow);
        push(flowsTo, flow.targetSystem, flow);
        for (const carried of flow.carries) push(flowsCarrying, carried.entity, flow);
    }
    for (const system of estate.systems.values()) {
        for (const entity of system.stores) push(storedIn, entity, system);
    }
    for (const entity of estate.entities.values()) {
        for (const master of entity.masters) push(masteredBy, master, entity);
    }
    // Per entity, then per field: a lookup per carried field must not build an `entity.field` string.
    const fieldClassification = new Map<string, Map<string, Classification | undefined>>();
    for (const entity of estate.entities.values()) {
        const fields = new Map<string, Classification | undefined>();
        for (const field of entity.fields) {
            fields.set(field.name, field.classification ? estate.classifications.get(field.classification) : undefined);
        }
        fieldClassification.set(entity.name, fields);
    }
    const classificationOf = (entity: string, field: string) => fieldClassification.get(entity)?.get(field);
    const carriedFields = cachedBy(new Map<Flow, readonly CarriedField[]>(), flow => {
        const fields: CarriedField[] = [];
        for (const carried of flow.carries) {
            for (const field of carried.fields) fields.push({ entity: carried.entity, field, classification: classificationOf(carried.entity, field) });
        }
        return fields;
    });
    const classificationsCarried = cachedBy(new Map<Flow, Classification[]>(), flow => {
        const set = new Set<Classification>();
        for (const field of carriedFields(flow)) if (field.classification) set.add(field.classification);
        return [...set];
    });
    const fieldsOf = cachedBy(new Map<string, readonly CarriedField[]>(), name =>
        (estate.entities.get(name)?.fields ?? []).map(field => ({ entity: name, field: field.name, classification: classificationOf(name, field.name) })));
    const regulationsOf = (name: string | undefined): string[] =>
        name ? (estate.classifications.get(name)?.regulations ?? []) : [];
    return {
        flowsFrom, flowsTo, flowsCarrying, storedIn, masteredBy, regulationsOf,
        classificationOf,
        classificationsCarried,
        carriesRegulated: flow => classificationsCarried(flow).some(c => c.regulations.length > 0),
        carriedFields,
        fieldsOf,
        regulatedFields: cachedBy(new Map<string, readonly CarriedField[]>(), name =>
            fieldsOf(name).filter(field => field.classification !== undefined && field.classification.regulations.length > 0)),
        passedOn: (() => {
            const bySystem = cachedBy(new Map<string, ReadonlyMap<string, PassedOn>>(), system => passedOnBy(system, flowsFrom, flowsTo));
            return (system: string, entity: string) => bySystem(system).get(entity);
        })(),
        flowsBetween: (() => {
            const byPair = cachedBy(new Map<string, readonly Flow[]>(), key => {
                const [a, b] = key.split('\u0000');
                return flowsBetweenIn(flowsFrom, a, b);
            });
            return (a: string, b: string) => byPair(pairKey(a, b));
        })()
    };
}

function cachedBy<K, V>(cache: Map<K, V>, compute: (key: K) => V): (key: K) => V {
    return key => {
        let value = cache.get(key);
        if (value === undefined) cache.set(key, value = compute(key));
        return value;
    };
}

/** One key for the two systems in either order. */
export function pairKey(a: string, b: string): string {
    return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Flows by system, as the index's `flowsFrom` and `flowsTo` give them. */
export interface FlowLists {
    get(system: string): readonly Flow[] | undefined;
}

/** Flows between the two systems, either way: those from `a` to `b`, then those from `b` to `a`. */
export function flowsBetweenIn(flowsFrom: FlowLists, a: string, b: string): Flow[] {
    return [...(flowsFrom.get(a) ?? []).filter(flow => flow.targetSystem === b), ...(a === b ? [] : (flowsFrom.get(b) ?? []).filter(flow => flow.targetSystem === a))];
}

/** Per entity, then per field, the flows by which the system sends it on (see `EstateIndex.passedOn`). */
export function passedOnBy(system: string, flowsFrom: FlowLists, flowsTo: FlowLists): ReadonlyMap<string, PassedOn> {
    const result = new Map<string, Map<string, Flow[]>>();
    const outgoing = [...(flowsFrom.get(system) ?? []), ...(flowsTo.get(system) ?? []).filter(flow => flow.twoWay)];
    for (const flow of outgoing) {
        if (flow.status === 'retired') continue;
        for (const carried of flow.carries) {
            let byField = result.get(carried.entity);
            if (!byField) result.set(carried.entity, byField = new Map());
            for (const field of carried.fields) {
                const list = byField.get(field);
                if (list) list.push(flow); else byField.set(field, [flow]);
            }
        }
    }
    return result;
}
