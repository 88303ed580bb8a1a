/**
 * Column presets for the shapes inventories really export, with the column names their
 * documentation uses (technical names and the labels shown in their list views):
 * - ServiceNow list exports of `cmdb_ci_business_app` / `cmdb_ci_appl` and of `cmdb_rel_ci`;
 * - SAP LeanIX fact-sheet exports (Application, Interface, DataObject; one sheet or one per type).
 * Archi's CSV trio is not a column map: read-archi-csv.ts reads it as an ArchiMate model.
 */
import type { RecordKind } from './records.js';
import { squash } from './value-maps.js';

export interface PresetShape {
    /** A table has this shape when it has every one of these headers. */
    recognise: string[];
    /** The kind of every row, or of each row by its values (LeanIX keeps the fact-sheet type in a column). */
    kind: RecordKind | ((get: (header: string) => string) => RecordKind | string);
    /** Header → field; the first column that fills a field wins. */
    columns: Array<[string, string]>;
    /** Bookkeeping columns that are neither mapped nor worth a TODO. */
    ignore: string[];
    /** Values computed from several columns (or that decide the row is not imported: `skip` says why). */
    derive?(get: (header: string) => string, today: string): { values: Record<string, string>; skip?: string; note?: string };
}

const SERVICENOW_BOOKKEEPING = [
    'sys_id', 'sys_class_name', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count', 'sys_tags',
    'sys_domain', 'sys_domain_path', 'active', 'Class', 'Created', 'Created by', 'Updated', 'Updated by', 'Updates'
];

/** ServiceNow relationship types are `parent-descriptor::child-descriptor`; only the data-carrying ones are flows. */
function serviceNowRelation(get: (header: string) => string): { values: Record<string, string>; skip?: string; note?: string } {
    const type = get('type');
    const parent = get('parent');
    const child = get('child');
    const first = squash(type.split('::')[0] ?? '');
    if (first === 'sendsdatato') return { values: { source: parent, target: child } };
    if (first === 'receivesdatafrom') return { values: { source: child, target: parent } };
    if (first === 'dependson' || first === 'uses') {
        return { values: { source: child, target: parent }, note: `"${type}" read as data flowing from ${child} to ${parent}` };
    }
    if (first === 'exchangesdatawith' || first === 'connectsto') return { values: { source: parent, target: child, direction: 'two-way' } };
    return { values: {}, skip: `relationship type "${type}" carries no data` };
}

/** LeanIX keeps one date per lifecycle phase; the phase of today is the latest one that has begun. */
function leanIxLifecycle(get: (header: string) => string, today: string): string | undefined {
    const phases: Array<[string, string]> = [
        ['lifecycle:plan', 'planned'], ['lifecycle:phaseIn', 'planned'], ['lifecycle:active', 'live'], ['lifecycle:phaseOut', 'live'], ['lifecycle:endOfLife', 'retired']
    ];
    let current: string | undefined;
    for (const [column, status] of phases) {
        const date = get(column);
        if (/^\d{4}-\d{2}-\d{2}/.test(date) && date.slice(0, 10) <= today) current = status;
    }
    if (current) return current;
    // Every phase in the future: it is still being planned.
    return phases.some(([column]) => /^\d{4}-\d{2}-\d{2}/.test(get(column))) ? 'planned' : undefined;
}

const LEANIX_TYPES: Record<string, RecordKind> = { application: 'system', interface: 'flow', dataobject: 'entity' };

export const PRESETS: Record<string, PresetShape[]> = {
    servicenow: [
        {
            recognise: ['parent', 'child'],
            kind: 'flow',
            columns: [],
            ignore: [...SERVICENOW_BOOKKEEPING, 'parent', 'child', 'type', 'port', 'percent_outage', 'parent.sys_class_name', 'child.sys_class_name'],
            derive: serviceNowRelation
        },
        {
            recognise: ['name'],
            kind: 'system',
            columns: [
                ['name', 'name'], ['owned_by', 'owner'], ['it_application_owner', 'owner'], ['business_owner', 'owner'], ['managed_by', 'owner'],
                ['department', 'department'], ['business_unit', 'department'], ['install_type', 'hosting'],
                ['operational_status', 'status'], ['install_status', 'status'], ['life_cycle_stage', 'status'],
                ['application_type', 'kind'], ['user_base', 'users'], ['short_description', 'description']
            ],
            ignore: SERVICENOW_BOOKKEEPING
        }
    ],
    leanix: [
        {
            recognise: ['type', 'name'],
            kind: get => LEANIX_TYPES[squash(get('type'))] ?? get('type'),
            columns: [
                ['name', 'name'], ['description', 'description'],
                ['relApplicationToUserGroup', 'department'], ['relApplicationToDataObject', 'stores'],
                ['relInterfaceToProviderApplication', 'source'], ['relInterfaceToConsumerApplication', 'target'],
                ['relInterfaceToDataObject', 'carries'], ['frequency', 'schedule'], ['dataFlowDirection', 'direction'],
                ['interfaceType', 'style'], ['relInterfaceToITComponent', 'via'], ['lifecycle', 'status'],
                // The labels LeanIX shows for the same columns.
                ['User Group', 'department'], ['Provider Application', 'source'], ['Consumer Application', 'target'],
                ['Data Flow Direction', 'direction'], ['Interface Type', 'style'], ['IT Component', 'via']
            ],
            ignore: ['id', 'type', 'displayName', 'level', 'externalId', 'qualitySeal', 'completion', 'Full Name', 'ID', 'Type',
                'lifecycle:plan', 'lifecycle:phaseIn', 'lifecycle:active', 'lifecycle:phaseOut', 'lifecycle:endOfLife'],
            derive: (get, today) => {
                const status = leanIxLifecycle(get, today);
                return { values: status ? { status } : {} as Record<string, string> };
            }
        }
    ]
};

export const PRESET_NAMES = ['servicenow', 'leanix', 'archi'] as const;
export type PresetName = typeof PRESET_NAMES[number];
