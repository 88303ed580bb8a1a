/**
 * A deterministic generator of a realistic application estate for benchmarks and scale tests.
 *
 * The shape follows the article's average organisation: departments each run a hub system (CRM,
 * ERP, HR, finance …) with spokes around it, a few company-wide ERPs and data warehouses collect
 * from the hubs through integration platforms, and shadow-IT spreadsheets hang off the hubs. Most
 * of the estate is well behaved; a small, seeded share of it carries the defects every rule area
 * of design §3 looks for, so the benchmark exercises every rule at realistic finding counts.
 *
 * Pure: no file system access. `scripts/gen-estate.mjs` is the command-line front end.
 */

export interface EstateOptions {
    seed: number;
    systems: number;
    departments: number;
    flows: number;
    entities: number;
    fieldsPerEntity: number;
    processes: number;
    initiatives: number;
    files: number;
}

/** Design §6: the estate benchmark. */
export const DEFAULT_OPTIONS: Readonly<EstateOptions> = Object.freeze({
    seed: 1,
    systems: 1000,
    departments: 30,
    flows: 4000,
    entities: 300,
    fieldsPerEntity: 10,
    processes: 50,
    initiatives: 40,
    files: 20
});

export interface GeneratedFile {
    name: string;
    text: string;
}

export interface GeneratedEstate {
    files: GeneratedFile[];
    stats: { systems: number; flows: number; entities: number; fields: number; processes: number; initiatives: number; lines: number };
}

/** The estate scaled from the default by its number of systems (flows, entities … in proportion). */
export function scaledOptions(systems: number, overrides: Partial<EstateOptions> = {}): EstateOptions {
    const factor = systems / DEFAULT_OPTIONS.systems;
    return {
        ...DEFAULT_OPTIONS,
        systems,
        departments: Math.max(3, Math.min(DEFAULT_OPTIONS.departments, Math.round(DEFAULT_OPTIONS.departments * Math.sqrt(factor)))),
        flows: Math.round(DEFAULT_OPTIONS.flows * factor),
        entities: Math.max(5, Math.round(DEFAULT_OPTIONS.entities * factor)),
        processes: Math.max(3, Math.round(DEFAULT_OPTIONS.processes * factor)),
        initiatives: Math.max(3, Math.round(DEFAULT_OPTIONS.initiatives * factor)),
        ...overrides
    };
}

// ---------------------------------------------------------------- vocabulary

type SystemKind = 'crm' | 'erp' | 'finance' | 'hr' | 'payroll' | 'marketing' | 'supply-chain' | 'analytics'
    | 'spreadsheet' | 'personal-tool' | 'custom' | 'legacy';
type FlowStyle = 'manual' | 'email' | 'file' | 'batch' | 'api' | 'webhook' | 'event' | 'cdc' | 'script' | 'shared-db';

const DEPARTMENTS: Array<[name: string, title: string, hub: SystemKind]> = [
    ['Sales', 'Sales', 'crm'], ['Finance', 'Finance', 'finance'], ['Operations', 'Operations', 'erp'],
    ['HumanResources', 'Human Resources', 'hr'], ['Marketing', 'Marketing', 'marketing'], ['SupplyChain', 'Supply Chain', 'supply-chain'],
    ['CustomerService', 'Customer Service', 'crm'], ['Payroll', 'Payroll', 'payroll'], ['Procurement', 'Procurement', 'erp'],
    ['Logistics', 'Logistics', 'supply-chain'], ['Manufacturing', 'Manufacturing', 'erp'], ['Analytics', 'Analytics', 'analytics'],
    ['Quality', 'Quality', 'custom'], ['Legal', 'Legal', 'custom'], ['Treasury', 'Treasury', 'finance'],
    ['Ecommerce', 'E-commerce', 'crm'], ['FieldService', 'Field Service', 'custom'], ['Engineering', 'Engineering', 'custom'],
    ['Research', 'Research and Development', 'custom'], ['Tax', 'Tax', 'finance'], ['Warehouse', 'Warehouse', 'supply-chain'],
    ['Facilities', 'Facilities', 'custom'], ['Compliance', 'Compliance', 'custom'], ['ItServices', 'IT Services', 'custom'],
    ['Product', 'Product Management', 'custom'], ['Partnerships', 'Partnerships', 'crm'], ['Communications', 'Communications', 'marketing'],
    ['Training', 'Training', 'hr'], ['Strategy', 'Strategy', 'analytics'], ['Health', 'Occupational Health', 'custom']
];

const HUB_PRODUCTS: Record<SystemKind, string> = {
    'crm': 'Crm', 'erp': 'Erp', 'finance': 'Ledger', 'hr': 'Hcm', 'payroll': 'PayrollSuite', 'marketing': 'MarketingCloud',
    'supply-chain': 'Scm', 'analytics': 'Bi', 'spreadsheet': 'Workbook', 'personal-tool': 'Notes', 'custom': 'Portal', 'legacy': 'Mainframe'
};

