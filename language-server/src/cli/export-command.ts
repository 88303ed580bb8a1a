import * as path from 'node:path';
import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { UsageError } from './collect-files.js';
import { loadFiles } from './load-files.js';
import { writeOutput } from './write-output.js';
import { visible } from '../render/visible-text.js';
import type { Estate } from '../model/estate.js';
import { EXPAND_ALL, type DiagramState, type DiagramView } from '../diagram/diagram-graph.js';
import { DiagramLayouter } from '../diagram/layout.js';
import { produceDiagram } from '../diagram/produce-diagram.js';
import { parseView } from '../diagram/view-kinds.js';
import { countSyntaxErrors } from '../parser/syntax-errors.js';
import type { Finding } from '../rules/finding.js';
import { csvText, estateTables } from '../exchange/estate-tables.js';
import { archimateXml } from '../exchange/export-archimate.js';
import { cycloneDxJson } from '../exchange/export-cyclonedx.js';
import { drawioXml } from '../exchange/export-drawio.js';
import { likeC4Text } from '../exchange/export-likec4.js';
import { mermaidText } from '../exchange/export-mermaid.js';
import { structurizrText } from '../exchange/export-structurizr.js';
import { findingCounts, type LaidOutView } from '../exchange/laid-out-view.js';

const FORMATS = ['archimate', 'csv', 'cyclonedx', 'drawio', 'likec4', 'mermaid', 'structurizr'] as const;
type Format = typeof FORMATS[number];

export const EXPORT_USAGE = `integ export ${FORMATS.join('|')} [paths…] [-o file (csv: folder) [--force]] [--view estate|department:<name>|process:<name>,…] [--state as-is|to-be]`;

/** The views a picture export lays out by default: the estate with every department open, and for ArchiMate one per department and process too. */
function defaultViews(format: Format, estate: Estate): DiagramView[] {
    const views: DiagramView[] = [{ kind: 'estate' }];
    if (format !== 'archimate') return views;
    for (const department of estate.departments.values()) if (!department.source.builtin) views.push({ kind: 'department', name: department.name });
    for (const process of estate.processes.values()) views.push({ kind: 'process', name: process.name });
    return views;
}

async function layOut(estate: Estate, findings: readonly Finding[], views: DiagramView[], state: DiagramState, io: CliIo): Promise<LaidOutView[]> {
    const layouter = new DiagramLayouter();
    try {
        const result: LaidOutView[] = [];
        for (const view of views) {
            const diagram = await produceDiagram(estate, findings, { view, state, expand: view.kind === 'estate' ? [EXPAND_ALL] : undefined }, layouter, { timeoutMs: 30_000 });
            for (const note of diagram.graph.notes) io.stderr.write(`integ export: ${visible(diagram.graph.title)}: ${visible(note)}\n`);
            result.push({ graph: diagram.graph, layout: diagram.layout });
        }
        return result;
    } finally {
        layouter.dispose();
    }
}

/** Writes the estate in another tool's format (to stdout without -o, except csv, which writes three files into a folder). */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--output', '--view', '--state']), new Set(['--force']));
    const [format, ...paths] = parsed.paths;
    if (!format || !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`the first argument is the format: ${FORMATS.join(', ')} (got '${format ?? ''}')`);
    const state = choice(parsed, '--state', ['as-is', 'to-be'], 'as-is');
    const target = parsed.options.get('--output');
    const force = parsed.flags.has('--force');
    if (format === 'csv' && !target) throw new UsageError('csv writes applications.csv, interfaces.csv and data-objects.csv: give the folder with -o');
    const loaded = await loadFiles(paths, io.cwd, note => io.stderr.write(`integ export: ${visible(note)}\n`));
    const errors = countSyntaxErrors([...loaded.diagnostics.values()].flat());
    if (errors > 0) io.stderr.write(`integ export: the model has ${errors} syntax or link error(s); what they hide is not exported (run 'integ check')\n`);
    const { estate, findings } = loaded.analysis;
    const title = path.basename(path.resolve(io.cwd, paths.length === 1 ? paths[0] : '.'));

    if (format === 'csv') {
        for (const table of estateTables(estate)) {
            const file = path.join(target!, `${table.name}.csv`);
            await writeOutput(file, csvText(table), { cwd: io.cwd, force });
            io.stdout.write(`${visible(file)}: ${table.rows.length} rows\n`);
        }
        return 0;
    }
    const views = parsed.options.get('--view')?.split(',').map(text => {
        const view = parseView(text.trim());
        if (!view) throw new UsageError(`--view: '${text.trim()}' is not estate, department:<name>, process:<name> or system:<name>`);
        return view;
    }) ?? defaultViews(format as Format, estate);
    const laidOut = format === 'archimate' || format === 'drawio' ? await layOut(estate, findings, views, state, io) : [];
    const counts = findingCounts(findings);
    const output = format === 'archimate' ? archimateXml(estate, counts, laidOut, title)
        : format === 'drawio' ? drawioXml(laidOut)
            : format === 'mermaid' ? mermaidText(estate, state)
                : format === 'likec4' ? likeC4Text(estate)
                    : format === 'structurizr' ? structurizrText(estate, title)
                        : cycloneDxJson(estate, counts, title);
    if (target) {
        await writeOutput(target, output, { cwd: io.cwd, force });
        io.stdout.write(`${visible(target)}: ${format}, ${estate.systems.size} systems, ${estate.flows.size} flows${laidOut.length > 0 ? `, ${laidOut.length} view${laidOut.length === 1 ? '' : 's'}` : ''}\n`);
    } else {
        io.stdout.write(output);
    }
    return 0;
}
