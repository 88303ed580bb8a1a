import type { Estate, Flow, Initiative, Targets } from '../model/estate.js';
import { indexEstate, type EstateIndex } from '../model/estate-index.js';
import { formatYearMonth } from '../model/units.js';
import { ALL_RULES } from '../rules/all-rules.js';
import type { Finding, FindingElement } from '../rules/finding.js';
import type { Rule } from '../rules/rule-kit.js';
import { ARTICLE_TARGETS } from '../rules/roi-rules.js';
import { runRules } from '../rules/run-rules.js';
import {
    coverage, currentSystems, flowHours, liveFlows, manualHours,
    type Coverage, type ManualHours
} from '../model/inventory.js';
import { hoursSavedPerWeek } from '../model/initiative-impact.js';
import { InitiativeGaps, applied, disappeared, versionsAfter } from './initiative-gaps.js';
import { scheduleRoadmaps } from './roadmap-schedule.js';
import { roundToTenth } from '../model/rounding.js';

export interface ClosedGap {
    ruleId: string;
    message: string;
    element: FindingElement;
}

export interface ReplacedFlow {
    name: string;
    title: string;
    style?: string;
    /** Hours per week this initiative eliminates; the article's 15 h midpoint when `estimated`. */
    hoursPerWeek: number;
    estimated: boolean;
    errorRatePercent?: number;
}

export type TargetMetric = 'manual-hours' | 'error-rate' | 'report-time' | 'productivity' | 'downtime';

export interface TargetComparison {
    metric: TargetMetric;
    label: string;
    /** The initiative's target as written, or undefined when it sets none for this metric. */
    written?: string;
    article: string;
    /** Whether the written target is at least as ambitious as the article's; undefined when not written. */
    meets?: boolean;
}

export interface InitiativeImpact {
    name: string;
    title: string;
    roadmap: string;
    priority?: number;
    /** `YYYY-MM`. */
    start?: string;
    end?: string;
    /** Gap findings of today's estate that disappear once this initiative is done. */
    closes: ClosedGap[];
    hoursPerWeek: number;
    replaced: ReplacedFlow[];
    delivered: Array<{ name: string; title: string; style?: string; errorRatePercent?: number }>;
    /** Replaced flows of regulated data with security/compliance findings, replaced by delivered flows without any. */
    broughtIntoCompliance: string[];
    departments: Array<{ name: string; title: string; champions: string[]; enoughChampions: boolean }>;
    platform?: string;
    parallelRunWeeks?: number;
    parallelRunWithinPolicy?: boolean;
    retrospectiveDays?: number;
    /** `YYYY-MM-DD`: the end month's last day plus the retrospective days. */
    retrospectiveDate?: string;
    targets: TargetComparison[];
    cost?: { amount: number; currency: string };
    savingsPerYear?: { amount: number; currency: string };
    paybackMonths?: number;
}

export interface FindingCounts {
    errors: number;
    warnings: number;
    infos: number;
    /** Covered by an `accept` waiver: shown, not counted in the other figures. */
    accepted: number;
    gaps: number;
}

export interface RoiRow {
    metric: TargetMetric;
    label: string;
    article: string;
    /** What the roadmap's `targets` promise: how many initiatives meet the article, of those that set one. */
    planned: string;
    /** What the model itself shows after the roadmap, when it has the figures. */
    modelled?: string;
    meets?: boolean;
}

export interface RoadmapTotals {
    hoursPerWeek: number;
    hoursPerYear: number;
    /** Replaced manual flows counted at the article's midpoint because they have no `effort`. */
    estimatedFlows: number;
    manualHoursBefore: ManualHours;
    manualHoursAfter: ManualHours;
    coverageBefore: Coverage;
    coverageAfter: Coverage;
    findingsBefore: FindingCounts;
    findingsAfter: FindingCounts;
    gapsClosed: number;
    broughtIntoCompliance: number;
    roi: RoiRow[];
    cost?: { amount: number; currency: string };
    savingsPerYear?: { amount: number; currency: string };
    paybackMonths?: number;
}

export interface RoadmapImpact {
    initiatives: InitiativeImpact[];
    totals: RoadmapTotals;
}

