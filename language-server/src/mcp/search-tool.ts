import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Declared, Flow, Initiative, Process, System } from '../model/estate.js';
import { declarations, ELEMENT_KINDS, whereOf } from './estate-elements.js';
import type { EstateSource } from './estate-source.js';
import { count, toolResult } from './tool-result.js';

const SEARCHABLE = ['system', 'flow', 'entity', 'process', 'initiative'] as const;

const inputSchema = {
    query: z.string().max(200).optional().describe('Words to find in the name, title or kind (system kind, flow style), case-insensitive; every word must match'),
    kind: z.enum(SEARCHABLE).optional().describe('Only this kind of element'),
    owner: z.string().max(200).optional().describe('Only elements whose owner contains this text'),
    department: z.string().max(200).optional().describe('Only systems of this department, flows touching its systems, initiatives involving it'),
    limit: z.number().int().min(1).max(500).default(50)
};

const hit = z.object({
    kind: z.enum(ELEMENT_KINDS), name: z.string(), title: z.string(), file: z.string(), line: z.number(),
    detail: z.string().optional(), owner: z.string().optional(), departments: z.array(z.string())
});
const outputSchema = { total: z.number(), results: z.array(hit) };

interface Facets { detail?: string; owner?: string; departments: string[] }

function facetsOf(declared: Declared, departmentOf: (system: string) => string | undefined): Facets {
    switch (declared.kind) {
        case 'system': {
            const system = declared as System;
            return { detail: system.systemKind, owner: system.owner, departments: system.department ? [system.department] : [] };
        }
        case 'flow': {
            const flow = declared as Flow;
            const departments = [departmentOf(flow.sourceSystem), departmentOf(flow.targetSystem)].filter((d): d is string => d !== undefined);
            return { detail: [flow.style, `${flow.sourceSystem} -> ${flow.targetSystem}`].filter(Boolean).join(' '), owner: flow.owner, departments: [...new Set(departments)] };
        }
        case 'process':
            return { owner: (declared as Process).owner, departments: [] };
        case 'initiative':
            return { detail: `roadmap ${(declared as Initiative).roadmap}`, departments: (declared as Initiative).departments };
        default:
            return { departments: [] };
    }
}

const contains = (text: string | undefined, part: string) => text !== undefined && text.toLowerCase().includes(part.toLowerCase());

export function registerSearchTool(server: McpServer, source: EstateSource): void {
    server.registerTool('search', {
        title: 'Search the estate',
        description: 'Find systems, flows, entities, processes and initiatives by name, title, kind, owner or department. Returns names to pass to describe, findings and impact.',
        inputSchema, outputSchema, annotations: { readOnlyHint: true }
    }, async ({ query, kind, owner, department, limit }) => {
        const { analysis: { estate }, displayPath } = await source.current();
        const departmentOf = (system: string) => estate.systems.get(system)?.department;
        const words = (query ?? '').split(/\s+/).filter(Boolean);
        const matches = declarations(estate, kind ? [kind] : SEARCHABLE).map(declared => ({ declared, facets: facetsOf(declared, departmentOf) })).filter(({ declared, facets }) =>
            words.every(word => contains(declared.name, word) || contains(declared.title, word) || contains(facets.detail, word) || contains(declared.kind, word))
            && (owner === undefined || contains(facets.owner, owner))
            && (department === undefined || facets.departments.some(d => d.toLowerCase() === department.toLowerCase())));
        const results = matches.slice(0, limit).map(({ declared, facets }) => ({
            kind: declared.kind as typeof SEARCHABLE[number], name: declared.name, title: declared.title, ...whereOf(declared, displayPath), ...facets
        }));
        const shown = results.map(r => `${r.kind} ${r.name}`).join(', ');
        const summary = matches.length === 0 ? 'Nothing matches.'
            : `${count(matches.length, 'match', 'matches')}${matches.length > results.length ? ` (first ${results.length} shown)` : ''}: ${shown}`;
        return toolResult(summary, { total: matches.length, results });
    });
}
