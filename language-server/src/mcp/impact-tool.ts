import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { diffFindings } from '../diff/finding-diff.js';
import { diffImpact } from '../diff/impact-diff.js';
import { runRules } from '../rules/run-rules.js';
import type { FlowStyle } from '../model/estate.js';
import { roundToTenth } from '../model/rounding.js';
import { todayIso } from '../model/units.js';
import { flowLine, liveHours, processesUsing } from './element-facts.js';
import { applyChange, FLOW_STYLES, type EstateChange } from './estate-change.js';
import type { EstateSource } from './estate-source.js';
import { count, toolResult, ToolInputError } from './tool-result.js';

const CHANGES = ['retire-system', 'replace-system', 'change-flow-style'] as const;

const inputSchema = {
    change: z.enum(CHANGES).describe('retire-system needs system; replace-system needs system and replacement; change-flow-style needs flow and style'),
    system: z.string().max(200).optional(),
    replacement: z.string().max(200).optional().describe('The system that takes over the flows, data and mastership'),
    flow: z.string().max(200).optional(),
    style: z.enum(FLOW_STYLES).optional(),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('YYYY-MM-DD the rules judge waivers and dates by; today by default')
};

const diffFinding = z.object({ ruleId: z.string(), severity: z.string(), element: z.object({ kind: z.string(), name: z.string() }), property: z.string().optional(), message: z.string() });
const figure = z.object({ before: z.number().optional(), after: z.number().optional(), delta: z.number().optional() });
const flowLineShape = z.object({ name: z.string(), from: z.string(), to: z.string(), style: z.string().optional(), status: z.string(), hoursPerWeek: z.number() });
const outputSchema = {
    change: z.string(),
    flows: z.array(z.object({ how: z.enum(['retired', 'redirected', 'restyled']), before: flowLineShape, after: flowLineShape })),
    processes: z.array(z.object({ name: z.string(), title: z.string(), steps: z.array(z.string()).describe('Its steps among the changed flows') })),
    findings: z.object({ introduced: z.array(diffFinding), resolved: z.array(diffFinding), severityChanged: z.array(diffFinding) }),
    hoursPerWeek: figure.describe('Manual hours a week on the flows changed'),
    estate: z.object({ manualHoursPerWeek: figure, coveragePercent: figure, regulatedFlowsOutOfCompliance: figure, openErrors: figure, openWarnings: figure })
};

function need<T>(value: T | undefined, what: string, change: string): T {
    if (value === undefined) throw new ToolInputError(`${change} needs ${what}`);
    return value;
}

function changeOf(args: { change: typeof CHANGES[number]; system?: string; replacement?: string; flow?: string; style?: FlowStyle }): EstateChange {
    switch (args.change) {
        case 'retire-system': return { kind: args.change, system: need(args.system, 'system', args.change) };
        case 'replace-system': return { kind: args.change, system: need(args.system, 'system', args.change), replacement: need(args.replacement, 'replacement', args.change) };
        case 'change-flow-style': return { kind: args.change, flow: need(args.flow, 'flow', args.change), style: need(args.style, 'style', args.change) };
    }
}

export function registerImpactTool(server: McpServer, source: EstateSource): void {
    server.registerTool('impact', {
        title: 'What a change would affect',
        description: 'Applies a change (retire a system, replace it with another, change a flow\'s style) to a copy of the estate, runs every rule again and reports the flows and processes affected, findings introduced and resolved, and manual hours a week before and after. Nothing is written.',
        inputSchema, outputSchema, annotations: { readOnlyHint: true }
    }, async args => {
        const change = changeOf(args);
        const today = args.today ?? todayIso();
        const { analysis: { estate } } = await source.current();
        const changed = applyChange(estate, change);
        // Both sides judged the same way on the same day: the diff shows only what the change does.
        const before = runRules(estate, { today });
        const after = runRules(changed.estate, { today });
        const findings = diffFindings(before, after, new Map());
        const flowNames = changed.flows.map(flow => flow.before.name);
        const processes = processesUsing(estate, flowNames).map(process => ({
            name: process.name, title: process.title, steps: process.steps.filter(step => flowNames.includes(step))
        }));
        const sum = (side: 'before' | 'after') => roundToTenth(changed.flows.reduce((total, flow) => total + liveHours(flow[side]), 0));
        const hours = { before: sum('before'), after: sum('after'), delta: roundToTenth(sum('after') - sum('before')) };
        const { roadmap: _roadmap, ...figures } = diffImpact({ estate, findings: before }, { estate: changed.estate, findings: after }, today);
        const summary = `To ${changed.description}: ${count(changed.flows.length, 'flow')} affected${flowNames.length > 0 ? ` (${flowNames.join(', ')})` : ''}`
            + `; ${count(processes.length, 'process', 'processes')}${processes.length > 0 ? ` (${processes.map(p => p.name).join(', ')})` : ''}`
            + `; ${count(findings.introduced.length, 'finding')} introduced, ${findings.resolved.length} resolved`
            + `; manual hours a week on these flows ${hours.before} → ${hours.after}.`;
        return toolResult(summary, {
            change: changed.description,
            flows: changed.flows.map(flow => ({ how: flow.how, before: flowLine(flow.before), after: flowLine(flow.after) })),
            processes, findings, hoursPerWeek: hours, estate: figures
        });
    });
}
