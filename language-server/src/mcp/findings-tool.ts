import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { areaOf } from '../analysis/findings-totals.js';
import { fixFirst } from '../analysis/fix-first.js';
import { CATALOGUE, closestRuleId } from '../rules/catalogue.js';
import type { Finding } from '../rules/finding.js';
import type { EstateSource } from './estate-source.js';
import { findingShape, findingViewer } from './finding-view.js';
import { count, toolResult, ToolInputError } from './tool-result.js';

const AREAS = [...new Set(CATALOGUE.map(rule => areaOf(rule.id)))];
const RULE_IDS = new Set(CATALOGUE.map(rule => rule.id));
const FIX_FIRST_COUNT = 5;

const inputSchema = {
    rule: z.string().max(100).optional().describe('A rule id such as security/tls'),
    area: z.string().max(40).optional().describe(`One of ${AREAS.join(', ')}`),
    severity: z.enum(['error', 'warning', 'info']).optional(),
    element: z.string().max(200).optional().describe('Name of the system, flow or other element the finding is about'),
    file: z.string().max(500).optional().describe('Only findings in this file (path relative to the folder, or its ending)'),
    includeAccepted: z.boolean().default(false).describe('Also list findings an accept waiver covers'),
    limit: z.number().int().min(1).max(1000).default(100)
};

const outputSchema = {
    total: z.number().describe('How many findings match, before the limit'),
    findings: z.array(findingShape),
    fixFirst: z.array(z.object({
        ruleId: z.string(), element: z.object({ kind: z.string(), name: z.string() }), hoursPerWeek: z.number(),
        regulatedFields: z.array(z.string()), alsoRules: z.array(z.string()), quickFix: z.string().optional()
    })).describe('Of the matches, the ones to act on first: most manual hours, most regulated fields exposed')
};

function checkRule(rule: string | undefined): void {
    if (rule === undefined || RULE_IDS.has(rule)) return;
    const close = closestRuleId(rule);
    throw new ToolInputError(`no rule '${rule}'${close ? `; did you mean ${close}?` : '; rule ids are listed in docs/rules.md'}`);
}

function checkArea(area: string | undefined): void {
    if (area !== undefined && !AREAS.includes(area)) throw new ToolInputError(`no area '${area}'; areas are ${AREAS.join(', ')}`);
}

export function registerFindingsTool(server: McpServer, source: EstateSource): void {
    server.registerTool('findings', {
        title: 'Findings of the rules',
        description: 'The findings of the estate\'s rules (gaps, security, compliance, roadmap…), filtered by rule, area, severity, element or file; each with its rule\'s documentation and the quick fix the editor offers, and the ones to fix first.',
        inputSchema, outputSchema, annotations: { readOnlyHint: true }
    }, async ({ rule, area, severity, element, file, includeAccepted, limit }) => {
        checkRule(rule);
        checkArea(area);
        const loaded = await source.current();
        const { estate, findings } = loaded.analysis;
        const pathOf = (finding: Finding) => loaded.displayPath.get(finding.uri) ?? finding.uri;
        const matches = findings.filter(finding => (includeAccepted || !finding.accepted)
            && (rule === undefined || finding.ruleId === rule)
            && (area === undefined || areaOf(finding.ruleId) === area)
            && (severity === undefined || finding.severity === severity)
            && (element === undefined || finding.element.name === element)
            && (file === undefined || pathOf(finding) === file || pathOf(finding).endsWith(`/${file}`)));
        const view = findingViewer(loaded, source.quickFixNamer);
        const shown = matches.slice(0, limit).map(view);
        const first = fixFirst(estate, matches, FIX_FIRST_COUNT, finding => view(finding).quickFix).map(row => ({
            ruleId: row.finding.ruleId, element: { ...row.finding.element }, hoursPerWeek: row.hoursPerWeek,
            regulatedFields: row.regulatedFields, alsoRules: row.alsoRules, ...(row.fix === undefined ? {} : { quickFix: row.fix })
        }));
        const bySeverity = (s: string) => matches.filter(f => f.severity === s).length;
        const summary = matches.length === 0 ? 'No finding matches.'
            : `${count(matches.length, 'finding')}: ${bySeverity('error')} errors, ${bySeverity('warning')} warnings, ${bySeverity('info')} infos`
                + (shown.length < matches.length ? ` (first ${shown.length} listed)` : '')
                + (first.length > 0 ? `. Fix first: ${first.map(row => `${row.element.name} (${row.ruleId})`).join(', ')}` : '');
        return toolResult(summary, { total: matches.length, findings: shown, fixFirst: first });
    });
}
