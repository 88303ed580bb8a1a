/**
 * Header guessing: the names inventories give their columns, per field of the language. A table
 * whose headers are exactly the field names (what `integ export csv` writes) maps without a guess.
 */
import { ENTITY_FIELDS, FLOW_FIELDS, SYSTEM_FIELDS, type RecordKind } from './records.js';
import { squash } from './value-maps.js';

const SYSTEM_SYNONYMS: Record<string, string[]> = {
    id: ['key', 'app id', 'application id', 'identifier', 'code', 'short name', 'external id'],
    name: ['application name', 'app name', 'application', 'app', 'system', 'system name', 'title', 'display name', 'full name'],
    kind: ['category', 'application type', 'app type', 'system type', 'class', 'type'],
    department: ['business unit', 'dept', 'unit', 'team', 'org unit', 'organisation', 'organization', 'division', 'user group'],
    owner: ['business owner', 'application owner', 'app owner', 'it owner', 'owned by', 'responsible', 'manager', 'contact', 'product owner'],
    hosting: ['deployment', 'hosting type', 'install type', 'deployment model', 'hosted', 'hosting model'],
    region: ['hosting region', 'country', 'data residency', 'data location', 'hosting country'],
    processor: ['data processor', 'processor name', 'external processor'],
    agreements: ['signed agreements', 'vendor agreements'],
    shadow: ['shadow it', 'is shadow it', 'unsanctioned'],
    stores: ['data objects', 'data', 'entities', 'data stored'],
    edits: ['data edited', 'edited data', 'writes'],
    encryption: ['encryption at rest', 'at rest encryption'],
    supports: ['capabilities', 'features', 'integration capabilities'],
    users: ['user count', 'number of users', 'user base', 'no of users', 'active users'],
    status: ['lifecycle', 'lifecycle status', 'life cycle', 'state', 'install status', 'operational status', 'phase']
};

const FLOW_SYNONYMS: Record<string, string[]> = {
    id: ['key', 'interface id', 'identifier', 'code'],
    name: ['interface name', 'interface', 'integration', 'integration name', 'title'],
    source: ['from', 'sender', 'provider', 'producer', 'source application', 'source system', 'from application', 'provider application', 'sending system', 'upstream'],
    target: ['to', 'receiver', 'consumer', 'destination', 'target application', 'target system', 'to application', 'consumer application', 'receiving system', 'downstream'],
    direction: ['data flow direction', 'flow direction', 'two way', 'bidirectional'],
    carries: ['data', 'data objects', 'payload', 'entities', 'data carried', 'fields'],
    style: ['integration type', 'interface type', 'technology', 'method', 'mechanism', 'integration style', 'type', 'protocol'],
    schedule: ['frequency', 'interval', 'timing', 'cadence'],
    via: ['platform', 'middleware', 'ipaas', 'integration platform', 'tool'],
    auth: ['authentication', 'auth method', 'authentication method'],
    secrets: ['secret store', 'credentials', 'credential store'],
    tls: ['tls version', 'encryption in transit', 'transport encryption'],
    audit: ['audit log', 'audited', 'logging'],
    monitored: ['monitoring', 'alerting'],
    reconciled: ['reconciliation', 'control totals'],
    owner: ['interface owner', 'integration owner', 'responsible'],
    effort: ['manual effort', 'hours per week', 'effort per week'],
    errors: ['error rate', 'errors percent', 'failure rate'],
    downtime: ['downtime per month', 'outage'],
    volume: ['records per day', 'messages per day', 'transactions per day'],
    status: ['lifecycle', 'state', 'phase']
};

const ENTITY_SYNONYMS: Record<string, string[]> = {
    id: ['key', 'data object id', 'identifier'],
    name: ['data object', 'data object name', 'entity', 'entity name', 'title'],
    master: ['system of record', 'sor', 'mastered in', 'golden source', 'master system'],
    freshness: ['max age', 'staleness'],
    fields: ['attributes', 'columns', 'data fields']
};

const SYNONYMS: Record<RecordKind, Record<string, string[]>> = { system: SYSTEM_SYNONYMS, flow: FLOW_SYNONYMS, entity: ENTITY_SYNONYMS };
export const FIELDS_OF: Record<RecordKind, readonly string[]> = { system: SYSTEM_FIELDS, flow: FLOW_FIELDS, entity: ENTITY_FIELDS };

function fieldFor(kind: RecordKind, header: string): string | undefined {
    const key = squash(header);
    if (key === '') return undefined;
    for (const field of FIELDS_OF[kind]) {
        if (squash(field) === key || SYNONYMS[kind][field]?.some(synonym => squash(synonym) === key)) return field;
    }
    return undefined;
}

/** Interfaces have both ends; data objects have fields or a master and no ends; the rest are applications. */
export function guessKind(headers: string[]): RecordKind {
    const has = (kind: RecordKind, field: string) => headers.some(header => fieldFor(kind, header) === field);
    if (has('flow', 'source') && has('flow', 'target')) return 'flow';
    if ((has('entity', 'fields') || has('entity', 'master')) && !has('system', 'department')) return 'entity';
    return 'system';
}

export interface GuessedColumns {
    /** Column index → field. */
    fields: Map<number, string>;
    /** `"App Name" → name` for every header that is not already a field name. */
    guesses: string[];
}

/** The field of each header, first header winning when two mean the same field. */
export function guessColumns(kind: RecordKind, headers: string[]): GuessedColumns {
    const fields = new Map<number, string>();
    const taken = new Set<string>();
    const guesses: string[] = [];
    headers.forEach((header, index) => {
        const field = fieldFor(kind, header);
        if (!field || taken.has(field)) return;
        fields.set(index, field);
        taken.add(field);
        if (header !== field) guesses.push(`"${header}" → ${field}`);
    });
    return { fields, guesses };
}
