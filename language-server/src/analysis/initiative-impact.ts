import type { Estate, Initiative } from '../model/estate.js';
import { DEFAULT_MANUAL_HOURS_PER_WEEK, isManual } from './inventory.js';

export interface HoursSaved {
    hoursPerWeek: number;
    /** Replaced manual flows without `effort`, counted at the article's midpoint (10–20 h/week per team). */
    estimatedFlows: number;
}

/** Manual effort the initiative eliminates: the `effort` of the flows it replaces. */
export function hoursSavedPerWeek(estate: Estate, initiative: Initiative): HoursSaved {
    let hoursPerWeek = 0;
    let estimatedFlows = 0;
    for (const name of initiative.replaces) {
        const flow = estate.flows.get(name);
        if (!flow || flow.status === 'retired') continue;
        if (flow.effortHoursPerWeek !== undefined) {
            hoursPerWeek += flow.effortHoursPerWeek;
        } else if (isManual(flow)) {
            hoursPerWeek += DEFAULT_MANUAL_HOURS_PER_WEEK;
            estimatedFlows++;
        }
    }
    return { hoursPerWeek: Math.round(hoursPerWeek * 10) / 10, estimatedFlows };
}