const SPOKE_WORDS: Record<SystemKind, string[]> = {
    'crm': ['Pipeline', 'Contacts', 'Quotes', 'Cases', 'Loyalty'],
    'erp': ['Orders', 'Mrp', 'Inventory', 'Assets', 'Planning'],
    'finance': ['Ledger', 'Payables', 'Receivables', 'Expenses', 'Budget'],
    'hr': ['Recruiting', 'Learning', 'Onboarding', 'Reviews', 'Benefits'],
    'payroll': ['Payslips', 'TimeClock', 'Pensions'],
    'marketing': ['Campaigns', 'Newsletter', 'Events', 'Social', 'Surveys'],
    'supply-chain': ['Routing', 'Tracking', 'Forecast', 'Yard', 'Carriers'],
    'analytics': ['Dashboards', 'Cubes', 'Reports', 'Lake'],
    'spreadsheet': ['Workbook', 'Tracker', 'Sheet', 'Register'],
    'personal-tool': ['Notes', 'Board', 'Checklist'],
    'custom': ['Portal', 'App', 'Service', 'Tool', 'Registry', 'Gateway'],
    'legacy': ['Mainframe', 'As400', 'Dos', 'Vb6', 'Access']
};

const SPOKE_KINDS: Array<[SystemKind | 'hub', number]> = [
    ['hub', 24], ['custom', 24], ['legacy', 10], ['analytics', 9], ['spreadsheet', 12], ['personal-tool', 5],
    ['marketing', 4], ['finance', 4], ['supply-chain', 4], ['hr', 4]
];

const ENTITY_NOUNS = [
    'Customer', 'Contact', 'Lead', 'Opportunity', 'Quote', 'Order', 'OrderLine', 'Invoice', 'Payment', 'CreditNote',
    'Product', 'PriceList', 'Supplier', 'PurchaseOrder', 'Shipment', 'Delivery', 'StockLevel', 'Employee', 'Candidate',
    'Payslip', 'Timesheet', 'Expense', 'Budget', 'Account', 'JournalEntry', 'Asset', 'WorkOrder', 'Inspection', 'Contract',
    'Campaign', 'Case', 'Ticket', 'Visit', 'Claim', 'Project', 'Return', 'Warranty', 'Forecast', 'Incident', 'Benefit'
];

/** Field vocabulary with its classification (undefined: unclassified) and how often it is picked. */
const FIELD_POOL: Array<[name: string, classification: string | undefined, weight: number]> = [
    ['name', 'PII', 8], ['email', 'PII', 6], ['phone', 'PII', 5], ['address', 'PII', 4], ['birthDate', 'PII', 2],
    ['nationalId', 'SensitivePII', 1], ['healthNote', 'PHI', 0.6], ['diagnosisCode', 'PHI', 0.4],
    ['cardNumber', 'PCI', 0.6], ['cardExpiry', 'PCI', 0.4], ['iban', 'Financial', 2], ['amount', 'Financial', 7],
    ['total', 'Financial', 6], ['taxAmount', 'Financial', 4], ['costCenter', 'Financial', 3], ['salary', 'Financial', 1],
    ['currency', 'Internal', 5], ['status', 'Internal', 9], ['createdAt', 'Internal', 7], ['updatedAt', 'Internal', 7],
    ['description', 'Internal', 6], ['region', 'Internal', 5], ['quantity', 'Internal', 6], ['owner', 'Internal', 4],
    ['category', 'Public', 5], ['sku', 'Public', 3], ['title', 'Public', 4], ['apiToken', 'Credentials', 0.4],
    ['priority', 'Confidential', 3], ['margin', 'Confidential', 3], ['rating', 'Confidential', 2],
    ['notes', undefined, 2], ['segment', undefined, 2], ['channel', undefined, 1.5], ['tags', undefined, 1.5]
];

const FIRST_NAMES = ['Ana', 'Li', 'Sam', 'Mia', 'Eva', 'Tom', 'Raj', 'Ola', 'Ken', 'Ines', 'Yuki', 'Omar', 'Lea', 'Max', 'Nia', 'Joao', 'Ivy', 'Tariq'];
const LAST_NAMES = ['Ruiz', 'Wei', 'Osei', 'Chen', 'Novak', 'Berg', 'Patel', 'Nordmann', 'Sato', 'Haddad', 'Klein', 'Silva', 'Moreau', 'Okafor', 'Kowalski'];

const USER_PLATFORMS = `platform IntegrationHub "In-house integration hub (ESB)" {
  kind esb
  supports bulk, connectors
  agreements dpa
  best-for "Legacy file and batch integration"
  volume moderate
  price 40000 USD per year
}

platform EventBus "Company event bus" {
  kind message-broker
  supports events, webhooks, bulk
  agreements dpa, baa
  best-for "Real-time events between core systems"
  volume high
  price 25000 USD per year
}
`;

const HUB_PLATFORMS = ['MuleSoft', 'Boomi', 'Workato', 'EventBus', 'IntegrationHub'];
const TEAM_PLATFORMS = ['Zapier', 'Make', 'Workato'];

