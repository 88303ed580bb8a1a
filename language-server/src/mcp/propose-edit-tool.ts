import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Model } from '../generated/ast.js';
import { findDeclaration } from '../fixes/declaration-lookup.js';
import { fixesAt, fixesFor, type FixProposal } from '../fixes/rule-fixes.js';
import type { Finding } from '../rules/finding.js';
import { findingData } from '../workspace/finding-diagnostics.js';
import type { McpWorkspace } from './mcp-host.js';
import type { EstateSource } from './estate-source.js';
import { findingShape, findingViewer } from './finding-view.js';
import { toolResult, ToolInputError } from './tool-result.js';

const inputSchema = {
    rule: z.string().min(1).max(100).describe('The finding\'s rule id, as the findings tool lists it'),
    element: z.string().min(1).max(200).describe('The name of the element the finding is about'),
    fix: z.string().max(300).optional().describe('The title of one of the fixes offered; the preferred one by default')
};

const position = z.object({ line: z.number(), character: z.number() });
const textEdit = z.object({ range: z.object({ start: position, end: position }), newText: z.string() });
const outputSchema = {
    finding: findingShape,
    title: z.string(),
    alternatives: z.array(z.string()).describe('Other fixes for the same finding'),
    edit: z.object({ changes: z.record(z.string(), z.array(textEdit)) }).describe('An LSP WorkspaceEdit keyed by file URI; zero-based lines'),
    files: z.record(z.string(), z.array(textEdit)).describe('The same edits keyed by path relative to the folder')
};

function proposalsFor(finding: Finding, loaded: McpWorkspace): FixProposal[] {
    const document = loaded.documents.find(candidate => candidate.uri.toString() === finding.uri);
    if (!document) return [];
    const data = findingData(finding);
    const node = findDeclaration(document.parseResult.value as Model, finding.element);
    return node ? fixesFor(finding.ruleId, { text: document.textDocument.getText(), node, data }) : fixesAt(finding.ruleId, finding.range, data);
}

/**
 * The editor's quick fix for one finding, as a workspace edit the assistant can show or apply.
 * Only registered with --allow-edits; even then it writes nothing: the client decides.
 */
export function registerProposeEditTool(server: McpServer, source: EstateSource): void {
    server.registerTool('propose_edit', {
        title: 'Propose the quick fix for a finding',
        description: 'The text edits of the quick fix the editor offers for one finding (rule and element, as the findings tool lists them), as a workspace edit. Never writes a file.',
        inputSchema, outputSchema, annotations: { readOnlyHint: true }
    }, async ({ rule, element, fix }) => {
        const loaded = await source.current();
        const candidates = loaded.analysis.findings.filter(finding => finding.ruleId === rule && finding.element.name === element);
        if (candidates.length === 0) throw new ToolInputError(`no ${rule} finding on '${element}'; the findings tool lists them`);
        const offered = candidates.map(finding => ({ finding, proposals: proposalsFor(finding, loaded) })).find(entry => entry.proposals.length > 0);
        if (!offered) throw new ToolInputError(`the ${rule} finding on ${element} has no quick fix; docs/rules.md says how to fix it by hand`);
        const titles = offered.proposals.map(proposal => proposal.title);
        const chosen = fix === undefined ? offered.proposals.find(proposal => proposal.preferred) ?? offered.proposals[0] : offered.proposals.find(proposal => proposal.title === fix);
        if (!chosen) throw new ToolInputError(`no fix titled '${fix}'; the fixes offered are: ${titles.join('; ')}`);
        const uri = offered.finding.uri;
        const file = loaded.displayPath.get(uri) ?? uri;
        const edits = chosen.edits.map(edit => ({ range: edit.range, newText: edit.newText }));
        return toolResult(`${chosen.title} (${edits.length} edit${edits.length === 1 ? '' : 's'} in ${file}); not applied.`, {
            finding: findingViewer(loaded, source.quickFixNamer)(offered.finding), title: chosen.title, alternatives: titles.filter(title => title !== chosen.title),
            edit: { changes: { [uri]: edits } }, files: { [file]: edits }
        });
    });
}
