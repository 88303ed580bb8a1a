import type { Estate, Initiative } from '../model/estate.js';
import { coverage, currentSystems, liveFlows, manualHours } from '../model/inventory.js';
import { applyInitiatives } from './roadmap-impact.js';
import type { RoadmapSchedule } from './roadmap-schedule.js';

/** The estate at the end of one month of the schedule: every initiative that has ended by then is done. */
export interface TrajectoryPoint {
    /** `YYYY-MM`, or `today` for the estate as it is. */
    label: string;
    coveragePercent: number;
    manualHoursPerWeek: number;
    /** Initiatives done by then. */
    done: number;
}

/**
 * Coverage and manual hours month by month along the schedule, today first. Initiatives the
 * schedule cannot place are not on it (their effect is in the roadmap's totals only). The estate is
 * re-derived only in months where an initiative ends; the other months repeat the last figures.
 */
export function roadmapTrajectory(estate: Estate, schedule: RoadmapSchedule): TrajectoryPoint[] {
    const measure = (state: Estate) => {
        const live = liveFlows(state);
        return { coveragePercent: coverage(currentSystems(state), live).percent, manualHoursPerWeek: manualHours(live).hoursPerWeek };
    };
    const points: TrajectoryPoint[] = [{ label: 'today', ...measure(estate), done: 0 }];
    const endingIn = new Map<number, Initiative[]>();
    for (const scheduled of schedule.initiatives) {
        const initiative = estate.initiatives.get(scheduled.name);
        if (!initiative) continue;
        let list = endingIn.get(scheduled.endIndex);
        if (!list) endingIn.set(scheduled.endIndex, list = []);
        list.push(initiative);
    }
    const done: Initiative[] = [];
    let last = points[0];
    schedule.months.forEach((month, index) => {
        const ending = endingIn.get(index);
        if (ending) {
            done.push(...ending);
            last = { label: month.label, ...measure(applyInitiatives(estate, done)), done: done.length };
        } else {
            last = { ...last, label: month.label };
        }
        points.push(last);
    });
    return points;
}
