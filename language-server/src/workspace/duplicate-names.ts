import type { AstNodeDescription } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { STDLIB_URI } from '../stdlib/stdlib.js';

/**
 * One workspace-wide namespace: a name declared twice is an error on every declaration, each
 * pointing at the others. Standard-library names may be redeclared (the user's one wins).
 */
export function duplicateNameDiagnostics(descriptions: Iterable<AstNodeDescription>): Map<string, Diagnostic[]> {
    const byName = new Map<string, AstNodeDescription[]>();
    for (const description of descriptions) {
        if (description.documentUri.toString() === STDLIB_URI) continue;
        const list = byName.get(description.name);
        if (list) list.push(description); else byName.set(description.name, [description]);
    }
    const result = new Map<string, Diagnostic[]>();
    for (const [name, list] of byName) {
        if (list.length < 2) continue;
        for (const description of list) {
            const others = list.filter(other => other !== description);
            const uri = description.documentUri.toString();
            const diagnostic: Diagnostic = {
                severity: DiagnosticSeverity.Error,
                range: description.nameSegment?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                message: `Duplicate name '${name}': it is also declared ${others.length === 1 ? 'elsewhere' : `${others.length} more times`} in the workspace.`,
                source: 'integ',
                code: 'duplicate-name',
                relatedInformation: others.map(other => ({
                    location: { uri: other.documentUri.toString(), range: other.nameSegment?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
                    message: `'${name}' is also declared here (${other.type.toLowerCase()})`
                }))
            };
            const diagnostics = result.get(uri);
            if (diagnostics) diagnostics.push(diagnostic); else result.set(uri, [diagnostic]);
        }
    }
    return result;
}
