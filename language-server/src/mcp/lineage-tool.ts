import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { dataLineage, lineageFacts } from '../analysis/data-lineage.js';
import { resolveFollow } from '../model/followed-data.js';
import type { EstateSource } from './estate-source.js';
import { count, toolResult, ToolInputError } from './tool-result.js';

const inputSchema = {
    data: z.string().min(1).max(300).describe('An entity (Customer) or one of its fields (Customer.email)')
};

const findingsShape = z.array(z.object({ ruleId: z.string(), severity: z.string(), message: z.string() }));

const outputSchema = {
    entity: z.string(), field: z.string().optional(),
    classifications: z.array(z.object({ name: z.string(), regulations: z.array(z.string()) })).describe('Of the field, or of every classified field of the entity'),
    systems: z.array(z.object({ name: z.string(), master: z.boolean(), stores: z.boolean(), shadow: z.boolean(), hopsFromMaster: z.number().optional(), hopsToMaster: z.number().optional(), findings: findingsShape })).describe('Upstream sources first, then the system of record, then downstream copies, then systems that hold it with no flow to or from the system of record'),
    flows: z.array(z.object({ name: z.string(), from: z.string(), to: z.string(), twoWay: z.boolean(), style: z.string().optional(), status: z.string(), tls: z.union([z.number(), z.literal('none')]).optional(), requiredTls: z.number(), auth: z.string().optional(), audit: z.boolean(), platform: z.string().optional(), findings: findingsShape }))
        .describe('In the order of the systems they leave, each with its controls and the findings on it')
};

/** The path of an entity or a field through the estate, as the diagram's "follow" highlights it. */
export function registerLineageTool(server: McpServer, source: EstateSource): void {
    server.registerTool('lineage', {
        title: 'Where a piece of data goes',
        description: 'An entity\'s or a field\'s path through the estate: the flows that carry it and the systems that hold or handle it, each with how many flows it is from the system of record, shadow IT marked, each flow with its controls, and the findings on each.',
        inputSchema, outputSchema, annotations: { readOnlyHint: true }
    }, async ({ data }) => {
        const { analysis: { estate, findings } } = await source.current();
        const followed = resolveFollow(estate, data);
        if (typeof followed === 'string') throw new ToolInputError(followed);
        const lineage = dataLineage(estate, followed, findings);
        const facts = lineageFacts(lineage);
        const shadow = lineage.systems.filter(system => system.shadow).map(system => system.name);
        const names = (keep: (system: typeof lineage.systems[number]) => boolean) => lineage.systems.filter(keep).map(system => system.name).join(', ');
        const part = (label: string, list: string) => list === '' ? '' : `; ${label}: ${list}`;
        const summary = `${data}: ${count(facts.flows.length, 'flow')} carry it through ${count(lineage.systems.length, 'system')}`
            + part('upstream of the system of record', names(s => s.hopsToMaster !== undefined))
            + part('system of record', names(s => s.master))
            + part('downstream', names(s => !s.master && s.hopsFromMaster !== undefined))
            + part('held with no flow to or from the system of record', names(s => !s.master && s.hopsFromMaster === undefined && s.hopsToMaster === undefined))
            + part('shadow IT', shadow.join(', ')) + '.';
        return toolResult(summary, { ...facts });
    });
}