// ---------------------------------------------------------------- seeded randomness

class Random {
    private state: number;
    constructor(seed: number) { this.state = (seed >>> 0) || 1; }
    /** mulberry32: small, fast, good enough for shaping test data. */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    chance(p: number): boolean { return this.next() < p; }
    int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
    pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)]; }
    weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
        const total = items.reduce((sum, [, w]) => sum + w, 0);
        let r = this.next() * total;
        for (const [item, w] of items) {
            r -= w;
            if (r < 0) return item;
        }
        return items[items.length - 1][0];
    }
}

// ---------------------------------------------------------------- the estate in memory

interface Dept { name: string; title: string; hubKind: SystemKind; champions: string[]; bucket: number; hub?: Sys; spokes: Sys[]; sheets: Sys[] }
interface Ent { name: string; title: string; dept: Dept; fields: Array<{ name: string; classification?: string }>; masters: string[]; freshness?: string }
interface Sys {
    name: string; title: string; kind: SystemKind; dept: Dept; role: 'core' | 'hub' | 'spoke';
    declareDepartment: boolean; owner?: string; hosting: string; shadow: boolean; stores: Set<Ent>; edits: Set<Ent>;
    encryption?: string; supports: string[]; users?: number; status: 'live' | 'planned';
}
interface FlowSpec {
    name: string; title: string; source: Sys; target: Sys; twoWay: boolean; entity: Ent; carries: string[];
    style?: FlowStyle; schedule?: string; via?: string; auth?: string; secrets?: string; tls?: string; audit: boolean;
    auditRetention?: string; monitored: boolean; reconciled: boolean; owner?: string; effort?: string; errors?: string;
    downtime?: string; volume?: string; status: 'live' | 'planned' | 'retired';
}

const MANUAL_STYLES: ReadonlySet<FlowStyle> = new Set(['manual', 'email']);
const REGULATED = new Set(['PII', 'SensitivePII', 'PHI', 'PCI', 'Financial']);

