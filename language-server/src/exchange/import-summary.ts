import type { ImportSummary } from './model-writer.js';
import { at, type ImportNote } from './records.js';

/** Lines of a list shown in the summary before "… and N more". */
const SHOWN = 10;

const count = (n: number) => n.toLocaleString('en');

function section(title: string, items: string[]): string[] {
    if (items.length === 0) return [];
    const shown = items.slice(0, SHOWN).map(item => `  ${item}`);
    if (items.length > SHOWN) shown.push(`  … and ${count(items.length - SHOWN)} more`);
    return [`${title} (${count(items.length)}):`, ...shown];
}

const noteLine = (note: ImportNote) => `${note.origin ? `${at(note.origin)}: ` : ''}${note.message}`;

export interface FirstAnalysis { gaps: number; securityErrors: number; openDiagram: string }

/** What an import did, ending with the first analysis of the imported estate. */
export function importSummaryText(summary: ImportSummary, guesses: ImportNote[], written: string[], analysis: FirstAnalysis): string {
    const lines = [
        ...section('guessed', guesses.map(noteLine)),
        `mapped ${count(summary.mapped)} values to ${count(summary.systems)} systems, ${count(summary.flows)} flows, ${count(summary.entities)} entities and ${count(summary.departments)} departments;`
            + ` ${count(summary.todos)} value${summary.todos === 1 ? '' : 's'} left as // TODO comments`,
        ...section('inferred', summary.inferred),
        ...section('shadow-IT candidates', summary.shadowCandidates),
        ...section('skipped', summary.skipped.map(noteLine)),
        ...section('kept (declared by hand)', summary.kept),
        ...section('wrote', written),
        `imported ${count(summary.systems)} systems and ${count(summary.flows)} flows: ${count(analysis.gaps)} gap${analysis.gaps === 1 ? '' : 's'},`
            + ` ${count(analysis.securityErrors)} security error${analysis.securityErrors === 1 ? '' : 's'}; open the diagram with ${analysis.openDiagram}`
    ];
    return lines.join('\n') + '\n';
}
