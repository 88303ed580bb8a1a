import { isAutomated, isShadow } from '../model/inventory.js';
import type { Flow } from '../model/estate.js';
import { findingOn, flowRule, systemRule, type Rule } from './rule-kit.js';
import { isCurrentOrPlanned, isLive } from './rule-text.js';

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

export const INVENTORY_RULES: Rule[] = [shadowItUnowned, disconnectedSystem, incompleteFlow, emptyFlow];
