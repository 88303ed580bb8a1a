import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { roadmapReport } from '../roadmap/roadmap-report.js';
import { todayIso } from '../model/units.js';
import type { EstateSource } from './estate-source.js';
import { count, toolResult } from './tool-result.js';

const inputSchema = {
    today: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional().describe('YYYY-MM-DD (or YYYY-MM) to mark on the schedule; today by default')
};

const outputSchema = {
    initiatives: z.array(z.object({
        name: z.string(), title: z.string(), roadmap: z.string(), priority: z.number().optional(), start: z.string(), end: z.string(),
        dependsOn: z.array(z.string()), hoursPerWeek: z.number(), gapsClosed: z.number(), replaces: z.array(z.string()), delivers: z.array(z.string())
    })),
    unscheduled: z.array(z.object({ name: z.string(), title: z.string(), roadmap: z.string(), reason: z.string() })),
    months: z.array(z.object({ month: z.string(), inFlight: z.number(), names: z.array(z.string()), overLimit: z.boolean() })).describe('Work in progress per month'),
    wipLimit: z.number(),
    dependencyProblems: z.array(z.object({ initiative: z.string(), dependsOn: z.string(), starts: z.string(), dependencyEnds: z.string() })),
    totals: z.object({
        hoursPerWeek: z.number(), hoursPerYear: z.number(), gapsClosed: z.number(), broughtIntoCompliance: z.number(),
        coveragePercentBefore: z.number(), coveragePercentAfter: z.number(),
        cost: z.object({ amount: z.number(), currency: z.string() }).optional(), paybackMonths: z.number().optional()
    })
};

const monthLabel = (month: { year: number; month: number }) => `${month.year}-${String(month.month).padStart(2, '0')}`;

/** The roadmap views' calendar and what it buys, as `integ roadmap` computes them. */
export function registerRoadmapTool(server: McpServer, source: EstateSource): void {
    server.registerTool('roadmap', {
        title: 'Roadmap schedule and impact',
        description: 'The initiatives on the calendar, work in progress per month against the WIP limit, dependency problems, and what the roadmap buys: manual hours a week saved, gaps closed, coverage, cost and payback.',
        inputSchema, outputSchema, annotations: { readOnlyHint: true }
    }, async ({ today }) => {
        const { analysis: { estate, findings } } = await source.current();
        const day = today === undefined ? todayIso() : today.length === 7 ? `${today}-01` : today;
        const { schedule, impact } = roadmapReport(estate, { today: day, findings });
        const impactOf = new Map(impact.initiatives.map(initiative => [initiative.name, initiative]));
        const initiatives = schedule.initiatives.map(placed => {
            const figures = impactOf.get(placed.name);
            return {
                name: placed.name, title: placed.title, roadmap: placed.roadmap, ...(placed.priority === undefined ? {} : { priority: placed.priority }),
                start: monthLabel(placed.start), end: monthLabel(placed.end), dependsOn: placed.dependsOn,
                hoursPerWeek: figures?.hoursPerWeek ?? 0, gapsClosed: figures?.closes.length ?? 0,
                replaces: figures?.replaced.map(flow => flow.name) ?? [], delivers: figures?.delivered.map(flow => flow.name) ?? []
            };
        });
        const { totals } = impact;
        const structured = {
            initiatives, unscheduled: schedule.unscheduled,
            months: schedule.months.map(load => ({ month: load.label, inFlight: load.count, names: load.inFlight, overLimit: load.overLimit })),
            wipLimit: schedule.wipLimit, dependencyProblems: schedule.dependencyProblems,
            totals: {
                hoursPerWeek: totals.hoursPerWeek, hoursPerYear: totals.hoursPerYear, gapsClosed: totals.gapsClosed, broughtIntoCompliance: totals.broughtIntoCompliance,
                coveragePercentBefore: totals.coverageBefore.percent, coveragePercentAfter: totals.coverageAfter.percent,
                ...(totals.cost ? { cost: totals.cost } : {}), ...(totals.paybackMonths === undefined ? {} : { paybackMonths: totals.paybackMonths })
            }
        };
        const over = structured.months.filter(month => month.overLimit).map(month => month.month);
        const span = structured.months.length > 0 ? ` from ${structured.months[0].month} to ${structured.months.at(-1)!.month}` : '';
        const summary = `${count(initiatives.length, 'initiative')} scheduled${span}${schedule.unscheduled.length > 0 ? `, ${schedule.unscheduled.length} unscheduled` : ''}`
            + `; saves ${totals.hoursPerWeek} manual h/week and closes ${count(totals.gapsClosed, 'gap')}`
            + (over.length > 0 ? `; over the WIP limit of ${schedule.wipLimit} in ${over.join(', ')}` : '')
            + (schedule.dependencyProblems.length > 0 ? `; ${count(schedule.dependencyProblems.length, 'dependency problem')}` : '') + '.';
        return toolResult(summary, structured);
    });
}
