import type { Estate } from '../model/estate.js';
import { pairKey, type EstateIndex } from '../model/estate-index.js';
import type { ElementContext, Lookup } from './rule-kit.js';

/** What an element check can look up by name (besides the settings, which are compared as a whole). */
export const READ = { system: 0, entity: 1, flowsFrom: 2, flowsTo: 3, flowsCarrying: 4, storedIn: 5, passedOn: 6, flowsBetween: 7, masteredBy: 8 } as const;
export type ReadKind = typeof READ[keyof typeof READ];
export const READ_KINDS = Object.keys(READ).length;

/** The names one element's checks looked up, as flat kind, name pairs: no object per read. */
export type Reads = Array<ReadKind | string>;

export function passedOnKey(system: string, entity: string): string {
    return `${system}\u0000${entity}`;
}

/** Collects the reads of the element being checked. */
export class ReadLog {
    current: Reads = [];

    add(kind: ReadKind, name: string): void {
        const reads = this.current;
        // An element's checks look up the same few names again and again; a short scan keeps the list short.
        for (let i = 0; i < reads.length; i += 2) if (reads[i] === kind && reads[i + 1] === name) return;
        reads.push(kind, name);
    }
}

/** The lookups of an element context, recording every name they are asked for. */
export function recordingLookups(estate: Estate, index: EstateIndex, log: ReadLog): Pick<ElementContext, 'estate' | 'index'> {
    const recorded = <T>(map: Lookup<T>, kind: ReadKind): Lookup<T> => ({
        get(name) {
            log.add(kind, name);
            return map.get(name);
        }
    });
    return {
        estate: { ...estate, systems: recorded(estate.systems, READ.system), entities: recorded(estate.entities, READ.entity) },
        index: {
            flowsFrom: recorded(index.flowsFrom, READ.flowsFrom),
            flowsTo: recorded(index.flowsTo, READ.flowsTo),
            flowsCarrying: recorded(index.flowsCarrying, READ.flowsCarrying),
            storedIn: recorded(index.storedIn, READ.storedIn),
            masteredBy: recorded(index.masteredBy, READ.masteredBy),
            carriedFields(flow) {
                for (const carried of flow.carries) log.add(READ.entity, carried.entity);
                return index.carriedFields(flow);
            },
            fieldsOf(entity) {
                log.add(READ.entity, entity);
                return index.fieldsOf(entity);
            },
            regulatedFields(entity) {
                log.add(READ.entity, entity);
                return index.regulatedFields(entity);
            },
            passedOn(system, entity) {
                log.add(READ.passedOn, passedOnKey(system, entity));
                return index.passedOn(system, entity);
            },
            flowsBetween(a, b) {
                log.add(READ.flowsBetween, pairKey(a, b));
                return index.flowsBetween(a, b);
            }
        }
    };
}
