import type { CliIo } from './run-cli.js';
import { UsageError } from './collect-files.js';
import { parseArgs } from './cli-args.js';
import { loadFiles } from './load-files.js';
import { writeOutput } from './write-output.js';
import { visible } from '../render/visible-text.js';
import { roadmapHtmlPage } from '../roadmap/roadmap-html.js';
import { roadmapMarkdown } from '../roadmap/roadmap-markdown.js';
import { roadmapReport } from '../roadmap/roadmap-report.js';
import { todayIso } from '../model/units.js';

export const ROADMAP_USAGE = 'integ roadmap [paths…] [-o roadmap.html|roadmap.md [--force]] [--today YYYY-MM-DD]';

/** The output format follows the file extension; without -o, Markdown goes to stdout. */
function formatOf(target: string | undefined): 'html' | 'md' {
    if (target === undefined) return 'md';
    const lower = target.toLowerCase();
    if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
    if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
    throw new UsageError(`${target}: the output must end in .html or .md`);
}

export function parseToday(value: string | undefined): string {
    if (value === undefined) return todayIso();
    const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new UsageError(`--today must be YYYY-MM or YYYY-MM-DD (got '${value}')`);
    return match[3] ? value : `${value}-01`;
}

export async function roadmapCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--output', '--today']), new Set(['--force']));
    const target = parsed.options.get('--output');
    const format = formatOf(target);
    const today = parseToday(parsed.options.get('--today'));
    const loaded = await loadFiles(parsed.paths, io.cwd, note => io.stderr.write(`integ roadmap: ${visible(note)}\n`));
    const { estate, findings } = loaded.analysis;
    const report = roadmapReport(estate, { today, findings });
    const output = format === 'html' ? roadmapHtmlPage(report.schedule, report.impact) : roadmapMarkdown(report.schedule, report.impact);
    if (target) {
        await writeOutput(target, output, { cwd: io.cwd, force: parsed.flags.has('--force') });
        io.stderr.write(`integ roadmap: wrote ${visible(target)}\n`);
    } else {
        io.stdout.write(output);
    }
    return 0;
}