export function generateEstate(input: Partial<EstateOptions> = {}): GeneratedEstate {
    const options: EstateOptions = { ...DEFAULT_OPTIONS, ...input };
    const random = new Random(options.seed);
    const fileCount = Math.max(1, options.files);
    const names = new Set<string>(['Zapier', 'Make', 'MuleSoft', 'Boomi', 'Workato', 'IntegrationHub', 'EventBus']);
    const unique = (base: string): string => {
        let name = base;
        for (let n = 2; names.has(name); n++) name = `${base}${n}`;
        names.add(name);
        return name;
    };
    const person = (): string => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;

    // Departments: most have the policy's 2–3 champions, some have fewer (change/champions).
    const departments: Dept[] = [];
    for (let d = 0; d < Math.max(1, options.departments); d++) {
        const [base, title, hubKind] = DEPARTMENTS[d % DEPARTMENTS.length];
        const round = Math.floor(d / DEPARTMENTS.length);
        const championCount = d === 1 ? 1 : random.weighted([[3, 4], [2, 4], [1, 1], [0, 1]] as const);
        departments.push({
            name: unique(round === 0 ? base : `${base}${round + 1}`),
            title: round === 0 ? title : `${title} ${round + 1}`,
            hubKind,
            champions: Array.from({ length: championCount }, person),
            bucket: d % fileCount,
            spokes: [],
            sheets: []
        });
    }

    // Entities: owned by a department, fields drawn from the vocabulary.
    const entities: Ent[] = [];
    for (let e = 0; e < options.entities; e++) {
        const dept = departments[e % departments.length];
        const noun = ENTITY_NOUNS[e % ENTITY_NOUNS.length];
        const name = unique(e < ENTITY_NOUNS.length ? noun : `${dept.name}${noun}`);
        const fields: Ent['fields'] = [{ name: 'id', classification: 'Internal' }];
        const used = new Set(['id']);
        while (fields.length < Math.min(options.fieldsPerEntity, FIELD_POOL.length + 1)) {
            const [fieldName, classification] = random.weighted(FIELD_POOL.map(entry => [entry, entry[2]] as const));
            if (used.has(fieldName)) continue;
            used.add(fieldName);
            fields.push({ name: fieldName, classification });
        }
        const freshness = random.weighted([[undefined, 5], ['15 minutes', 2], ['1 hour', 2], ['1 day', 1]] as const);
        entities.push({ name, title: `${dept.title} ${splitWords(noun).toLowerCase()}`, dept, fields, masters: [], freshness });
    }
    const entitiesOf = new Map<Dept, Ent[]>(departments.map(dept => [dept, entities.filter(entity => entity.dept === dept)]));

    // Systems: company-wide ERPs and warehouses, one hub per department, spokes around the hubs.
    const systems: Sys[] = [];
    const newSystem = (dept: Dept, kind: SystemKind, role: Sys['role'], base: string, title: string): Sys => {
        const desktop = kind === 'spreadsheet' || kind === 'personal-tool';
        const legacy = kind === 'legacy';
        const system: Sys = {
            name: unique(base), title, kind, dept, role,
            declareDepartment: !(desktop && random.chance(0.25)),
            owner: desktop && random.chance(0.4) ? undefined : person(),
            hosting: desktop ? 'desktop' : legacy ? 'on-prem' : random.weighted([['saas', 6], ['cloud', 3], ['on-prem', 1]] as const),
            shadow: desktop && random.chance(0.9),
            stores: new Set(), edits: new Set(),
            encryption: desktop ? 'none' : legacy ? random.weighted([['aes128', 2], ['none', 1], ['aes256', 2]] as const)
                : random.weighted([['aes256', 24], ['aes128', 1]] as const),
            supports: desktop ? [] : legacy ? random.weighted([[[], 3], [['bulk'], 2]] as const).slice()
                : random.weighted([
                    [['open-api', 'webhooks', 'bulk', 'sso-saml'], 10], [['open-api', 'webhooks', 'bulk', 'sso-oidc', 'events'], 5],
                    [['open-api', 'bulk', 'sso-saml'], 3], [['open-api', 'webhooks'], 1]] as const).slice(),
            users: desktop ? random.int(1, 6) : random.chance(0.8) ? random.int(5, 800) : undefined,
            status: role === 'spoke' && random.chance(0.02) ? 'planned' : 'live'
        };
        systems.push(system);
        return system;
    };
    const coreErps: Sys[] = [];
    const warehouses: Sys[] = [];
    const ops = departments.find(d => d.hubKind === 'erp') ?? departments[0];
    const analytics = departments.find(d => d.hubKind === 'analytics') ?? departments[departments.length - 1];
    for (let i = 0; i < Math.max(1, Math.round(options.systems / 300)); i++) {
        coreErps.push(newSystem(ops, 'erp', 'core', `CoreErp${i + 1}`, `Company ERP ${i + 1}`));
    }
    for (let i = 0; i < Math.max(1, Math.round(options.systems / 500)); i++) {
        warehouses.push(newSystem(analytics, 'analytics', 'core', `DataWarehouse${i + 1}`, `Enterprise data warehouse ${i + 1}`));
    }
    for (const dept of departments) {
        if (systems.length >= options.systems) break;
        dept.hub = newSystem(dept, dept.hubKind, 'hub', `${dept.name}${HUB_PRODUCTS[dept.hubKind]}`, `${dept.title} ${splitWords(HUB_PRODUCTS[dept.hubKind])}`);
    }
    for (let s = 0; systems.length < options.systems; s++) {
        const dept = departments[s % departments.length];
        const chosen = random.weighted(SPOKE_KINDS);
        const kind: SystemKind = chosen === 'hub' ? dept.hubKind : chosen;
        const word = random.pick(SPOKE_WORDS[kind]);
        const system = newSystem(dept, kind, 'spoke', `${dept.name}${word}`, `${dept.title} ${splitWords(word).toLowerCase()}`);
        if (kind === 'spreadsheet' || kind === 'personal-tool') dept.sheets.push(system); else dept.spokes.push(system);
    }

    // Storage: hubs keep their department's entities, company ERPs and warehouses collect them.
    for (const dept of departments) {
        const own = entitiesOf.get(dept) ?? [];
        const hub = dept.hub ?? coreErps[0];
        for (const entity of own) {
            hub.stores.add(entity);
            hub.edits.add(entity);
            entity.masters.push(hub.name);
        }
        for (const system of [...dept.spokes, ...dept.sheets]) {
            const pool = own.length > 0 ? own : entities;
            for (let k = random.int(1, 2); k > 0; k--) system.stores.add(random.pick(pool));
            for (const entity of system.stores) if (random.chance(0.3)) system.edits.add(entity);
        }
    }
    const erpOf = (dept: Dept): Sys => coreErps[departments.indexOf(dept) % coreErps.length];
    for (const entity of entities) {
        erpOf(entity.dept).stores.add(entity);
        warehouses[entities.indexOf(entity) % warehouses.length].stores.add(entity);
        // A small share has two systems of record or none (gap/conflicting-master).
        const roll = random.next();
        if (roll < 0.03) entity.masters.push(erpOf(entity.dept).name);
        else if (roll < 0.05) entity.masters.length = 0;
    }

    // Flows: hub-and-spoke inside departments, hubs to the company ERPs and warehouses through
    // integration platforms, a little hub-to-hub traffic, exports into shadow spreadsheets.
    const flows: FlowSpec[] = [];
    const flowNames = new Set<string>();
    const addFlow = (source: Sys, target: Sys, pattern: 'team' | 'core' | 'cross' | 'sheet' | 'shared', carried?: Ent): FlowSpec | undefined => {
        if (source === target) return undefined;
        const candidates = [...source.stores];
        if (candidates.length === 0) return undefined;
        const entity = carried ?? random.pick(candidates);
        if (random.chance(0.95)) target.stores.add(entity);
        const style = chooseStyle(random, source, target, pattern);
        const manual = style !== undefined && MANUAL_STYLES.has(style);
        const regulated = entity.fields.some(field => field.classification !== undefined && REGULATED.has(field.classification));
        const base = `${source.name}To${target.name}`;
        let name = base;
        for (let n = 2; flowNames.has(name) || names.has(name); n++) name = `${base}${n}`;
        flowNames.add(name);
        names.add(name);
        const status = random.weighted([['live', 86], ['planned', 10], ['retired', 4]] as const);
        const spec: FlowSpec = {
            name,
            title: `${entity.title} from ${source.title} to ${target.title}`,
            source, target, entity,
            twoWay: !manual && style !== 'file' && random.chance(0.08),
            carries: chooseCarries(random, entity),
            style,
            schedule: style ? scheduleFor(random, style) : undefined,
            via: style && !manual && style !== 'shared-db' && (pattern === 'core' ? random.chance(0.85) : random.chance(0.3))
                ? (pattern === 'core' ? random.pick(HUB_PLATFORMS) : random.pick(TEAM_PLATFORMS)) : undefined,
            auth: manual ? undefined : random.weighted([['oauth2', 66], ['mtls', 18], ['api-key', 9], ['basic', 3], ['shared-account', 1.5], ['none', 1], [undefined, 0.8]] as const),
            secrets: manual ? undefined : random.weighted([['vault', 52], ['platform', 33], ['env', 12], ['hardcoded', 2]] as const),
            tls: manual ? undefined : random.weighted([['1.2', 58], ['1.3', 36], ['1.1', 3], ['1.0', 1.5], ['none', 0.5], [undefined, 1]] as const),
            audit: regulated ? random.chance(0.94) : random.chance(0.5),
            monitored: !manual && random.chance(0.93),
            reconciled: (target.kind === 'finance' || target.kind === 'erp') && random.chance(0.8),
            owner: random.chance(0.93) ? person() : undefined,
            effort: manual ? `${hours(random.int(2, 20))} per week` : undefined,
            errors: random.chance(0.3) ? `${random.int(0, manual ? 9 : 4)}%` : undefined,
            downtime: random.chance(0.3) ? `${hours(random.chance(0.12) ? random.int(3, 9) : random.int(0, 2))} per month` : undefined,
            volume: random.chance(0.4) ? `${random.weighted([[random.int(10, 900), 3], [random.int(1000, 50000), 2], [random.int(100000, 900000), 1]] as const)} per day` : undefined,
            status,
        };
        if (spec.audit && regulated && random.chance(0.05)) spec.auditRetention = random.pick(['3 months', '6 months', '1 year']);
        if (random.chance(0.003)) spec.carries = [];
        if (spec.style && random.chance(0.004)) spec.style = undefined;
        flows.push(spec);
        return spec;
    };

    let attempts = 0;
    while (flows.length < options.flows && attempts++ < options.flows * 20) {
        const dept = departments[random.int(0, departments.length - 1)];
        const hub = dept.hub;
        if (!hub) break;
        const roll = random.next();
        if (roll < 0.55 && dept.spokes.length > 0) {
            const spoke = random.pick(dept.spokes);
            const spec = random.chance(0.5) ? addFlow(hub, spoke, 'team') : addFlow(spoke, hub, 'team');
            // Spokes that edit what they receive mostly send it back (gap/one-way where they do not).
            if (spec && spec.source === hub && spoke.edits.has(spec.entity) && random.chance(0.6)) {
                addFlow(spoke, hub, 'team', spec.entity);
            }
        } else if (roll < 0.8) {
            const core = random.chance(0.7) ? erpOf(dept) : random.pick(warehouses);
            if (random.chance(0.75)) addFlow(hub, core, 'core'); else addFlow(core, hub, 'core');
        } else if (roll < 0.9) {
            const other = departments[random.int(0, departments.length - 1)].hub;
            if (other) addFlow(hub, other, 'cross');
        } else if (roll < 0.96 && dept.sheets.length > 0) {
            addFlow(hub, random.pick(dept.sheets), 'sheet');
        } else if (dept.spokes.length > 0) {
            const other = departments[random.int(0, departments.length - 1)];
            if (other.spokes.length > 0) addFlow(random.pick(dept.spokes), random.pick(other.spokes), 'shared');
        }
    }

    // Processes: the top-ranked end-to-end processes, each a chain of a department's flows.
    const flowsByDept = new Map<Dept, FlowSpec[]>(departments.map(dept => [dept, []]));
    for (const flow of flows) {
        if (flow.status === 'retired') continue;
        flowsByDept.get(flow.source.dept)?.push(flow);
        if (flow.target.dept !== flow.source.dept) flowsByDept.get(flow.target.dept)?.push(flow);
    }
    const processes: string[] = [];
    for (let p = 0; p < options.processes; p++) {
        const dept = departments[p % departments.length];
        const pool = flowsByDept.get(dept) ?? [];
        if (pool.length === 0) continue;
        const steps = new Set<string>();
        for (let k = random.int(3, 8); k > 0; k--) steps.add(random.pick(pool).name);
        const noun = random.pick(['ToCash', 'ToPay', 'ToHire', 'ToDeliver', 'ToResolve', 'ToReport', 'ToClose', 'ToPlan']);
        const name = unique(`${dept.name}${noun}`);
        const lines = [`process ${name} "${dept.title}: ${splitWords(noun.slice(2)).toLowerCase()} cycle" {`];
        if (p < 20) lines.push(`  rank ${p + 1}`);
        lines.push(`  needs ${random.weighted([['realtime', 3], ['every 1 hour', 3], ['daily', 4]] as const)}`);
        if (dept.champions.length > 0) lines.push(`  owner "${dept.champions[0]}"`);
        lines.push(`  steps ${[...steps].join(', ')}`);
        lines.push('}');
        processes.push(lines.join('\n'));
    }

    // Roadmaps: two lanes in flight (the article's one or two at a time), each initiative replaces
    // manual flows and delivers planned ones; a few break the WIP limit, the dependency order, the
    // change-management or ROI targets, so those rules see causes.
    const roadmapText = buildRoadmaps(random, options.initiatives, departments, flows, unique);

    // Waivers: some current, some expired, one renewed by a second accept, one naming a rule that does not exist.
    const waivers: string[] = [];
    let ticket = 100;
    for (const flow of flows) {
        if (flow.auth === 'api-key' && random.chance(0.08)) {
            const until = random.chance(0.8) ? '2029-06-30' : '2026-03-31';
            waivers.push(`accept "security/oauth2" on ${flow.name} "Vendor API only offers API keys" { ticket "OPS-${ticket++}"  until ${until} }`);
        }
    }
    for (const system of systems) {
        if (system.shadow && random.chance(0.05)) {
            waivers.push(`accept "compliance/regulated-in-shadow-it" on ${system.name} "Being replaced by the ${system.dept.title} hub" { ticket "OPS-${ticket++}"  until 2026-01-31 }`);
        }
    }
    const weakAuth = flows.find(flow => flow.auth === 'api-key' || flow.auth === 'basic') ?? flows[0];
    if (weakAuth) {
        waivers.push(`accept "security/oauth2" on ${weakAuth.name} "Pilot integration" { ticket "OPS-${ticket++}"  until 2025-12-31 }`);
        waivers.push(`accept "security/oauth2" on ${weakAuth.name} "Pilot extended" { ticket "OPS-${ticket++}"  until 2029-12-31 }`);
    }
    const legacy = systems.find(system => system.kind === 'legacy') ?? systems[0];
    waivers.push(`accept "security/legacy-ftp" on ${legacy.name} "Decommissioned next year" { ticket "OPS-${ticket++}" }`);

    // Emit, one bucket per file.
    const buckets: string[][] = Array.from({ length: fileCount }, () => []);
    buckets[0].push(OLD_POLICY, POLICY, departments.map(emitDepartment).join('\n'), USER_PLATFORMS);
    for (const entity of entities) buckets[entity.dept.bucket].push(emitEntity(entity));
    for (const system of systems) buckets[system.dept.bucket].push(emitSystem(system));
    // A system's outgoing flows are written together, one block per source system.
    const flowBlocks = new Map<Sys, string[]>();
    for (const flow of flows) {
        const block = flowBlocks.get(flow.source);
        if (block) block.push(emitFlow(flow)); else flowBlocks.set(flow.source, [emitFlow(flow)]);
    }
    for (const [source, block] of flowBlocks) buckets[source.dept.bucket].push(block.join('\n'));
    const last = buckets[fileCount - 1];
    last.push(...processes, roadmapText, waivers.join('\n'));
    const files = buckets.map((chunks, i) => {
        const slug = departments.find(dept => dept.bucket === i)?.name ?? 'estate';
        return {
            name: `${String(i + 1).padStart(2, '0')}-${slug.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.integ`,
            text: `// Generated estate (seed ${options.seed}), file ${i + 1} of ${fileCount}.\n\n${chunks.filter(chunk => chunk.length > 0).join('\n\n')}\n`
        };
    });
    return {
        files,
        stats: {
            systems: systems.length,
            flows: flows.length,
            entities: entities.length,
            fields: entities.reduce((sum, entity) => sum + entity.fields.length, 0),
            processes: processes.length,
            initiatives: (roadmapText.match(/^ {2}initiative /gm) ?? []).length,
            lines: files.reduce((sum, file) => sum + file.text.split('\n').length, 0)
        }
    };
}

