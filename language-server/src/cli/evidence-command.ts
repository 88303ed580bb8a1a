import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { UsageError } from './collect-files.js';
import { loadFiles } from './load-files.js';
import { writeOutput } from './write-output.js';
import { gdprRopa, type Ropa, type RopaSystem, type RopaTransfer } from '../analysis/gdpr-ropa.js';
import { csvText } from '../exchange/estate-tables.js';
import { countSyntaxErrors } from '../parser/syntax-errors.js';
import { escapeMarkdown } from '../render/markdown-escape.js';
import { visible } from '../render/visible-text.js';

const KINDS = ['gdpr-ropa'] as const;

export const EVIDENCE_USAGE = `integ evidence ${KINDS.join('|')} [paths…] [--format md|csv] [-o file [--force]]`;

/** Exit 0 with the document; 2 for an unknown kind or format, or on I/O errors. */
export async function evidenceCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--format', '--output']), new Set(['--force']));
    const format = choice(parsed, '--format', ['md', 'csv'], 'md');
    const [kind, ...paths] = parsed.paths;
    if (kind === undefined) throw new UsageError(`name the document: ${KINDS.join(', ')}`);
    if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown evidence '${kind}' (use ${KINDS.join(', ')})`);
    const loaded = await loadFiles(paths, io.cwd, note => io.stderr.write(`integ evidence: ${visible(note)}\n`));
    const errors = countSyntaxErrors([...loaded.diagnostics.values()].flat());
    if (errors > 0) io.stderr.write(`integ evidence: the model has ${errors} syntax or link error(s); run 'integ check' for details\n`);
    const ropa = gdprRopa(loaded.analysis.estate);
    const output = format === 'csv' ? ropaCsv(ropa) : ropaMarkdown(ropa);
    const target = parsed.options.get('--output');
    // A file keeps RFC 4180's CRLF; the terminal would show each CR as an escape.
    if (target) await writeOutput(target, output, { cwd: io.cwd, force: parsed.flags.has('--force') }); else io.stdout.write(output.replace(/\r\n/g, '\n'));
    return 0;
}

function systemText(system: RopaSystem): string {
    const facts = [system.owner ? `owner ${system.owner}` : 'no owner', system.department, system.region ? `region ${system.region}` : 'region unknown',
        system.processor ? `run by ${system.processor}` : undefined].filter(Boolean).join(', ');
    return `${system.name} (${facts})`;
}

function transferText(transfer: RopaTransfer): string {
    return `${transfer.flow}: ${transfer.from} → ${transfer.to} (${transfer.toRegion}), ${transfer.safeguard ? `safeguard ${transfer.safeguard}` : 'no safeguard'}`;
}

function ropaMarkdown(ropa: Ropa): string {
    const md = escapeMarkdown;
    const lines = ['# Record of processing activities (GDPR Art. 30)', '',
        `Compiled from the model: what it does not say is listed under "To do", never left blank. Evidence from the model, not legal advice. Transfers judged against the EU adequacy decisions as of ${ropa.adequacyAsOf}.`];
    if (ropa.records.length === 0) lines.push('', 'No personal data (no field classified under GDPR) in the model.');
    for (const record of ropa.records) {
        const list = (label: string, items: string[], none = 'none') => {
            lines.push('', `**${label}:**${items.length === 0 ? ` ${none}` : ''}`);
            if (items.length > 0) lines.push('', ...items.map(item => `- ${md(item)}`));
        };
        lines.push('', `## ${md(record.activity)}`, '', record.process ? `Process ${md(record.process)}.` : 'No process moves this data; one record for the entity.');
        list('Purposes', record.purposes, 'not modelled');
        list('Categories of data subjects', record.dataSubjects);
        list('Categories of personal data', record.dataCategories);
        list('Systems', record.systems.map(systemText));
        list('Recipients', record.recipients);
        list('Transfers to third countries', record.transfers.map(transferText));
        list('Retention', record.retention);
        list('Technical measures', record.measures);
        list('To do', record.todos);
    }
    return lines.join('\n') + '\n';
}

function ropaCsv(ropa: Ropa): string {
    const join = (items: string[]) => items.join('; ');
    return csvText({
        name: 'gdpr-ropa',
        headers: ['Activity', 'Process', 'Purposes', 'Data subjects', 'Personal data', 'Systems', 'Recipients', 'Transfers to third countries', 'Retention', 'Technical measures', 'To do'],
        rows: ropa.records.map(record => [
            record.activity, record.process ?? '', join(record.purposes), join(record.dataSubjects), join(record.dataCategories),
            join(record.systems.map(systemText)), join(record.recipients), join(record.transfers.map(transferText)), join(record.retention),
            join(record.measures), join(record.todos)
        ].map(visible))
    });
}
