/**
 * Reads the compact location table of a diagram answer. Pure (no `vscode` import) so it is tested
 * in Node; the panel opens what it returns through revealDeclaration, which checks the URI again.
 */
import type { DiagramLocation, DiagramLocations, DiagramRequestResult } from '../../../language-server/src/lsp/protocol.js';
import { nameInId } from '../../../language-server/src/diagram/element-ids.js';

/** Where the element with this `data-id` is declared, if the diagram says. */
export function diagramLocation(locations: DiagramLocations | undefined, id: string): DiagramLocation | undefined {
    const entry = locations && Object.hasOwn(locations.at, id) ? locations.at[id] : undefined;
    const uri = entry ? locations?.files[entry[0]] : undefined;
    if (!entry || uri === undefined) return undefined;
    const [, startLine, startCharacter, endLine, endCharacter] = entry;
    return { uri, range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } } };
}

/** A flow a bundled line stands for, to offer when the line is clicked. */
export interface BundledFlowChoice {
    /** The flow's name, as the model spells it. */
    name: string;
    location: DiagramLocation;
}

/**
 * The flows of the line with this `data-id` when it stands for several, each where it is declared:
 * such a line has no declaration of its own. Flows the diagram does not locate are left out.
 */
export function bundledFlows(result: Pick<DiagramRequestResult, 'bundles' | 'locations'> | undefined, id: string): BundledFlowChoice[] {
    const ids = result && Object.hasOwn(result.bundles, id) ? result.bundles[id] : [];
    return ids.flatMap(flow => {
        const location = diagramLocation(result?.locations, flow);
        const name = nameInId('flow', flow);
        return location && name !== undefined ? [{ name, location }] : [];
    });
}
