import type { DeclarationKind, Declared, Estate, Flow, Status, System } from '../model/estate.js';
import type { DeclarationChange } from './declaration-diff.js';
import { COMPARED, type RenameMap } from './declaration-record.js';

type Named = Map<string, Declared>;

/**
 * Both estates in one, as the picture of a change draws them: every declaration of the head, and
 * each one the change removes, its references read through the renames so that a removed flow
 * still ends at a renamed system. A system or flow is live when either side has it in use or
 * planned, so that a change to its status, or a planned addition, is drawn rather than left out;
 * the rest (policy, waivers, the roadmap) is the head's.
 */
export function unionEstate(base: Estate, head: Estate, changes: readonly DeclarationChange[]): Estate {
    const renames = renamesOf(changes);
    const union: Estate = { ...head };
    for (const { kind, map } of COMPARED) {
        const renamed = renames.get(kind) ?? new Map<string, string>();
        const before = base[map] as Named;
        const merged: Named = new Map(head[map] as Named);
        for (const [name, declaration] of before) {
            if (!merged.has(name) && !renamed.has(name)) merged.set(name, withRenamedReferences(declaration, renames));
        }
        (union as unknown as Record<string, Named>)[map] = merged;
    }
    const baseName = (kind: 'system' | 'flow') => {
        const from = new Map([...(renames.get(kind) ?? [])].map(([before, after]) => [after, before]));
        return (name: string) => from.get(name) ?? name;
    };
    const [systemBefore, flowBefore] = [baseName('system'), baseName('flow')];
    union.systems = new Map([...union.systems].map(([name, system]) =>
        [name, withStatus(system, base.systems.get(systemBefore(name)), head.systems.get(name))]));
    union.flows = new Map([...union.flows].map(([name, flow]) =>
        [name, withStatus(flow, base.flows.get(flowBefore(name)), head.flows.get(name))]));
    return union;
}

function withRenamedReferences(declaration: Declared, renames: RenameMap): Declared {
    const to = (kind: 'system' | 'department' | 'platform', name: string | undefined) => name === undefined ? undefined : renames.get(kind)?.get(name) ?? name;
    if (declaration.kind === 'flow') {
        const flow = declaration as Flow;
        const renamed: Flow = { ...flow, sourceSystem: to('system', flow.sourceSystem)!, targetSystem: to('system', flow.targetSystem)!, via: to('platform', flow.via) };
        return renamed;
    }
    if (declaration.kind === 'system') {
        const system = declaration as System;
        const renamed: System = { ...system, department: to('department', system.department) };
        return renamed;
    }
    return declaration;
}

function withStatus<T extends System | Flow>(declaration: T, before: T | undefined, after: T | undefined): T {
    const inUse = (side: T | undefined) => side !== undefined && side.status !== 'retired';
    const status: Status = inUse(before) || inUse(after) ? 'live' : 'retired';
    return declaration.status === status ? declaration : { ...declaration, status };
}

/** The renames a diff found, per kind: the base's name → the head's. */
function renamesOf(changes: readonly DeclarationChange[]): RenameMap {
    const renames = new Map<DeclarationKind, Map<string, string>>();
    for (const change of changes) {
        if (change.change !== 'renamed') continue;
        const known = renames.get(change.kind) ?? new Map<string, string>();
        renames.set(change.kind, known.set(change.from, change.name));
    }
    return renames;
}