// ---------------------------------------------------------------- choices

function chooseStyle(random: Random, source: Sys, target: Sys, pattern: string): FlowStyle | undefined {
    if (pattern === 'shared') return 'shared-db';
    if (pattern === 'sheet') return random.weighted([['file', 4], ['manual', 3], ['email', 3]] as const);
    if (source.kind === 'legacy' || target.kind === 'legacy') {
        return random.weighted([['file', 4], ['batch', 4], ['script', 2], ['manual', 1]] as const);
    }
    return random.weighted([
        ['api', 36], ['batch', 14], ['event', 9], ['webhook', 9], ['cdc', 4], ['file', 7], ['manual', 8], ['email', 5], ['script', 5], ['shared-db', 3]
    ] as const);
}

function scheduleFor(random: Random, style: FlowStyle): string {
    switch (style) {
        case 'api': return random.weighted([['realtime', 4], ['every 15 minutes', 3], ['hourly', 3]] as const);
        case 'webhook': case 'event': case 'cdc': case 'shared-db': return 'realtime';
        case 'batch': return random.weighted([['nightly', 5], ['daily', 3], ['hourly', 2]] as const);
        case 'file': return random.weighted([['daily', 3], ['weekly', 1]] as const);
        case 'script': return random.weighted([['nightly', 2], ['hourly', 1]] as const);
        default: return random.weighted([['weekly', 2], ['on-demand', 1], ['daily', 2]] as const);
    }
}

