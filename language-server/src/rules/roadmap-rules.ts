import { hoursSavedPerWeek } from '../model/initiative-impact.js';
import { outrankedBy } from '../model/outranked.js';
import { comparableMonths, monthLabel, monthsInFlight } from '../model/roadmap-months.js';
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
                const count = month.count;
                if (count <= limit || !month.latest) continue;
                // The latest starter is the one that pushed the month over the limit.
                const shownOn = month.latest;
                const named = month.initiatives;
                const names = named.map(i => i.name).join(', ') + (count > named.length ? ` and ${count - named.length} more` : '');
                yield findingOn('roadmap/wip-limit', shownOn,
                    `${count} initiatives in flight in ${month.label} (${names}); the policy allows ${limit}`,
                    {
                        property: 'months',
                        related: named.filter(i => i !== shownOn).map(i => relatedTo(i, `${i.name} is in flight in ${month.label}`)),
                        data: { month: month.label, initiatives: named.map(i => i.name), count, limit }
                    });
            }
        }
    }
};

function labelOf(estate: Estate, initiative: Initiative, month: number): string {
    return monthLabel(estate.roadmaps.get(initiative.roadmap)?.start, month);
}

/** Dependencies inside a cycle are left to roadmap/dependency-cycle: no months can satisfy them, and one finding says so. */
export const dependencyOrder: Rule = {
    id: 'roadmap/dependency-order',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        const cycleOf = new Map<string, number>();
        dependencyCycles(estate).forEach((cycle, i) => cycle.forEach(initiative => cycleOf.set(initiative.name, i)));
        for (const initiative of estate.initiatives.values()) {
            const own = comparableMonths(estate, initiative);
            if (!own || !initiative.months) continue;
            for (const name of initiative.dependsOn) {
                if (cycleOf.has(name) && cycleOf.get(name) === cycleOf.get(initiative.name)) continue;
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

/**
 * The initiatives of each dependency cycle (strongly connected, two or more), in estate order; a
 * self-dependency is a language error. Tarjan's algorithm with its own stack: a `depends-on` chain
 * as long as the roadmap must not be as deep a recursion.
 */
function dependencyCycles(estate: Estate): Initiative[][] {
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: Initiative[][] = [];
    const successors = (name: string) => (estate.initiatives.get(name)?.dependsOn ?? []).filter(next => estate.initiatives.has(next));
    const enter = (name: string) => {
        order.set(name, order.size);
        low.set(name, order.get(name)!);
        stack.push(name);
        onStack.add(name);
    };
    for (const root of estate.initiatives.keys()) {
        if (order.has(root)) continue;
        enter(root);
        const path: Array<{ name: string; next: string[]; at: number }> = [{ name: root, next: successors(root), at: 0 }];
        while (path.length > 0) {
            const frame = path[path.length - 1];
            if (frame.at < frame.next.length) {
                const next = frame.next[frame.at++];
                if (!order.has(next)) {
                    enter(next);
                    path.push({ name: next, next: successors(next), at: 0 });
                } else if (onStack.has(next)) {
                    low.set(frame.name, Math.min(low.get(frame.name)!, order.get(next)!));
                }
                continue;
            }
            path.pop();
            const parent = path[path.length - 1];
            if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
            if (low.get(frame.name) !== order.get(frame.name)) continue;
            const members = new Set<string>();
            let member: string;
            do {
                member = stack.pop()!;
                onStack.delete(member);
                members.add(member);
            } while (member !== frame.name);
            if (members.size > 1) cycles.push([...estate.initiatives.values()].filter(initiative => members.has(initiative.name)));
        }
    }
    return cycles;
}

/** The shortest way round the cycle from its first initiative, following `depends-on` inside it: `A → B → A`. */
function pathRound(cycle: Initiative[]): string[] {
    const members = new Map(cycle.map(initiative => [initiative.name, initiative]));
    const start = cycle[0].name;
    const cameFrom = new Map<string, string>([[start, start]]);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
        const name = queue[head];
        for (const next of members.get(name)?.dependsOn ?? []) {
            if (next === start) {
                const back: string[] = [];
                for (let at = name; at !== start; at = cameFrom.get(at)!) back.push(at);
                return [start, ...back.reverse(), start];
            }
            if (!members.has(next) || cameFrom.has(next)) continue;
            cameFrom.set(next, name);
            queue.push(next);
        }
    }
    return [start, start];
}

/** A cycle is reported once, on its first initiative, with the others related: removing any one `depends-on` of the path breaks it. */
export const dependencyCycle: Rule = {
    id: 'roadmap/dependency-cycle',
    *run({ estate }: RuleContext): Iterable<RawFinding> {
        for (const cycle of dependencyCycles(estate)) {
            const [first, ...others] = cycle;
            const path = pathRound(cycle);
            yield findingOn('roadmap/dependency-cycle', first,
                `${listNames(cycle.map(initiative => initiative.name))} depend on each other (${path.join(' → ')}); ${cycle.length === 2 ? 'neither' : 'none of them'} can start first`,
                {
                    property: 'dependsOn',
                    related: others.map(initiative => relatedTo(initiative, `${initiative.name} is in the cycle`)),
                    data: { initiatives: cycle.map(initiative => initiative.name), path }
                });
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
            const outranked = outrankedBy(ranked, r => r.initiative.priority, r => r.hours, 3);
            for (let i = 0; i < ranked.length; i++) {
                const later = ranked[i];
                const { count, first } = outranked[i];
                if (count === 0) continue;
                const named = first.map(a => `${a.initiative.name} (priority ${a.initiative.priority}, ${a.hours} h/week)`);
                const list = count > 3 ? `${named.join(', ')} and ${count - 3} more` : named.join(', ');
                yield findingOn('roadmap/priority-order', later.initiative,
                    `${later.initiative.name} saves ${later.hours} h/week but has priority ${later.initiative.priority}, after ${list}; the article orders by business impact`,
                    { property: 'priority', data: { hoursPerWeek: later.hours, ahead: first.map(a => a.initiative.name), aheadCount: count } });
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

export const ROADMAP_RULES: Rule[] = [wipLimit, dependencyOrder, dependencyCycle, unaddressedGap, priorityOrder];
