/**
 * The estate as the three tables `integ export csv` writes and `integ import csv` reads back:
 * applications, interfaces and data objects, one column per field of the language (records.ts),
 * values spelled as the language spells them.
 */
import type { Estate, Flow, System, Entity } from '../model/estate.js';
import { downtimeText, effortText, minutesText, monthsText, volumeText } from './quantity-text.js';
import { ENTITY_FIELDS, FLOW_FIELDS, SYSTEM_FIELDS } from './records.js';

export interface TextTable { name: string; headers: readonly string[]; rows: string[][] }

const yes = (value: boolean) => value ? 'yes' : 'no';
const list = (values: readonly string[]) => values.join(', ');

export function systemRow(system: System): Record<string, string | undefined> {
    return {
        id: system.name, name: system.title, kind: system.systemKind, department: system.department, owner: system.owner, hosting: system.hosting, region: system.region,
        processor: system.processor, agreements: list(system.agreements),
        shadow: yes(system.shadow), stores: list(system.stores), edits: list(system.edits), encryption: system.encryption,
        supports: list(system.supports), users: system.users?.toString(), status: system.status
    };
}

export function flowRow(flow: Flow): Record<string, string | undefined> {
    const carries = flow.carries.flatMap(carried => carried.all ? [`${carried.entity}.*`] : carried.fields.map(field => `${carried.entity}.${field}`));
    const audit = flow.audit ? (flow.auditRetentionMonths !== undefined ? `yes, retention ${monthsText(flow.auditRetentionMonths)}` : 'yes') : 'no';
    return {
        id: flow.name, name: flow.title, source: flow.sourceSystem, target: flow.targetSystem, direction: flow.twoWay ? 'two-way' : 'one-way',
        carries: list(carries), style: flow.style, schedule: flow.schedule?.text, via: flow.via, purpose: flow.purpose, transfer: flow.transfer, auth: flow.auth, secrets: flow.secrets,
        tls: flow.tls === undefined ? undefined : typeof flow.tls === 'number' && Number.isInteger(flow.tls) ? flow.tls.toFixed(1) : String(flow.tls), audit, monitored: yes(flow.monitored), reconciled: yes(flow.reconciled),
        owner: flow.owner, effort: flow.effortHoursPerWeek === undefined ? undefined : effortText(flow.effortHoursPerWeek),
        errors: flow.errorRatePercent === undefined ? undefined : `${flow.errorRatePercent}%`,
        downtime: flow.downtimeHoursPerMonth === undefined ? undefined : downtimeText(flow.downtimeHoursPerMonth),
        volume: flow.volumePerDay === undefined ? undefined : volumeText(flow.volumePerDay), status: flow.status
    };
}

export function entityRow(entity: Entity): Record<string, string | undefined> {
    return {
        id: entity.name, name: entity.title, master: list(entity.masters),
        freshness: entity.freshnessMinutes === undefined ? undefined : minutesText(entity.freshnessMinutes),
        fields: list(entity.fields.map(field => field.classification ? `${field.name}: ${field.classification}` : field.name))
    };
}

function table<T extends { source: { builtin: boolean } }>(name: string, headers: readonly string[], items: Iterable<T>, row: (item: T) => Record<string, string | undefined>): TextTable {
    const rows = [...items].filter(item => !item.source.builtin).map(item => {
        const values = row(item);
        return headers.map(header => values[header] ?? '');
    });
    return { name, headers, rows };
}

export function estateTables(estate: Estate): TextTable[] {
    return [
        table('applications', SYSTEM_FIELDS, estate.systems.values(), systemRow),
        table('interfaces', FLOW_FIELDS, estate.flows.values(), flowRow),
        table('data-objects', ENTITY_FIELDS, estate.entities.values(), entityRow)
    ];
}

/** RFC 4180 text; a value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, which the import drops again. */
export function csvText(table: TextTable): string {
    const cell = (value: string) => {
        const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        return /[",\r\n;]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    return [table.headers, ...table.rows].map(row => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
