import { describeOwner, flowMonitoring, flowOwner } from '../model/flow-ownership.js';
import { isAutomated, isManual, SHADOW_KINDS } from '../model/inventory.js';
import type { Flow, Process } from '../model/estate.js';
import { entityRule, findingOn, flowRule, relatedTo, type ElementContext, type EstateSettings, type Rule } from './rule-kit.js';
import { formatMinutes, hoursPerWeek, isLive, listNames } from './rule-text.js';

/**
 * Gap rules describe the as-is estate: they look at live flows only (design §3). Their findings
 * are also what roadmap/unaddressed-gap checks against the initiatives' `replaces`.
 */

export const noIntegration = flowRule('gap/no-integration', (flow, _context, report) => {
    if (!isLive(flow) || !isManual(flow)) return;
    const how = flow.style === 'email' ? 'Manual re-entry by e-mail' : 'Manual re-entry';
    const cost = flow.effortHoursPerWeek !== undefined
        ? hoursPerWeek(flow.effortHoursPerWeek)
        : "an estimated 10–20 h/week (the article's figure per team)";
    report(findingOn('gap/no-integration', flow, `${how} from ${flow.sourceSystem} to ${flow.targetSystem} costs ${cost}`, {
        property: 'style',
        data: {
            source: flow.sourceSystem, target: flow.targetSystem,
            hoursPerWeek: flow.effortHoursPerWeek, estimated: flow.effortHoursPerWeek === undefined
        }
    }));
});

function processesByStep(settings: EstateSettings): Map<string, Process[]> {
    const processesOf = new Map<string, Process[]>();
    for (const process of settings.processes.values()) {
        for (const step of process.steps) {
            const list = processesOf.get(step);
            if (list) list.push(process); else processesOf.set(step, [process]);
        }
    }
    return processesOf;
}

export const batch = flowRule('gap/batch', (flow, { estate, once }, report) => {
    const staleness = flow.schedule?.stalenessMinutes;
    if (!isLive(flow) || !flow.schedule || staleness === undefined || staleness === 0) return;
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
    for (const process of once(processesByStep).get(flow.name) ?? []) {
        const need = process.needs?.stalenessMinutes;
        if (need !== undefined && staleness > need) {
            reasons.push(`process ${process.name} needs ${need === 0 ? 'realtime data' : `data at most ${formatMinutes(need)} old`}`);
            limits.push(need);
            processes.push(process.name);
        }
    }
    if (reasons.length === 0) return;
    report(findingOn('gap/batch', flow,
        `${flow.name} runs ${flow.schedule.text} (data up to ${formatMinutes(staleness)} old), but ${listNames(reasons)}: ${staleness >= 1440 ? "decisions on yesterday's numbers" : 'decisions on stale data'}`,
        {
            property: 'schedule',
            data: { stalenessMinutes: staleness, requiredMinutes: Math.min(...limits), entities, processes }
        }));
});

function carriesEntity(flow: Flow, entity: string): boolean {
    return flow.carries.some(carried => carried.entity === entity);
}

/** True when a live flow carries the entity from `from` to `to`, or a live two-way flow between them does. */
function flowsBack(index: ElementContext['index'], from: string, to: string, entity: string): boolean {
    return index.flowsBetween(from, to).some(back => isLive(back) && carriesEntity(back, entity)
        && (back.sourceSystem === from ? back.targetSystem === to : back.twoWay && back.targetSystem === from));
}

export const oneWay = flowRule('gap/one-way', (flow, { estate, index }, report) => {
    if (!isLive(flow) || flow.twoWay || flow.sourceSystem === flow.targetSystem) return;
    const target = estate.systems.get(flow.targetSystem);
    if (!target || target.edits.length === 0) return;
    for (const carried of flow.carries) {
        if (!target.edits.includes(carried.entity)) continue;
        if (flowsBack(index, flow.targetSystem, flow.sourceSystem, carried.entity)) continue;
        report(findingOn('gap/one-way', flow,
            `${flow.targetSystem} edits ${carried.entity}, but no flow carries ${carried.entity} back from ${flow.targetSystem} to ${flow.sourceSystem}: changes in ${flow.targetSystem} never come back`,
            {
                data: { entity: carried.entity, from: flow.targetSystem, to: flow.sourceSystem },
                related: [relatedTo(target, `${flow.targetSystem} edits ${carried.entity}`)]
            }));
    }
});

