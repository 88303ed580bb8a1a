import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { isKnownRegion } from '../model/regions.js';
import { ADEQUACY } from '../stdlib/adequacy.js';
import { STDLIB_URI } from '../stdlib/stdlib.js';
import {
    DEFAULT_POLICY, type Declared, type Estate, type Flow, type Initiative, type Policy, type Range, type Requirements, type Roadmap,
    type Schedule, type SourceLocation, type Tls, type Capability, type Status, type Waiver, type YearMonth
} from '../model/estate.js';
import {
    LIMITS, countWithinLimit, dateWithinLimit, downtimeWithinLimit, durationWithinLimit, effortWithinLimit, moneyWithinLimit, monthWithinLimit, percentWithinLimit
} from '../model/limits.js';
import {
    addMonths, endOfDate, parsePercent, parseYearMonth, perDay, rateInHours, toDays, toMinutes, toMonths, toWeeks
} from '../model/units.js';

export interface ParsedFile {
    uri: string;
    model: ast.Model;
}

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function rangeOf(node: AstNode | undefined): Range {
    return node?.$cstNode?.range ?? EMPTY_RANGE;
}

/**
 * CST nodes of every property written directly on the node, keyed by AST property name: the same
 * answer as Langium's `GrammarUtils.findNodesForProperty` per property, in one pass over the node's CST
 * instead of one pass per property (that made building the estate quadratic in a declaration's size).
 */
function propertyNodes(node: AstNode): Map<string, CstNode[]> {
    const found = new Map<string, CstNode[]>();
    const visit = (cst: CstNode, enclosing: string | undefined): void => {
        const feature = featureOf(cst.grammarSource);
        if (feature !== undefined && feature !== enclosing) {
            const list = found.get(feature);
            if (list) list.push(cst); else found.set(feature, [cst]);
        }
        if (isCompositeCstNode(cst) && cst.astNode === node) {
            for (const child of cst.content) visit(child, feature ?? enclosing);
        }
    };
    const root = node.$cstNode;
    if (root && isCompositeCstNode(root)) {
        for (const child of root.content) visit(child, undefined);
    }
    return found;
}

/** The grammar is fixed, so which property a grammar element assigns is looked up once per element. */
const FEATURES = new WeakMap<GrammarAST.AbstractElement, string | null>();

function featureOf(element: GrammarAST.AbstractElement | undefined): string | undefined {
    if (!element) return undefined;
    let feature = FEATURES.get(element);
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(element, GrammarAST.isAssignment)?.feature ?? null;
        FEATURES.set(element, feature);
    }
    return feature ?? undefined;
}

/** Value ranges of every property written on the node, keyed by AST property name. */
function propertyRanges(node: AstNode, nodes: Map<string, CstNode[]>): Record<string, Range> {
    const ranges: Record<string, Range> = {};
    for (const [key, list] of nodes) {
        const value = (node as unknown as Record<string, unknown>)[key];
        if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
        ranges[key] = { start: list[0].range.start, end: list[list.length - 1].range.end };
    }
    return ranges;
}

/**
 * Locations depend only on the syntax tree, which Langium keeps when it re-links a file after an edit
 * elsewhere; so the language server's rebuilt estate reuses them until the file is re-parsed.
 */
const LOCATIONS = new WeakMap<AstNode, SourceLocation>();

function locate(node: AstNode & { name?: string }, uri: string): SourceLocation {
    let location = LOCATIONS.get(node);
    if (location?.uri !== uri) {
        location = locateOnce(node, uri);
        LOCATIONS.set(node, location);
    }
    return location;
}

/**
 * Every finding needs the name's range; only some need the whole declaration's or a property's, so
 * those are worked out when first read (a walk over the declaration's syntax tree each).
 */
function locateOnce(node: AstNode & { name?: string }, uri: string): SourceLocation {
    let range: Range | undefined;
    let properties: Record<string, Range> | undefined;
    return {
        uri,
        get range() {
            return range ??= rangeOf(node);
        },
        nameRange: nameNodeOf(node)?.range ?? rangeOf(node),
        get properties() {
            return properties ??= propertyRanges(node, propertyNodes(node));
        },
        builtin: uri === STDLIB_URI
    };
}

