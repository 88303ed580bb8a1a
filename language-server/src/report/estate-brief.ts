import { findingsByDepartment, shadowShareByDepartment } from '../analysis/department-figures.js';
import { gapsByType } from '../analysis/findings-breakdown.js';
import { fixFirst, type FixFirstRow } from '../analysis/fix-first.js';
import { headlineFigures } from '../analysis/headline-figures.js';
import { roadmapTrajectory } from '../analysis/roadmap-trajectory.js';
import { scheduleRoadmaps } from '../analysis/roadmap-schedule.js';
import type { Estate } from '../model/estate.js';
import type { Finding } from '../rules/finding.js';
import { BRIEF_ACTIONS, type Brief } from './brief.js';

/**
 * The brief's figures for an analysed estate: what `integ report` and the editor's brief panel
 * both show. `actions` lets the report pass the rows it already ranked (with their quick fixes named).
 */
export function estateBrief(estate: Estate, findings: Finding[], today: string, actions: FixFirstRow[] = fixFirst(estate, findings, BRIEF_ACTIONS)): Brief {
    const hasRoadmap = estate.initiatives.size > 0;
    return {
        headline: headlineFigures(estate, findings),
        actions: actions.slice(0, BRIEF_ACTIONS),
        gaps: gapsByType(estate, findings),
        departments: findingsByDepartment(estate, findings),
        shadow: shadowShareByDepartment(estate),
        trajectory: hasRoadmap ? roadmapTrajectory(estate, scheduleRoadmaps(estate, today)) : undefined
    };
}
