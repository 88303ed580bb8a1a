/**
 * The findings view's data: the workspace's findings filtered, grouped by rule, area, system,
 * department or regulation, with counts and manual hours per group, sorted by severity or hours,
 * and headed by the "fix first" findings in the report's own ranking (analysis/fix-first.ts). Pure
 * (no LSP or VS Code): the server answers `integ/findings` with it and the tests call it directly.
 */
import { regulationsOfElement } from '../analysis/findings-breakdown.js';
import { areaOf } from '../analysis/findings-totals.js';
import { fixFirst, gapHoursOf } from '../analysis/fix-first.js';
import type { Estate } from '../model/estate.js';
import { indexEstate, type EstateIndex } from '../model/estate-index.js';
import { flowHours } from '../model/inventory.js';
import { roundToTenth } from '../model/rounding.js';
import { CATALOGUE } from '../rules/catalogue.js';
import type { Finding, FindingElement } from '../rules/finding.js';
import { messageWithoutRuleId } from '../workspace/finding-diagnostics.js';
import type { FindingGroup, FindingItem, FindingsGroups, FindingsQuery, FindingsSort, FindingState, FindingsGrouping, StateCounts } from './protocol.js';

/** How many findings the "fix first" group shows: the report's brief shows five as well. */
export const FIX_FIRST_COUNT = 5;

const STATE_RANK: Record<FindingState, number> = { error: 0, warning: 1, info: 2, accepted: 3 };
const RULE_TITLES = new Map(CATALOGUE.map(rule => [rule.id, rule.title]));
const AREA_TITLES: Record<string, string> = {
    inventory: 'Inventory', gap: 'Integration gaps', security: 'Security', compliance: 'Compliance',
    platform: 'Platforms', roadmap: 'Roadmap', roi: 'Return on investment', policy: 'Policy', waiver: 'Waivers'
};

function stateOf(finding: Finding): FindingState {
    return finding.accepted ? 'accepted' : finding.severity;
}

export function findingsGroups(estate: Estate, findings: readonly Finding[], query: FindingsQuery): FindingsGroups {
    const index = indexEstate(estate);
    const keep = filterOf(query);
    const kept = findings.filter(keep);
    const items = new Map(kept.map(finding => [finding, itemOf(finding, estate)]));
    const byKey = new Map<string, { label: string; findings: Finding[] }>();
    for (const finding of kept) {
        for (const { key, label } of groupsOf(finding, query.groupBy, estate, index)) {
            const group = byKey.get(key);
            if (group) group.findings.push(finding); else byKey.set(key, { label, findings: [finding] });
        }
    }
    const compareItems = itemOrder(query.sortBy);
    const groups = [...byKey].map(([key, group]): FindingGroup => ({
        key,
        label: group.label,
        counts: countStates(group.findings),
        hoursPerWeek: openGapHours(group.findings, estate),
        findings: group.findings.map(finding => items.get(finding)!).sort(compareItems)
    })).sort(groupOrder(query.sortBy));
    // The ranking of the whole list, then the filter: the first rows are the report's, whatever the limit.
    const first = fixFirst(estate, findings, findings.length).filter(row => items.has(row.finding)).slice(0, FIX_FIRST_COUNT).map(row => row.finding);
    return {
        fixFirst: {
            key: 'fix-first', label: 'Fix first', counts: countStates(first), hoursPerWeek: openGapHours(first, estate),
            findings: first.map(finding => items.get(finding)!)
        },
        groups,
        total: countStates(kept)
    };
}

function filterOf(query: FindingsQuery): (finding: Finding) => boolean {
    const states = new Set(query.states ?? []);
    const text = query.text?.trim().toLowerCase() ?? '';
    return finding => (states.size === 0 || states.has(stateOf(finding)))
        && (text === '' || [finding.ruleId, finding.element.name, finding.message].some(value => value.toLowerCase().includes(text)));
}

