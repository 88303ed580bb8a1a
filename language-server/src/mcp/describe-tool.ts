import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Entity, Flow } from '../model/estate.js';
import { roundToTenth } from '../model/rounding.js';
import { ELEMENT_KINDS, findElement, whereOf } from './estate-elements.js';
import type { EstateSource } from './estate-source.js';
import { carriedOf, fieldsOf, flowLine, flowsOf, liveHours, processesUsing, propertiesOf } from './element-facts.js';
import { findingShape, findingViewer } from './finding-view.js';
import { count, toolResult } from './tool-result.js';

const inputSchema = {
    name: z.string().min(1).max(200).describe('The element\'s name as declared, e.g. AS400'),
    kind: z.enum(ELEMENT_KINDS).optional().describe('Needed only when two kinds share the name')
};

const flowLineShape = z.object({ name: z.string(), from: z.string(), to: z.string(), style: z.string().optional(), status: z.string(), hoursPerWeek: z.number() });
const outputSchema = {
    kind: z.enum(ELEMENT_KINDS), name: z.string(), title: z.string(), file: z.string(), line: z.number(),
    properties: z.record(z.string(), z.unknown()).describe('Every property as written'),
    flowsIn: z.array(flowLineShape), flowsOut: z.array(flowLineShape).describe('Outgoing flows; a process\'s steps; the flows carrying an entity'),
    fields: z.array(z.object({ name: z.string(), classification: z.string().optional(), regulations: z.array(z.string()) })).optional(),
    carries: z.array(z.object({ entity: z.string(), field: z.string(), classification: z.string().optional(), regulations: z.array(z.string()) })).optional(),
    processes: z.array(z.object({ name: z.string(), title: z.string() })).describe('Processes that run on this element\'s flows'),
    hoursPerWeek: z.number().describe('Manual hours a week on the live flows listed (a flow\'s own for a flow)'),
    findings: z.array(findingShape)
};

export function registerDescribeTool(server: McpServer, source: EstateSource): void {
    server.registerTool('describe', {
        title: 'Describe one element',
        description: 'One system, flow, entity, process, initiative or other declaration: its properties, flows in and out, fields and their classifications, the processes that depend on it, its findings and the manual hours a week it costs.',
        inputSchema, outputSchema, annotations: { readOnlyHint: true }
    }, async ({ name, kind }) => {
        const loaded = await source.current();
        const { estate, findings } = loaded.analysis;
        const declared = findElement(estate, name, kind);
        const flows = flowsOf(estate, declared);
        const ownFlows = declared.kind === 'flow' ? [declared as Flow] : [...flows.in, ...flows.out];
        const processes = processesUsing(estate, ownFlows.map(flow => flow.name)).filter(process => process !== declared);
        const view = findingViewer(loaded, source.quickFixNamer);
        const own = findings.filter(finding => finding.element.kind === declared.kind && finding.element.name === declared.name).map(view);
        const hoursPerWeek = roundToTenth(ownFlows.reduce((sum, flow) => sum + liveHours(flow), 0));
        const structured = {
            kind: declared.kind as typeof ELEMENT_KINDS[number], name: declared.name, title: declared.title, ...whereOf(declared, loaded.displayPath),
            properties: propertiesOf(declared),
            flowsIn: flows.in.map(flowLine), flowsOut: flows.out.map(flowLine),
            ...(declared.kind === 'entity' ? { fields: fieldsOf(estate, declared as Entity) } : {}),
            ...(declared.kind === 'flow' ? { carries: carriedOf(estate, declared as Flow) } : {}),
            processes: processes.map(process => ({ name: process.name, title: process.title })),
            hoursPerWeek, findings: own
        };
        const open = own.filter(finding => !finding.accepted);
        const summary = `${declared.kind} ${declared.name} "${declared.title}" (${structured.file}:${structured.line}): `
            + [flows.in.length + flows.out.length > 0 ? `${count(flows.in.length, 'flow')} in, ${count(flows.out.length, 'flow')} out` : undefined,
                processes.length > 0 ? `used by ${processes.map(p => p.name).join(', ')}` : undefined,
                hoursPerWeek > 0 ? `${hoursPerWeek} manual h/week` : undefined,
                `${count(open.length, 'open finding')}${open.length > 0 ? ` (${[...new Set(open.map(f => f.ruleId))].join(', ')})` : ''}`
            ].filter(Boolean).join('; ');
        return toolResult(summary, structured);
    });
}
