/**
 * How the spellings of inventories and EA tools map onto the language's values. Each reader
 * returns the property text to write, or a reason it could not, which becomes a `// TODO` comment.
 */
import type { AuthKind, Capability, Encryption, FlowStyle, Hosting, SecretStore, Status, SystemKind, TransferSafeguard } from '../model/estate.js';
import { isKnownRegion } from '../model/regions.js';

export type Read = { text: string } | { todo: string };

/** Lower case, no spaces, dashes, underscores or dots: `Cloud (SaaS)` and `cloud-saas` meet. */
export function squash(value: string): string {
    return value.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
}

function lookup<T extends string>(table: Record<T, string[]>, value: string): T | undefined {
    const key = squash(value);
    for (const [canonical, synonyms] of Object.entries(table) as Array<[T, string[]]>) {
        if (squash(canonical) === key || synonyms.some(synonym => squash(synonym) === key)) return canonical;
    }
    return undefined;
}

function enumRead<T extends string>(label: string, table: Record<T, string[]>, value: string): Read {
    const found = lookup(table, value);
    return found ? { text: `${label} ${found}` } : { todo: `${label} "${value}": not one of ${Object.keys(table).join(', ')}` };
}

export const SYSTEM_KINDS: Record<SystemKind, string[]> = {
    crm: ['customer relationship management', 'sales force automation'],
    erp: ['enterprise resource planning'],
    finance: ['accounting', 'financial', 'general ledger', 'treasury'],
    hr: ['human resources', 'hcm', 'hris', 'human capital management'],
    payroll: [],
    marketing: ['marketing automation', 'cms', 'content management'],
    'supply-chain': ['scm', 'supply chain management', 'logistics', 'warehouse management', 'wms', 'procurement'],
    analytics: ['bi', 'business intelligence', 'reporting', 'data warehouse', 'dwh'],
    spreadsheet: ['excel', 'workbook', 'google sheets', 'sheet'],
    'personal-tool': ['personal', 'access database', 'ms access', 'end user computing', 'euc', 'desktop tool'],
    custom: ['in-house', 'inhouse', 'bespoke', 'custom built', 'custom developed', 'homegrown'],
    legacy: ['mainframe', 'host']
};

const HOSTING: Record<Hosting, string[]> = {
    saas: ['cloud (saas)', 'software as a service', 'cloud saas', 'hosted by vendor', 'vendor hosted'],
    cloud: ['cloud (paas)', 'cloud (iaas)', 'paas', 'iaas', 'public cloud', 'private cloud', 'aws', 'azure', 'gcp'],
    'on-prem': ['on-premise', 'on premise', 'on-premises', 'onprem', 'on prem', 'data center', 'datacenter', 'self hosted', 'self-hosted'],
    desktop: ['local', 'client', 'workstation', 'pc', 'laptop']
};

const STATUS: Record<Status, string[]> = {
    live: ['active', 'operational', 'installed', 'in production', 'production', 'in maintenance', 'in use', 'phaseout', 'phase out', 'current', 'deployed'],
    planned: ['plan', 'pipeline', 'phasein', 'phase in', 'pending install', 'in development', 'proposed', 'on order', 'build', 'ready', 'evaluation'],
    retired: ['end of life', 'endoflife', 'eol', 'decommissioned', 'absent', 'non-operational', 'stolen', 'disposed', 'archived', 'sunset', 'inactive']
};

const ENCRYPTION: Record<Encryption, string[]> = {
    none: ['no', 'unencrypted', 'plain'],
    aes128: ['aes-128', 'aes 128'],
    aes256: ['aes-256', 'aes 256', 'yes', 'encrypted']
};

const CAPABILITIES: Record<Capability, string[]> = {
    'open-api': ['api', 'rest api', 'openapi', 'public api', 'rest'],
    webhooks: ['webhook'],
    bulk: ['bulk api', 'bulk export', 'bulk import'],
    connectors: ['connector', 'prebuilt connectors'],
    sso: ['single sign-on', 'single sign on'],
    'sso-saml': ['saml', 'saml 2.0', 'saml2'],
    'sso-oidc': ['oidc', 'openid connect'],
    events: ['event', 'streaming', 'pubsub'],
    cdc: ['change data capture']
};

const STYLES: Record<FlowStyle, string[]> = {
    manual: ['manual entry', 're-keying', 'rekeying', 'rekey', 'copy paste', 'copy and paste', 'hand', 'manually'],
    email: ['e-mail', 'mail', 'attachment'],
    file: ['sftp', 'ftp', 'ftps', 'csv', 'flat file', 'file transfer', 'mft', 'xml file', 'edi'],
    batch: ['etl', 'batch job', 'scheduled job', 'bulk'],
    api: ['rest', 'soap', 'web service', 'webservice', 'http', 'https', 'graphql', 'odata', 'rpc', 'grpc', 'api call', 'rest api', 'realtime api'],
    webhook: ['webhooks', 'callback'],
    event: ['events', 'messaging', 'message', 'queue', 'mq', 'kafka', 'pub/sub', 'pubsub', 'jms', 'amqp', 'event stream', 'streaming'],
    cdc: ['change data capture', 'replication', 'log shipping'],
    script: ['macro', 'vba', 'powershell', 'bash', 'scheduled script', 'cron script', 'python script'],
    'shared-db': ['shared database', 'database link', 'db link', 'dblink', 'shared db', 'direct database', 'database', 'jdbc', 'odbc']
};

