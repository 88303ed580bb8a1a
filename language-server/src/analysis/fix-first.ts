import type { Estate, Severity } from '../model/estate.js';
import { indexEstate, type EstateIndex } from '../model/estate-index.js';
import { CATALOGUE } from '../rules/catalogue.js';
import type { Finding } from '../rules/finding.js';
import { heldFields } from '../rules/holdings.js';
import { areaOf } from './findings-totals.js';
import { flowHours } from '../model/inventory.js';
import { roundToTenth } from '../model/rounding.js';

/** One of the open findings to act on first, with the figures it was ranked by. */
export interface FixFirstRow {
    finding: Finding;
    /** Hours a week a person spends on the flow that fixing this gap would save (0 for other areas). */
    hoursPerWeek: number;
    /** The flow's hours are the article's estimate, not a written `effort`. */
    hoursEstimated: boolean;
    /** Regulated fields (`Entity.field`) the element carries or holds, for a security or compliance finding. */
    regulatedFields: string[];
    /** Other open findings on the same element that this row stands for (same kind of impact). */
    alsoRules: string[];
    /** The quick fix that resolves it in the editor, when there is one. */
    fix?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const EXPOSURE_AREAS: ReadonlySet<string> = new Set(['security', 'compliance']);
const CATALOGUE_RANK = new Map(CATALOGUE.map((rule, i) => [rule.id, i]));

/** The manual hours a week fixing the finding would save: its flow's, for a gap on a flow; 0 otherwise. */
export function gapHoursOf(finding: Finding, estate: Estate): { hours: number; estimated: boolean } {
    if (areaOf(finding.ruleId) !== 'gap' || finding.element.kind !== 'flow') return { hours: 0, estimated: false };
    const flow = estate.flows.get(finding.element.name);
    return flow ? flowHours(flow) : { hours: 0, estimated: false };
}

function regulatedFieldsOf(finding: Finding, estate: Estate, index: EstateIndex): string[] {
    if (!EXPOSURE_AREAS.has(areaOf(finding.ruleId))) return [];
    const { kind, name } = finding.element;
    const regulated = (fields: readonly { entity: string; field: string; classification?: { regulations: readonly string[] } }[]) =>
        [...new Set(fields.filter(f => (f.classification?.regulations.length ?? 0) > 0).map(f => `${f.entity}.${f.field}`))];
    if (kind === 'flow') {
        const flow = estate.flows.get(name);
        return flow ? regulated(index.carriedFields(flow)) : [];
    }
    if (kind === 'system') {
        const system = estate.systems.get(name);
        return system ? regulated(heldFields(system, { index }, classification => classification.regulations.length > 0)) : [];
    }
    if (kind === 'entity') return regulated(index.regulatedFields(name));
    return [];
}

type Ranked = Omit<FixFirstRow, 'fix'>;

function byImpact(a: Ranked, b: Ranked): number {
    return b.hoursPerWeek - a.hoursPerWeek
        || b.regulatedFields.length - a.regulatedFields.length
        || SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity]
        || (CATALOGUE_RANK.get(a.finding.ruleId) ?? CATALOGUE.length) - (CATALOGUE_RANK.get(b.finding.ruleId) ?? CATALOGUE.length)
        || a.finding.element.name.localeCompare(b.finding.element.name);
}

/** Ranks a list and keeps one row per element: its first finding, naming the others. */
function onePerElement(rows: Ranked[]): Ranked[] {
    const kept = new Map<string, Ranked>();
    for (const row of rows.sort(byImpact)) {
        const key = `${row.finding.element.kind}\u0000${row.finding.element.name}`;
        const first = kept.get(key);
        if (first) first.alsoRules.push(row.finding.ruleId);
        else kept.set(key, row);
    }
    return [...kept.values()];
}

/**
 * The open findings with the largest impact. Hours and exposure are different currencies and are
 * never added: the list alternates the gap that costs the most manual hours a week with the
 * security or compliance finding that exposes the most regulated fields, and fills up with the
 * rest by severity. An element appears once per kind of impact, its other findings named with it.
 */
export function fixFirst(estate: Estate, findings: readonly Finding[], limit: number, fixOf: (finding: Finding) => string | undefined = () => undefined): FixFirstRow[] {
    const index = indexEstate(estate);
    const costs: Ranked[] = [];
    const exposures: Ranked[] = [];
    const rest: Ranked[] = [];
    for (const finding of findings) {
        if (finding.accepted) continue;
        const { hours, estimated } = gapHoursOf(finding, estate);
        const row = { finding, hoursPerWeek: roundToTenth(hours), hoursEstimated: estimated, regulatedFields: regulatedFieldsOf(finding, estate, index), alsoRules: [] };
        (row.hoursPerWeek > 0 ? costs : row.regulatedFields.length > 0 ? exposures : rest).push(row);
    }
    const lists = [onePerElement(costs), onePerElement(exposures)];
    const chosen: Ranked[] = [];
    for (let i = 0; chosen.length < limit && i < Math.max(lists[0].length, lists[1].length); i++) {
        for (const list of lists) if (i < list.length && chosen.length < limit) chosen.push(list[i]);
    }
    for (const row of onePerElement(rest)) {
        if (chosen.length >= limit) break;
        chosen.push(row);
    }
    return chosen.map(row => {
        const fix = fixOf(row.finding);
        return fix === undefined ? row : { ...row, fix };
    });
}
