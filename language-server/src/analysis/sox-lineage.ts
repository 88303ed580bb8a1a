import type { Estate } from '../model/estate.js';
import { indexEstate } from '../model/estate-index.js';
import { isShadow } from '../model/inventory.js';
import type { Finding } from '../rules/finding.js';
import { dataLineage, hopsFrom, type LineageHop } from './data-lineage.js';
import { generalLedgers, type GeneralLedger } from './general-ledger.js';

/** A lineage hop on the way to the ledger, with what SOX asks about it. */
export interface SoxHop extends LineageHop {
    /** The ends that are spreadsheets, personal tools or marked `shadow`. */
    spreadsheets: string[];
    /** Control totals or record counts are checked (`reconciled`). */
    reconciled: boolean;
}

/** The path of one financial entity from its system of record to the general ledger. */
export interface SoxRecord {
    entity: string;
    title: string;
    /** `Entity.field (Classification)` for each field under SOX. */
    fields: string[];
    masters: string[];
    /** The general ledgers its path reaches (or its system of record, when that is the ledger). */
    ledgers: string[];
    /** Hops from the system of record towards the general ledger, nearest the system of record first. */
    path: SoxHop[];
    /** Hops that bring the data into the system of record. */
    feeds: SoxHop[];
    /** Every other hop that carries it: copies off the path to the ledger. */
    elsewhere: SoxHop[];
    /** Findings on the systems of the path (its system of record, the systems between, the ledger). */
    systemFindings: Finding[];
    todos: string[];
}

export interface SoxLineage {
    /** The systems taken for the general ledger and why (general-ledger.ts); empty when the model shows none. */
    ledgers: GeneralLedger[];
    records: SoxRecord[];
}

const isSox = (regulations: readonly string[]) => regulations.includes('SOX');

/**
 * For every entity with a field under SOX (the standard library's `Financial`, or your own), the
 * flows that take it from its system of record to the general ledger, the flows that feed the
 * system of record, and the copies elsewhere, with manual and spreadsheet hops and reconciliation
 * marked. Built on the lineage of each financial field (data-lineage.ts), so the hops, controls
 * and findings are the lineage's. Evidence from the model, not an audit opinion.
 */
export function soxLineage(estate: Estate, findings: readonly Finding[]): SoxLineage {
    const index = indexEstate(estate);
    const ledgers = generalLedgers(estate);
    const ledgerNames = new Set(ledgers.map(ledger => ledger.system));
    const records: SoxRecord[] = [];
    for (const entity of estate.entities.values()) {
        if (entity.source.builtin) continue;
        const financial = index.fieldsOf(entity.name).filter(field => field.classification !== undefined && isSox(field.classification.regulations));
        if (financial.length === 0) continue;
        const hops = new Map<string, SoxHop>();
        const systemFindings = new Map<string, Finding[]>();
        for (const { field, classification } of financial) {
            const lineage = dataLineage(estate, { entity: entity.name, field }, findings);
            for (const system of lineage.systems) systemFindings.set(system.name, system.findings);
            for (const hop of lineage.hops) {
                const label = `${entity.name}.${field} (${classification!.name})`;
                const known = hops.get(hop.flow);
                if (known) {
                    known.fields.push(label);
                    known.controls.requiredTls = Math.max(known.controls.requiredTls, hop.controls.requiredTls);
                } else {
                    hops.set(hop.flow, soxHop(estate, hop, label));
                }
            }
        }
        const masters = [...entity.masters];
        const { path, feeds, elsewhere, reached } = placeHops([...hops.values()], masters, ledgerNames);
        const onPath = new Set([...masters, ...path.flatMap(hop => [hop.from, hop.to])]);
        const recordLedgers = [...new Set([...masters.filter(name => ledgerNames.has(name)), ...reached])];
        records.push({
            entity: entity.name, title: entity.title, fields: financial.map(({ field, classification }) => `${entity.name}.${field} (${classification!.name})`),
            masters, ledgers: recordLedgers, path, feeds, elsewhere,
            systemFindings: [...onPath].flatMap(name => systemFindings.get(name) ?? []),
            todos: todosOf(entity.name, masters, ledgers, recordLedgers, [...path, ...feeds, ...elsewhere])
        });
    }
    return { ledgers, records };
}

