import { flowHours } from '../model/inventory.js';
import type { Classification, Entity, Estate, Flow, System } from '../model/estate.js';
import { flowsPlannedForReplacement, retirementImpact, type RetirementImpact } from '../model/retirement-impact.js';
import { indexEstate, type EstateIndex } from '../model/estate-index.js';
import type { Finding, FindingElement } from '../rules/finding.js';
import { roundToTenth } from '../model/rounding.js';

/**
 * The figures hover and code lens show for one system or flow, read from the analysis of the
 * current build (pure: no LSP types, so the same numbers can be tested without a server).
 */
export interface SystemSummary {
    system: System;
    flowsIn: Flow[];
    flowsOut: Flow[];
    findings: Finding[];
    /** Open (not accepted) findings. */
    openFindings: number;
    /** Manual effort of the live flows into or out of the system, hours per week. */
    hoursPerWeek: number;
    /** What stops (or, for a retired system, still depends on it) when it goes. */
    ifRetired: RetirementImpact;
}

/** Where an entity's data (or one field's) lives and moves: the master first, then the other stores. */
export interface DataSummary {
    entity: Entity;
    field?: string;
    classification?: Classification;
    stores: Array<{ system: string; master: boolean }>;
    /** Live and planned flows carrying it (an `Entity.*` carries every field), those out of a master first. */
    flows: Flow[];
}

export interface FlowSummary {
    flow: Flow;
    findings: Finding[];
    openFindings: number;
    /** `effort` as written, else the article's estimate for a manual flow, else 0. */
    hoursPerWeek: number;
    hoursEstimated: boolean;
}

export class AnalysisLookup {
    private readonly index: EstateIndex;
    private readonly findingsByElement = new Map<string, Finding[]>();
    private planned: Set<string> | undefined;

    constructor(readonly estate: Estate, findings: readonly Finding[]) {
        this.index = indexEstate(estate);
        for (const finding of findings) {
            const key = elementKey(finding.element);
            const list = this.findingsByElement.get(key);
            if (list) list.push(finding); else this.findingsByElement.set(key, [finding]);
        }
    }

    findingsOf(element: FindingElement): Finding[] {
        return this.findingsByElement.get(elementKey(element)) ?? [];
    }

    system(name: string): SystemSummary | undefined {
        const system = this.estate.systems.get(name);
        if (!system) return undefined;
        const flowsIn = (this.index.flowsTo.get(name) ?? []).filter(flow => flow.status !== 'retired');
        const flowsOut = (this.index.flowsFrom.get(name) ?? []).filter(flow => flow.status !== 'retired');
        const findings = this.findingsOf({ kind: 'system', name });
        let hoursPerWeek = 0;
        for (const flow of new Set([...flowsIn, ...flowsOut])) {
            if (flow.status === 'live') hoursPerWeek += flowHours(flow).hours;
        }
        this.planned ??= flowsPlannedForReplacement(this.estate);
        const ifRetired = retirementImpact(this.estate, [...flowsIn, ...flowsOut], this.planned);
        return { system, flowsIn, flowsOut, findings, openFindings: countOpen(findings), hoursPerWeek: roundToTenth(hoursPerWeek), ifRetired };
    }

    /** The entity's data, or one of its fields' when `field` is given. */
    data(entityName: string, field?: string): DataSummary | undefined {
        const entity = this.estate.entities.get(entityName);
        if (!entity) return undefined;
        const masters = new Set(entity.masters);
        const stores = [
            ...entity.masters.map(system => ({ system, master: true })),
            ...(this.index.storedIn.get(entityName) ?? []).filter(system => !masters.has(system.name) && system.status !== 'retired').map(system => ({ system: system.name, master: false }))
        ];
        const flows = (this.index.flowsCarrying.get(entityName) ?? []).filter(flow => flow.status !== 'retired'
            && (field === undefined || flow.carries.some(carried => carried.entity === entityName && carried.fields.includes(field))));
        const fromMaster = (flow: Flow) => (masters.has(flow.sourceSystem) ? 0 : 1);
        return {
            entity, field, stores,
            classification: field === undefined ? undefined : this.index.classificationOf(entityName, field),
            flows: [...flows].sort((a, b) => fromMaster(a) - fromMaster(b))
        };
    }

    flow(name: string): FlowSummary | undefined {
        const flow = this.estate.flows.get(name);
        if (!flow) return undefined;
        const findings = this.findingsOf({ kind: 'flow', name });
        const { hours, estimated } = flowHours(flow);
        return { flow, findings, openFindings: countOpen(findings), hoursPerWeek: roundToTenth(hours), hoursEstimated: estimated };
    }

    classificationOf(entity: string, field: string): string | undefined {
        return this.index.classificationOf(entity, field)?.name;
    }
}

const lookups = new WeakMap<Estate, AnalysisLookup>();

/** One lookup per analysed estate (the analysis result is replaced on every build). */
export function lookupFor(estate: Estate, findings: readonly Finding[]): AnalysisLookup {
    let lookup = lookups.get(estate);
    if (!lookup) {
        lookup = new AnalysisLookup(estate, findings);
        lookups.set(estate, lookup);
    }
    return lookup;
}

function elementKey(element: FindingElement): string {
    return `${element.kind}\u0000${element.name}`;
}

function countOpen(findings: readonly Finding[]): number {
    return findings.filter(finding => !finding.accepted).length;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "3 flows · 2 findings · 12 h/week" */
export function systemLensTitle(summary: SystemSummary): string {
    const flows = new Set([...summary.flowsIn, ...summary.flowsOut]).size;
    return `${plural(flows, 'flow')} · ${plural(summary.openFindings, 'finding')} · ${summary.hoursPerWeek} h/week`;
}

export function flowLensTitle(summary: FlowSummary): string {
    const carried = summary.flow.carries.reduce((sum, carried) => sum + carried.fields.length, 0);
    return `${plural(carried, 'field')} · ${plural(summary.openFindings, 'finding')} · ${summary.hoursPerWeek} h/week${summary.hoursEstimated ? ' (est.)' : ''}`;
}

/** "2 live flows, 1 process, 12 h/week affected": what the hover, the code lens and the impact command say of retiring a system. */
export function retirementCounts(impact: RetirementImpact): string {
    return `${plural(impact.flows.length, 'live flow')}, ${plural(impact.processes.length, 'process', 'processes')}, ${impact.hoursPerWeek} h/week affected`;
}

/** How the impact is introduced: a system already marked retired still has what depends on it. */
export function retirementLead(summary: SystemSummary): string {
    return summary.system.status === 'retired' ? 'Retired, still depended on by' : 'If retired';
}

/** "If retired: 2 live flows, 1 process, 12 h/week affected" */
export function retirementLensTitle(summary: SystemSummary): string {
    return `${retirementLead(summary)}: ${retirementCounts(summary.ifRetired)}`;
}
