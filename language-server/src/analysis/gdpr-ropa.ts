import type { Classification, Estate, Flow, System, TransferSafeguard } from '../model/estate.js';
import { indexEstate, type CarriedField } from '../model/estate-index.js';
import { canonicalRegion, inEea } from '../model/regions.js';

export interface RopaSystem {
    name: string;
    owner?: string;
    department?: string;
    region?: string;
    processor?: string;
}

export interface RopaTransfer {
    flow: string;
    from: string;
    to: string;
    toRegion: string;
    /** As declared on the flow, or `adequacy` when the destination is on the standard library's list; absent when there is none. */
    safeguard?: TransferSafeguard;
}

/** One processing activity of a record of processing activities (GDPR Art. 30(1)). */
export interface RopaRecord {
    /** The process's title, or the entity's when no process moves its personal data. */
    activity: string;
    process?: string;
    purposes: string[];
    /** The entities the personal data is about, by title (Customer account, Employee …). */
    dataSubjects: string[];
    /** `Entity.field (Classification)`. */
    dataCategories: string[];
    systems: RopaSystem[];
    /** Who receives the data: the receiving systems' departments, the processors that run them, the platforms it passes through. */
    recipients: string[];
    transfers: RopaTransfer[];
    /** Per classification: its retention, or `not modelled`. */
    retention: string[];
    /** The controls as modelled: encryption at rest per system, TLS, authentication and audit per flow. */
    measures: string[];
    /** What the record lacks and the model could say: shown, never left blank. */
    todos: string[];
}

export interface Ropa {
    /** The date of the adequacy list the transfers were judged against. */
    adequacyAsOf: string;
    records: RopaRecord[];
}

const isPersonal = (field: CarriedField) => field.classification?.regulations.includes('GDPR') === true;

/**
 * The record of processing activities as the model knows it: one record per process whose flows move
 * personal data (a classification under GDPR), then one per entity for its personal data that no
 * process moves or that flows outside every process move. Evidence from the model, not legal advice: what the model does not say is a to-do.
 */
export function gdprRopa(estate: Estate): Ropa {
    const index = indexEstate(estate);
    const current = (flow: Flow | undefined): flow is Flow => flow !== undefined && flow.status !== 'retired';
    const records: RopaRecord[] = [];
    const coveredFlows = new Set<string>();
    const coveredEntities = new Set<string>();
    for (const process of estate.processes.values()) {
        if (process.source.builtin) continue;
        const flows = process.steps.map(step => estate.flows.get(step)).filter(current).filter(flow => index.carriedFields(flow).some(isPersonal));
        if (flows.length === 0) continue;
        const fields = flows.flatMap(flow => index.carriedFields(flow).filter(isPersonal));
        flows.forEach(flow => coveredFlows.add(flow.name));
        fields.forEach(field => coveredEntities.add(field.entity));
        const systems = [...new Set(flows.flatMap(flow => [flow.sourceSystem, flow.targetSystem]))];
        const purposes = process.purpose ? [process.purpose] : [...new Set(flows.flatMap(flow => flow.purpose ? [flow.purpose] : []))];
        records.push(recordOf(estate, { activity: process.title, process: process.name, purposes, fields, systems, flows }));
    }
    // What no process accounts for is still processing: its own record, per entity.
    for (const entity of estate.entities.values()) {
        if (entity.source.builtin) continue;
        const fields = index.fieldsOf(entity.name).filter(isPersonal);
        if (fields.length === 0) continue;
        const personal = new Set(fields.map(field => field.field));
        const flows = (index.flowsCarrying.get(entity.name) ?? []).filter(current).filter(flow => !coveredFlows.has(flow.name)
            && flow.carries.some(carried => carried.entity === entity.name && carried.fields.some(field => personal.has(field))));
        if (flows.length === 0 && coveredEntities.has(entity.name)) continue;
        const holders = [...entity.masters, ...(index.storedIn.get(entity.name) ?? []).map(system => system.name)];
        const systems = [...new Set([...holders, ...flows.flatMap(flow => [flow.sourceSystem, flow.targetSystem])])];
        const purposes = [...new Set(flows.flatMap(flow => flow.purpose ? [flow.purpose] : []))];
        records.push(recordOf(estate, { activity: entity.title, purposes, fields, systems, flows }));
    }
    return { adequacyAsOf: estate.adequacy.asOf, records };
}

interface Activity {
    activity: string;
    process?: string;
    purposes: string[];
    fields: CarriedField[];
    systems: string[];
    flows: Flow[];
}