export interface ImpactOptions {
    /** `YYYY-MM-DD`, passed to the rules (waivers) and the schedule. */
    today: string;
    /** Findings of today's estate when already computed (the workspace analysis has them). */
    findings?: Finding[];
    rules?: readonly Rule[];
}

/**
 * The estate once the given initiatives are done: the flows they replace are retired, the flows
 * they deliver are live, and planned systems those flows touch are live. The input is not changed.
 */
export function applyInitiatives(estate: Estate, initiatives: Iterable<Initiative>): Estate {
    return { ...estate, ...applied(estate, versionsAfter(estate, initiatives)) };
}

function isGap(finding: Finding): boolean {
    return finding.ruleId.startsWith('gap/');
}

function isSecurityOrCompliance(finding: Finding): boolean {
    return finding.ruleId.startsWith('security/') || finding.ruleId.startsWith('compliance/');
}

export function countFindings(findings: Finding[]): FindingCounts {
    const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, accepted: 0, gaps: 0 };
    for (const finding of findings) {
        if (finding.accepted) { counts.accepted++; continue; }
        if (finding.severity === 'error') counts.errors++;
        else if (finding.severity === 'warning') counts.warnings++;
        else counts.infos++;
        if (isGap(finding)) counts.gaps++;
    }
    return counts;
}

function signed(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}

function compareTargets(targets: Targets | undefined): TargetComparison[] {
    const t = targets ?? {};
    const a = ARTICLE_TARGETS;
    return [
        { metric: 'manual-hours', label: 'Manual data entry hours', article: `${a.manualHoursPercent}%`,
            written: t.manualHoursPercent === undefined ? undefined : `${signed(t.manualHoursPercent)}%`,
            meets: t.manualHoursPercent === undefined ? undefined : t.manualHoursPercent <= a.manualHoursPercent },
        { metric: 'error-rate', label: 'Error rate', article: `below ${a.errorRateBelowPercent}%`,
            written: t.errorRateBelowPercent === undefined ? undefined : `below ${t.errorRateBelowPercent}%`,
            meets: t.errorRateBelowPercent === undefined ? undefined : t.errorRateBelowPercent <= a.errorRateBelowPercent },
        { metric: 'report-time', label: 'Report generation time', article: `${a.reportTimePercent}%`,
            written: t.reportTimePercent === undefined ? undefined : `${signed(t.reportTimePercent)}%`,
            meets: t.reportTimePercent === undefined ? undefined : t.reportTimePercent <= a.reportTimePercent },
        { metric: 'productivity', label: 'Employee productivity', article: `+${a.productivityPercent.min}–${a.productivityPercent.max}%`,
            written: t.productivityPercent === undefined ? undefined : `${signed(t.productivityPercent)}%`,
            meets: t.productivityPercent === undefined ? undefined : t.productivityPercent >= a.productivityPercent.min },
        { metric: 'downtime', label: 'Integration downtime', article: `below ${a.downtimeBelowHoursPerMonth} h/month`,
            written: t.downtimeBelowHoursPerMonth === undefined ? undefined : `below ${t.downtimeBelowHoursPerMonth} h/month`,
            meets: t.downtimeBelowHoursPerMonth === undefined ? undefined : t.downtimeBelowHoursPerMonth <= a.downtimeBelowHoursPerMonth }
    ];
}

function retrospectiveDate(initiative: Initiative): string | undefined {
    if (!initiative.endMonth || initiative.retrospectiveDays === undefined) return undefined;
    const date = new Date(Date.UTC(initiative.endMonth.year, initiative.endMonth.month, 0) + initiative.retrospectiveDays * 86_400_000);
    // The language's limits keep this well inside JavaScript's calendar; past it (`retrospective 300000 years`
    // before them) toISOString threw, so a date that is not one is left out rather than formatted.
    if (Number.isNaN(date.getTime())) return undefined;
    // Written out rather than sliced from toISOString, which writes years past 9999 as `+010049`.
    const two = (n: number) => String(n).padStart(2, '0');
    return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}

/** Same counting as `hoursSavedPerWeek` (which roadmap/priority-order uses), per flow. */
function replacedFlow(flow: Flow): ReplacedFlow {
    const { hours, estimated } = flow.status === 'retired' ? { hours: 0, estimated: false } : flowHours(flow);
    return { name: flow.name, title: flow.title, style: flow.style, hoursPerWeek: hours, estimated, errorRatePercent: flow.errorRatePercent };
}

