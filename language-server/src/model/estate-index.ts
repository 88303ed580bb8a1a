import type { Classification, Estate, Flow, System } from './estate.js';

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
    for (const flow of estate.flows.values()) {
        push(flowsFrom, flow.sourceSystem, flow);
        push(flowsTo, flow.targetSystem, flow);
        for (const carried of flow.carries) push(flowsCarrying, carried.entity, flow);
    }
    for (const system of estate.systems.values()) {
        for (const entity of system.stores) push(storedIn, entity, system);
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
    const regulationsOf = (name: string | undefined): string[] =>
        name ? (estate.classifications.get(name)?.regulations ?? []) : [];
    return {
        flowsFrom, flowsTo, flowsCarrying, storedIn, regulationsOf,
        classificationOf,
        classificationsCarried,
        carriesRegulated: flow => classificationsCarried(flow).some(c => c.regulations.length > 0),
        carriedFields,
        regulatedFields: cachedBy(new Map<string, readonly CarriedField[]>(), name => {
            const fields: CarriedField[] = [];
            for (const field of estate.entities.get(name)?.fields ?? []) {
                const classification = classificationOf(name, field.name);
                if (classification && classification.regulations.length > 0) fields.push({ entity: name, field: field.name, classification });
            }
            return fields;
        }),
        passedOn: (() => {
            const bySystem = cachedBy(new Map<string, ReadonlyMap<string, PassedOn>>(), system => passedOnBy(system, flowsFrom, flowsTo));
            return (system: string, entity: string) => bySystem(system).get(entity);
        })(),
        flowsBetween: (() => {
            const byPair = cachedBy(new Map<string, readonly Flow[]>(), key => {
                const [a, b] = key.split('\u0000');
                return [...(flowsFrom.get(a) ?? []).filter(flow => flow.targetSystem === b), ...(a === b ? [] : (flowsFrom.get(b) ?? []).filter(flow => flow.targetSystem === a))];
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

function passedOnBy(system: string, flowsFrom: Map<string, Flow[]>, flowsTo: Map<string, Flow[]>): ReadonlyMap<string, PassedOn> {
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
