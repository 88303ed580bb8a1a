import { isAutomated, isManual, SHADOW_KINDS } from '../analysis/inventory.js';
import type { Flow, Process } from '../model/estate.js';
import { findingOn, relatedTo, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';
import { formatMinutes, hoursPerWeek, isLive, listNames } from './rule-text.js';

/**
 * Gap rules describe the as-is estate: they look at live flows only (design §3). Their findings
 * are also what roadmap/unaddressed-gap checks against the initiatives' `replaces`.
 */

export const noIntegration: Rule = {
    id: 'gap/no-integration',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isLive(flow) || !isManual(flow)) continue;
            const how = flow.style === 'email' ? 'Manual re-entry by e-mail' : 'Manual re-entry';
            const cost = flow.effortHoursPerWeek !== undefined
                ? hoursPerWeek(flow.effortHoursPerWeek)
                : "an estimated 10–20 h/week (the article's figure per team)";
            yield findingOn('gap/no-integration', flow, `${how} from ${flow.sourceSystem} to ${flow.targetSystem} costs ${cost}`, {
                property: 'style',
                data: {
                    source: flow.sourceSystem, target: flow.targetSystem,
                    hoursPerWeek: flow.effortHoursPerWeek, estimated: flow.effortHoursPerWeek === undefined
                }
            });
        }
    }
};

export const batch: Rule = {
    id: 'gap/batch',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const processesOf = new Map<string, Process[]>();
        for (const process of estate.processes.values()) {
            for (const step of process.steps) {
                const list = processesOf.get(step);
                if (list) list.push(process); else processesOf.set(step, [process]);
            }
        }
        for (const flow of estate.flows.values()) {
            const staleness = flow.schedule?.stalenessMinutes;
            if (!isLive(flow) || !flow.schedule || staleness === undefined || staleness === 0) continue;
            const reasons: string[] = [];
            const limits: number[] = [];
            const entities: string[] = [];
            for (const carried of flow.carries) {
                const freshness = estate.entities.get(carried.entity)?.freshnessMinutes;
                if (freshness !== undefined && staleness > freshness) {
                    reasons.push(freshness === 0 ? `${carried.entity} must be realtime` : `${carried.entity} may be at most ${formatMinutes(freshness)} old`);
                    limits.push(freshness);
                    entities.push(carried.entity);
                }
            }
            const processes: string[] = [];
            for (const process of processesOf.get(flow.name) ?? []) {
                const need = process.needs?.stalenessMinutes;
                if (need !== undefined && staleness > need) {
                    reasons.push(`process ${process.name} needs ${need === 0 ? 'realtime data' : `data at most ${formatMinutes(need)} old`}`);
                    limits.push(need);
                    processes.push(process.name);
                }
            }
            if (reasons.length === 0) continue;
            yield findingOn('gap/batch', flow,
                `${flow.name} runs ${flow.schedule.text} (data up to ${formatMinutes(staleness)} old), but ${listNames(reasons)}: ${staleness >= 1440 ? "decisions on yesterday's numbers" : 'decisions on stale data'}`,
                {
                    property: 'schedule',
                    data: { stalenessMinutes: staleness, requiredMinutes: Math.min(...limits), entities, processes }
                });
        }
    }
};

function carriesEntity(flow: Flow, entity: string): boolean {
    return flow.carries.some(carried => carried.entity === entity);
}

