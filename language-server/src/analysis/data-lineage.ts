import type { AuthKind, Encryption, Estate, Flow, FlowStyle, Hosting, SecretStore, Status, Tls, TransferSafeguard } from '../model/estate.js';
import { indexEstate } from '../model/estate-index.js';
import { followedElements, type FollowedData } from '../model/followed-data.js';
import { isManual, isShadow } from '../model/inventory.js';
import type { Finding } from '../rules/finding.js';

export interface LineageSystem {
    name: string;
    /** The entity's system of record. */
    master: boolean;
    /** Lists the entity in `stores`. */
    stores: boolean;
    shadow: boolean;
    /** Flows from a master to here, fewest first; absent when no carrying flow reaches it from one. */
    hopsFromMaster?: number;
    /** Flows from here to a master: where the data enters before the system of record has it. */
    hopsToMaster?: number;
    owner?: string;
    hosting?: Hosting;
    region?: string;
    /** Encryption at rest as modelled; absent when the model does not say. */
    encryption?: Encryption;
    findings: Finding[];
}

export interface LineageControls {
    tls?: Tls;
    /** The policy's minimum, or more when a classification of the followed fields on this hop asks for more. */
    requiredTls: number;
    auth?: AuthKind;
    secrets?: SecretStore;
    audit: boolean;
    /** The declared safeguard for personal data leaving the EEA. */
    transfer?: TransferSafeguard;
    /** The integration platform the flow runs on (`via`). */
    platform?: string;
    /** Encryption at rest of the hop's two ends, as modelled. */
    sourceEncryption?: Encryption;
    targetEncryption?: Encryption;
}

export interface LineageHop {
    flow: string;
    from: string;
    to: string;
    twoWay: boolean;
    status: Status;
    style?: FlowStyle;
    schedule?: string;
    /** Re-keyed, e-mailed or passed through a spreadsheet or personal tool: a person moves the data, no control applies by itself. */
    manual: boolean;
    /** The followed fields this hop carries. */
    fields: string[];
    controls: LineageControls;
    findings: Finding[];
}

export interface Lineage {
    entity: string;
    field?: string;
    /** Of the field, or of every classified field of the entity, each once. */
    classifications: Array<{ name: string; regulations: string[] }>;
    /** Upstream sources first, then the system of record, then downstream copies by distance, then systems with no path to or from it. */
    systems: LineageSystem[];
    /** In the order of the systems they leave; retired flows left out. */
    hops: LineageHop[];
}

/**
 * Where a piece of data goes: every flow that carries it (retired ones left out) and every system
 * that holds or handles it, each with how many flows it is from the system of record (downstream)
 * or to it (upstream), with the controls the model records and the findings on each. Hops follow
 * the flows' direction, both ways for a two-way flow, breadth first, so a copy made of a copy
 * shows as farther than the original.
 */
export function dataLineage(estate: Estate, followed: FollowedData, findings: readonly Finding[] = []): Lineage {
    const index = indexEstate(estate);
    const { systems: names, flows } = followedElements(estate, followed);
    const entity = estate.entities.get(followed.entity);
    const masters = new Set(entity?.masters ?? []);
    const storing = new Set((index.storedIn.get(followed.entity) ?? []).filter(system => system.status !== 'retired').map(system => system.name));
    const downstream = new Map<string, string[]>();
    const upstream = new Map<string, string[]>();
    const link = (from: string, to: string) => {
        downstream.set(from, [...(downstream.get(from) ?? []), to]);
        upstream.set(to, [...(upstream.get(to) ?? []), from]);
    };
    for (const flow of flows) {
        link(flow.sourceSystem, flow.targetSystem);
        if (flow.twoWay) link(flow.targetSystem, flow.sourceSystem);
    }
    const from = hopsFrom(masters, downstream);
    const to = hopsFrom(masters, upstream);
    const on = findingsByElement(findings);
    const systems: LineageSystem[] = [...names].map(name => {
        const system = estate.systems.get(name);
        const [down, up] = [from.get(name), to.get(name)];
        return {
            name, master: masters.has(name), stores: storing.has(name), shadow: system ? isShadow(system) : false,
            ...(down === undefined ? {} : { hopsFromMaster: down }), ...(up === undefined || up === 0 ? {} : { hopsToMaster: up }),
            ...(system?.owner ? { owner: system.owner } : {}), ...(system?.hosting ? { hosting: system.hosting } : {}),
            ...(system?.region ? { region: system.region } : {}),
            ...(system?.encryption ? { encryption: system.encryption } : {}),
            findings: on.get(`system ${name}`) ?? []
        };
    }).sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
    const rank = new Map(systems.map((system, position) => [system.name, position]));
    const hops = flows.map(flow => hopOf(estate, flow, followed, on.get(`flow ${flow.name}`) ?? []))
        .sort((a, b) => rank.get(a.from)! - rank.get(b.from)! || rank.get(a.to)! - rank.get(b.to)! || a.flow.localeCompare(b.flow));
    const fields = index.fieldsOf(followed.entity).filter(field => followed.field === undefined || field.field === followed.field);
    const classifications = new Map<string, { name: string; regulations: string[] }>();
    for (const { classification } of fields) {
        if (classification) classifications.set(classification.name, { name: classification.name, regulations: [...classification.regulations] });
    }
    return { entity: followed.entity, ...(followed.field ? { field: followed.field } : {}), classifications: [...classifications.values()], systems, hops };
}

