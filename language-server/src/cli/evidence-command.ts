import * as path from 'node:path';
import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { UsageError } from './collect-files.js';
import { listedDiagram } from './listed-diagram.js';
import { loadFiles, type LoadedFiles } from './load-files.js';
import { writeOutput } from './write-output.js';
import { compileEvidence, EVIDENCE_DOCUMENTS, type CompiledEvidence, type EvidenceDocumentKind } from '../evidence/compile-evidence.js';
import type { FindingPlace } from '../evidence/finding-text.js';
import { countSyntaxErrors } from '../parser/syntax-errors.js';
import { visible } from '../render/visible-text.js';

const KINDS = EVIDENCE_DOCUMENTS;
type Kind = EvidenceDocumentKind;
const FORMATS = ['md', 'csv', 'html'] as const;
type Format = typeof FORMATS[number];

export const EVIDENCE_USAGE = `integ evidence ${KINDS.join('|')} [paths…] [--format ${FORMATS.join('|')}] [-o file [--force]]`;

function compile(kind: Kind, loaded: LoadedFiles): CompiledEvidence {
    const place: FindingPlace = finding => `${loaded.displayPath.get(finding.uri) ?? finding.uri}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    return compileEvidence(kind, loaded.analysis.estate, loaded.analysis.findings, place);
}

/** `evidence.md` → `evidence.svg`, next to it. */
function figurePath(target: string): string {
    const parsed = path.parse(target);
    return path.join(parsed.dir, `${parsed.name}.svg`);
}

/**
 * Exit 0 with the document; 2 for an unknown kind or format, or on I/O errors. A document with a
 * diagram embeds it in HTML; with -o, Markdown and CSV get it as an SVG file next to them.
 */
export async function evidenceCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--format', '--output']), new Set(['--force']));
    const format: Format = choice(parsed, '--format', FORMATS, 'md');
    const [kind, ...paths] = parsed.paths;
    if (kind === undefined) throw new UsageError(`name the document: ${KINDS.join(', ')}`);
    if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown evidence '${kind}' (use ${KINDS.join(', ')})`);
    const loaded = await loadFiles(paths, io.cwd, note => io.stderr.write(`integ evidence: ${visible(note)}\n`));
    const errors = countSyntaxErrors([...loaded.diagnostics.values()].flat());
    if (errors > 0) io.stderr.write(`integ evidence: the model has ${errors} syntax or link error(s); run 'integ check' for details\n`);
    const compiled = compile(kind as Kind, loaded);
    const { figure } = compiled;
    const target = parsed.options.get('--output');
    const force = parsed.flags.has('--force');
    const svgFile = figure && target && format !== 'html' ? figurePath(target) : undefined;
    if (svgFile !== undefined && path.resolve(io.cwd, svgFile) === path.resolve(io.cwd, target!)) {
        throw new UsageError(`${target}: the diagram goes to a .svg file next to the document; give the document another extension`);
    }
    if (figure && format !== 'html' && !target) io.stderr.write('integ evidence: the diagram is written next to the document with -o, or embedded with --format html\n');
    const svg = figure && (format === 'html' || svgFile)
        ? await listedDiagram(loaded.analysis.estate, loaded.analysis.findings, figure, { lens: 'findings', command: 'evidence' }, io) : undefined;
    if (svg && svgFile) {
        await writeOutput(svgFile, svg, { cwd: io.cwd, force });
        io.stderr.write(`integ evidence: the diagram is in ${visible(svgFile)}\n`);
    }
    const output = format === 'html' ? compiled.html(svg && figure ? { svg, caption: figure.caption } : undefined)
        : format === 'csv' ? compiled.csv()
        : compiled.markdown(svgFile && figure ? { path: path.basename(svgFile), caption: figure.caption } : undefined);
    // A file keeps RFC 4180's CRLF; the terminal would show each CR as an escape.
    if (target) await writeOutput(target, output, { cwd: io.cwd, force }); else io.stdout.write(output.replace(/\r\n/g, '\n'));
    return 0;
}
