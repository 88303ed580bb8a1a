import type { Estate, Flow, Process } from './estate.js';
import { flowHours } from './inventory.js';
import { roundToTenth } from './rounding.js';

/** What stops working when a system goes: read by the rule on retired systems and by the system's hover. */
export interface RetirementImpact {
    /** Live flows into or out of the system that no initiative replaces. */
    flows: Flow[];
    /** Processes with one of those flows as a step. */
    processes: Process[];
    /** Manual effort on those flows, hours per week. */
    hoursPerWeek: number;
}

/** Flows some initiative `replaces`: their end is already planned. */
export function flowsPlannedForReplacement(estate: Pick<Estate, 'initiatives'>): Set<string> {
    const planned = new Set<string>();
    for (const initiative of estate.initiatives.values()) for (const flow of initiative.replaces) planned.add(flow);
    return planned;
}

/**
 * The impact of retiring a system whose flows are `touching` (into or out of it, any status):
 * the live ones not planned for replacement, the processes that use them and their manual hours.
 */
export function retirementImpact(estate: Pick<Estate, 'processes'>, touching: Iterable<Flow>, planned: Pick<ReadonlySet<string>, 'has'>): RetirementImpact {
    const flows = [...new Set(touching)].filter(flow => flow.status === 'live' && !planned.has(flow.name));
    const names = new Set(flows.map(flow => flow.name));
    const processes = [...estate.processes.values()].filter(process => process.steps.some(step => names.has(step)));
    const hours = flows.reduce((sum, flow) => sum + flowHours(flow).hours, 0);
    return { flows, processes, hoursPerWeek: roundToTenth(hours) };
}
