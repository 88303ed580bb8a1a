/**
 * Reads the compact location table of a diagram answer. Pure (no `vscode` import) so it is tested
 * in Node; the panel opens what it returns through revealDeclaration, which checks the URI again.
 */
import type { DiagramLocation, DiagramLocations } from '../../../language-server/src/lsp/protocol.js';

/** Where the element with this `data-id` is declared, if the diagram says. */
export function diagramLocation(locations: DiagramLocations | undefined, id: string): DiagramLocation | undefined {
    const entry = locations && Object.hasOwn(locations.at, id) ? locations.at[id] : undefined;
    const uri = entry ? locations?.files[entry[0]] : undefined;
    if (!entry || uri === undefined) return undefined;
    const [, startLine, startCharacter, endLine, endCharacter] = entry;
    return { uri, range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } } };
}
