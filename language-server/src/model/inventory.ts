import type { Estate, Flow, FlowStyle, System, SystemKind } from './estate.js';
import { percentToTenth, roundToTenth } from './rounding.js';

/** Styles where a person moves the data. */
export const MANUAL_STYLES: ReadonlySet<FlowStyle> = new Set(['manual', 'email']);

/** The article: manual re-entry costs 10–20 hours per week per team; the midpoint stands in where `effort` is not written. */
const DEFAULT_MANUAL_HOURS_PER_WEEK = 15;

/** Kinds that are shadow IT whether or not they are marked `shadow`. */
export const SHADOW_KINDS: ReadonlySet<SystemKind> = new Set(['spreadsheet', 'personal-tool']);

export function isShadow(system: System): boolean {
    return system.shadow || (system.systemKind !== undefined && SHADOW_KINDS.has(system.systemKind));
}

export function isAutomated(flow: Flow): boolean {
    return flow.style !== undefined && !MANUAL_STYLES.has(flow.style);
}

export function isManual(flow: Flow): boolean {
    return flow.style !== undefined && MANUAL_STYLES.has(flow.style);
}

/** The hours a person spends on a flow each week: its `effort`, else the article's midpoint when a person moves the data. */
export function flowHours(flow: Flow): { hours: number; estimated: boolean } {
    if (flow.effortHoursPerWeek !== undefined) return { hours: flow.effortHoursPerWeek, estimated: false };
    return isManual(flow) ? { hours: DEFAULT_MANUAL_HOURS_PER_WEEK, estimated: true } : { hours: 0, estimated: false };
}

/** Systems that exist today: not retired, not only planned. */
export function currentSystems(estate: Estate): System[] {
    return [...estate.systems.values()].filter(system => system.status === 'live' && !system.source.builtin);
}

export function liveFlows(estate: Estate): Flow[] {
    return [...estate.flows.values()].filter(flow => flow.status === 'live');
}

export interface Coverage {
    integrated: number;
    total: number;
    /** 0–100, rounded to one decimal. */
    percent: number;
}

/** Integration coverage: systems with at least one automated flow among `flows` / all current systems. */
export function coverage(systems: System[], flows: Flow[]): Coverage {
    const connected = new Set<string>();
    for (const flow of flows) {
        if (isAutomated(flow)) {
            connected.add(flow.sourceSystem);
            connected.add(flow.targetSystem);
        }
    }
    const integrated = systems.filter(system => connected.has(system.name)).length;
    const total = systems.length;
    return { integrated, total, percent: total === 0 ? 0 : percentToTenth(integrated, total) };
}

export interface ManualHours {
    hoursPerWeek: number;
    /** Manual flows without `effort`, counted at the article's midpoint. */
    estimatedFlows: number;
    flows: number;
}

export function manualHours(flows: Flow[]): ManualHours {
    let hoursPerWeek = 0;
    let estimatedFlows = 0;
    let count = 0;
    for (const flow of flows) {
        if (!isManual(flow)) continue;
        count++;
        const { hours, estimated } = flowHours(flow);
        hoursPerWeek += hours;
        if (estimated) estimatedFlows++;
    }
    return { hoursPerWeek: roundToTenth(hoursPerWeek), estimatedFlows, flows: count };
}

export interface Inventory {
    systems: number;
    byKind: Array<{ kind: string; count: number }>;
    shadowIt: Array<{ name: string; title: string; kind?: string; department?: string; owner?: string }>;
    flows: { live: number; planned: number; retired: number; byStyle: Array<{ style: string; count: number }> };
    coverage: Coverage;
    manualHours: ManualHours;
}

export function inventory(estate: Estate): Inventory {
    const systems = currentSystems(estate);
    const byKind = new Map<string, number>();
    for (const system of systems) {
        const kind = system.systemKind ?? 'unspecified';
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    const flows = [...estate.flows.values()];
    const live = flows.filter(flow => flow.status === 'live');
    const byStyle = new Map<string, number>();
    for (const flow of live) {
        const style = flow.style ?? 'unspecified';
        byStyle.set(style, (byStyle.get(style) ?? 0) + 1);
    }
    const sortCounts = (map: Map<string, number>, key: 'kind' | 'style') =>
        [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, count]) => ({ [key]: name, count }));
    return {
        systems: systems.length,
        byKind: sortCounts(byKind, 'kind') as Inventory['byKind'],
        shadowIt: systems.filter(isShadow).map(system => ({
            name: system.name, title: system.title, kind: system.systemKind, department: system.department, owner: system.owner
        })),
        flows: {
            live: live.length,
            planned: flows.filter(flow => flow.status === 'planned').length,
            retired: flows.filter(flow => flow.status === 'retired').length,
            byStyle: sortCounts(byStyle, 'style') as Inventory['flows']['byStyle']
        },
        coverage: coverage(systems, live),
        manualHours: manualHours(live)
    };
}