function itemOf(finding: Finding, estate: Estate): FindingItem {
    const item: FindingItem = {
        ruleId: finding.ruleId,
        state: stateOf(finding),
        message: messageWithoutRuleId(finding),
        element: finding.element,
        uri: finding.uri,
        range: finding.range,
        hoursPerWeek: roundToTenth(gapHoursOf(finding, estate).hours)
    };
    if (finding.accepted) item.acceptedReason = finding.accepted.reason;
    return item;
}

const NONE = (what: string) => ({ key: '', label: `No ${what}` });

/** The groups a finding belongs to; a finding on a flow belongs to both its ends' systems and departments. */
function groupsOf(finding: Finding, groupBy: FindingsGrouping, estate: Estate, index: EstateIndex): Array<{ key: string; label: string }> {
    switch (groupBy) {
        case 'rule': {
            const title = RULE_TITLES.get(finding.ruleId);
            return [{ key: finding.ruleId, label: title ? `${finding.ruleId} — ${title}` : finding.ruleId }];
        }
        case 'area': {
            const area = areaOf(finding.ruleId);
            return [{ key: area, label: AREA_TITLES[area] ?? area }];
        }
        case 'system': {
            const systems = systemsOf(finding.element, estate);
            return systems.length > 0 ? systems.map(name => ({ key: name, label: estate.systems.get(name)?.title ?? name })) : [NONE('system')];
        }
        case 'department': {
            const departments = new Set(systemsOf(finding.element, estate).flatMap(name => estate.systems.get(name)?.department ?? []));
            if (finding.element.kind === 'department') departments.add(finding.element.name);
            return departments.size > 0
                ? [...departments].map(name => ({ key: name, label: estate.departments.get(name)?.title ?? name }))
                : [NONE('department')];
        }
        case 'regulation': {
            const regulations = [...regulationsOfElement(finding, estate, index)];
            return regulations.length > 0
                ? regulations.map(name => ({ key: name, label: estate.regulations.get(name)?.title ?? name }))
                : [NONE('regulated data')];
        }
    }
}

function systemsOf(element: FindingElement, estate: Estate): string[] {
    if (element.kind === 'system') return estate.systems.has(element.name) ? [element.name] : [];
    if (element.kind !== 'flow') return [];
    const flow = estate.flows.get(element.name);
    return flow ? [...new Set([flow.sourceSystem, flow.targetSystem])].filter(name => estate.systems.has(name)) : [];
}

function countStates(findings: readonly Finding[]): StateCounts {
    const counts: StateCounts = { error: 0, warning: 0, info: 0, accepted: 0 };
    for (const finding of findings) counts[stateOf(finding)]++;
    return counts;
}

/** Hours of the distinct flows with an open gap finding, as the report's gap table counts them. */
function openGapHours(findings: readonly Finding[], estate: Estate): number {
    const flows = new Set<string>();
    for (const finding of findings) {
        if (!finding.accepted && gapHoursOf(finding, estate).hours > 0) flows.add(finding.element.name);
    }
    let hours = 0;
    for (const name of flows) hours += flowHours(estate.flows.get(name)!).hours;
    return roundToTenth(hours);
}

function bySeverity(a: StateCounts, b: StateCounts): number {
    return b.error - a.error || b.warning - a.warning || b.info - a.info || b.accepted - a.accepted;
}

function groupOrder(sortBy: FindingsSort): (a: FindingGroup, b: FindingGroup) => number {
    const last = (group: FindingGroup) => (group.key === '' ? 1 : 0);
    return (a, b) => last(a) - last(b)
        || (sortBy === 'hours' ? b.hoursPerWeek - a.hoursPerWeek || bySeverity(a.counts, b.counts) : bySeverity(a.counts, b.counts) || b.hoursPerWeek - a.hoursPerWeek)
        || a.label.localeCompare(b.label);
}

function itemOrder(sortBy: FindingsSort): (a: FindingItem, b: FindingItem) => number {
    const severity = (a: FindingItem, b: FindingItem) => STATE_RANK[a.state] - STATE_RANK[b.state];
    return (a, b) => (sortBy === 'hours' ? b.hoursPerWeek - a.hoursPerWeek || severity(a, b) : severity(a, b) || b.hoursPerWeek - a.hoursPerWeek)
        || a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
