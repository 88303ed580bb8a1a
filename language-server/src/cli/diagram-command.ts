import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { UsageError } from './collect-files.js';
import { loadFiles } from './load-files.js';
import { writeOutput } from './write-output.js';
import { findChromium, renderSvg } from './chromium-render.js';
import { visible } from '../render/visible-text.js';
import { EXPAND_ALL } from '../diagram/diagram-graph.js';
import { DiagramViewError } from '../diagram/graph-builder.js';
import { DiagramLayouter } from '../diagram/layout.js';
import { LENSES } from '../diagram/lenses.js';
import { parsePanel, type PanelSize } from '../diagram/panel-shape.js';
import { produceDiagram } from '../diagram/produce-diagram.js';
import { countSyntaxErrors } from '../parser/syntax-errors.js';
import { parseView, VIEW_FORMS } from '../diagram/view-kinds.js';

export const DIAGRAM_USAGE = `integ diagram [paths…] [--view ${VIEW_FORMS.join('|')}] [--state as-is|to-be] [--depth 1|2] `
    + '[--expand Dept,…|all] [--classification C,…] [--finding rule-or-area,…] [--follow Entity[.field]] [--lens ' + LENSES.join('|') + '] '
    + '[--panel WIDTHxHEIGHT] [-o out.svg|out.png|out.pdf [--force]]';

function list(value: string | undefined): string[] | undefined {
    const items = value?.split(',').map(item => item.trim()).filter(Boolean);
    return items && items.length > 0 ? items : undefined;
}

/** `1600x900`: the panel the picture should fit (its shape decides the layout's direction). */
function panelOf(text: string | undefined): PanelSize | undefined {
    if (text === undefined) return undefined;
    const panel = parsePanel(text);
    if (!panel) throw new UsageError(`--panel needs WIDTHxHEIGHT in pixels, e.g. 1600x900 (got '${text}')`);
    return panel;
}

/** What `-o` asks for by its extension: PNG and PDF are drawn by Chromium from the SVG; anything else gets the SVG as before. */
function pictureFormat(target: string | undefined): 'svg' | 'png' | 'pdf' {
    const lower = target?.toLowerCase();
    return lower?.endsWith('.png') ? 'png' : lower?.endsWith('.pdf') ? 'pdf' : 'svg';
}

/** Writes the dependency diagram as a standalone SVG (to stdout without -o), or as PNG or PDF. Exit 2 on unknown views. */
export async function diagramCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--view', '--state', '--depth', '--classification', '--finding', '--expand', '--follow', '--lens', '--panel', '--output', '--timeout']), new Set(['--force']));
    const state = choice(parsed, '--state', ['as-is', 'to-be'], 'as-is');
    const depth = choice(parsed, '--depth', ['1', '2'], '1') === '2' ? 2 : 1;
    const lens = choice(parsed, '--lens', LENSES, 'style');
    const panel = panelOf(parsed.options.get('--panel'));
    const timeoutText = parsed.options.get('--timeout');
    const timeoutMs = timeoutText === undefined ? 30_000 : Number(timeoutText);
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new UsageError(`--timeout needs a number of milliseconds (got '${timeoutText}')`);
    const viewText = parsed.options.get('--view') ?? 'estate';
    const view = parseView(viewText, depth);
    if (!view) throw new UsageError(`unknown view '${viewText}' (use ${VIEW_FORMS.slice(0, -1).join(', ')} or ${VIEW_FORMS.at(-1)})`);
    const expand = list(parsed.options.get('--expand'))?.map(name => name === 'all' ? EXPAND_ALL : name);
    const target = parsed.options.get('--output');
    const format = pictureFormat(target);
    // Before the layout: a missing browser should not cost the wait for it.
    const picture = format === 'svg' ? undefined : { format, chromium: await findChromium(`a ${format.toUpperCase()}`) };
    const loaded = await loadFiles(parsed.paths, io.cwd, note => io.stderr.write(`integ diagram: ${visible(note)}\n`));
    const layouter = new DiagramLayouter();
    try {
        const diagram = await produceDiagram(loaded.analysis.estate, loaded.analysis.findings, {
            view, state, expand,
            filters: { classifications: list(parsed.options.get('--classification')), findings: list(parsed.options.get('--finding')) },
            follow: parsed.options.get('--follow')
        }, layouter, { timeoutMs, panel }, { lens });
        const errors = countSyntaxErrors([...loaded.diagnostics.values()].flat());
        if (errors > 0) io.stderr.write(`integ diagram: the model has ${errors} syntax or link error(s); run 'integ check' for details\n`);
        for (const note of diagram.graph.notes) io.stderr.write(`integ diagram: ${visible(note)}\n`);
        if (target) {
            const content = picture ? await renderSvg(diagram.svg, picture.format, picture.chromium) : diagram.svg;
            await writeOutput(target, content, { cwd: io.cwd, force: parsed.flags.has('--force') });
            io.stdout.write(`${visible(target)}: ${visible(diagram.graph.title)}, ${diagram.graph.nodes.length} nodes, ${diagram.graph.edges.length} edges\n`);
        } else {
            io.stdout.write(diagram.svg + '\n');
        }
        return 0;
    } catch (error) {
        if (error instanceof DiagramViewError) throw new UsageError(error.message);
        throw error;
    } finally {
        layouter.dispose();
    }
}
