import type { CliIo } from './run-cli.js';
import { choice, parseArgs } from './cli-args.js';
import { UsageError } from './collect-files.js';
import { listedDiagram } from './listed-diagram.js';
import { loadFiles } from './load-files.js';
import { writeOutput } from './write-output.js';
import { dataLineage, type Lineage, type LineageControls, type LineageHop, type LineageSystem } from '../analysis/data-lineage.js';
import type { Tls } from '../model/estate.js';
import { resolveFollow } from '../model/followed-data.js';
import { countSyntaxErrors } from '../parser/syntax-errors.js';
import { escapeMarkdown } from '../render/markdown-escape.js';
import { visible } from '../render/visible-text.js';
import type { Finding } from '../rules/finding.js';

export const LINEAGE_USAGE = 'integ lineage <Entity[.field]> [paths…] [--format text|md|json|svg] [-o file [--force]]';

/** A finding as the lineage prints it: where it is written, as `file:line:col`. */
interface PlacedFinding {
    ruleId: string;
    severity: Finding['severity'];
    message: string;
    file: string;
    line: number;
    column: number;
    accepted?: Finding['accepted'];
}

type Placed<T extends { findings: Finding[] }> = Omit<T, 'findings'> & { findings: PlacedFinding[] };
interface PlacedLineage extends Omit<Lineage, 'systems' | 'hops'> {
    systems: Array<Placed<LineageSystem>>;
    hops: Array<Placed<LineageHop>>;
}

/** Exit 0 with the lineage; 2 when the data is not named or does not exist, or on I/O errors. */
export async function lineageCommand(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, new Set(['--format', '--output']), new Set(['--force']));
    const format = choice(parsed, '--format', ['text', 'md', 'json', 'svg'], 'text');
    const [data, ...paths] = parsed.paths;
    if (data === undefined) throw new UsageError('name the data to trace: an entity (Customer) or one of its fields (Customer.email)');
    const loaded = await loadFiles(paths, io.cwd, note => io.stderr.write(`integ lineage: ${visible(note)}\n`));
    const errors = countSyntaxErrors([...loaded.diagnostics.values()].flat());
    if (errors > 0) io.stderr.write(`integ lineage: the model has ${errors} syntax or link error(s); run 'integ check' for details\n`);
    const { estate, findings } = loaded.analysis;
    const followed = resolveFollow(estate, data);
    if (typeof followed === 'string') throw new UsageError(followed);
    const place = (finding: Finding): PlacedFinding => ({
        ruleId: finding.ruleId, severity: finding.severity, message: withoutRuleSuffix(finding.message, finding.ruleId),
        file: loaded.displayPath.get(finding.uri) ?? finding.uri, line: finding.range.start.line + 1, column: finding.range.start.character + 1,
        ...(finding.accepted ? { accepted: finding.accepted } : {})
    });
    const lineage = dataLineage(estate, followed, findings);
    const placed: PlacedLineage = {
        ...lineage,
        systems: lineage.systems.map(system => ({ ...system, findings: system.findings.map(place) })),
        hops: lineage.hops.map(hop => ({ ...hop, findings: hop.findings.map(place) }))
    };
    // The picture draws exactly the lineage's systems and hops (the set the follow lens lights), coloured by the findings on them.
    const output = format === 'svg'
        ? await listedDiagram(estate, findings, { title: `Lineage of ${dataName(lineage)}`, systems: lineage.systems.map(system => system.name), flows: lineage.hops.map(hop => hop.flow) },
            { lens: 'findings', command: 'lineage' }, io) + '\n'
        : format === 'json' ? JSON.stringify(placed, null, 2) + '\n' : format === 'md' ? lineageMarkdown(placed) : lineageText(placed);
    const target = parsed.options.get('--output');
    if (target) await writeOutput(target, output, { cwd: io.cwd, force: parsed.flags.has('--force') }); else io.stdout.write(output);
    return 0;
}

function dataName(lineage: Pick<Lineage, 'entity' | 'field'>): string {
    return lineage.field ? `${lineage.entity}.${lineage.field}` : lineage.entity;
}

function classificationsText(lineage: Pick<Lineage, 'classifications'>): string {
    if (lineage.classifications.length === 0) return 'unclassified';
    return lineage.classifications.map(c => c.regulations.length > 0 ? `${c.name} (${c.regulations.join(', ')})` : c.name).join(', ');
}

/** Where the system stands on the path: `system of record`, `2 hops upstream`, `1 hop downstream` (both, along a two-way flow), `no path to or from the system of record`. */
function placeOf(system: Omit<LineageSystem, 'findings'>): string {
    const hops = (count: number) => `${count} hop${count === 1 ? '' : 's'}`;
    const sides = [
        system.hopsFromMaster !== undefined ? `${hops(system.hopsFromMaster)} downstream` : undefined,
        system.hopsToMaster !== undefined ? `${hops(system.hopsToMaster)} upstream` : undefined
    ].filter(Boolean).join(' and ');
    const where = system.master ? 'system of record' : sides || 'no path to or from the system of record';
    return [where, system.stores ? 'stores it' : undefined, system.shadow ? 'shadow IT' : undefined].filter(Boolean).join(', ');
}

function tlsText(tls: Tls | undefined): string {
    return tls === undefined ? 'TLS not modelled' : tls === 'none' ? 'no TLS' : `TLS ${tls.toFixed(1)}`;
}

