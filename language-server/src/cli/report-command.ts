import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { inventory } from '../model/inventory.js';
import { findingsByRegulation, gapsByType } from '../analysis/findings-breakdown.js';
import { findingTotals } from '../analysis/findings-totals.js';
import { fixFirst } from '../analysis/fix-first.js';
import { quickFixNamer } from './quick-fix-names.js';
import { roadmapImpact } from '../analysis/roadmap-impact.js';
import { reportHtml, reportJson, reportMarkdown, type Report } from './format-report.js';
import { loadFiles } from './load-files.js';
import { parseToday } from './roadmap-command.js';
import { writeOutput } from './write-output.js';
import { findChromium, printHtml } from './chromium-render.js';
import { UsageError } from './collect-files.js';
import { visible } from '../render/visible-text.js';
import { estateBrief } from '../report/estate-brief.js';

export const REPORT_USAGE = 'integ report [paths…] [--format md|json|html|pdf] [-o file [--force]] [--today YYYY-MM-DD]';

/** How many findings "Fix these first" lists. */
const FIX_FIRST_COUNT = 10;

/** The format `-o` implies by its extension when --format is not given. */
function inferredFormat(target: string | undefined): 'md' | 'json' | 'html' | 'pdf' {
    const lower = target?.toLowerCase();
    return lower?.endsWith('.html') ? 'html' : lower?.endsWith('.json') ? 'json' : lower?.endsWith('.pdf') ? 'pdf' : 'md';
}

/**
 * The HTML page as it prints to the PDF: on A4, the brief on the first page (its print style keeps
 * it there) and every detail table open, since a PDF cannot be clicked. `<details>` appears only as
 * the report writes it: model text reaches the page escaped.
 */
function printablePage(html: string): string {
    return html.replace('</head>', '<style>@page { size: A4; }</style></head>').replaceAll('<details>', '<details open>');
}

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--format', '--output', '--today']), new Set(['--force']));
    const target = parsed.options.get('--output');
    const format = choice(parsed, '--format', ['md', 'json', 'html', 'pdf'], inferredFormat(target));
    if (format === 'pdf' && !target) throw new UsageError('--format pdf needs -o file.pdf: a PDF is not written to the terminal');
    const today = parseToday(parsed.options.get('--today'));
    // Before the analysis: a missing browser should not cost the wait for it.
    const chromium = format === 'pdf' ? await findChromium('a PDF') : undefined;
    const loaded = await loadFiles(parsed.paths, io.cwd, note => io.stderr.write(`integ report: ${visible(note)}\n`));
    const { estate, findings } = loaded.analysis;
    const first = fixFirst(estate, findings, FIX_FIRST_COUNT, quickFixNamer(loaded.documents));
    const gaps = gapsByType(estate, findings);
    const hasRoadmap = estate.initiatives.size > 0;
    const report: Report = {
        inventory: inventory(estate),
        totals: findingTotals(findings),
        fixFirst: first.map(row => ({ ...row, where: `${loaded.displayPath.get(row.finding.uri) ?? row.finding.uri}:${row.finding.range.start.line + 1}` })),
        gaps,
        regulations: findingsByRegulation(estate, findings),
        roadmap: hasRoadmap ? roadmapImpact(estate, { today, findings }).totals : undefined,
        brief: estateBrief(estate, findings, today, first),
        today
    };
    const text = format === 'json' ? reportJson(report) : format === 'md' ? reportMarkdown(report) : reportHtml(report);
    if (!target) io.stdout.write(text);
    else await writeOutput(target, chromium ? await printHtml(printablePage(text), chromium) : text, { cwd: io.cwd, force: parsed.flags.has('--force') });
    return 0;
}
