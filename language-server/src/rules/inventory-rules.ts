import { isAutomated, isShadow } from '../analysis/inventory.js';
import type { Flow } from '../model/estate.js';
import { findingOn, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';
import { isCurrentOrPlanned, isLive } from './rule-text.js';

export const shadowItUnowned: Rule = {
    id: 'inventory/shadow-it-unowned',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const system of estate.systems.values()) {
            if (system.source.builtin || system.status === 'retired' || !isShadow(system)) continue;
            if (system.department !== undefined || system.owner !== undefined) continue;
            const kind = system.systemKind ? ` (${system.systemKind})` : '';
            yield findingOn('inventory/shadow-it-unowned', system,
                `Shadow IT ${system.name}${kind} has no department or owner; nobody answers for its data`,
                { data: { system: system.name } });
        }
    }
};

export const disconnectedSystem: Rule = {
    id: 'inventory/disconnected-system',
    *run({ estate, index }: RuleContext): Iterable<RawFinding> {
        for (const system of estate.systems.values()) {
            if (system.source.builtin || system.status !== 'live') continue;
            const touched = (flows: Flow[] | undefined) => flows?.some(isLive) ?? false;
            if (touched(index.flowsFrom.get(system.name)) || touched(index.flowsTo.get(system.name))) continue;
            yield findingOn('inventory/disconnected-system', system,
                `${system.name} has no live flow and counts against integration coverage (the article: only 29% of applications are integrated)`,
                { data: { system: system.name } });
        }
    }
};

export const incompleteFlow: Rule = {
    id: 'inventory/incomplete-flow',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isCurrentOrPlanned(flow)) continue;
            if (flow.style === undefined) {
                yield findingOn('inventory/incomplete-flow', flow,
                    `Flow ${flow.name} has no style; it cannot be classified as manual, batch, one-way or fragile`,
                    { data: { missing: ['style'] } });
                continue;
            }
            if (!isAutomated(flow)) continue;
            const missing = [flow.auth === undefined ? 'auth' : undefined, flow.tls === undefined ? 'tls' : undefined]
                .filter((name): name is string => name !== undefined);
            if (missing.length === 0) continue;
            yield findingOn('inventory/incomplete-flow', flow,
                `Automated flow ${flow.name} (${flow.style}) has no ${missing.join(' or ')}; it cannot be checked against OAuth 2.0 and TLS 1.2+`,
                { data: { missing } });
        }
    }
};

export const emptyFlow: Rule = {
    id: 'inventory/empty-flow',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isCurrentOrPlanned(flow) || flow.carries.length > 0) continue;
            yield findingOn('inventory/empty-flow', flow,
                `Flow ${flow.name} from ${flow.sourceSystem} to ${flow.targetSystem} carries no data; no data rule can check it`,
                { data: {} });
        }
    }
};

export const INVENTORY_RULES: Rule[] = [shadowItUnowned, disconnectedSystem, incompleteFlow, emptyFlow];