/** The CST node of the declaration's name: near its start, so found without walking the rest. */
function nameNodeOf(node: AstNode): CstNode | undefined {
    const search = (cst: CstNode, top: boolean): CstNode | undefined => {
        if (!top && featureOf(cst.grammarSource) === 'name') return cst;
        if (!isCompositeCstNode(cst) || cst.astNode !== node) return undefined;
        for (const child of cst.content) {
            const found = search(child, false);
            if (found) return found;
        }
        return undefined;
    };
    return node.$cstNode ? search(node.$cstNode, true) : undefined;
}

function names<T extends AstNode & { name: string }>(refs: Array<Reference<T>> | undefined): string[] {
    const result: string[] = [];
    for (const ref of refs ?? []) {
        const name = ref.ref?.name;
        if (name && !result.includes(name)) result.push(name);
    }
    return result;
}

function tls(version: ast.TlsVersion | undefined): Tls | undefined {
    if (!version) return undefined;
    // A version of hundreds of digits converts to Infinity (an error on the value): left out like any value past a limit.
    return version.none ? 'none' : Number.isFinite(version.version) ? version.version : undefined;
}

function schedule(node: ast.Schedule | undefined): Schedule | undefined {
    if (!node) return undefined;
    const fixed: Record<string, number | undefined> = {
        realtime: 0, hourly: 60, daily: 1440, nightly: 1440, weekly: 10080, monthly: 43200, 'on-demand': undefined
    };
    if (node.kind === 'every') {
        const every = node.every;
        return {
            kind: 'every',
            stalenessMinutes: duration(every, toMinutes),
            text: every ? `every ${every.value} ${every.unit}` : 'every'
        };
    }
    return { kind: node.kind, stalenessMinutes: fixed[node.kind], text: node.kind };
}

function requirements(list: ast.Requirement[]): Requirements {
    const result: Requirements = { audit: false, oauth2: false };
    for (const requirement of list) {
        switch (requirement.kind) {
            case 'tls': {
                const version = tls(requirement.tls);
                if (typeof version === 'number') result.minTls = version;
                break;
            }
            case 'encryption': result.encryption = requirement.encryption; break;
            case 'audit': result.audit = true; break;
            case 'oauth2': result.oauth2 = true; break;
            case 'retention':
                result.retentionMonths = duration(requirement.retention, toMonths);
                break;
        }
    }
    return result;
}

function title(node: { name: string; title?: string }): string {
    return node.title !== undefined ? unquote(node.title) : node.name;
}

/** The value converter strips quotes but keeps `\"` escapes; titles are shown unescaped. */
function unquote(text: string): string {
    return text.replace(/\\(.)/g, '$1');
}

function emptyEstate(): Estate {
    return {
        policy: { ...DEFAULT_POLICY, champions: { ...DEFAULT_POLICY.champions }, parallelRunWeeks: { ...DEFAULT_POLICY.parallelRunWeeks }, ruleSeverity: Object.create(null) as Policy['ruleSeverity'], written: [] },
        departments: new Map(), regulations: new Map(), classifications: new Map(), entities: new Map(),
        platforms: new Map(), systems: new Map(), flows: new Map(), processes: new Map(), roadmaps: new Map(),
        initiatives: new Map(), waivers: [], adequacy: { asOf: ADEQUACY.asOf, regions: [...ADEQUACY.regions] }
    };
}

/** What one declaration adds to the estate, before the names of other files are known. */
export type DeclarationContribution = Contribution | undefined;

type Contribution =
    | { kind: 'policy'; node: ast.Policy; uri: string }
    | { kind: 'waiver'; waiver: Waiver }
    | { kind: 'declared'; map: DeclaredMap; value: Declared }
    | { kind: 'roadmap'; value: Roadmap; initiatives: Initiative[] };

type DeclaredMap = 'departments' | 'regulations' | 'classifications' | 'entities' | 'platforms' | 'systems' | 'flows' | 'processes';
type EntryOf<K extends DeclaredMap> = Estate[K] extends Map<string, infer V extends Declared> ? V : never;

/**
 * One file's declarations turned into estate entries. It depends on the file's AST and on the names
 * its references resolved to, so it stays valid until the file is re-parsed or re-linked; the
 * language server keeps it across edits of other files.
 */
