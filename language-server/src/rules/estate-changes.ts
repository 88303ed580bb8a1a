import type { Estate } from '../model/estate.js';
import { pairKey } from '../model/estate-index.js';
import { passedOnKey, READ, READ_KINDS, type Reads } from './element-reads.js';

/** Per kind of read, the names whose answer may differ between two estates. */
export type Changes = ReadonlyArray<ReadonlySet<string>>;

/**
 * What an element check could see differently in `after` than in `before`. Declarations are
 * compared by identity: an estate shares the objects of every declaration whose file was neither
 * parsed nor linked again, and the workspace keeps the object of a re-parsed declaration that
 * reads the same. A changed flow changes the lists it is on, for both its old and its new self.
 */
export function changesBetween(before: Estate, after: Estate): Changes {
    const changes = Array.from({ length: READ_KINDS }, () => new Set<string>());
    forEachChanged(before.systems, after.systems, (name, systems) => {
        changes[READ.system].add(name);
        for (const system of systems) for (const entity of system.stores) changes[READ.storedIn].add(entity);
    });
    forEachChanged(before.entities, after.entities, (name, entities) => {
        changes[READ.entity].add(name);
        for (const entity of entities) for (const master of entity.masters) changes[READ.masteredBy].add(master);
    });
    forEachChanged(before.flows, after.flows, (_name, flows) => {
        for (const flow of flows) {
            changes[READ.flowsFrom].add(flow.sourceSystem);
            changes[READ.flowsTo].add(flow.targetSystem);
            changes[READ.flowsBetween].add(pairKey(flow.sourceSystem, flow.targetSystem));
            for (const carried of flow.carries) {
                changes[READ.flowsCarrying].add(carried.entity);
                changes[READ.passedOn].add(passedOnKey(flow.sourceSystem, carried.entity));
                if (flow.twoWay) changes[READ.passedOn].add(passedOnKey(flow.targetSystem, carried.entity));
            }
        }
    });
    return changes;
}

export function readsChanged(reads: Reads, changes: Changes): boolean {
    for (let i = 0; i < reads.length; i += 2) {
        if (changes[reads[i] as number].has(reads[i + 1] as string)) return true;
    }
    return false;
}

function forEachChanged<T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>, changed: (name: string, versions: T[]) => void): void {
    // forEach, not for-of: no entry array per declaration of the estate.
    after.forEach((now, name) => {
        const old = before.get(name);
        if (old !== now) changed(name, old === undefined ? [now] : [old, now]);
    });
    before.forEach((old, name) => {
        if (!after.has(name)) changed(name, [old]);
    });
}

/**
 * Everything an element check may read without a lookup — policy, classifications, regulations,
 * platforms, processes, roadmaps, initiatives, waivers — as text without source locations (no
 * element check reports on them), so that equal text means the checks see the same settings.
 */
export function settingsText(estate: Estate, today: string): string {
    const { policy, departments, regulations, classifications, platforms, processes, roadmaps, initiatives, waivers, adequacy } = estate;
    return JSON.stringify(
        [today, policy, departments, regulations, classifications, platforms, processes, roadmaps, initiatives, waivers, adequacy],
        (key, value: unknown) => key === 'source' ? undefined : value instanceof Map ? [...value.values()] : value
    );
}
