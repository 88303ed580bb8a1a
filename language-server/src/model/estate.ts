/**
 * The resolved estate: plain data computed from the AST once per workspace build. Every analysis
 * (rules, diagram, roadmap, report) reads this, never the AST, so the CLI, the server and the
 * tests share it. References are names of declarations that exist in the estate: an unresolved
 * reference is a link error and is left out here.
 */

/** Zero-based line and character, as in LSP. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Where a declaration is written, so findings can point at it. */
export interface SourceLocation {
    uri: string;
    /** The whole declaration. */
    range: Range;
    /** Its name, where diagnostics about the declaration as a whole go. */
    nameRange: Range;
    /** Value ranges of the properties that are written, keyed by AST property name (`tls`, `auth`, `carries`, `parallelRun` …); lists span first to last value. */
    properties: Record<string, Range>;
    /** True for declarations of the standard library. */
    builtin: boolean;
}

export type DeclarationKind =
    | 'department' | 'regulation' | 'classification' | 'entity' | 'platform' | 'system'
    | 'flow' | 'process' | 'roadmap' | 'initiative';

export interface Declared {
    kind: DeclarationKind;
    name: string;
    /** The quoted title, or the name when there is none. */
    title: string;
    source: SourceLocation;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Level = 'public' | 'internal' | 'confidential' | 'restricted';
export type Encryption = 'none' | 'aes128' | 'aes256';
/** `none`, or a version such as 1.2. */
export type Tls = 'none' | number;
export type Capability = 'open-api' | 'webhooks' | 'bulk' | 'connectors' | 'sso' | 'sso-saml' | 'sso-oidc' | 'events' | 'cdc';
export type SystemKind =
    | 'crm' | 'erp' | 'finance' | 'hr' | 'payroll' | 'marketing' | 'supply-chain' | 'analytics'
    | 'spreadsheet' | 'personal-tool' | 'custom' | 'legacy';
export type Hosting = 'saas' | 'cloud' | 'on-prem' | 'desktop';
export type Status = 'live' | 'planned' | 'retired';
export type FlowStyle = 'manual' | 'email' | 'file' | 'batch' | 'api' | 'webhook' | 'event' | 'cdc' | 'script' | 'shared-db';
export type AuthKind = 'oauth2' | 'mtls' | 'api-key' | 'basic' | 'shared-account' | 'none';
export type SecretStore = 'vault' | 'platform' | 'env' | 'hardcoded';
export type VolumeTier = 'low' | 'moderate' | 'high';
/** Data processing agreement (GDPR Art. 28), business associate agreement (HIPAA). */
export type Agreement = 'dpa' | 'baa';
/** What makes a transfer of personal data out of the EEA lawful (GDPR Art. 45–47). */
export type TransferSafeguard = 'adequacy' | 'scc' | 'bcr';

/** One setting of a `policy` block as written; settings may be spread over blocks in several files. */
export interface PolicySetting {
    /** What it sets: `wip-limit`, `min-tls`, … or `rule "<id>"`. */
    key: string;
    /** The value it sets, by meaning and as JSON: `2 hours per month` and `120 minutes per month` are equal. */
    value: string;
    /** The setting as written, for messages. */
    text: string;
    /** Where: the whole setting; for `rule "…"` also the rule id's string; and the block it is in. */
    source: { uri: string; range: Range; ruleRange?: Range; block: Range };
}

export interface Policy {
    wipLimit: number;
    champions: { min: number; max: number };
    parallelRunWeeks: { min: number; max: number };
    minTls: number;
    downtimeBudgetHoursPerMonth: number;
    /** Per-rule severity overrides, keyed by rule id. */
    ruleSeverity: Record<string, SeveritySetting>;
    /** Loaded cost of one hour of manual work, for ROI; undefined when not set. */
    hourlyCost?: { amount: number; currency: string };
    /** Where each setting is written (keyword → range); empty when the defaults apply. */
    source?: { uri: string; range: Range; properties: Record<string, Range> };
    /** Every setting of every `policy` block, in the order they are applied (file name, then text order): a later one wins. */
    written: PolicySetting[];
}

export interface Department extends Declared {
    kind: 'department';
    champions: string[];
    head?: string;
}

export interface Regulation extends Declared {
    kind: 'regulation';
    retentionMonths?: number;
}

export interface Requirements {
    minTls?: number;
    encryption?: Encryption;
    audit: boolean;
    oauth2: boolean;
    retentionMonths?: number;
}

export interface Classification extends Declared {
    kind: 'classification';
    level?: Level;
    regulations: string[];
    requires: Requirements;
}

export interface Field {
    entity: string;
    name: string;
    classification?: string;
    source: SourceLocation;
}

export interface Entity extends Declared {
    kind: 'entity';
    masters: string[];
    freshnessMinutes?: number;
    fields: Field[];
}

export interface PriceRange { min: number; max?: number; currency: string; per: 'month' | 'year' }

export interface Platform extends Declared {
    kind: 'platform';
    platformKind?: string;
    supports: Capability[];
    agreements: Agreement[];
    /** The external processor (vendor) that runs it. */
    processor?: string;
    bestFor?: string;
    volume?: VolumeTier;
    price?: PriceRange;
    /** Who runs the platform; integrations on it are theirs unless a flow names its own owner. */
    owner?: string;
    /** The platform monitors every integration it runs (alerting and retry). */
    monitored: boolean;
}

export interface System extends Declared {
    kind: 'system';
    systemKind?: SystemKind;
    department?: string;
    owner?: string;
    hosting?: Hosting;
    /** Where it is hosted: `eu`, `eea` or an ISO 3166 country code, lower case (`uk` for `gb`). */
    region?: string;
    /** The external processor (vendor) that runs it, and the agreements signed with it. */
    processor?: string;
    agreements: Agreement[];
    shadow: boolean;
    stores: string[];
    edits: string[];
    encryption?: Encryption;
    supports: Capability[];
    users?: number;
    status: Status;
}

export interface Schedule {
    kind: 'realtime' | 'hourly' | 'daily' | 'nightly' | 'weekly' | 'monthly' | 'on-demand' | 'every';
    /** How stale data can be under this schedule, in minutes (0 for realtime, undefined for on-demand). */
    stalenessMinutes?: number;
    /** As written, e.g. `every 15 minutes`. */
    text: string;
}

export interface CarriedData {
    entity: string;
    /** Field names carried; for `Entity.*` every field of the entity. */
    fields: string[];
    all: boolean;
}

export interface Flow extends Declared {
    kind: 'flow';
    sourceSystem: string;
    targetSystem: string;
    twoWay: boolean;
    carries: CarriedData[];
    style?: FlowStyle;
    schedule?: Schedule;
    via?: string;
    purpose?: string;
    transfer?: TransferSafeguard;
    auth?: AuthKind;
    secrets?: SecretStore;
    tls?: Tls;
    audit: boolean;
    auditRetentionMonths?: number;
    monitored: boolean;
    reconciled: boolean;
    owner?: string;
    effortHoursPerWeek?: number;
    errorRatePercent?: number;
    downtimeHoursPerMonth?: number;
    volumePerDay?: number;
    status: Status;
}

export interface Process extends Declared {
    kind: 'process';
    rank?: number;
    purpose?: string;
    needs?: Schedule;
    owner?: string;
    steps: string[];
}

export interface Targets {
    manualHoursPercent?: number;
    errorRateBelowPercent?: number;
    reportTimePercent?: number;
    productivityPercent?: number;
    downtimeBelowHoursPerMonth?: number;
}

/** A calendar month: year and month 1–12. */
export interface YearMonth { year: number; month: number }

export interface Initiative extends Declared {
    kind: 'initiative';
    roadmap: string;
    priority?: number;
    /** Months relative to the roadmap start, 1-based, as written. */
    months?: { from: number; to: number };
    /** Absolute months, when the roadmap has a start and the initiative has months. */
    startMonth?: YearMonth;
    endMonth?: YearMonth;
    dependsOn: string[];
    departments: string[];
    replaces: string[];
    delivers: string[];
    /** Systems switched off when the initiative is done. */
    retires: string[];
    platform?: string;
    parallelRunWeeks?: number;
    retrospectiveDays?: number;
    cost?: { amount: number; currency: string };
    targets?: Targets;
}

export interface Roadmap extends Declared {
    kind: 'roadmap';
    start?: YearMonth;
    initiatives: string[];
}

export interface Waiver {
    rule: string;
    target: string;
    reason: string;
    ticket?: string;
    /** ISO date `YYYY-MM-DD` (a `YYYY-MM` until means the end of that month). */
    until?: string;
    source: SourceLocation;
}

export interface Estate {
    policy: Policy;
    departments: Map<string, Department>;
    regulations: Map<string, Regulation>;
    classifications: Map<string, Classification>;
    entities: Map<string, Entity>;
    platforms: Map<string, Platform>;
    systems: Map<string, System>;
    flows: Map<string, Flow>;
    processes: Map<string, Process>;
    roadmaps: Map<string, Roadmap>;
    initiatives: Map<string, Initiative>;
    waivers: Waiver[];
    /** Where the EU has decided a country's protection of personal data is adequate; from the standard library. */
    adequacy: AdequacyDecisions;
}

export interface AdequacyDecisions {
    /** The day the list was last checked against the Commission's decisions. */
    asOf: string;
    /** Region codes, as `System.region` spells them. */
    regions: string[];
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
    wipLimit: 2,
    champions: { min: 2, max: 3 },
    parallelRunWeeks: { min: 2, max: 4 },
    minTls: 1.2,
    downtimeBudgetHoursPerMonth: 2,
    ruleSeverity: {},
    written: []
});
