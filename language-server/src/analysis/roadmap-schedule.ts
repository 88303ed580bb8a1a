import type { Estate, Initiative, YearMonth } from '../model/estate.js';
import { LIMITS } from '../model/limits.js';
import { addMonths, formatYearMonth, monthNumber, parseYearMonth } from '../model/units.js';
import { monthLoads, monthsInFlight, spanOf } from '../model/roadmap-months.js';

/** One initiative placed on the calendar. Indexes count months from the schedule's first month (0-based). */
export interface ScheduledInitiative {
    name: string;
    title: string;
    roadmap: string;
    priority?: number;
    start: YearMonth;
    end: YearMonth;
    startIndex: number;
    endIndex: number;
    dependsOn: string[];
}

export interface MonthLoad {
    month: YearMonth;
    /** `YYYY-MM`. */
    label: string;
    /** How many initiatives are in flight this month. */
    count: number;
    /** The first NAMED_PER_MONTH of them, in schedule order. */
    inFlight: string[];
    /** True when one roadmap has more initiatives in flight this month than the policy's wip-limit (as roadmap/wip-limit reports). */
    overLimit: boolean;
}

/** An initiative that starts before one it depends on has ended. */
export interface DependencyProblem {
    initiative: string;
    dependsOn: string;
    /** `YYYY-MM` of the dependent's start and the dependency's end. */
    starts: string;
    dependencyEnds: string;
}

export interface RoadmapSchedule {
    roadmaps: Array<{ name: string; title: string; start?: string }>;
    /** Sorted by priority (unprioritised last), then start month, then name. */
    initiatives: ScheduledInitiative[];
    /** Initiatives that cannot be placed: no `months`, or their roadmap has no `start`. */
    unscheduled: Array<{ name: string; title: string; roadmap: string; reason: string }>;
    /** Every month from the first start to the last end, without gaps. */
    months: MonthLoad[];
    wipLimit: number;
    dependencyProblems: DependencyProblem[];
    /** `YYYY-MM` of the `today` given, and its index in `months` when it falls inside them. */
    today: string;
    todayIndex?: number;
}


function placement(initiative: Initiative, estate: Estate): { start: YearMonth; end: YearMonth } | string {
    const span = spanOf(initiative);
    if (!span) return initiative.months ? `\`months\` must run forward from month 1 to at most month ${LIMITS.month}` : 'no `months` written';
    const start = estate.roadmaps.get(initiative.roadmap)?.start;
    if (!start) return `roadmap ${initiative.roadmap} has no \`start\``;
    return { start: addMonths(start, span.from - 1), end: addMonths(start, span.to - 1) };
}

/** `YYYY-MM` labels of the months in which some roadmap exceeds the WIP limit (counted per roadmap, like the rule). */
function monthsOverLimit(estate: Estate): Set<string> {
    const over = new Set<string>();
    for (const roadmap of estate.roadmaps.values()) {
        if (!roadmap.start) continue;
        for (const month of monthsInFlight(estate, roadmap)) {
            if (month.count > estate.policy.wipLimit) over.add(month.label);
        }
    }
    return over;
}

/**
 * The calendar of every roadmap of the estate on one time axis.
 * `today` is `YYYY-MM-DD` (or `YYYY-MM`), injected so tests and reports are reproducible.
 */
export function scheduleRoadmaps(estate: Estate, today: string): RoadmapSchedule {
    const placed: Array<Omit<ScheduledInitiative, 'startIndex' | 'endIndex'>> = [];
    const unscheduled: RoadmapSchedule['unscheduled'] = [];
    for (const initiative of estate.initiatives.values()) {
        const where = placement(initiative, estate);
        if (typeof where === 'string') {
            unscheduled.push({ name: initiative.name, title: initiative.title, roadmap: initiative.roadmap, reason: where });
            continue;
        }
        placed.push({
            name: initiative.name, title: initiative.title, roadmap: initiative.roadmap, priority: initiative.priority,
            start: where.start, end: where.end, dependsOn: initiative.dependsOn
        });
    }
    placed.sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity)
        || monthNumber(a.start) - monthNumber(b.start) || a.name.localeCompare(b.name));

    // A loop, not Math.min(...list): spreading 100,000 initiatives as arguments overflows the stack.
    let first = Infinity;
    for (const i of placed) first = Math.min(first, monthNumber(i.start));
    const initiatives: ScheduledInitiative[] = placed.map(i => ({
        ...i, startIndex: monthNumber(i.start) - first, endIndex: monthNumber(i.end) - first
    }));

    const wipLimit = estate.policy.wipLimit;
    const over = monthsOverLimit(estate);
    const months = monthLoads(initiatives, i => ({ from: i.startIndex, to: i.endIndex })).months.map((load, index): MonthLoad => {
        const number = first + index;
        const month = { year: Math.floor(number / 12), month: (number % 12) + 1 };
        const label = formatYearMonth(month);
        return { month, label, count: load.count, inFlight: load.named.map(i => i.name), overLimit: over.has(label) };
    });
    const last = first + months.length - 1;

    const byName = new Map(initiatives.map(i => [i.name, i]));
    const dependencyProblems: DependencyProblem[] = [];
    for (const initiative of initiatives) {
        for (const dependency of initiative.dependsOn) {
            const other = byName.get(dependency);
            if (other && initiative.startIndex <= other.endIndex) {
                dependencyProblems.push({
                    initiative: initiative.name, dependsOn: other.name,
                    starts: formatYearMonth(initiative.start), dependencyEnds: formatYearMonth(other.end)
                });
            }
        }
    }

    const todayMonth = parseYearMonth(today);
    const todayNumber = todayMonth ? monthNumber(todayMonth) : undefined;
    const roadmaps = [...estate.roadmaps.values()].map(r => ({
        name: r.name, title: r.title, start: r.start ? formatYearMonth(r.start) : undefined
    }));
    return {
        roadmaps, initiatives, unscheduled, months, wipLimit, dependencyProblems,
        today: todayMonth ? formatYearMonth(todayMonth) : today,
        todayIndex: todayNumber !== undefined && todayNumber >= first && todayNumber <= last ? todayNumber - first : undefined
    };
}
