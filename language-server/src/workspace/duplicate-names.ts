import type { AstNodeDescription } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { STDLIB_URI } from '../stdlib/stdlib.js';

/**
 * Links per duplicate: each of n declarations of one name linking all the others made n² links
 * (a file repeating `system flow { }` ran out of memory).
 */
const MAX_LINKED = 10;

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
        const count = list.length - 1;
        // Only the first MAX_LINKED + 1 declarations are ever linked: their links are made once and shared.
        const links = list.slice(0, MAX_LINKED + 1).map(other => ({
            location: { uri: other.documentUri.toString(), range: other.nameSegment?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
            message: `'${name}' is also declared here (${other.type.toLowerCase()})`
        }));
        const linked = Math.min(count, MAX_LINKED);
        const message = `Duplicate name '${name}': it is also declared ${count === 1 ? 'elsewhere' : `${count} more times`} in the workspace${count > linked ? ` (the first ${linked} are linked)` : ''}.`;
        list.forEach((description, position) => {
            const uri = description.documentUri.toString();
            const diagnostic: Diagnostic = {
                severity: DiagnosticSeverity.Error,
                range: description.nameSegment?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                message,
                source: 'integ',
                code: 'duplicate-name',
                relatedInformation: links.filter((_, index) => index !== position).slice(0, linked)
            };
            const diagnostics = result.get(uri);
            if (diagnostics) diagnostics.push(diagnostic); else result.set(uri, [diagnostic]);
        });
    }
    return result;
}