const AUTH: Record<AuthKind, string[]> = {
    oauth2: ['oauth', 'oauth 2.0', 'oauth2.0', 'openid connect', 'oidc', 'jwt'],
    mtls: ['mutual tls', 'client certificate', 'certificate', 'x509'],
    'api-key': ['api key', 'apikey', 'token', 'api token'],
    basic: ['basic auth', 'username/password', 'user/password', 'password'],
    'shared-account': ['shared account', 'shared user', 'service account shared', 'generic account'],
    none: ['anonymous', 'no auth', 'unauthenticated', 'open']
};

const SECRETS: Record<SecretStore, string[]> = {
    vault: ['key vault', 'secrets manager', 'hashicorp vault', 'cyberark', 'keyvault'],
    platform: ['ipaas', 'platform credentials', 'connector'],
    env: ['environment', 'environment variable', 'env var', 'config file'],
    hardcoded: ['hard-coded', 'hard coded', 'in code', 'in script']
};

const SCHEDULES: Record<string, string[]> = {
    realtime: ['real-time', 'real time', 'instant', 'immediate', 'synchronous', 'on event', 'event driven', 'continuous', 'streaming'],
    hourly: ['every hour', 'hour'],
    daily: ['day', 'once a day', 'every day', 'per day'],
    nightly: ['overnight', 'night', 'end of day', 'eod'],
    weekly: ['week', 'once a week', 'every week'],
    monthly: ['month', 'once a month', 'every month', 'month end', 'month-end'],
    'on-demand': ['on demand', 'ad hoc', 'adhoc', 'ad-hoc', 'manual trigger', 'as needed', 'irregular']
};

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si', 'wahr']);
const FALSE = new Set(['no', 'n', 'false', '0', 'nein', 'non', 'falsch', '']);

export function readBoolean(value: string): boolean | undefined {
    const key = value.trim().toLowerCase();
    if (TRUE.has(key)) return true;
    if (FALSE.has(key)) return false;
    return undefined;
}

export const readKind = (value: string): Read => enumRead('kind', SYSTEM_KINDS, value);
export const readHosting = (value: string): Read => enumRead('hosting', HOSTING, value);
export const readStatus = (value: string): Read => enumRead('status', STATUS, value);
export function readRegion(value: string): Read {
    const code = value.trim().toLowerCase();
    return isKnownRegion(code) ? { text: `region ${code}` } : { todo: `region "${value}": not eu, eea, uk or an ISO 3166 country code` };
}

const TRANSFER: Record<TransferSafeguard, string[]> = {
    adequacy: ['adequacy decision', 'adequate', 'dpf', 'data privacy framework'],
    scc: ['standard contractual clauses', 'model clauses'],
    bcr: ['binding corporate rules']
};

export const readTransfer = (value: string): Read => enumRead('transfer', TRANSFER, value);

/** `DPA, BAA` → `agreements dpa, baa`; anything else is a TODO. */
export function readAgreements(value: string): Read {
    const found = splitList(value).map(item => item.trim().toLowerCase());
    const unknown = found.filter(item => item !== 'dpa' && item !== 'baa');
    if (unknown.length > 0) return { todo: `agreements "${value}": not dpa or baa` };
    return { text: `agreements ${[...new Set(found)].join(', ')}` };
}

export const readEncryption = (value: string): Read => enumRead('encryption', ENCRYPTION, value);
export const readStyle = (value: string): Read => enumRead('style', STYLES, value);
export const readAuth = (value: string): Read => enumRead('auth', AUTH, value);
export const readSecrets = (value: string): Read => enumRead('secrets', SECRETS, value);

export function readCapabilities(value: string): { text?: string; todos: string[] } {
    const found: Capability[] = [];
    const todos: string[] = [];
    for (const item of splitList(value)) {
        const capability = lookup(CAPABILITIES, item);
        if (capability) {
            if (!found.includes(capability)) found.push(capability);
        } else {
            todos.push(`supports "${item}": not one of ${Object.keys(CAPABILITIES).join(', ')}`);
        }
    }
    return { text: found.length > 0 ? `supports ${found.join(', ')}` : undefined, todos };
}

/** Lists inside one cell: `a, b`, `a; b`, `a | b` or one per line (LeanIX joins relations with `;`). */
export function splitList(value: string): string[] {
    return value.split(/[;,|\n]/).map(item => item.trim()).filter(Boolean);
}

