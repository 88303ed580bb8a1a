import { escapeMarkdown, markdownCode } from '../render/markdown-escape.js';
import type { EstateDiff } from './estate-diff.js';
import { declarationLine, findingLine, impactMoved, impactRows, propertyLine, summaryLine } from './diff-wording.js';

/** GitHub refuses comments over 65,536 characters; stay under it with room for a bot's own header. */
export const COMMENT_LIMIT_BYTES = 60 * 1024;

/** Kept free for the closing tags and the note that says the comment was cut. */
const RESERVE_BYTES = 1024;

interface Section {
    title: string;
    open: boolean;
    /** List items, each one or more lines. */
    items: string[];
}

const code = (text: string) => markdownCode(text) || '` `';
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * For a pull-request comment: the summary line first, then collapsible sections, most pressing
 * first (what the change breaks, then what it fixes, then what it changes). Lists are cut to keep
 * the comment under `limit` bytes, with a note saying how much was left out.
 */
export function diffMarkdown(diff: EstateDiff, limit = COMMENT_LIMIT_BYTES): string {
    const summary = `**Estate diff** ${code(diff.base)} → ${code(diff.head)}: ${escapeMarkdown(summaryLine(diff))}`;
    if (diff.summary.empty && !impactMoved(diff.impact)) return summary + '\n';
    const head = [summary, '', ...impactTable(diff), ''].join('\n');
    const parts = [head];
    let size = bytes(head);
    let omitted = 0;
    for (const section of sections(diff)) {
        if (section.items.length === 0) continue;
        if (omitted > 0) {
            omitted += section.items.length;
            continue;
        }
        const opening = `<details${section.open ? ' open' : ''}><summary>${escapeMarkdown(section.title)} (${section.items.length})</summary>\n\n`;
        const closing = '\n</details>\n';
        const kept: string[] = [];
        let sectionSize = bytes(opening) + bytes(closing);
        for (const item of section.items) {
            const itemSize = bytes(item) + 1;
            if (size + sectionSize + itemSize > limit - RESERVE_BYTES) break;
            kept.push(item);
            sectionSize += itemSize;
        }
        omitted += section.items.length - kept.length;
        if (kept.length > 0) {
            parts.push(opening + kept.join('\n') + '\n' + closing);
            size += sectionSize;
        }
    }
    if (omitted > 0) parts.push(`\n_Cut to fit a pull-request comment: ${omitted} more ${omitted === 1 ? 'entry' : 'entries'} left out. Run \`integ diff\` for the full list._\n`);
    return parts.join('\n');
}

function impactTable(diff: EstateDiff): string[] {
    const rows = impactRows(diff.impact);
    if (rows.length === 0) return [];
    return ['| Impact | Before | After | Change |', '| --- | ---: | ---: | ---: |',
        // Numbers, units and a currency, which the grammar makes an identifier: nothing to escape.
        ...rows.map(row => `| ${row.label} | ${row.before} | ${row.after} | ${row.change} |`)];
}

function sections(diff: EstateDiff): Section[] {
    const name = (text: string) => code(text);
    return [
        { title: 'Findings introduced', open: true, items: diff.findings.introduced.map(finding => `- ${findingLine(finding, name, escapeMarkdown)}`) },
        { title: 'Findings resolved', open: false, items: diff.findings.resolved.map(finding =>
            `- ${findingLine(finding, name, escapeMarkdown)}${finding.waived ? ` — waived: ${escapeMarkdown(finding.waived.reason)}` : ''}`) },
        { title: 'Findings at another severity', open: false, items: diff.findings.severityChanged.map(finding => `- ${findingLine(finding, name, escapeMarkdown)}`) },
        { title: 'Declarations', open: true, items: diff.declarations.map(change => [
            `- ${declarationLine(change, name)}`,
            ...(change.change === 'changed' ? change.properties.map(property => `  - ${propertyLine(property, name, escapeMarkdown)}`) : [])
        ].join('\n')) },
        { title: 'Policy', open: false, items: diff.policy.map(property => `- ${propertyLine(property, name, escapeMarkdown)}`) }
    ];
}