/** What the hours saved are worth a year at the policy's `hourly-cost`, and the months a cost in its currency takes to pay back. */
export function savings(hoursPerWeek: number, estate: Estate, cost: Initiative['cost']): { savingsPerYear?: InitiativeImpact['savingsPerYear']; paybackMonths?: number } {
    const hourly = estate.policy.hourlyCost;
    if (!hourly) return {};
    const savingsPerYear = { amount: Math.round(hoursPerWeek * 52 * hourly.amount), currency: hourly.currency };
    if (!cost || cost.currency !== hourly.currency || savingsPerYear.amount <= 0) return { savingsPerYear };
    return { savingsPerYear, paybackMonths: roundToTenth(cost.amount / (savingsPerYear.amount / 12)) };
}

/** What every initiative reads of today's estate and findings, worked out once for all of them. */
interface Baseline {
    estate: Estate;
    index: EstateIndex;
    gaps: InitiativeGaps;
    /** Flows with a security or compliance finding. */
    flowsWithControlFindings: Set<string>;
}

function initiativeImpact(initiative: Initiative, { estate, index, gaps, flowsWithControlFindings }: Baseline): InitiativeImpact {
    const replacedFlows = initiative.replaces.map(name => estate.flows.get(name)).filter((f): f is Flow => f !== undefined);
    const deliveredFlows = initiative.delivers.map(name => estate.flows.get(name)).filter((f): f is Flow => f !== undefined);
    const replaced = replacedFlows.map(replacedFlow);
    const hoursPerWeek = hoursSavedPerWeek(estate, initiative).hoursPerWeek;

    const closes = gaps.closedBy(initiative).map(f => ({ ruleId: f.ruleId, message: f.message, element: f.element }));

    const deliveredCompliant = deliveredFlows.length > 0 && deliveredFlows.every(flow => !flowsWithControlFindings.has(flow.name));
    const broughtIntoCompliance = deliveredCompliant
        ? replacedFlows.filter(flow => index.carriesRegulated(flow) && flowsWithControlFindings.has(flow.name)).map(flow => flow.name)
        : [];

    const policy = estate.policy;
    const departments = initiative.departments.map(name => {
        const department = estate.departments.get(name);
        const champions = department?.champions ?? [];
        return { name, title: department?.title ?? name, champions, enoughChampions: champions.length >= policy.champions.min };
    });
    const parallelRunWeeks = initiative.parallelRunWeeks;
    return {
        name: initiative.name, title: initiative.title, roadmap: initiative.roadmap, priority: initiative.priority,
        start: initiative.startMonth ? formatYearMonth(initiative.startMonth) : undefined,
        end: initiative.endMonth ? formatYearMonth(initiative.endMonth) : undefined,
        closes, hoursPerWeek, replaced,
        delivered: deliveredFlows.map(flow => ({ name: flow.name, title: flow.title, style: flow.style, errorRatePercent: flow.errorRatePercent })),
        broughtIntoCompliance, departments, platform: initiative.platform,
        parallelRunWeeks,
        parallelRunWithinPolicy: parallelRunWeeks === undefined ? undefined
            : parallelRunWeeks >= policy.parallelRunWeeks.min && parallelRunWeeks <= policy.parallelRunWeeks.max,
        retrospectiveDays: initiative.retrospectiveDays,
        retrospectiveDate: retrospectiveDate(initiative),
        targets: compareTargets(initiative.targets),
        cost: initiative.cost,
        ...savings(hoursPerWeek, estate, initiative.cost)
    };
}

