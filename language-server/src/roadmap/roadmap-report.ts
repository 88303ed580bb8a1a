import { roadmapImpact, type RoadmapImpact } from '../analysis/roadmap-impact.js';
import { scheduleRoadmaps, type RoadmapSchedule } from '../analysis/roadmap-schedule.js';
import type { Estate } from '../model/estate.js';
import type { Finding } from '../rules/finding.js';

/** Everything the roadmap views show: the calendar and what it buys. */
export interface RoadmapReport {
    schedule: RoadmapSchedule;
    impact: RoadmapImpact;
}

export function roadmapReport(estate: Estate, options: { today: string; findings?: Finding[] }): RoadmapReport {
    return { schedule: scheduleRoadmaps(estate, options.today), impact: roadmapImpact(estate, options) };
}