function chooseCarries(random: Random, entity: Ent): string[] {
    if (random.chance(0.15)) return [`${entity.name}.*`];
    const picked = new Set<string>();
    for (let k = random.int(1, 4); k > 0; k--) picked.add(random.pick(entity.fields).name);
    return [...picked].map(field => `${entity.name}.${field}`);
}

function buildRoadmaps(random: Random, count: number, departments: Dept[], flows: FlowSpec[], unique: (base: string) => string): string {
    if (count <= 0) return '';
    const manualFlows = flows.filter(flow => flow.status === 'live' && flow.style !== undefined && MANUAL_STYLES.has(flow.style));
    const plannedFlows = flows.filter(flow => flow.status === 'planned');
    const sizes = count > 20 ? [Math.ceil(count * 0.6), count - Math.ceil(count * 0.6)] : [count];
    const starts = ['2027-01', '2028-07'];
    const texts: string[] = [];
    sizes.forEach((size, r) => {
        const roadmapName = unique(`Roadmap${starts[r].slice(0, 4)}`);
        const names = Array.from({ length: size }, (_, j) => unique(`Initiative${r + 1}_${String(j + 1).padStart(2, '0')}`));
        const lines = [`roadmap ${roadmapName} "Integration roadmap from ${starts[r]}" {`, `  start ${starts[r]}`];
        names.forEach((name, j) => {
            const depts = new Set<Dept>();
            for (let k = random.int(1, 3); k > 0; k--) depts.add(random.pick(departments));
            const replaces = takeFlows(random, manualFlows, depts, random.int(1, 3));
            const delivers = takeFlows(random, plannedFlows, depts, random.int(1, 3));
            // Two lanes of three months; now and then a third initiative squeezes in (roadmap/wip-limit).
            let from = 1 + Math.floor(j / 2) * 3;
            if (j % 9 === 2) from = Math.max(1, from - 2);
            const dependsOn = j >= 2 ? [names[j - 2]] : [];
            if (j % 11 === 5 && j + 1 < size) dependsOn.push(names[j + 1]);
            // The sixth and seventh then wait for each other (roadmap/dependency-cycle).
            if (j === 6) dependsOn.push(names[5]);
            const body = [
                `  initiative ${name} "${[...depts].map(d => d.title).join(' and ')} integration" {`,
                `    priority ${j + 1}`,
                `    months ${from} to ${from + 2}`
            ];
            if (dependsOn.length > 0) body.push(`    depends-on ${dependsOn.join(', ')}`);
            body.push(`    departments ${[...depts].map(d => d.name).join(', ')}`);
            if (replaces.length > 0) body.push(`    replaces ${replaces.join(', ')}`);
            if (delivers.length > 0) body.push(`    delivers ${delivers.join(', ')}`);
            body.push(`    platform ${random.pick(HUB_PLATFORMS)}`);
            const parallel = j === 1 ? '6 weeks' : random.weighted([['3 weeks', 8], ['2 weeks', 3], ['6 weeks', 1], [undefined, 1]] as const);
            if (parallel) body.push(`    parallel-run ${parallel}`);
            const retrospective = random.weighted([['30 days', 9], ['60 days', 1], [undefined, 1]] as const);
            if (retrospective) body.push(`    retrospective ${retrospective}`);
            body.push(`    cost ${random.int(2, 30) * 10000} USD`);
            const targets = j === 3 ? 'weak' : random.weighted([['full', 17], ['weak', 2], ['none', 1]] as const);
            if (targets === 'full') {
                body.push('    targets { manual-hours -50%  error-rate below 1%  report-time -75%  productivity +15%  downtime below 2 hours per month }');
            } else if (targets === 'weak') {
                body.push('    targets { manual-hours -20%  error-rate below 5% }');
            }
            body.push('  }');
            lines.push(body.join('\n'));
        });
        lines.push('}');
        texts.push(lines.join('\n'));
    });
    return texts.join('\n\n');
}

