import type { Estate, Initiative } from './estate.js';
import { flowHours } from './inventory.js';
import { roundToTenth } from './rounding.js';

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
        const { hours, estimated } = flowHours(flow);
        hoursPerWeek += hours;
        if (estimated) estimatedFlows++;
    }
    return { hoursPerWeek: roundToTenth(hoursPerWeek), estimatedFlows };
}
