import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { UsageError } from './collect-files.js';
import { toRecords } from './diagnostic-records.js';
import { formatJson, formatSarif, formatText } from './format-check.js';
import { formatCodeQuality } from './format-code-quality.js';
import { loadFiles } from './load-files.js';
import { writeOutput } from './write-output.js';
import { visible } from '../render/visible-text.js';

export const CHECK_USAGE = 'integ check [paths…] [--format text|json|sarif|codequality] [--max-warnings N] [-o file [--force]]';

/** Exit 0 when clean, 1 on any error (or more warnings than allowed), 2 on usage or I/O errors. */
export async function checkCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--format', '--max-warnings', '--output']), new Set(['--force']));
    const format = choice(parsed, '--format', ['text', 'json', 'sarif', 'codequality'], 'text');
    const maxWarningsText = parsed.options.get('--max-warnings');
    const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
    if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
        throw new UsageError(`--max-warnings needs a whole number ≥ 0 (got '${maxWarningsText}')`);
    }
    const loaded = await loadFiles(parsed.paths, io.cwd, note => io.stderr.write(`integ check: ${visible(note)}\n`));
    const records = toRecords(loaded.diagnostics, loaded.displayPath);
    const output = format === 'json' ? formatJson(records) : format === 'sarif' ? formatSarif(records)
        : format === 'codequality' ? formatCodeQuality(records) : formatText(records);
    const target = parsed.options.get('--output');
    if (target) await writeOutput(target, output, { cwd: io.cwd, force: parsed.flags.has('--force') }); else io.stdout.write(output);
    const counted = records.filter(record => !record.accepted);
    const errors = counted.filter(record => record.severity === 'error').length;
    const warnings = counted.filter(record => record.severity === 'warning').length;
    return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}
