import { isAutomated, isShadow } from '../model/inventory.js';
import type { Flow, Initiative, System } from '../model/estate.js';
import { flowsPlannedForReplacement, retirementImpact } from '../model/retirement-impact.js';
import { findingOn, flowRule, relatedTo, systemRule, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';
import { hoursPerWeek, isCurrentOrPlanned, isLive, listNames } from './rule-text.js';

export const shadowItUnowned = systemRule('inventory/shadow-it-unowned', (system, _context, report) => {
    if (system.source.builtin || system.status === 'retired' || !isShadow(system)) return;
    if (system.department !== undefined || system.owner !== undefined) return;
    const kind = system.systemKind ? ` (${system.systemKind})` : '';
    report(findingOn('inventory/shadow-it-unowned', system,
        `Shadow IT ${system.name}${kind} has no department or owner; nobody answers for its data`,
        { data: { system: system.name } }));
});

export const disconnectedSystem = systemRule('inventory/disconnected-system', (system, { index }, report) => {
    if (system.source.builtin || system.status !== 'live') return;
    const touched = (flows: readonly Flow[] | undefined) => flows?.some(isLive) ?? false;
    if (touched(index.flowsFrom.get(system.name)) || touched(index.flowsTo.get(system.name))) return;
    report(findingOn('inventory/disconnected-system', system,
        `${system.name} has no live flow and counts against integration coverage (the article: only 29% of applications are integrated)`,
        { data: { system: system.name } }));
});

export const incompleteFlow = flowRule('inventory/incomplete-flow', (flow, _context, report) => {
    if (!isCurrentOrPlanned(flow)) return;
    if (flow.style === undefined) {
        report(findingOn('inventory/incomplete-flow', flow,
            `Flow ${flow.name} has no style; it cannot be classified as manual, batch, one-way or fragile`,
            { data: { missing: ['style'] } }));
        return;
    }
    if (!isAutomated(flow)) return;
    const missing = [flow.auth === undefined ? 'auth' : undefined, flow.tls === undefined ? 'tls' : undefined]
        .filter((name): name is string => name !== undefined);
    if (missing.length === 0) return;
    report(findingOn('inventory/incomplete-flow', flow,
        `Automated flow ${flow.name} (${flow.style}) has no ${missing.join(' or ')}; it cannot be checked against OAuth 2.0 and TLS 1.2+`,
        { data: { missing } }));
});

export const emptyFlow = flowRule('inventory/empty-flow', (flow, _context, report) => {
    if (!isCurrentOrPlanned(flow) || flow.carries.length > 0) return;
    report(findingOn('inventory/empty-flow', flow,
        `Flow ${flow.name} from ${flow.sourceSystem} to ${flow.targetSystem} carries no data; no data rule can check it`,
        { data: {} }));
});

/**
 * Live flows and processes that still depend on a system marked retired: they stop with it. A flow
 * an initiative `replaces` is already planned for; reported on the flow's end at the retired
 * system, and on the process's steps.
 */
export const retiredDependency: Rule = {
    id: 'inventory/retired-dependency',
    *run({ estate, index }: RuleContext): Iterable<RawFinding> {
        const planned = flowsPlannedForReplacement(estate);
        const retiredOf = new Map<string, { flow: Flow; systems: System[] }>();
        for (const system of estate.systems.values()) {
            if (system.source.builtin || system.status !== 'retired') continue;
            const touching = [...index.flowsFrom.get(system.name) ?? [], ...index.flowsTo.get(system.name) ?? []];
            for (const flow of retirementImpact(estate, touching, planned).flows) {
                const entry = retiredOf.get(flow.name);
                if (!entry) retiredOf.set(flow.name, { flow, systems: [system] });
                else if (!entry.systems.includes(system)) entry.systems.push(system);
            }
        }
        for (const { flow, systems } of retiredOf.values()) {
            const hours = retirementImpact(estate, [flow], planned).hoursPerWeek;
            yield findingOn('inventory/retired-dependency', flow,
                `Live flow ${flow.name} depends on ${listNames(systems.map(system => system.name))}, marked retired${hours > 0 ? ` (${hoursPerWeek(hours)} of manual work)` : ''}; retire the flow or plan its replacement in an initiative`,
                {
                    property: systems.some(system => system.name === flow.sourceSystem) ? 'source' : 'target',
                    related: systems.map(system => relatedTo(system, `${system.name} is marked retired here`)),
                    data: { flow: flow.name, retired: systems.map(system => system.name) }
                });
        }
        for (const process of estate.processes.values()) {
            const steps = process.steps.filter(step => retiredOf.has(step));
            if (steps.length === 0) continue;
            const retired = [...new Set(steps.flatMap(step => retiredOf.get(step)!.systems.map(system => system.name)))];
            yield findingOn('inventory/retired-dependency', process,
                `Process ${process.name} depends on ${listNames(retired)}, marked retired, through ${listNames(steps)}`,
                { property: 'steps', data: { steps, retired } });
        }
        yield* retiredByInitiatives(estate, index);
    }
};

/** Month number of an initiative's end, for ordering; undefined when the roadmap does not say. */
function endOf(initiative: Initiative): number | undefined {
    return initiative.endMonth ? initiative.endMonth.year * 12 + initiative.endMonth.month : undefined;
}

function monthText(initiative: Initiative): string {
    const end = initiative.endMonth;
    return end ? ` in ${end.year}-${String(end.month).padStart(2, '0')}` : '';
}

/**
 * A live system an initiative `retires`: every live flow into or out of it must be replaced by an
 * initiative that ends no later (or by the same one); where the roadmap gives no months the order
 * cannot be told and the flow counts as planned.
 */
function* retiredByInitiatives(estate: RuleContext['estate'], index: RuleContext['index']): Iterable<RawFinding> {
    const retiredOf = new Map<string, { flow: Flow; systems: string[]; initiatives: Initiative[] }>();
    const retiring = [...estate.initiatives.values()].filter(initiative => initiative.retires.length > 0);
    if (retiring.length === 0) return;
    /** Per replaced flow, the earliest end of an initiative replacing it (-∞ when one has no months: its order cannot be told). */
    const replacedBy = new Map<string, number>();
    for (const initiative of estate.initiatives.values()) {
        const end = endOf(initiative) ?? Number.NEGATIVE_INFINITY;
        for (const name of initiative.replaces) replacedBy.set(name, Math.min(replacedBy.get(name) ?? Number.POSITIVE_INFINITY, end));
    }
    for (const initiative of retiring) {
        const end = endOf(initiative) ?? Number.POSITIVE_INFINITY;
        const inTime = { has: (name: string) => (replacedBy.get(name) ?? Number.POSITIVE_INFINITY) <= end };
        for (const name of initiative.retires) {
            const system = estate.systems.get(name);
            if (!system || system.source.builtin || system.status === 'retired') continue;
            const touching = [...index.flowsFrom.get(name) ?? [], ...index.flowsTo.get(name) ?? []];
            for (const flow of retirementImpact(estate, touching, inTime).flows) {
                const entry = retiredOf.get(flow.name) ?? retiredOf.set(flow.name, { flow, systems: [], initiatives: [] }).get(flow.name)!;
                if (!entry.systems.includes(name)) entry.systems.push(name);
                if (!entry.initiatives.includes(initiative)) entry.initiatives.push(initiative);
            }
        }
    }
    for (const { flow, systems, initiatives } of retiredOf.values()) {
        const by = initiatives.map(initiative => `${initiative.name}${monthText(initiative)}`);
        yield findingOn('inventory/retired-dependency', flow,
            `Initiative ${listNames(by)} retires ${listNames(systems)}, but live flow ${flow.name} still depends on it and no initiative replaces the flow by then; plan its replacement`,
            {
                property: systems.includes(flow.sourceSystem) ? 'source' : 'target',
                related: initiatives.map(initiative => relatedTo(initiative, `${initiative.name} retires ${listNames(systems)} here`)),
                data: { flow: flow.name, retired: systems, initiative: initiatives[0].name }
            });
    }
    for (const process of estate.processes.values()) {
        const steps = process.steps.filter(step => retiredOf.has(step));
        if (steps.length === 0) continue;
        const systems = [...new Set(steps.flatMap(step => retiredOf.get(step)!.systems))];
        const initiatives = [...new Set(steps.flatMap(step => retiredOf.get(step)!.initiatives.map(initiative => initiative.name)))];
        yield findingOn('inventory/retired-dependency', process,
            `Process ${process.name} depends on ${listNames(systems)}, which ${listNames(initiatives)} retires, through ${listNames(steps)}`,
            { property: 'steps', data: { steps, retired: systems } });
    }
}

export const INVENTORY_RULES: Rule[] = [shadowItUnowned, disconnectedSystem, incompleteFlow, emptyFlow, retiredDependency];
