import { z } from 'zod';
import { areaOf } from '../analysis/findings-totals.js';
import { CATALOGUE } from '../rules/catalogue.js';
import type { Finding } from '../rules/finding.js';
import { ruleResourceUri } from './docs-resources.js';
import type { McpWorkspace } from './mcp-host.js';

const ANCHORS = new Map(CATALOGUE.map(rule => [rule.id, rule.anchor]));

/** A finding as the tools return it: what, where, why (the rule's docs) and how to fix it. */
export const findingShape = z.object({
    ruleId: z.string(), area: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(),
    element: z.object({ kind: z.string(), name: z.string() }), property: z.string().optional(),
    file: z.string(), line: z.number(),
    docs: z.string().describe('Section of docs/rules.md'), docsResource: z.string().describe('The same section as an MCP resource'),
    quickFix: z.string().optional().describe('The quick fix the editor offers first'),
    accepted: z.object({ reason: z.string(), ticket: z.string().optional(), until: z.string().optional() }).optional()
});
export type FindingView = z.infer<typeof findingShape>;

/** Views findings of one loaded workspace; the quick fix namer indexes the documents once. */
export function findingViewer(loaded: McpWorkspace, quickFixNamer: (documents: McpWorkspace['documents']) => (finding: Finding) => string | undefined): (finding: Finding) => FindingView {
    const fixOf = quickFixNamer(loaded.documents);
    return finding => {
        const quickFix = fixOf(finding);
        return {
            ruleId: finding.ruleId, area: areaOf(finding.ruleId), severity: finding.severity, message: finding.message,
            element: { ...finding.element }, ...(finding.property === undefined ? {} : { property: finding.property }),
            file: loaded.displayPath.get(finding.uri) ?? finding.uri, line: finding.range.start.line + 1,
            docs: `docs/rules.md#${ANCHORS.get(finding.ruleId) ?? ''}`, docsResource: ruleResourceUri(finding.ruleId),
            ...(quickFix === undefined ? {} : { quickFix }),
            ...(finding.accepted ? { accepted: { ...finding.accepted } } : {})
        };
    };
}
