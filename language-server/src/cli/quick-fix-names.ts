import type { LangiumDocument } from 'langium';
import type { Model } from '../generated/ast.js';
import { findDeclaration } from '../fixes/declaration-lookup.js';
import { fixesFor } from '../fixes/rule-fixes.js';
import type { Finding } from '../rules/finding.js';
import { findingData } from '../workspace/finding-diagnostics.js';

/** Names the quick fix the editor would offer first for a finding: its preferred one, else the first. */
export function quickFixNamer(documents: readonly LangiumDocument[]): (finding: Finding) => string | undefined {
    const byUri = new Map(documents.map(document => [document.uri.toString(), document]));
    return finding => {
        const document = byUri.get(finding.uri);
        if (!document) return undefined;
        const node = findDeclaration(document.parseResult.value as Model, finding.element);
        if (!node) return undefined;
        const proposals = fixesFor(finding.ruleId, { text: document.textDocument.getText(), node, data: findingData(finding) });
        return (proposals.find(proposal => proposal.preferred) ?? proposals[0])?.title;
    };
}