export const oneWay: Rule = {
    id: 'gap/one-way',
    *run({ estate, index }: RuleContext): Iterable<RawFinding> {
        const flowsBack = (from: string, to: string, entity: string): boolean =>
            (index.flowsFrom.get(from) ?? []).some(back => isLive(back) && back.targetSystem === to && carriesEntity(back, entity))
            || (index.flowsFrom.get(to) ?? []).some(back => isLive(back) && back.twoWay && back.targetSystem === from && carriesEntity(back, entity));
        for (const flow of estate.flows.values()) {
            if (!isLive(flow) || flow.twoWay || flow.sourceSystem === flow.targetSystem) continue;
            const target = estate.systems.get(flow.targetSystem);
            if (!target || target.edits.length === 0) continue;
            for (const carried of flow.carries) {
                if (!target.edits.includes(carried.entity)) continue;
                if (flowsBack(flow.targetSystem, flow.sourceSystem, carried.entity)) continue;
                yield findingOn('gap/one-way', flow,
                    `${flow.targetSystem} edits ${carried.entity}, but no flow carries ${carried.entity} back from ${flow.targetSystem} to ${flow.sourceSystem}: changes in ${flow.targetSystem} never come back`,
                    {
                        data: { entity: carried.entity, from: flow.targetSystem, to: flow.sourceSystem },
                        related: [relatedTo(target, `${flow.targetSystem} edits ${carried.entity}`)]
                    });
            }
        }
    }
};

export const fragile: Rule = {
    id: 'gap/fragile',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isLive(flow) || !isAutomated(flow)) continue;
            const script = flow.style === 'script';
            const reasons = [
                script ? 'is a custom script that breaks when either system updates' : undefined,
                flow.monitored ? undefined : 'is not monitored',
                flow.owner === undefined ? 'has no owner' : undefined
            ].filter((reason): reason is string => reason !== undefined);
            if (reasons.length === 0) continue;
            yield findingOn('gap/fragile', flow, `${flow.name} ${listNames(reasons)}: expect outages and firefighting`, {
                property: script ? 'style' : undefined,
                data: { script, monitored: flow.monitored, owner: flow.owner !== undefined }
            });
        }
    }
};

export const conflictingMaster: Rule = {
    id: 'gap/conflicting-master',
    *run({ estate, index }: RuleContext): Iterable<RawFinding> {
        for (const entity of estate.entities.values()) {
            if (entity.source.builtin) continue;
            const holders = (index.storedIn.get(entity.name) ?? []).filter(system => system.status === 'live');
            const candidates = holders.map(system => system.name);
            if (entity.masters.length >= 2) {
                yield findingOn('gap/conflicting-master', entity,
                    `${entity.name} has ${entity.masters.length} masters (${listNames(entity.masters)}); exactly one system of record can resolve conflicts`,
                    { property: 'masters', data: { masters: entity.masters, candidates: entity.masters } });
            } else if (entity.masters.length === 0 && holders.length >= 2) {
                yield findingOn('gap/conflicting-master', entity,
                    `${entity.name} is stored in ${listNames(candidates)} but has no master: every copy can claim to be right`,
                    { data: { candidates }, related: holders.map(system => relatedTo(system, `${system.name} stores ${entity.name}`)) });
            }
        }
    }
};

export const excelExport: Rule = {
    id: 'gap/excel-export',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isLive(flow)) continue;
            const target = estate.systems.get(flow.targetSystem);
            if (!target?.systemKind || !SHADOW_KINDS.has(target.systemKind)) continue;
            const data = flow.carries.map(carried => carried.entity);
            const what = data.length > 0 ? ` ${listNames(data)}` : '';
            yield findingOn('gap/excel-export', flow,
                `${flow.name} exports${what} from ${flow.sourceSystem} into ${target.systemKind} ${target.name}; the copy is stale from the moment it is taken`,
                { property: 'target', data: { target: target.name, kind: target.systemKind } });
        }
    }
};

export const sharedDatabase: Rule = {
    id: 'gap/shared-database',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const flow of estate.flows.values()) {
            if (!isLive(flow) || flow.style !== 'shared-db') continue;
            const source = estate.systems.get(flow.sourceSystem)?.department;
            const target = estate.systems.get(flow.targetSystem)?.department;
            if (source === undefined || target === undefined || source === target) continue;
            yield findingOn('gap/shared-database', flow,
                `${flow.sourceSystem} (${source}) and ${flow.targetSystem} (${target}) share a database; a schema change by either department breaks the other`,
                { property: 'style', data: { departments: [source, target] } });
        }
    }
};

/** In catalogue order. */
export const GAP_RULES: Rule[] = [noIntegration, batch, oneWay, fragile, conflictingMaster, excelExport, sharedDatabase];