function recordOf(estate: Estate, { activity, process, purposes, fields, systems: names, flows }: Activity): RopaRecord {
    const todos: string[] = [];
    if (purposes.length === 0) todos.push(process ? `no purpose: write purpose "…" on process ${process}` : 'no purpose: write purpose "…" on the flows that move it, or model the process');
    const systems = names.map(name => estate.systems.get(name)).filter((system): system is System => system !== undefined);
    for (const system of systems) {
        if (!system.region) todos.push(`region of ${system.name} unknown: transfers to or from it cannot be judged`);
        if (!system.owner) todos.push(`${system.name} has no owner`);
        if (system.processor && !system.agreements.includes('dpa')) todos.push(`${system.name} is run by ${system.processor} with no DPA (GDPR Art. 28)`);
    }
    const transfers = flows.flatMap(flow => transfersOf(estate, flow));
    for (const transfer of transfers) {
        if (!transfer.safeguard) todos.push(`${transfer.flow} sends personal data to ${transfer.toRegion} without a safeguard (compliance/cross-border-transfer)`);
    }
    const classifications = [...new Map(fields.map(field => [field.classification!.name, field.classification!])).values()];
    const retention = classifications.map(classification => `${classification.name}: ${retentionOf(estate, classification)}`);
    for (const classification of classifications) {
        if (retentionMonths(estate, classification) === undefined) todos.push(`no retention period for ${classification.name}: write requires retention … on the classification`);
    }
    return {
        activity, ...(process ? { process } : {}), purposes,
        dataSubjects: [...new Set(fields.map(field => estate.entities.get(field.entity)?.title ?? field.entity))],
        dataCategories: [...new Set(fields.map(field => `${field.entity}.${field.field} (${field.classification!.name})`))],
        systems: systems.map(system => ({
            name: system.name, ...(system.owner ? { owner: system.owner } : {}), ...(system.department ? { department: system.department } : {}),
            ...(system.region ? { region: system.region } : {}), ...(system.processor ? { processor: system.processor } : {})
        })),
        recipients: recipientsOf(estate, flows),
        transfers, retention,
        measures: [
            ...systems.map(system => `${system.name}: encryption at rest ${system.encryption ?? 'not modelled'}`),
            ...flows.map(flow => `${flow.name}: ${flow.tls === undefined ? 'TLS not modelled' : flow.tls === 'none' ? 'no TLS' : `TLS ${flow.tls.toFixed(1)}`}, `
                + `auth ${flow.auth ?? 'not modelled'}, ${flow.audit ? 'audited' : 'no audit log'}`)
        ],
        todos: [...new Set(todos)]
    };
}

function recipientsOf(estate: Estate, flows: Flow[]): string[] {
    const recipients = new Set<string>();
    for (const flow of flows) {
        for (const name of flow.twoWay ? [flow.targetSystem, flow.sourceSystem] : [flow.targetSystem]) {
            const system = estate.systems.get(name);
            if (!system) continue;
            recipients.add(system.department ? `${system.department} (${system.name})` : system.name);
            if (system.processor) recipients.add(`${system.processor}, processor of ${system.name} (${agreementsText(system.agreements)})`);
        }
        const platform = flow.via === undefined ? undefined : estate.platforms.get(flow.via);
        if (platform) recipients.add(`${platform.processor ?? platform.title}, platform ${platform.name} (${agreementsText(platform.agreements)})`);
    }
    return [...recipients];
}

function agreementsText(agreements: readonly string[]): string {
    return agreements.length === 0 ? 'no agreement' : agreements.map(agreement => agreement.toUpperCase()).join(', ');
}

function transfersOf(estate: Estate, flow: Flow): RopaTransfer[] {
    const legs = flow.twoWay ? [[flow.sourceSystem, flow.targetSystem], [flow.targetSystem, flow.sourceSystem]] : [[flow.sourceSystem, flow.targetSystem]];
    return legs.flatMap(([from, to]) => {
        const [fromRegion, toRegion] = [estate.systems.get(from)?.region, estate.systems.get(to)?.region];
        if (!fromRegion || !toRegion || !inEea(fromRegion) || inEea(toRegion)) return [];
        const safeguard = flow.transfer ?? (estate.adequacy.regions.includes(canonicalRegion(toRegion)) ? 'adequacy' : undefined);
        return [{ flow: flow.name, from, to, toRegion, ...(safeguard ? { safeguard } : {}) }];
    });
}

function retentionMonths(estate: Estate, classification: Classification): number | undefined {
    const byRegulation = classification.regulations.map(name => estate.regulations.get(name)?.retentionMonths).filter((months): months is number => months !== undefined);
    return classification.requires.retentionMonths ?? (byRegulation.length > 0 ? Math.max(...byRegulation) : undefined);
}

function retentionOf(estate: Estate, classification: Classification): string {
    const months = retentionMonths(estate, classification);
    if (months === undefined) return 'not modelled';
    return months % 12 === 0 ? `${months / 12} year${months === 12 ? '' : 's'}` : `${months} months`;
}
