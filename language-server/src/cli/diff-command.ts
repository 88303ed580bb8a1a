import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { UsageError } from './collect-files.js';
import { loadSides, type LoadedSide } from './diff-sides.js';
import { parseToday } from './roadmap-command.js';
import { writeOutput } from './write-output.js';
import { diffEstates, type EstateDiff } from '../diff/estate-diff.js';
import { diffHtml } from '../diff/diff-html.js';
import { diffJson } from '../diff/diff-json.js';
import { diffMarkdown } from '../diff/diff-markdown.js';
import { diffText } from '../diff/diff-text.js';
import { diffPicture } from './diff-picture.js';
import { visible } from '../render/visible-text.js';

export const DIFF_USAGE = 'integ diff <base> [<head>] [--format text|md|json|html|svg] [--fail-on new-errors|new-warnings] [-o file [--force]] [--today YYYY-MM-DD] [-- paths…]';

/**
 * Each side is a folder or a git revision; without a head, the working tree. Exit 1 when
 * `--fail-on` is given and the change introduces such findings, so a CI job can gate on it.
 */
export async function diffCommand(args: string[], io: CliIo): Promise<number> {
    // After `--` come paths that narrow the revisions and the working tree, as with `git diff`.
    const separator = args.indexOf('--');
    const paths = separator < 0 ? [] : args.slice(separator + 1);
    const parsed = parseArgs(separator < 0 ? args : args.slice(0, separator), new Set(['--format', '--fail-on', '--output', '--today']), new Set(['--force']));
    if (parsed.paths.length === 0) throw new UsageError('needs a base to compare with: a folder or a git revision');
    if (parsed.paths.length > 2) throw new UsageError(`compares two sides, got ${parsed.paths.length} (narrow with -- paths…)`);
    const target = parsed.options.get('--output');
    const format = choice(parsed, '--format', ['text', 'md', 'json', 'html', 'svg'], formatOf(target));
    const failOn = parsed.options.has('--fail-on') ? choice(parsed, '--fail-on', ['new-errors', 'new-warnings'], 'new-errors') : undefined;
    const today = parseToday(parsed.options.get('--today'));
    const warn = (note: string) => io.stderr.write(`integ diff: ${visible(note)}\n`);
    const [base, head] = await loadSides(parsed.paths[0], parsed.paths[1], paths, io.cwd, warn);
    // One empty side is a new or a deleted estate; two are a mistyped path.
    if (base.files + head.files === 0) throw new UsageError(`no .integ files in ${base.label} or ${head.label}${paths.length > 0 ? ` under ${paths.join(', ')}` : ''}`);
    for (const side of [base, head]) warnBroken(side, warn);
    const diff = diffEstates(base, head, today);
    const output = format === 'svg' ? await svgOf(base, head, diff, warn)
        : format === 'json' ? diffJson(diff) : format === 'md' ? diffMarkdown(diff) : format === 'html' ? diffHtml(diff) : diffText(diff);
    if (target) {
        await writeOutput(target, output, { cwd: io.cwd, force: parsed.flags.has('--force') });
        io.stderr.write(`integ diff: wrote ${visible(target)}\n`);
    } else {
        io.stdout.write(output);
    }
    if (failOn === 'new-errors') return diff.summary.newErrors > 0 ? 1 : 0;
    if (failOn === 'new-warnings') return diff.summary.newWarnings > 0 ? 1 : 0;
    return 0;
}

/** Without --format, a file's extension says what to write; the terminal gets text. */
function formatOf(target: string | undefined): 'text' | 'md' | 'json' | 'html' | 'svg' {
    const extension = target?.toLowerCase().split('.').pop();
    return extension === 'md' || extension === 'json' || extension === 'svg' ? extension : extension === 'html' || extension === 'htm' ? 'html' : 'text';
}

/** Laid out only when asked for: the diff itself stays within its budget whatever the estate's size. */
async function svgOf(base: LoadedSide, head: LoadedSide, diff: EstateDiff, warn: (note: string) => void): Promise<string> {
    const picture = await diffPicture(base, head, diff);
    for (const note of picture.notes) warn(note);
    return picture.svg;
}

function warnBroken(side: LoadedSide, warn: (note: string) => void): void {
    if (side.brokenFiles.length === 0) return;
    const files = side.brokenFiles.slice(0, 3).join(', ') + (side.brokenFiles.length > 3 ? ` and ${side.brokenFiles.length - 3} more` : '');
    warn(`${side.label}: syntax errors in ${files}; what they declare may show as added or removed`);
}
