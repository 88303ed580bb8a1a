import { hoursSavedPerWeek } from '../analysis/initiative-impact.js';
import { comparableMonths, monthLabel, monthsInFlight } from '../analysis/roadmap-months.js';
import type { Estate, Initiative } from '../model/estate.js';
import { GAP_RULES } from './gap-rules.js';
import { findingOn, flowRule, inForce, relatedTo, type EstateSettings, type RawFinding, type Rule, type RuleContext } from './rule-kit.js';
import { listNames } from './rule-text.js';

/** The article: "prioritizing 1-2 integrations at a time"; trying to integrate too much at once is why 84 % fail. */
export const wipLimit: Rule = {
    id: 'roadmap/wip-limit',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const limit = estate.policy.wipLimit;
        for (const roadmap of estate.roadmaps.values()) {
            for (const month of monthsInFlight(estate, roadmap)) {
                if (month.initiatives.length <= limit) continue;
                const names = month.initiatives.map(i => i.name);
                // The latest starter is the one that pushed the month over the limit.
                const shownOn = month.initiatives[month.initiatives.length - 1];
                yield findingOn('roadmap/wip-limit', shownOn,
                    `${names.length} initiatives in flight in ${month.label} (${names.join(', ')}); the policy allows ${limit}`,
                    {
                        property: 'months',
                        related: month.initiatives.slice(0, -1).map(i => relatedTo(i, `${i.name} is in flight in ${month.label}`)),
                        data: { month: month.label, initiatives: names, limit }
                    });
            }
        }
    }
};

function labelOf(estate: Estate, initiative: Initiative, month: number): string {
    return monthLabel(estate.roadmaps.get(initiative.roadmap)?.start, month);
}

export const dependencyOrder: Rule = {
    id: 'roadmap/dependency-order',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const initiative of estate.initiatives.values()) {
            const own = comparableMonths(estate, initiative);
            if (!own || !initiative.months) continue;
            for (const name of initiative.dependsOn) {
                const dependency = estate.initiatives.get(name);
                const theirs = dependency ? comparableMonths(estate, dependency) : undefined;
                if (!dependency?.months || !theirs || theirs.scale !== own.scale || own.from > theirs.to) continue;
                yield findingOn('roadmap/dependency-order', initiative,
                    `${initiative.name} starts in ${labelOf(estate, initiative, initiative.months.from)} but depends on ${dependency.name}, which runs until ${labelOf(estate, dependency, dependency.months.to)}`,
                    { property: 'dependsOn', related: [relatedTo(dependency, `${dependency.name} ends here`)], data: { dependency: dependency.name } });
            }
        }
    }
};

export const priorityOrder: Rule = {
    id: 'roadmap/priority-order',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const roadmap of estate.roadmaps.values()) {
            const ranked = roadmap.initiatives
                .map(name => estate.initiatives.get(name))
                .filter((i): i is Initiative & { priority: number } => i !== undefined && i.priority !== undefined && i.replaces.length > 0)
                .map(initiative => ({ initiative, hours: hoursSavedPerWeek(estate, initiative).hoursPerWeek }))
                .sort((a, b) => a.initiative.priority - b.initiative.priority);
            for (const later of ranked) {
                const ahead = ranked.filter(earlier => earlier.initiative.priority < later.initiative.priority && earlier.hours < later.hours);
                if (ahead.length === 0) continue;
                const named = ahead.slice(0, 3).map(a => `${a.initiative.name} (priority ${a.initiative.priority}, ${a.hours} h/week)`);
                const list = ahead.length > 3 ? `${named.join(', ')} and ${ahead.length - 3} more` : named.join(', ');
                yield findingOn('roadmap/priority-order', later.initiative,
                    `${later.initiative.name} saves ${later.hours} h/week but has priority ${later.initiative.priority}, after ${list}; the article orders by business impact`,
                    { property: 'priority', data: { hoursPerWeek: later.hours, ahead: ahead.map(a => a.initiative.name) } });
            }
        }
    }
};

/** `rule\0target` of every waiver still in force, so each gap finding is looked up once. */
function activeWaivers(settings: EstateSettings, today: string): Set<string> {
    const keys = new Set<string>();
    for (const waiver of settings.waivers) {
        if (inForce(waiver, today)) keys.add(`${waiver.rule}\u0000${waiver.target}`);
    }
    return keys;
}

function replacedFlows(settings: EstateSettings): Set<string> {
    const replaced = new Set<string>();
    for (const initiative of settings.initiatives.values()) initiative.replaces.forEach(name => replaced.add(name));
    return replaced;
}

/** A gap the as-is estate shows on a live flow that no initiative replaces: the roadmap leaves it open. */
export const unaddressedGap = flowRule('roadmap/unaddressed-gap', (flow, { once, reported }, report) => {
    if (flow.status !== 'live' || once(replacedFlows).has(flow.name)) return;
    const waived = once(activeWaivers);
    const gaps: string[] = [];
    for (const rule of GAP_RULES) {
        if (reported(rule.id) && !waived.has(`${rule.id}\u0000${flow.name}`)) gaps.push(rule.id);
    }
    if (gaps.length === 0) return;
    report(findingOn('roadmap/unaddressed-gap', flow, `${flow.name} has ${listNames(gaps)}; no roadmap initiative replaces it`, { data: { gaps } }));
});

export const ROADMAP_RULES: Rule[] = [wipLimit, dependencyOrder, unaddressedGap, priorityOrder];
