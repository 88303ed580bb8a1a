/**
 * An ArchiMate model as both readers hand it over (the exchange-format XML and Archi's CSV trio),
 * and its reading as an inventory: application components → systems, data objects → entities,
 * flow / serving / triggering between components → flows, access → `stores` / `edits`, groupings
 * and locations → departments. Properties named `integ:<field>` (what `integ export archimate`
 * writes) map back exactly; other properties are matched to fields like column headers.
 */
import { FIELDS_OF, guessColumns } from './column-guess.js';
import { emptyInventory, type ImportedInventory, type ImportedRecord, type Origin, type RecordKind } from './records.js';

export interface ArchiConcept {
    id: string;
    /** Element or relationship type without the `Relationship` suffix Archi's CSV adds: `ApplicationComponent`, `Flow`, `Access`. */
    type: string;
    name: string;
    documentation?: string;
    properties: Array<[string, string]>;
    origin: Origin;
}

export interface ArchiRelationship extends ArchiConcept {
    source: string;
    target: string;
    /** `Access`, `Read`, `Write` or `ReadWrite` on access relationships. */
    accessType?: string;
}

export interface ArchiModel { elements: Map<string, ArchiConcept>; relationships: ArchiRelationship[] }

export const INTEG_PREFIX = 'integ:';

const DEPARTMENT_TYPES = new Set(['Grouping', 'Location']);
const MEMBERSHIP_TYPES = new Set(['Aggregation', 'Composition', 'Association']);
/** Relationships between two components read as a flow; the ones other than Flow say less, so the summary names them. */
const FLOW_TYPES: Record<string, string | undefined> = { Flow: undefined, Serving: 'a serving relationship read as data flowing to the served application', Triggering: 'a triggering relationship read as a flow' };

function recordOf(kind: RecordKind, concept: ArchiConcept): ImportedRecord<string> {
    const record: ImportedRecord<string> = { origin: concept.origin, values: { name: concept.name }, unmapped: [], description: concept.documentation };
    const valid = new Set(FIELDS_OF[kind]);
    const foreign: Array<[string, string]> = [];
    for (const [key, value] of concept.properties) {
        if (value.trim() === '') continue;
        if (key.startsWith(INTEG_PREFIX)) {
            const field = key.slice(INTEG_PREFIX.length);
            if (valid.has(field)) record.values[field] = value;
            else if (field !== 'findings' && field !== 'classification') record.unmapped.push({ label: key, value });
        } else {
            foreign.push([key, value]);
        }
    }
    const guessed = guessColumns(kind, foreign.map(([key]) => key)).fields;
    foreign.forEach(([key, value], index) => {
        const field = guessed.get(index);
        if (field && field !== 'name' && record.values[field] === undefined) record.values[field] = value;
        else record.unmapped.push({ label: key, value });
    });
    return record;
}

export function archimateInventory(model: ArchiModel): ImportedInventory {
    const inventory = emptyInventory();
    const systems = new Map<string, ImportedRecord<string>>();
    const entities = new Map<string, ImportedRecord<string>>();
    const departments = new Map<string, string>();
    const skippedTypes = new Map<string, number>();
    for (const element of model.elements.values()) {
        if (element.type === 'ApplicationComponent') systems.set(element.id, recordOf('system', element));
        else if (element.type === 'DataObject') entities.set(element.id, recordOf('entity', element));
        else if (DEPARTMENT_TYPES.has(element.type)) {
            const id = element.properties.find(([key]) => key === `${INTEG_PREFIX}id`)?.[1];
            inventory.departments.push({ id, name: element.name });
            departments.set(element.id, id ?? element.name);
        } else skippedTypes.set(element.type, (skippedTypes.get(element.type) ?? 0) + 1);
    }
    const flowsById = new Map<string, ImportedRecord<string>>();
    const relationshipTypesSkipped = new Map<string, number>();
    const nameOf = (id: string) => systems.get(id)?.values.id ?? model.elements.get(id)?.name ?? id;
    for (const relationship of model.relationships) {
        const { source, target, type } = relationship;
        if (systems.has(source) && systems.has(target) && type in FLOW_TYPES) {
            const record = recordOf('flow', relationship);
            if (relationship.name === '') delete record.values.name;
            record.values.source = nameOf(source);
            record.values.target = nameOf(target);
            const note = FLOW_TYPES[type];
            if (note) inventory.notes.push({ kind: 'guessed', origin: relationship.origin, message: `${note} (${model.elements.get(source)!.name} → ${model.elements.get(target)!.name})` });
            inventory.flows.push(record);
            flowsById.set(relationship.id, record);
        } else if (type === 'Access' && systems.has(source) && entities.has(target)) {
            const system = systems.get(source)!.values;
            const entity = entities.get(target)!.values.id ?? model.elements.get(target)!.name;
            const access = relationship.accessType ?? 'Access';
            if (access !== 'Write') system.stores = [system.stores, entity].filter(Boolean).join(', ');
            if (access === 'Write' || access === 'ReadWrite') system.edits = [system.edits, entity].filter(Boolean).join(', ');
        } else if (MEMBERSHIP_TYPES.has(type) && departments.has(source) && systems.has(target)) {
            systems.get(target)!.values.department ??= departments.get(source);
        } else if (type !== 'Association' || !(entities.has(source) || entities.has(target))) {
            relationshipTypesSkipped.set(type, (relationshipTypesSkipped.get(type) ?? 0) + 1);
        }
    }
    // A data object associated with a flow relationship is what the flow carries.
    for (const relationship of model.relationships) {
        if (relationship.type !== 'Association') continue;
        const [entityId, flowId] = entities.has(relationship.source) ? [relationship.source, relationship.target] : [relationship.target, relationship.source];
        const flow = flowsById.get(flowId);
        if (!flow || !entities.has(entityId) || flow.values.carries) continue;
        flow.values.carries = `${entities.get(entityId)!.values.id ?? model.elements.get(entityId)!.name}.*`;
    }
    inventory.systems.push(...systems.values());
    inventory.entities.push(...entities.values());
    const file = model.elements.values().next().value?.origin.file ?? model.relationships[0]?.origin.file;
    for (const [type, count] of skippedTypes) {
        inventory.notes.push({ kind: 'skipped', origin: file ? { file, line: 1 } : undefined, message: `${count} ${type} element${count === 1 ? '' : 's'}: the language has no place for them (application components, data objects, groupings and locations are imported)` });
    }
    for (const [type, count] of relationshipTypesSkipped) {
        inventory.notes.push({ kind: 'skipped', origin: file ? { file, line: 1 } : undefined, message: `${count} ${type} relationship${count === 1 ? '' : 's'} not between imported elements (flows, serving and triggering between application components, access to data objects and membership of groupings are imported)` });
    }
    return inventory;
}