/** Removes and returns up to `count` flow names touching the departments, so no flow is claimed twice. */
function takeFlows(random: Random, pool: FlowSpec[], depts: Set<Dept>, count: number): string[] {
    const taken: string[] = [];
    for (let i = 0; i < pool.length && taken.length < count; i++) {
        const flow = pool[i];
        if (depts.has(flow.source.dept) || depts.has(flow.target.dept) || random.chance(0.02)) {
            taken.push(flow.name);
            pool.splice(i, 1);
            i--;
        }
    }
    return taken;
}

// ---------------------------------------------------------------- text

/** An older block the main one overrides: it contradicts it and names a rule that does not exist (policy/*). */
const OLD_POLICY = `policy {
  downtime-budget 4 hours per month
  rule "security/ssso" off
}`;

const POLICY = `policy {
  wip-limit 2
  champions 2 to 3 per department
  parallel-run 2 to 4 weeks
  min-tls 1.2
  downtime-budget 2 hours per month
  hourly-cost 45 USD
}`;

function emitDepartment(dept: Dept): string {
    const champions = dept.champions.length > 0 ? ` { champions ${dept.champions.map(c => `"${c}"`).join(', ')} }` : '';
    return `department ${dept.name} "${dept.title}"${champions}`;
}

function emitEntity(entity: Ent): string {
    const lines = [`entity ${entity.name} "${entity.title}" {`];
    if (entity.masters.length > 0) lines.push(`  master ${entity.masters.join(', ')}`);
    if (entity.freshness) lines.push(`  freshness ${entity.freshness}`);
    for (const field of entity.fields) lines.push(`  field ${field.name}${field.classification ? `: ${field.classification}` : ''}`);
    lines.push('}');
    return lines.join('\n');
}

