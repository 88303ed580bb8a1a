import type { LangiumDocument } from 'langium';
import type { Finding } from '../rules/finding.js';
import type { AnalysisResult } from '../workspace/workspace-analysis.js';

/** A loaded workspace as the tools read it (what `integ check` loads). */
export interface McpWorkspace {
    analysis: AnalysisResult;
    documents: readonly LangiumDocument[];
    /** Document URI → path relative to the folder, as answers quote it. */
    displayPath: ReadonlyMap<string, string>;
}

/**
 * What the command line lends the server. The CLI hosts `integ mcp` and so imports this layer;
 * taking its loader and quick-fix names as arguments keeps the import one way (docs/architecture.md)
 * while the server reads files exactly as `integ check` does.
 */
export interface McpHost {
    load(folder: string, warn?: (note: string) => void): Promise<McpWorkspace>;
    quickFixNamer(documents: readonly LangiumDocument[]): (finding: Finding) => string | undefined;
    version: string;
}