function roiRows(impacts: InitiativeImpact[], manualBefore: ManualHours, manualAfter: ManualHours, toBe: Estate): RoiRow[] {
    const rows: RoiRow[] = [];
    const metrics = compareTargets(undefined);
    const afterFlows = liveFlows(toBe);
    for (const metric of metrics) {
        const written = impacts.map(i => i.targets.find(t => t.metric === metric.metric)).filter(t => t?.written !== undefined);
        const meeting = written.filter(t => t?.meets).length;
        const planned = written.length === 0 ? 'not set' : `${meeting} of ${written.length} initiatives meet it`;
        const row: RoiRow = { metric: metric.metric, label: metric.label, article: metric.article, planned };
        if (metric.metric === 'manual-hours' && manualBefore.hoursPerWeek > 0) {
            const change = roundToTenth((manualAfter.hoursPerWeek - manualBefore.hoursPerWeek) / manualBefore.hoursPerWeek * 100);
            row.modelled = `${signed(change)}% (${manualBefore.hoursPerWeek} → ${manualAfter.hoursPerWeek} h/week)`;
            row.meets = change <= ARTICLE_TARGETS.manualHoursPercent;
        }
        if (metric.metric === 'error-rate') {
            const rates = afterFlows.filter(f => f.errorRatePercent !== undefined);
            if (rates.length) {
                const worst = rates.reduce((a, b) => (b.errorRatePercent! > a.errorRatePercent! ? b : a));
                row.modelled = `worst live flow ${worst.errorRatePercent}% (${worst.name})`;
                row.meets = worst.errorRatePercent! < ARTICLE_TARGETS.errorRateBelowPercent;
            }
        }
        if (metric.metric === 'downtime') {
            const downs = afterFlows.filter(f => f.downtimeHoursPerMonth !== undefined);
            if (downs.length) {
                const worst = downs.reduce((a, b) => (b.downtimeHoursPerMonth! > a.downtimeHoursPerMonth! ? b : a));
                row.modelled = `worst live flow ${worst.downtimeHoursPerMonth} h/month (${worst.name})`;
                row.meets = worst.downtimeHoursPerMonth! < ARTICLE_TARGETS.downtimeBelowHoursPerMonth;
            }
        }
        rows.push(row);
    }
    return rows;
}

/**
 * What the roadmap buys: per initiative the gaps it closes, hours, compliance, change management
 * and targets; in total the estate before → after every initiative is done.
 */
export function roadmapImpact(estate: Estate, options: ImpactOptions): RoadmapImpact {
    const rules = options.rules ?? ALL_RULES;
    const before = options.findings ?? runRules(estate, { rules, today: options.today });
    const order = scheduleRoadmaps(estate, options.today);
    const names = [...order.initiatives.map(i => i.name), ...order.unscheduled.map(i => i.name)];
    const initiatives = names.map(name => estate.initiatives.get(name)!);
    const baseline: Baseline = {
        estate,
        index: indexEstate(estate),
        gaps: new InitiativeGaps(estate, rules.filter(rule => rule.id.startsWith('gap/')), options.today),
        flowsWithControlFindings: new Set(before.filter(f => f.element.kind === 'flow' && isSecurityOrCompliance(f)).map(f => f.element.name))
    };
    const impacts = initiatives.map(initiative => initiativeImpact(initiative, baseline));

    const toBe = applyInitiatives(estate, initiatives);
    const after = runRules(toBe, { rules, today: options.today });
    const manualBefore = manualHours(liveFlows(estate));
    const manualAfter = manualHours(liveFlows(toBe));
    const hoursPerWeek = roundToTenth(impacts.reduce((sum, i) => sum + i.hoursPerWeek, 0));
    const costs = impacts.map(i => i.cost).filter((c): c is NonNullable<typeof c> => c !== undefined);
    const currency = costs[0]?.currency;
    const cost = costs.length && costs.every(c => c.currency === currency)
        ? { amount: costs.reduce((sum, c) => sum + c.amount, 0), currency: currency! } : undefined;
    return {
        initiatives: impacts,
        totals: {
            hoursPerWeek,
            hoursPerYear: roundToTenth(hoursPerWeek * 52),
            estimatedFlows: impacts.reduce((sum, i) => sum + i.replaced.filter(f => f.estimated).length, 0),
            manualHoursBefore: manualBefore,
            manualHoursAfter: manualAfter,
            coverageBefore: coverage(currentSystems(estate), liveFlows(estate)),
            coverageAfter: coverage(currentSystems(toBe), liveFlows(toBe)),
            findingsBefore: countFindings(before),
            findingsAfter: countFindings(after),
            gapsClosed: disappeared(before.filter(isGap), after.filter(isGap)).length,
            broughtIntoCompliance: impacts.reduce((sum, i) => sum + i.broughtIntoCompliance.length, 0),
            roi: roiRows(impacts, manualBefore, manualAfter, toBe),
            cost,
            ...savings(hoursPerWeek, estate, cost)
        }
    };
}