function soxHop(estate: Estate, hop: LineageHop, label: string): SoxHop {
    const flow = estate.flows.get(hop.flow)!;
    const spreadsheets = [hop.from, hop.to].filter(name => isShadow(estate.systems.get(name)!));
    return {
        flow: hop.flow, from: hop.from, to: hop.to, twoWay: hop.twoWay, status: hop.status,
        ...(hop.style ? { style: hop.style } : {}), ...(hop.schedule ? { schedule: hop.schedule } : {}),
        manual: hop.manual, spreadsheets, reconciled: flow.reconciled, fields: [label], controls: { ...hop.controls }, findings: hop.findings
    };
}

/**
 * On the path: a hop from a system the system of record reaches to one that reaches a ledger,
 * never out of a ledger (the path ends there). A feed: a hop into a system that reaches the system
 * of record. A two-way hop counts in either direction.
 */
function placeHops(hops: SoxHop[], masters: string[], ledgers: ReadonlySet<string>) {
    const legs = hops.flatMap(hop => hop.twoWay ? [{ hop, from: hop.from, to: hop.to }, { hop, from: hop.to, to: hop.from }] : [{ hop, from: hop.from, to: hop.to }]);
    const fromMaster = distances(masters, legs.map(leg => [leg.from, leg.to]));
    const toLedger = distances([...ledgers], legs.map(leg => [leg.to, leg.from]));
    const toMaster = distances(masters, legs.map(leg => [leg.to, leg.from]));
    const path = new Map<SoxHop, number>();
    const feeds = new Set<SoxHop>();
    for (const leg of legs) {
        const start = fromMaster.get(leg.from);
        if (start !== undefined && !ledgers.has(leg.from) && toLedger.has(leg.to)) path.set(leg.hop, Math.min(path.get(leg.hop) ?? start, start));
    }
    for (const leg of legs) {
        if (!path.has(leg.hop) && !masters.includes(leg.from) && toMaster.has(leg.to)) feeds.add(leg.hop);
    }
    const ordered = [...path].sort((a, b) => a[1] - b[1] || a[0].flow.localeCompare(b[0].flow)).map(([hop]) => hop);
    const reached = ordered.flatMap(hop => [hop.to, hop.from]).filter(name => ledgers.has(name));
    return {
        path: ordered, feeds: [...feeds],
        elsewhere: hops.filter(hop => !path.has(hop) && !feeds.has(hop)),
        reached: [...new Set(reached)]
    };
}

/** Breadth-first distances from the start systems along `[from, to]` links. */
function distances(start: readonly string[], links: ReadonlyArray<readonly [string, string]>): Map<string, number> {
    const next = new Map<string, string[]>();
    for (const [from, to] of links) next.set(from, [...(next.get(from) ?? []), to]);
    return hopsFrom(new Set(start), next);
}

function todosOf(entity: string, masters: string[], ledgers: GeneralLedger[], reached: string[], hops: SoxHop[]): string[] {
    const todos: string[] = [];
    if (masters.length === 0) todos.push(`${entity} has no system of record: write master … on the entity`);
    if (ledgers.length === 0) {
        todos.push('no general ledger in the model: make it the master of a journal-entry entity, or name it "General ledger" with kind finance or erp');
    } else if (masters.length > 0 && reached.length === 0) {
        todos.push(`no flow takes ${entity}'s financial fields from ${masters.join(', ')} to the general ledger (${ledgers.map(ledger => ledger.system).join(', ')}): model how they reach it, or record why they do not`);
    }
    for (const hop of hops) {
        if (hop.style === undefined) todos.push(`how ${hop.flow} moves the data is not modelled: write style …`);
    }
    return todos;
}