export interface FileContribution {
    readonly uri: string;
    readonly entries: readonly Contribution[];
}

export function contributionOf(file: ParsedFile): FileContribution {
    return fileContribution(file.uri, (file.model.elements ?? []).map(element => declarationContribution(element, file.uri)));
}

/** A file's contribution from its declarations' ones, in file order. */
export function fileContribution(uri: string, declarations: Iterable<DeclarationContribution>): FileContribution {
    const entries: Contribution[] = [];
    for (const entry of declarations) if (entry) entries.push(entry);
    return { uri, entries };
}


/**
 * Builds the estate from parsed files. The standard library goes first so that a user declaration
 * of the same name replaces it; among user declarations the first one wins (duplicates are reported
 * by the duplicate-name check).
 */
export function buildEstate(files: Iterable<ParsedFile>): Estate {
    return mergeContributions([...files].map(contributionOf));
}

/**
 * The estate of the given files' contributions, in the order `buildEstate` defines. Declarations
 * are shared with the contributions (an unchanged file's objects serve every estate built from
 * it), so nothing may change an element of an estate, and caches about an element that depend on
 * the rest of the estate are kept per estate.
 */
export function mergeContributions(contributions: Iterable<FileContribution>): Estate {
    const estate = emptyEstate();
    const ordered = [...contributions].sort((a, b) =>
        a.uri === STDLIB_URI ? -1 : b.uri === STDLIB_URI ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
    for (const file of ordered) {
        for (const entry of file.entries) merge(estate, entry);
    }
    return estate;
}

function merge(estate: Estate, entry: Contribution): void {
    switch (entry.kind) {
        case 'policy': addPolicy(estate.policy, entry.node, entry.uri); return;
        case 'waiver': estate.waivers.push(entry.waiver); return;
        case 'declared': {
            const map = estate[entry.map] as Map<string, Declared>;
            if (claimable(map, entry.value.name)) map.set(entry.value.name, entry.value);
            return;
        }
        case 'roadmap': {
            if (!claimable(estate.roadmaps, entry.value.name)) return;
            const initiatives: string[] = [];
            for (const initiative of entry.initiatives) {
                if (!claimable(estate.initiatives, initiative.name)) continue;
                initiatives.push(initiative.name);
                estate.initiatives.set(initiative.name, initiative);
            }
            estate.roadmaps.set(entry.value.name, { ...entry.value, initiatives });
        }
    }
}

/** A name is free when nothing has it yet or only the standard library does. */
function claimable(map: Map<string, Declared>, name: string | undefined): name is string {
    if (!name) return false;
    const existing = map.get(name);
    return !existing || existing.source.builtin;
}

/**
 * What one top-level declaration adds: it depends on the declaration's subtree and on the targets
 * of its references, so it holds while neither is parsed or linked again.
 */
export function declarationContribution(element: ast.Element, uri: string): DeclarationContribution {
    switch (element.$type) {
        case 'Policy': return { kind: 'policy', node: element, uri };
        case 'Accept': {
            const target = element.target?.ref?.name;
            if (!target) return undefined;
            return {
                kind: 'waiver',
                waiver: {
                    rule: element.rule ?? '', target, reason: element.reason ?? '', ticket: element.ticket,
                    until: element.until && dateWithinLimit(element.until) ? endOfDate(element.until) : undefined, source: locate(element as AstNode & { name?: string }, uri)
                }
            };
        }
    }
    if (!element.name) return undefined;
    // Written out in each literal rather than spread: an object spread followed by many properties
    // leaves V8 objects in slow (dictionary) mode, which made building and reading flows several times slower.
    const name = element.name;
    const titleText = title(element as { name: string; title?: string });
    const source = locate(element, uri);
    const declared = <K extends DeclaredMap>(map: K, value: EntryOf<K>): Contribution => ({ kind: 'declared', map, value });
    switch (element.$type) {
        case 'Department':
            return declared('departments', { kind: 'department', name, title: titleText, source, champions: element.champions.map(unquote), head: element.head });
        case 'Regulation':
            return declared('regulations', {
                kind: 'regulation', name, title: titleText, source,
                retentionMonths: duration(element.retention, toMonths)
            });
        case 'Classification':
            return declared('classifications', {
                kind: 'classification', name, title: titleText, source, level: element.level,
                regulations: names(element.regulations), requires: requirements(element.requires)
            });
        case 'Entity':
            return declared('entities', {
                kind: 'entity', name, title: titleText, source, masters: names(element.masters),
                freshnessMinutes: duration(element.freshness, toMinutes),
                fields: uniqueFields(element, uri)
            });
        case 'Platform':
            return declared('platforms', {
                kind: 'platform', name, title: titleText, source, platformKind: element.kind,
                supports: [...new Set(element.supports)] as Capability[], agreements: [...new Set(element.agreements)],
                processor: element.processor ? unquote(element.processor) : undefined,
                bestFor: element.bestFor ? unquote(element.bestFor) : undefined, volume: element.volume,
                price: element.price && complete(element.price.min, element.price.currency, element.price.per) && moneyWithinLimit(element.price.min) && moneyWithinLimit(element.price.max ?? 0) ? { min: element.price.min, max: element.price.max, currency: element.price.currency, per: element.price.per } : undefined,
                owner: element.owner ? unquote(element.owner) : undefined, monitored: element.monitored
            });
        case 'System':
            return declared('systems', {
                kind: 'system', name, title: titleText, source, systemKind: element.kind, department: element.department?.ref?.name,
                owner: element.owner ? unquote(element.owner) : undefined, hosting: element.hosting,
                // An unknown region is a language error; like an unresolved reference it is left out.
                region: element.region !== undefined && isKnownRegion(element.region) ? element.region.toLowerCase() : undefined, processor: element.processor ? unquote(element.processor) : undefined,
                agreements: [...new Set(element.agreements)], shadow: element.shadow,
                stores: names(element.stores), edits: names(element.edits), encryption: element.encryption,
                supports: [...new Set(element.supports)] as Capability[], users: count(element.users), status: (element.status ?? 'live') as Status
            });
        case 'Flow': {
            const flow = flowOf(element, { name, title: titleText, source });
            return flow && declared('flows', flow);
        }
        case 'Process':
            return declared('processes', {
                kind: 'process', name, title: titleText, source, rank: count(element.rank), purpose: element.purpose ? unquote(element.purpose) : undefined, needs: schedule(element.needs),
                owner: element.owner ? unquote(element.owner) : undefined, steps: names(element.steps)
            });
        case 'Roadmap':
            return roadmapOf(element, uri, { name, title: titleText, source });
    }
}

function uniqueFields(entity: ast.Entity, uri: string) {
    const seen = new Set<string>();
    const fields = [];
    for (const field of entity.fields) {
        if (!field.name || seen.has(field.name)) continue;
        seen.add(field.name);
        fields.push({ entity: entity.name, name: field.name, classification: field.classification?.ref?.name, source: locate(field, uri) });
    }
    return fields;
}

function flowOf(flow: ast.Flow, base: { name: string; title: string; source: SourceLocation }): Flow | undefined {
    const source = flow.source?.ref?.name;
    const target = flow.target?.ref?.name;
    if (!source || !target) return undefined;
    const carries = new Map<string, { entity: string; fields: string[]; all: boolean }>();
    for (const ref of flow.carries) {
        const entity = ref.entity?.ref;
        if (!entity) continue;
        const carried = carries.get(entity.name) ?? { entity: entity.name, fields: [], all: false };
        carries.set(entity.name, carried);
        const fields = ref.all ? entity.fields.map(f => f.name) : [ref.field?.ref?.name];
        carried.all ||= ref.all;
        for (const field of fields) {
            if (field && !carried.fields.includes(field)) carried.fields.push(field);
        }
    }
    return {
        kind: 'flow', name: base.name, title: base.title, source: base.source, sourceSystem: source, targetSystem: target, twoWay: flow.twoWay,
        carries: [...carries.values()], style: flow.style, schedule: schedule(flow.schedule), via: flow.via?.ref?.name,
        purpose: flow.purpose ? unquote(flow.purpose) : undefined, transfer: flow.transfer,
        auth: flow.auth, secrets: flow.secrets, tls: tls(flow.tls), audit: flow.audit,
        auditRetentionMonths: duration(flow.auditRetention, toMonths),
        monitored: flow.monitored, reconciled: flow.reconciled, owner: flow.owner ? unquote(flow.owner) : undefined,
        effortHoursPerWeek: flow.effort && effortWithinLimit(flow.effort.amount, flow.effort.unit, flow.effort.per) ? rateInHours(flow.effort.amount, flow.effort.unit, flow.effort.per, 'week') : undefined,
        errorRatePercent: percent(flow.errors),
        downtimeHoursPerMonth: downtimeHoursPerMonth(flow.downtime),
        volumePerDay: flow.volume && countWithinLimit(flow.volume.amount) ? perDay(flow.volume.amount, flow.volume.per) : undefined,
        status: (flow.status ?? 'live') as Status
    };
}

/** The roadmap and its initiatives; which initiatives it keeps is settled when merging (first name wins). */
function roadmapOf(roadmap: ast.Roadmap, uri: string, base: { name: string; title: string; source: SourceLocation }): Contribution {
    const start: YearMonth | undefined = roadmap.start && dateWithinLimit(roadmap.start, LIMITS.startYear) ? parseYearMonth(roadmap.start) : undefined;
    const initiatives: Initiative[] = [];
    for (const initiative of roadmap.initiatives) {
        if (!initiative.name) continue;
        const from = initiative.months?.from;
        const to = initiative.months?.to ?? from;
        const months = from !== undefined && to !== undefined ? { from, to } : undefined;
        const placed = start && months && monthWithinLimit(months.from) && monthWithinLimit(months.to);
        const targets = initiative.targets;
        initiatives.push({
            kind: 'initiative', name: initiative.name, title: title(initiative), source: locate(initiative, uri),
            roadmap: roadmap.name, priority: count(initiative.priority), months,
            startMonth: placed ? addMonths(start, months.from - 1) : undefined,
            endMonth: placed ? addMonths(start, months.to - 1) : undefined,
            dependsOn: names(initiative.dependsOn), departments: names(initiative.departments),
            replaces: names(initiative.replaces), delivers: names(initiative.delivers), retires: names(initiative.retires), platform: initiative.platform?.ref?.name,
            parallelRunWeeks: duration(initiative.parallelRun, toWeeks),
            retrospectiveDays: duration(initiative.retrospective, toDays),
            cost: initiative.cost && complete(initiative.cost.amount, initiative.cost.currency) && moneyWithinLimit(initiative.cost.amount) ? { amount: initiative.cost.amount, currency: initiative.cost.currency } : undefined,
            targets: targets ? {
                manualHoursPercent: percent(targets.manualHours),
                errorRateBelowPercent: percent(targets.errorRate),
                reportTimePercent: percent(targets.reportTime),
                productivityPercent: percent(targets.productivity),
                downtimeBelowHoursPerMonth: downtimeHoursPerMonth(targets.downtime)
            } : undefined
        });
    }
    return { kind: 'roadmap', value: { kind: 'roadmap', name: base.name, title: base.title, source: base.source, start, initiatives: [] }, initiatives };
}

/**
 * What a setting sets and to what, by meaning: `2 hours per month` and `120 minutes per month` agree.
 * Undefined while the setting is incomplete (a syntax error is reported there), so half-typed
 * settings neither conflict nor name an unknown rule.
 */
function settingMeaning(setting: ast.PolicySetting): { key: string; value: unknown } | undefined {
    const meaning = (key: string, value: unknown, ...parts: unknown[]) => complete(value, ...parts) ? { key, value } : undefined;
    switch (setting.$type) {
        case 'WipLimit': return meaning('wip-limit', setting.value);
        case 'ChampionsPolicy': return meaning('champions', [setting.min, setting.max ?? setting.min], setting.min);
        case 'ParallelRunPolicy':
            return meaning('parallel-run', setting.unit && [toWeeks(setting.min, setting.unit), toWeeks(setting.max ?? setting.min, setting.unit)], setting.min);
        case 'MinTls': return meaning('min-tls', tls(setting.version));
        case 'DowntimeBudget':
            return meaning('downtime-budget', setting.rate && rateInHours(setting.rate.amount, setting.rate.unit, setting.rate.per, 'month'), setting.rate?.amount, setting.rate?.unit, setting.rate?.per);
        case 'RuleSeverity': return meaning(`rule "${setting.rule}"`, setting.severity, setting.rule);
        case 'HourlyCost': return meaning('hourly-cost', [setting.amount, setting.currency], setting.amount, setting.currency);
    }
}

function addPolicy(policy: Policy, node: ast.Policy, uri: string): void {
    const properties: Record<string, Range> = { ...policy.source?.properties };
    for (const setting of node.settings) {
        const meaning = settingMeaning(setting);
        if (meaning) {
            policy.written.push({
                key: meaning.key, value: JSON.stringify(meaning.value), text: setting.$cstNode?.text.replace(/\s+/g, ' ') ?? meaning.key,
                source: {
                    uri, range: rangeOf(setting), block: rangeOf(node),
                    ruleRange: setting.$type === 'RuleSeverity' ? propertyRanges(setting, propertyNodes(setting)).rule : undefined
                }
            });
        }
        switch (setting.$type) {
            // A value past the language's limits (an error on the value) leaves the default, as a value the parser recovered past does.
            case 'WipLimit':
                if (count(setting.value) !== undefined) policy.wipLimit = setting.value;
                properties.wipLimit = rangeOf(setting);
                break;
            case 'ChampionsPolicy':
                if (count(setting.min) !== undefined && count(setting.max ?? setting.min) !== undefined) policy.champions = { min: setting.min, max: setting.max ?? setting.min };
                properties.champions = rangeOf(setting);
                break;
            case 'ParallelRunPolicy':
                // Without its unit (a syntax error) the setting means nothing; the default stays.
                if (setting.unit && durationWithinLimit(setting.min, setting.unit) && durationWithinLimit(setting.max ?? setting.min, setting.unit)) {
                    policy.parallelRunWeeks = { min: toWeeks(setting.min, setting.unit), max: toWeeks(setting.max ?? setting.min, setting.unit) };
                }
                properties.parallelRun = rangeOf(setting);
                break;
            case 'MinTls': {
                const version = tls(setting.version);
                if (typeof version === 'number') policy.minTls = version;
                properties.minTls = rangeOf(setting);
                break;
            }
            case 'DowntimeBudget':
                policy.downtimeBudgetHoursPerMonth = downtimeHoursPerMonth(setting.rate) ?? policy.downtimeBudgetHoursPerMonth;
                properties.downtimeBudget = rangeOf(setting);
                break;
            case 'RuleSeverity':
                if (setting.rule !== undefined && setting.severity) {
                    policy.ruleSeverity[setting.rule] = setting.severity as Policy['ruleSeverity'][string];
                    properties[`rule:${setting.rule}`] = rangeOf(setting);
                }
                break;
            case 'HourlyCost':
                if (complete(setting.amount, setting.currency) && moneyWithinLimit(setting.amount)) policy.hourlyCost = { amount: setting.amount, currency: setting.currency };
                properties.hourlyCost = rangeOf(setting);
                break;
        }
    }
    policy.source = { uri, range: rangeOf(node), properties };
}

/**
 * False when the parser recovered past part of a value (a syntax error is reported there): an amount
 * without its currency means nothing, and downstream code may rely on every part being present.
 */
function complete(...parts: unknown[]): boolean {
    return parts.every(part => part !== undefined && part !== '');
}

/** A duration in the unit `convert` gives; left out past the language's limit (the validator reports it there). */
function duration(node: ast.Duration | undefined, convert: (value: number, unit: string) => number): number | undefined {
    return node && durationWithinLimit(node.value, node.unit) ? convert(node.value, node.unit) : undefined;
}

function count(value: number | undefined): number | undefined {
    return value !== undefined && countWithinLimit(value) ? value : undefined;
}

function percent(text: string | undefined): number | undefined {
    const value = parsePercent(text);
    return value !== undefined && percentWithinLimit(value) ? value : undefined;
}

function downtimeHoursPerMonth(rate: ast.Rate | undefined): number | undefined {
    return rate && downtimeWithinLimit(rate.amount, rate.unit, rate.per) ? rateInHours(rate.amount, rate.unit, rate.per, 'month') : undefined;
}