/**
 * Ownership and monitoring are inferred the way an organisation assigns them (analysis/flow-ownership):
 * a flow through a monitored platform is monitored, and its owner is the first found along flow,
 * platform, target and source. The message says who was found, so the finding reaches them.
 */
export const fragile = flowRule('gap/fragile', (flow, { estate }, report) => {
    if (!isLive(flow) || !isAutomated(flow)) return;
    const script = flow.style === 'script';
    const monitoring = flowMonitoring(estate, flow);
    const owner = flowOwner(estate, flow);
    const reasons = [
        script ? 'is a custom script that breaks when either system updates' : undefined,
        monitoring ? undefined : 'is not monitored',
        owner ? undefined : 'has no owner (none on the flow, its platform or either system)'
    ].filter((reason): reason is string => reason !== undefined);
    if (reasons.length === 0) return;
    const whose = owner ? `; its owner is ${describeOwner(owner)}` : '';
    report(findingOn('gap/fragile', flow, `${flow.name} ${listNames(reasons)}${whose}: expect outages and firefighting`, {
        property: script ? 'style' : undefined,
        data: { script, monitored: monitoring !== undefined, owner: owner?.name, ownerFrom: owner?.from }
    }));
});

export const conflictingMaster = entityRule('gap/conflicting-master', (entity, { index }, report) => {
    if (entity.source.builtin) return;
    const holders = (index.storedIn.get(entity.name) ?? []).filter(system => system.status === 'live');
    const candidates = holders.map(system => system.name);
    if (entity.masters.length >= 2) {
        report(findingOn('gap/conflicting-master', entity,
            `${entity.name} has ${entity.masters.length} masters (${listNames(entity.masters)}); exactly one system of record can resolve conflicts`,
            { property: 'masters', data: { masters: entity.masters, candidates: entity.masters } }));
    } else if (entity.masters.length === 0 && holders.length >= 2) {
        report(findingOn('gap/conflicting-master', entity,
            `${entity.name} is stored in ${listNames(candidates)} but has no master: every copy can claim to be right`,
            { data: { candidates }, related: holders.map(system => relatedTo(system, `${system.name} stores ${entity.name}`)) }));
    }
});

export const excelExport = flowRule('gap/excel-export', (flow, { estate }, report) => {
    if (!isLive(flow)) return;
    const target = estate.systems.get(flow.targetSystem);
    if (!target?.systemKind || !SHADOW_KINDS.has(target.systemKind)) return;
    const data = flow.carries.map(carried => carried.entity);
    const what = data.length > 0 ? ` ${listNames(data)}` : '';
    report(findingOn('gap/excel-export', flow,
        `${flow.name} exports${what} from ${flow.sourceSystem} into ${target.systemKind} ${target.name}; the copy is stale from the moment it is taken`,
        { property: 'target', data: { target: target.name, kind: target.systemKind } }));
});

export const sharedDatabase = flowRule('gap/shared-database', (flow, { estate }, report) => {
    if (!isLive(flow) || flow.style !== 'shared-db') return;
    const source = estate.systems.get(flow.sourceSystem)?.department;
    const target = estate.systems.get(flow.targetSystem)?.department;
    if (source === undefined || target === undefined || source === target) return;
    report(findingOn('gap/shared-database', flow,
        `${flow.sourceSystem} (${source}) and ${flow.targetSystem} (${target}) share a database; a schema change by either department breaks the other`,
        { property: 'style', data: { departments: [source, target] } }));
});

/** In catalogue order. */
export const GAP_RULES: Rule[] = [noIntegration, batch, oneWay, fragile, conflictingMaster, excelExport, sharedDatabase];