function hopOf(estate: Estate, flow: Flow, followed: FollowedData, findings: Finding[]): LineageHop {
    const index = indexEstate(estate);
    const fields = flow.carries.filter(carried => carried.entity === followed.entity)
        .flatMap(carried => carried.fields).filter(field => followed.field === undefined || field === followed.field);
    const classMin = Math.max(0, ...fields.map(field => index.classificationOf(followed.entity, field)?.requires.minTls ?? 0));
    const [source, target] = [estate.systems.get(flow.sourceSystem), estate.systems.get(flow.targetSystem)];
    const throughSheet = [source, target].some(system => system !== undefined && isShadow(system));
    const controls: LineageControls = {
        requiredTls: Math.max(estate.policy.minTls, classMin), audit: flow.audit,
        ...(flow.tls === undefined ? {} : { tls: flow.tls }), ...(flow.auth ? { auth: flow.auth } : {}),
        ...(flow.secrets ? { secrets: flow.secrets } : {}), ...(flow.transfer ? { transfer: flow.transfer } : {}), ...(flow.via ? { platform: flow.via } : {}),
        ...(source?.encryption ? { sourceEncryption: source.encryption } : {}), ...(target?.encryption ? { targetEncryption: target.encryption } : {})
    };
    return {
        flow: flow.name, from: flow.sourceSystem, to: flow.targetSystem, twoWay: flow.twoWay, status: flow.status,
        ...(flow.style ? { style: flow.style } : {}), ...(flow.schedule ? { schedule: flow.schedule.text } : {}),
        manual: isManual(flow) || throughSheet, fields, controls, findings
    };
}

/** `flow Name` / `system Name` → the findings on that element, in the order the rules reported them. */
function findingsByElement(findings: readonly Finding[]): Map<string, Finding[]> {
    const byElement = new Map<string, Finding[]>();
    for (const finding of findings) {
        const key = `${finding.element.kind} ${finding.element.name}`;
        const list = byElement.get(key);
        if (list) list.push(finding); else byElement.set(key, [finding]);
    }
    return byElement;
}

/** Breadth-first distances from the start systems along the links. */
export function hopsFrom(start: ReadonlySet<string>, links: ReadonlyMap<string, string[]>): Map<string, number> {
    const hops = new Map<string, number>([...start].map(name => [name, 0]));
    for (let frontier = [...start]; frontier.length > 0;) {
        const reached: string[] = [];
        for (const system of frontier) {
            for (const next of links.get(system) ?? []) {
                if (!hops.has(next)) { hops.set(next, hops.get(system)! + 1); reached.push(next); }
            }
        }
        frontier = reached;
    }
    return hops;
}

/** Sources first (farthest upstream first), then the master, then downstream by distance, then the rest. */
function order(system: Pick<LineageSystem, 'hopsToMaster' | 'hopsFromMaster'>): number {
    if (system.hopsToMaster !== undefined) return -system.hopsToMaster;
    return system.hopsFromMaster ?? Number.MAX_SAFE_INTEGER;
}

/** A finding as the lineage's readers (the MCP tool, the language server's `integ/lineage`) show it. */
export interface LineageFinding { ruleId: string; severity: string; message: string }

/** The lineage as plain data: what a client shows of each system and hop, without the model's records. */
export interface LineageFacts {
    entity: string;
    field?: string;
    classifications: Array<{ name: string; regulations: string[] }>;
    systems: Array<{ name: string; master: boolean; stores: boolean; shadow: boolean; hopsFromMaster?: number; hopsToMaster?: number; findings: LineageFinding[] }>;
    flows: Array<{
        name: string; from: string; to: string; twoWay: boolean; style?: string; status: string; tls?: number | 'none'; requiredTls: number;
        auth?: string; audit: boolean; platform?: string; findings: LineageFinding[];
    }>;
}

export function lineageFacts(lineage: Lineage): LineageFacts {
    const shown = (findings: readonly Finding[]): LineageFinding[] => findings.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
    const systems = lineage.systems.map(({ name, master, stores, shadow, hopsFromMaster, hopsToMaster, findings }) => ({
        name, master, stores, shadow, ...(hopsFromMaster === undefined ? {} : { hopsFromMaster }), ...(hopsToMaster === undefined ? {} : { hopsToMaster }), findings: shown(findings)
    }));
    const flows = lineage.hops.map(({ flow, from, to, twoWay, status, style, controls, findings }) => ({
        name: flow, from, to, twoWay, status, ...(style ? { style } : {}), ...(controls.tls === undefined ? {} : { tls: controls.tls }),
        requiredTls: controls.requiredTls, ...(controls.auth ? { auth: controls.auth } : {}), audit: controls.audit,
        ...(controls.platform ? { platform: controls.platform } : {}), findings: shown(findings)
    }));
    return { entity: lineage.entity, ...(lineage.field ? { field: lineage.field } : {}), classifications: lineage.classifications, systems, flows };
}
