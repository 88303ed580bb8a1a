import type { CliIo } from './run-cli.js';
import type { ListedElements } from '../diagram/diagram-graph.js';
import type { Lens } from '../diagram/lenses.js';
import { listedPicture } from '../diagram/listed-picture.js';
import type { Estate } from '../model/estate.js';
import { visible } from '../render/visible-text.js';
import type { Finding } from '../rules/finding.js';

/** The diagram of exactly the listed systems and flows (diagram/listed-picture.ts); its notes go to stderr under `command`. */
export async function listedDiagram(
    estate: Estate, findings: readonly Finding[], only: ListedElements, options: { lens: Lens; command: string }, io: CliIo
): Promise<string> {
    const picture = await listedPicture(estate, findings, only, options.lens);
    for (const note of picture.notes) io.stderr.write(`integ ${options.command}: ${visible(note)}\n`);
    return picture.svg;
}
