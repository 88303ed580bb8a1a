import { UsageError } from './collect-files.js';
import { CHECK_USAGE, checkCommand } from './check-command.js';
import { REPORT_USAGE, reportCommand } from './report-command.js';
import { DIAGRAM_USAGE, diagramCommand } from './diagram-command.js';
import { ROADMAP_USAGE, roadmapCommand } from './roadmap-command.js';
import { IMPORT_USAGE, importCommand } from './import-command.js';
import { EXPORT_USAGE, exportCommand } from './export-command.js';
import { DIFF_USAGE, diffCommand } from './diff-command.js';
import { LINEAGE_USAGE, lineageCommand } from './lineage-command.js';
import { EVIDENCE_USAGE, evidenceCommand } from './evidence-command.js';
import { visible } from '../render/visible-text.js';
import { terminalSafe } from './terminal-text.js';
import { TOOL_VERSION } from './tool-version.js';

export interface CliIo {
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): unknown };
    cwd: string;
}

interface Command {
    usage: string;
    summary: string;
    run(args: string[], io: CliIo): Promise<number>;
}

/** A Map, not an object: `integ constructor` or `integ __proto__` must not find Object.prototype's members. */
const COMMANDS = new Map<string, Command>([
    ['check', { usage: CHECK_USAGE, summary: 'parse, link and run every rule; print findings', run: checkCommand }],
    ['report', { usage: REPORT_USAGE, summary: 'inventory, coverage, gaps by type with hours, findings by regulation, roadmap totals (md, json, html; pdf through Chromium)', run: reportCommand }],
    ['diff', { usage: DIFF_USAGE, summary: 'what a change does to the estate: declarations, findings introduced and resolved, impact (text, md, json, html)', run: diffCommand }],
    ['diagram', { usage: DIAGRAM_USAGE, summary: 'dependency diagram of a view as a standalone SVG (PNG or PDF through Chromium)', run: diagramCommand }],
    ['lineage', { usage: LINEAGE_USAGE, summary: 'where an entity or field goes: every system that holds it and every hop from its system of record, with controls and findings (text, md, json, svg)', run: lineageCommand }],
    ['evidence', { usage: EVIDENCE_USAGE, summary: 'compliance evidence compiled from the model: GDPR record of processing, PCI account-data flows, SOX lineage to the ledger, where PHI goes (md, csv, html)', run: evidenceCommand }],
    ['roadmap', { usage: ROADMAP_USAGE, summary: 'roadmap Gantt, impact and ROI as Markdown (stdout or .md) or self-contained HTML', run: roadmapCommand }],
    ['import', { usage: IMPORT_USAGE, summary: 'an inventory (CSV, Excel, ArchiMate; ServiceNow, LeanIX, Archi presets) as formatted .integ files, one per department', run: importCommand }],
    ['export', { usage: EXPORT_USAGE, summary: 'the estate for other tools: ArchiMate, CSV, CycloneDX, draw.io, LikeC4, Mermaid, Structurizr', run: exportCommand }],
    // Loaded when run: the MCP SDK and zod would otherwise add to every command's start-up.
    ['mcp', { usage: 'integ mcp [folder] [--allow-edits]', summary: 'a Model Context Protocol server over stdio: an AI assistant searches, describes, checks and plans the estate', run: async (args, io) => (await import('./mcp-command.js')).mcpCommand(args, io) }]
]);

function help(): string {
    const lines = ['Integration Architect — analyse .integ estate models', '', 'Usage:'];
    for (const command of COMMANDS.values()) {
        lines.push(`  ${command.usage.padEnd(72)}  ${command.summary}`);
    }
    lines.push('', 'Paths default to the current folder, searched recursively for *.integ files.',
        'Exit codes: 0 clean, 1 error findings, 2 usage or I/O error.');
    return lines.join('\n') + '\n';
}

/**
 * Runs one command. Everything it prints passes `terminalSafe`: whatever a model or a file name
 * smuggles into a report, a diagram, JSON or a message, no escape sequence or logging command
 * reaches the terminal or the CI log. (Messages also spell paths and names with `visible`, which
 * keeps each on one line.)
 */
export async function runCli(argv: string[], unsafeIo: CliIo): Promise<number> {
    const io: CliIo = {
        cwd: unsafeIo.cwd,
        stdout: { write: text => unsafeIo.stdout.write(terminalSafe(text)) },
        stderr: { write: text => unsafeIo.stderr.write(terminalSafe(text)) }
    };
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.stdout.write(help());
        return name === undefined ? 2 : 0;
    }
    if (name === '--version') {
        io.stdout.write(`${TOOL_VERSION}\n`);
        return 0;
    }
    const command = COMMANDS.get(name);
    if (!command) {
        io.stderr.write(`integ: unknown command '${visible(name)}'\n${help()}`);
        return 2;
    }
    try {
        return await command.run(rest, io);
    } catch (error) {
        if (error instanceof UsageError) {
            io.stderr.write(`integ ${name}: ${visible(error.message)}\nusage: ${command.usage}\n`);
            return 2;
        }
        throw error;
    }
}