const UNIT = /^(minute|hour|day|week|month|year)s?$/;
const UNIT_ALIASES: Record<string, string> = { min: 'minute', mins: 'minute', m: 'minute', h: 'hour', hr: 'hour', hrs: 'hour', d: 'day', w: 'week', wk: 'week', mo: 'month', y: 'year', yr: 'year', yrs: 'year' };

function unitOf(word: string | undefined): string | undefined {
    if (word === undefined) return undefined;
    const lower = word.toLowerCase();
    const unit = UNIT_ALIASES[lower] ?? lower;
    const match = UNIT.exec(unit);
    return match ? match[1] : undefined;
}

function plural(amount: number, unit: string): string {
    return amount === 1 ? unit : `${unit}s`;
}

/** `15 minutes`, `15 min`, `1h`; `fallbackUnit` for a bare number. */
export function readDuration(value: string, fallbackUnit: string): string | undefined {
    const match = /^(\d+)\s*([a-z]+)?$/i.exec(value.trim());
    if (!match) return undefined;
    const unit = match[2] === undefined ? fallbackUnit : unitOf(match[2]);
    if (!unit) return undefined;
    const amount = Number(match[1]);
    return `${amount} ${plural(amount, unit)}`;
}

/** `12 hours per week`, `12h/week`, `30 min per day`; a bare number in `fallback` units. */
export function readRate(value: string, fallback: { unit: string; per: string }): string | undefined {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed)) return `${Number(trimmed)} ${plural(Number(trimmed), fallback.unit)} per ${fallback.per}`;
    const match = /^(\d+)\s*([a-z]+)\s*(?:per|\/|a|an|each)\s*([a-z]+)$/i.exec(trimmed);
    if (!match) return undefined;
    const unit = unitOf(match[2]);
    const per = unitOf(match[3]);
    if (!unit || !per || per === 'minute') return undefined;
    const amount = Number(match[1]);
    return `${amount} ${plural(amount, unit)} per ${per}`;
}

/** `5000 per day`, `5000/day`, `5,000 a day`; a bare number is per day. */
export function readVolume(value: string): string | undefined {
    const match = /^([\d,]+)\s*(?:(?:per|\/|a|an|each)\s*([a-z]+))?$/i.exec(value.trim());
    if (!match) return undefined;
    const amount = Number(match[1].replace(/,/g, ''));
    const per = match[2] === undefined ? 'day' : unitOf(match[2]);
    if (!Number.isInteger(amount) || !per || per === 'minute') return undefined;
    return `${amount} per ${per}`;
}

/** `3%`, `3`, `0.5 %`; a fraction such as 0.03 is taken as written (3 % would be written 3). */
export function readPercent(value: string): string | undefined {
    const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(value.trim());
    return match ? `${match[1]}%` : undefined;
}

/** `1.2`, `TLS 1.2`, `TLSv1.3`, `none`. */
export function readTls(value: string): string | undefined {
    const trimmed = value.trim().toLowerCase();
    if (trimmed === 'none' || trimmed === 'no' || trimmed === 'plain') return 'none';
    const match = /^(?:tls\s*v?)?\s*(\d)(\.\d)?$/.exec(trimmed);
    return match ? `${match[1]}${match[2] ?? '.0'}` : undefined;
}

/** `realtime`, `every 15 minutes`, `Daily`, `every 2h`, `15 min`. */
export function readSchedule(value: string): Read {
    const trimmed = value.trim();
    const every = /^(?:every\s+)?(\d+\s*[a-z]+)$/i.exec(trimmed);
    if (every) {
        const duration = readDuration(every[1], 'minute');
        if (duration) return { text: `schedule every ${duration}` };
    }
    const known = lookup(SCHEDULES, trimmed);
    return known ? { text: `schedule ${known}` } : { todo: `schedule "${trimmed}": not realtime, every <duration>, hourly, daily, nightly, weekly, monthly or on-demand` };
}

/** Whole numbers written with thousands separators or a trailing `+` (`1,200`, `500+`). */
export function readCount(value: string): number | undefined {
    const match = /^(\d[\d,. ]*)\+?$/.exec(value.trim());
    if (!match) return undefined;
    const digits = match[1].replace(/[,. ]/g, '');
    const count = Number(digits);
    return Number.isSafeInteger(count) ? count : undefined;
}

/** Two-way markers in a direction column; `reversed` for directions that run from consumer to provider. */
export function readDirection(value: string): 'two-way' | 'one-way' | 'reversed' | undefined {
    const key = squash(value);
    if (value.trim() === '<->' || ['twoway', 'bidirectional', 'both', 'bothways', 'bidirektional'].includes(key)) return 'two-way';
    if (['oneway', 'unidirectional', 'outgoing', 'providertoconsumer', 'outbound', 'push'].includes(key) || value.trim() === '->') return 'one-way';
    if (['incoming', 'consumertoprovider', 'inbound', 'pull', 'reverse', 'reversed'].includes(key) || value.trim() === '<-') return 'reversed';
    return undefined;
}
