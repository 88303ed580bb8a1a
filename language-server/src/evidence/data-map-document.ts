import type { MappedFlow, MappedSystem, RegulatedDataMap } from '../analysis/regulated-data-map.js';
import type { Agreement, Tls } from '../model/estate.js';
import type { EvidenceColumn, EvidenceDocument, EvidenceSummary } from './evidence-document.js';
import { findingText, type FindingPlace } from './finding-text.js';

/** A system or a flow of the map: one row of the register each. */
export type DataMapRecord = { kind: 'system'; system: MappedSystem } | { kind: 'flow'; flow: MappedFlow };

export interface DataMapText {
    kind: string;
    title: string;
    preamble: string;
    empty: string;
    /** The column of the regulated fields: `Account data`, `PHI`. */
    dataLabel: string;
    summary: readonly EvidenceSummary[];
}

function agreementsText(agreements: readonly Agreement[]): string {
    return agreements.length === 0 ? 'no agreement' : agreements.map(agreement => agreement.toUpperCase()).join(', ');
}

function tlsText(tls: Tls | undefined): string {
    return tls === undefined ? 'TLS not modelled' : tls === 'none' ? 'no TLS' : `TLS ${tls.toFixed(1)}`;
}

function whereText(record: DataMapRecord): string {
    if (record.kind === 'flow') {
        const { flow } = record;
        return [`${flow.from} ${flow.twoWay ? '↔' : '→'} ${flow.to}`, flow.style ?? 'style not modelled', flow.schedule, flow.status === 'live' ? undefined : flow.status].filter(Boolean).join(', ');
    }
    const { system } = record;
    return [system.roles.join(', '), system.department ? `department ${system.department}` : 'no department', system.owner ? `owner ${system.owner}` : 'no owner',
        system.hosting ? `hosting ${system.hosting}` : 'hosting not modelled', system.region ? `region ${system.region}` : 'region unknown',
        system.status === 'live' ? undefined : system.status].filter(Boolean).join(', ');
}

function vendorText(record: DataMapRecord): string {
    if (record.kind === 'system') {
        const { processor, agreements } = record.system;
        return processor ? `${processor} (${agreementsText(agreements)})` : 'no processor named';
    }
    const platform = record.flow.platform;
    if (!platform) return 'point to point (no platform)';
    return `via ${platform.name}${platform.processor ? `, run by ${platform.processor}` : ''} (${agreementsText(platform.agreements)})`;
}

/** A column about a hop: a system's record leaves it out. */
function hopColumn(header: string, value: (flow: MappedFlow) => string): EvidenceColumn<DataMapRecord> {
    return { header, inline: true, applies: record => record.kind === 'flow', values: record => record.kind === 'flow' ? [value(record.flow)] : [] };
}

/**
 * Every system and flow of a regulated-data map as the register's rows (systems first, in lineage
 * order, then flows), with each control named even when it is missing.
 */
export function dataMapDocument(map: RegulatedDataMap, text: DataMapText, place: FindingPlace): EvidenceDocument<DataMapRecord> {
    const records: DataMapRecord[] = [...map.systems.map(system => ({ kind: 'system' as const, system })), ...map.flows.map(flow => ({ kind: 'flow' as const, flow }))];
    const of = (record: DataMapRecord) => record.kind === 'system' ? record.system : record.flow;
    const columns: Array<EvidenceColumn<DataMapRecord>> = [
        { header: 'Element', values: record => [record.kind], listed: false },
        { header: 'Name', values: record => [of(record).name], listed: false },
        { header: 'Title', values: record => [of(record).title], listed: false },
        { header: text.dataLabel, values: record => of(record).fields },
        { header: 'Where', label: 'Where and how', inline: true, values: record => [whereText(record)] },
        { header: 'Vendor or platform', inline: true, values: record => [vendorText(record)] },
        {
            header: 'Encryption at rest', inline: true, values: record => [record.kind === 'system' ? record.system.encryption ?? 'not modelled'
                : `${record.flow.controls.sourceEncryption ?? 'not modelled'} → ${record.flow.controls.targetEncryption ?? 'not modelled'}`]
        },
        hopColumn('TLS', flow => `${tlsText(flow.controls.tls)} (requires ${flow.controls.requiredTls.toFixed(1)}+)`),
        hopColumn('Authentication', flow => `${flow.controls.auth ?? 'not modelled'}, secrets ${flow.controls.secrets ?? 'not modelled'}`),
        hopColumn('Audit log', flow => flow.controls.audit ? 'yes' : 'no'),
        {
            header: 'Manual or shadow IT', inline: true, values: record => [record.kind === 'system' ? (record.system.shadow ? 'shadow IT' : 'no')
                : record.flow.manual ? 'a person moves it' : 'no']
        },
        { header: 'Findings', values: record => of(record).findings.map(finding => findingText(finding, place)) },
        { header: 'To do', values: record => of(record).todos, todo: true }
    ];
    return {
        kind: text.kind, title: text.title, preamble: text.preamble, empty: text.empty, summary: text.summary, records,
        heading: record => record.kind === 'system' ? `System ${record.system.name}: ${record.system.title}`
            : `Flow ${record.flow.name}: ${record.flow.from} ${record.flow.twoWay ? '↔' : '→'} ${record.flow.to}`,
        lead: record => record.kind === 'flow' && record.flow.title !== record.flow.name ? record.flow.title : '',
        columns
    };
}