function emitSystem(system: Sys): string {
    const lines = [`system ${system.name} "${system.title}" {`];
    const facts = [`kind ${system.kind}`, system.shadow ? 'shadow' : '', system.declareDepartment ? `department ${system.dept.name}` : '', system.owner ? `owner "${system.owner}"` : '', `hosting ${system.hosting}`, system.encryption ? `encryption ${system.encryption}` : '', system.users !== undefined ? `users ${system.users}` : '']
        .filter(part => part.length > 0);
    lines.push(`  ${facts.join('  ')}`);
    if (system.stores.size > 0) lines.push(...wrapList('stores', [...system.stores].map(entity => entity.name)));
    if (system.edits.size > 0) lines.push(...wrapList('edits', [...system.edits].map(entity => entity.name)));
    if (system.supports.length > 0) lines.push(`  supports ${system.supports.join(', ')}`);
    if (system.status !== 'live') lines.push(`  status ${system.status}`);
    lines.push('}');
    return lines.join('\n');
}

/** Long lists (a warehouse stores hundreds of entities) wrap at ~100 characters. */
function wrapList(keyword: string, items: string[]): string[] {
    const lines: string[] = [];
    let current = `  ${keyword} `;
    items.forEach((item, i) => {
        const piece = item + (i < items.length - 1 ? ',' : '');
        if (current.length + piece.length > 100 && current.trim() !== keyword) {
            lines.push(current.trimEnd());
            current = '    ';
        }
        current += piece + ' ';
    });
    lines.push(current.trimEnd());
    return lines;
}

function emitFlow(flow: FlowSpec): string {
    const lines = [`flow ${flow.name} "${flow.title}" : ${flow.source.name} ${flow.twoWay ? '<->' : '->'} ${flow.target.name} {`];
    if (flow.carries.length > 0) lines.push(`  carries ${flow.carries.join(', ')}`);
    const transport = [
        flow.style ? `style ${flow.style}` : '', flow.schedule ? `schedule ${flow.schedule}` : '', flow.via ? `via ${flow.via}` : '',
        flow.auth ? `auth ${flow.auth}` : '', flow.secrets ? `secrets ${flow.secrets}` : '', flow.tls ? `tls ${flow.tls}` : ''
    ].filter(part => part.length > 0);
    const operations = [
        flow.audit ? `audit${flow.auditRetention ? ` retention ${flow.auditRetention}` : ''}` : '', flow.monitored ? 'monitored' : '',
        flow.reconciled ? 'reconciled' : '', flow.owner ? `owner "${flow.owner}"` : '', flow.effort ? `effort ${flow.effort}` : '',
        flow.errors ? `errors ${flow.errors}` : '', flow.downtime ? `downtime ${flow.downtime}` : '', flow.volume ? `volume ${flow.volume}` : '',
        `status ${flow.status}`
    ].filter(part => part.length > 0);
    // Short property lists share a line, as people write them; long ones wrap.
    const oneLine = `  ${[...transport, ...operations].join('  ')}`;
    if (oneLine.length <= 120) {
        lines.push(oneLine);
    } else {
        if (transport.length > 0) lines.push(`  ${transport.join('  ')}`);
        lines.push(`  ${operations.join('  ')}`);
    }
    lines.push('}');
    return lines.join('\n');
}

function hours(count: number): string {
    return count === 1 ? '1 hour' : `${count} hours`;
}

function splitWords(camel: string): string {
    return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}
