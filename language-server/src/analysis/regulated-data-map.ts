import type { Agreement, Estate, System } from '../model/estate.js';
import { indexEstate } from '../model/estate-index.js';
import { isShadow } from '../model/inventory.js';
import type { Finding } from '../rules/finding.js';
import { dataLineage, type LineageHop } from './data-lineage.js';

/** How a system comes to hold the data, in the words the documents use. */
export type DataRole = 'system of record' | 'stores' | 'receives' | 'sends';

/** The system's own facts as the documents show them, and what it does with the data. */
export interface MappedSystem extends Pick<System, 'name' | 'title' | 'department' | 'owner' | 'hosting' | 'region' | 'processor' | 'agreements' | 'shadow' | 'status' | 'encryption'> {
    roles: DataRole[];
    /** `Entity.field (Classification)` for each regulated field it holds or handles. */
    fields: string[];
    findings: Finding[];
    /** What the model does not say about it: never a blank. */
    todos: string[];
}

export interface MappedPlatform {
    name: string;
    /** The vendor, when the platform names one. */
    processor?: string;
    agreements: Agreement[];
}

/** A lineage hop of regulated data, named as the documents name a flow, with its platform and to-dos. */
export interface MappedFlow extends Omit<LineageHop, 'flow'> {
    name: string;
    title: string;
    platform?: MappedPlatform;
    todos: string[];
}

/** Every place data under one regulation is stored or sent, in lineage order (sources, systems of record, copies). */
export interface RegulatedDataMap {
    regulation: string;
    /** The classifications that name the regulation and classify some field, each once. */
    classifications: string[];
    systems: MappedSystem[];
    flows: MappedFlow[];
}

/**
 * The systems and flows that hold or move any field classified under `regulation`: the union of the
 * lineages of those fields (data-lineage.ts), so the evidence lists exactly what `integ lineage`
 * and the diagram's follow lens show, with the same controls and findings. To-dos name what the
 * model would need to say for the record to be complete.
 */
export function regulatedDataMap(estate: Estate, findings: readonly Finding[], regulation: string): RegulatedDataMap {
    const index = indexEstate(estate);
    const systems = new Map<string, MappedSystem>();
    const flows = new Map<string, MappedFlow>();
    const classifications = new Set<string>();
    for (const entity of estate.entities.values()) {
        if (entity.source.builtin) continue;
        for (const { field, classification } of index.fieldsOf(entity.name)) {
            if (!classification?.regulations.includes(regulation)) continue;
            classifications.add(classification.name);
            const label = `${entity.name}.${field} (${classification.name})`;
            const lineage = dataLineage(estate, { entity: entity.name, field }, findings);
            const roles = new Map<string, DataRole[]>();
            const addRole = (system: string, role: DataRole) => roles.set(system, [...(roles.get(system) ?? []), role]);
            for (const hop of lineage.hops) {
                addRole(hop.to, 'receives');
                addRole(hop.from, 'sends');
                if (hop.twoWay) { addRole(hop.from, 'receives'); addRole(hop.to, 'sends'); }
            }
            for (const found of lineage.systems) {
                const known = systems.get(found.name) ?? mappedSystem(estate, found.name, found.findings);
                systems.set(found.name, known);
                const own = [...(found.master ? ['system of record' as const] : []), ...(found.stores ? ['stores' as const] : []), ...(roles.get(found.name) ?? [])];
                known.roles = unique([...known.roles, ...own]);
                known.fields = unique([...known.fields, label]);
            }
            for (const hop of lineage.hops) {
                const known = flows.get(hop.flow);
                if (known) {
                    known.fields = unique([...known.fields, label]);
                    known.controls.requiredTls = Math.max(known.controls.requiredTls, hop.controls.requiredTls);
                    continue;
                }
                const flow = estate.flows.get(hop.flow)!;
                const platform = flow.via === undefined ? undefined : estate.platforms.get(flow.via);
                flows.set(hop.flow, {
                    name: hop.flow, title: flow.title, from: hop.from, to: hop.to, twoWay: hop.twoWay, status: hop.status,
                    ...(hop.style ? { style: hop.style } : {}), ...(hop.schedule ? { schedule: hop.schedule } : {}),
                    manual: hop.manual, fields: [label], controls: { ...hop.controls },
                    ...(platform ? { platform: { name: platform.name, ...(platform.processor ? { processor: platform.processor } : {}), agreements: [...platform.agreements] } } : {}),
                    findings: hop.findings, todos: []
                });
            }
        }
    }
    for (const flow of flows.values()) flow.todos = flowTodos(flow);
    return { regulation, classifications: [...classifications], systems: [...systems.values()], flows: [...flows.values()] };
}

function mappedSystem(estate: Estate, name: string, findings: Finding[]): MappedSystem {
    // The estate keeps only references that resolve: every system a lineage names is declared.
    const system = estate.systems.get(name)!;
    const todos: string[] = [];
    if (!system.owner) todos.push(`${name} has no owner`);
    if (!system.encryption) todos.push(`encryption at rest of ${name} not modelled: write encryption aes256 (or what it has)`);
    if (!system.hosting) todos.push(`hosting of ${name} not modelled: write hosting saas, cloud, on-prem or desktop`);
    if (!system.region) todos.push(`region of ${name} unknown: write region …`);
    if ((system.hosting === 'saas' || system.hosting === 'cloud') && !system.processor) todos.push(`${name} is hosted (${system.hosting}) but names no processor: write processor "…" and its agreements`);
    return {
        name, title: system.title, ...(system.department ? { department: system.department } : {}), ...(system.owner ? { owner: system.owner } : {}),
        ...(system.hosting ? { hosting: system.hosting } : {}), ...(system.region ? { region: system.region } : {}),
        ...(system.processor ? { processor: system.processor } : {}), agreements: [...system.agreements],
        shadow: isShadow(system), status: system.status,
        roles: [], fields: [], ...(system.encryption ? { encryption: system.encryption } : {}), findings, todos
    };
}

function flowTodos(flow: MappedFlow): string[] {
    const todos: string[] = [];
    if (flow.controls.tls === undefined) todos.push(`TLS of ${flow.name} not modelled: write tls ${flow.controls.requiredTls.toFixed(1)} (or what it uses)`);
    if (flow.controls.auth === undefined) todos.push(`authentication of ${flow.name} not modelled: write auth …`);
    if (flow.style === undefined) todos.push(`how ${flow.name} moves the data is not modelled: write style …`);
    return todos;
}

function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}
