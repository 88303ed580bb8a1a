import { isAutomated, isShadow } from '../model/inventory.js';
import type { Flow, System } from '../model/estate.js';
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
    }
};

export const INVENTORY_RULES: Rule[] = [shadowItUnowned, disconnectedSystem, incompleteFlow, emptyFlow, retiredDependency];
