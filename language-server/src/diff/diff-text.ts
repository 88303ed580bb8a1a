import { visible } from '../render/visible-text.js';
import type { EstateDiff } from './estate-diff.js';
import { declarationLine, findingLine, impactMoved, impactRows, propertyLine, summaryLine } from './diff-wording.js';

/** Model text on one line: a title with a line break or an escape sequence must not reshape the output. */
const asWritten = (text: string) => visible(text);

/** For a terminal: the summary line, then each section indented, empty sections left out. */
export function diffText(diff: EstateDiff): string {
    const lines = [`integ diff ${visible(diff.base)} → ${visible(diff.head)}: ${summaryLine(diff)}`];
    // An empty diff is one line: a table of unchanged figures would only bury it.
    if (diff.summary.empty && !impactMoved(diff.impact)) return lines[0] + '\n';
    const section = (title: string, body: string[]) => {
        if (body.length > 0) lines.push('', title, ...body);
    };
    section('Declarations', diff.declarations.flatMap(change => [
        `  ${declarationLine(change, asWritten)}`,
        ...(change.change === 'changed' ? change.properties.map(property => `      ${propertyLine(property, asWritten)}`) : [])
    ]));
    section('Policy', diff.policy.map(property => `  ${propertyLine(property, asWritten)}`));
    section('Findings introduced', diff.findings.introduced.map(finding => `  ${findingLine(finding, asWritten)}`));
    section('Findings resolved', diff.findings.resolved.map(finding =>
        `  ${findingLine(finding, asWritten)}${finding.waived ? ` [waived: ${asWritten(finding.waived.reason)}]` : ''}`));
    section('Findings at another severity', diff.findings.severityChanged.map(finding => `  ${findingLine(finding, asWritten)}`));
    const rows = impactRows(diff.impact);
    const width = Math.max(0, ...rows.map(row => row.label.length));
    section('Impact', rows.map(row => `  ${row.label.padEnd(width)}  ${row.before} → ${row.after} (${row.change})`));
    return lines.join('\n') + '\n';
}