/** One line of controls: every control is named even when missing, so a gap reads as a gap. */
function controlsText(controls: LineageControls): string {
    return [
        `${tlsText(controls.tls)} (requires ${controls.requiredTls.toFixed(1)}+)`,
        controls.auth ? `auth ${controls.auth}` : 'auth not modelled',
        controls.audit ? 'audited' : 'no audit log',
        `at rest ${controls.sourceEncryption ?? 'not modelled'} → ${controls.targetEncryption ?? 'not modelled'}`,
        controls.platform ? `via ${controls.platform}` : 'point to point',
        controls.transfer ? `transfer ${controls.transfer}` : undefined
    ].filter(Boolean).join(' · ');
}

/** Manual because an end is a spreadsheet or personal tool, which the style alone does not say. */
function byHandOnly(hop: Omit<LineageHop, 'findings'>): boolean {
    return hop.manual && hop.style !== 'manual' && hop.style !== 'email';
}

function hopHeading(hop: Omit<LineageHop, 'findings'>): string {
    const how = [hop.style, hop.schedule, hop.status === 'live' ? undefined : hop.status, byHandOnly(hop) ? 'by hand through shadow IT' : undefined].filter(Boolean).join(', ');
    return `${hop.flow}: ${hop.from} ${hop.twoWay ? '<->' : '->'} ${hop.to}${how ? ` (${how})` : ''}`;
}

function findingLine(finding: PlacedFinding): string {
    return `${finding.file}:${finding.line}:${finding.column} ${finding.accepted ? 'accepted' : finding.severity} ${finding.message} [${finding.ruleId}]`;
}

/** Finding messages end with `(rule-id)`; the lineage names the rule in its own place. */
function withoutRuleSuffix(message: string, ruleId: string): string {
    const suffix = ` (${ruleId})`;
    return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}

function summary(lineage: PlacedLineage): string {
    const count = [...lineage.systems, ...lineage.hops].reduce((sum, element) => sum + element.findings.length, 0);
    return `${lineage.systems.length} systems, ${lineage.hops.length} hops, ${count} findings on them`;
}

function lineageText(lineage: PlacedLineage): string {
    const lines = [`${dataName(lineage)}: ${classificationsText(lineage)}`, '', 'Systems:'];
    for (const system of lineage.systems) {
        const facts = [system.owner ? `owner ${system.owner}` : 'no owner', system.hosting, system.region ? `region ${system.region}` : undefined, system.encryption ? `encryption ${system.encryption}` : undefined].filter(Boolean).join(' · ');
        lines.push(`  ${system.name}: ${placeOf(system)} · ${facts}`);
        for (const finding of system.findings) lines.push(`    ${findingLine(finding)}`);
    }
    lines.push('', 'Hops:');
    for (const [position, hop] of lineage.hops.entries()) {
        lines.push(`  ${position + 1}. ${hopHeading(hop)}`, `     carries ${hop.fields.join(', ')}`, `     ${controlsText(hop.controls)}`);
        for (const finding of hop.findings) lines.push(`     ${findingLine(finding)}`);
    }
    if (lineage.hops.length === 0) lines.push('  none: no live or planned flow carries it');
    lines.push('', summary(lineage));
    return lines.map(visible).join('\n') + '\n';
}

function lineageMarkdown(lineage: PlacedLineage): string {
    const md = escapeMarkdown;
    const cellFindings = (findings: PlacedFinding[]) => findings.length === 0 ? '—'
        : findings.map(f => `${f.accepted ? 'accepted' : f.severity} ${md(f.ruleId)}: ${md(f.message)} (${md(f.file)}:${f.line})`).join('<br>');
    const lines = [`# Lineage of ${md(dataName(lineage))}`, '', `Classification: ${md(classificationsText(lineage))}`, '', '## Systems', '',
        '| System | Place | Owner | Hosting | Region | Encryption at rest | Findings |', '|---|---|---|---|---|---|---|'];
    for (const system of lineage.systems) {
        lines.push(`| ${md(system.name)} | ${md(placeOf(system))} | ${md(system.owner ?? '—')} | ${md(system.hosting ?? '—')} | ${md(system.region ?? 'not modelled')} | ${md(system.encryption ?? 'not modelled')} | ${cellFindings(system.findings)} |`);
    }
    lines.push('', '## Hops', '', '| # | Flow | From → to | Fields | Style | TLS | Auth | Audit | At rest (from → to) | Platform | Findings |',
        '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [position, hop] of lineage.hops.entries()) {
        const c = hop.controls;
        lines.push(`| ${position + 1} | ${md(hop.flow)} | ${md(hop.from)} ${hop.twoWay ? '↔' : '→'} ${md(hop.to)} | ${md(hop.fields.join(', '))} | ${md([hop.style ?? '—', byHandOnly(hop) ? 'by hand through shadow IT' : ''].filter(Boolean).join(', '))} `
            + `| ${md(tlsText(c.tls))} (requires ${c.requiredTls.toFixed(1)}+) | ${md(c.auth ?? 'not modelled')} | ${c.audit ? 'yes' : 'no'} `
            + `| ${md(`${c.sourceEncryption ?? 'not modelled'} → ${c.targetEncryption ?? 'not modelled'}`)} | ${md(c.platform ?? '—')} | ${cellFindings(hop.findings)} |`);
    }
    lines.push('', summary(lineage));
    return lines.join('\n') + '\n';
}
