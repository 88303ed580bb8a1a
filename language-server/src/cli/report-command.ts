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
import { visible } from '../render/visible-text.js';
import { findingsByDepartment, shadowShareByDepartment } from '../analysis/department-figures.js';
import { headlineFigures } from '../analysis/headline-figures.js';
import { roadmapTrajectory } from '../analysis/roadmap-trajectory.js';
import { scheduleRoadmaps } from '../analysis/roadmap-schedule.js';
import { BRIEF_ACTIONS } from '../report/brief.js';

export const REPORT_USAGE = 'integ report [paths…] [--format md|json|html] [-o file [--force]] [--today YYYY-MM-DD]';

/** How many findings "Fix these first" lists. */
const FIX_FIRST_COUNT = 10;

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--format', '--output', '--today']), new Set(['--force']));
    const target = parsed.options.get('--output');
    const inferred = target?.toLowerCase().endsWith('.html') ? 'html' : target?.toLowerCase().endsWith('.json') ? 'json' : 'md';
    const format = choice(parsed, '--format', ['md', 'json', 'html'], inferred);
    const today = parseToday(parsed.options.get('--today'));
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
        brief: {
            headline: headlineFigures(estate, findings),
            actions: first.slice(0, BRIEF_ACTIONS),
            gaps,
            departments: findingsByDepartment(estate, findings),
            shadow: shadowShareByDepartment(estate),
            trajectory: hasRoadmap ? roadmapTrajectory(estate, scheduleRoadmaps(estate, today)) : undefined
        },
        today
    };
    const output = format === 'json' ? reportJson(report) : format === 'html' ? reportHtml(report) : reportMarkdown(report);
    if (target) await writeOutput(target, output, { cwd: io.cwd, force: parsed.flags.has('--force') }); else io.stdout.write(output);
    return 0;
}
