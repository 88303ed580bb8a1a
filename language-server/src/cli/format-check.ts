import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOGUE } from '../rules/catalogue.js';
import { RULES_DOC_URL } from '../workspace/finding-diagnostics.js';
import { LANGUAGE_RULES, type DiagnosticRecord } from './diagnostic-records.js';
import { visible } from '../render/visible-text.js';
import { pathAtLineStart } from './terminal-text.js';
import { TOOL_VERSION } from './tool-version.js';

/** Findings end their message with `(rule-id)`; the text format shows the id once, in brackets. */
export function withoutRuleSuffix(message: string, ruleId: string): string {
    const suffix = ` (${ruleId})`;
    return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}

/** One line per finding; file names and messages come from the models, so they are printed visibly. */
export function formatText(records: DiagnosticRecord[]): string {
    const lines = records.map(r =>
        `${pathAtLineStart(r.file)}:${r.line}:${r.column} ${r.accepted ? 'accepted' : r.severity} ${visible(withoutRuleSuffix(r.message, r.ruleId))} [${visible(r.ruleId)}]`);
    const counted = records.filter(r => !r.accepted);
    const count = (severity: string) => counted.filter(r => r.severity === severity).length;
    const accepted = records.length - counted.length;
    lines.push(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos${accepted ? `, ${accepted} accepted` : ''}`);
    return lines.join('\n') + '\n';
}

export function formatJson(records: DiagnosticRecord[]): string {
    return JSON.stringify(records.map(({ uri: _uri, ...record }) => record), null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * `artifactLocation.uri` is a URI reference, not a path: each segment percent-encoded (a `#`, `?`,
 * `%` or space in a file name would otherwise point elsewhere); a file outside the working folder
 * is an absolute `file:` URI.
 */
function artifactUri(file: string): { uri: string; uriBaseId?: string } {
    if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
    return { uri: file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** SARIF message text turns `[text](target)` into a link; model text must stay text. */
function sarifText(text: string): string {
    return text.replace(/[\\[\]]/g, character => `\\${character}`);
}

/** SARIF 2.1.0 for code-scanning upload: rule metadata in the driver, paths relative to the run's root. */
export function formatSarif(records: DiagnosticRecord[]): string {
    const rules = [
        ...CATALOGUE.map(rule => ({
            id: rule.id,
            name: rule.title,
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.rationale },
            help: { text: rule.rationale, markdown: `${rule.rationale}\n\n[${rule.id} in docs/rules.md](${RULES_DOC_URL}#${rule.anchor})` },
            helpUri: `${RULES_DOC_URL}#${rule.anchor}`,
            defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] }
        })),
        ...Object.entries(LANGUAGE_RULES).map(([id, text]) => ({
            id,
            name: id,
            shortDescription: { text },
            fullDescription: { text },
            help: { text },
            helpUri: `${RULES_DOC_URL.replace('rules.md', 'language.md')}`,
            defaultConfiguration: { level: 'error' }
        }))
    ];
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const results = records.map(record => ({
        ruleId: record.ruleId,
        ...(ruleIndex.has(record.ruleId) ? { ruleIndex: ruleIndex.get(record.ruleId) } : {}),
        level: SARIF_LEVEL[record.severity],
        message: { text: sarifText(record.message) },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactUri(record.file),
                region: { startLine: record.line, startColumn: record.column, endLine: record.endLine, endColumn: record.endColumn }
            }
        }],
        ...(record.accepted ? { suppressions: [{ kind: 'inSource', justification: record.acceptedReason ?? record.message }] } : {})
    }));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'integ', fullName: 'Integration Architect', version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: RULES_DOC_URL.replace('/blob/main/docs/rules.md', ''), rules } },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}
