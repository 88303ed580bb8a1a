import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { inventory } from '../analysis/inventory.js';
import { reportJson, reportMarkdown } from './format-report.js';
import { loadFiles } from './load-files.js';
import { writeOutput } from './write-output.js';

export const REPORT_USAGE = 'integ report [paths…] [--format md|json] [-o file]';

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--format', '--output']), new Set());
    const format = choice(parsed, '--format', ['md', 'json'], 'md');
    const loaded = await loadFiles(parsed.paths, io.cwd);
    const report = { inventory: inventory(loaded.analysis.estate) };
    const output = format === 'json' ? reportJson(report) : reportMarkdown(report);
    const target = parsed.options.get('--output');
    if (target) await writeOutput(target, output); else io.stdout.write(output);
    return 0;
}
