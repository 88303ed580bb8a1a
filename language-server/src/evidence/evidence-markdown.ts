import { escapeMarkdown } from '../render/markdown-escape.js';
import type { EvidenceDocument, EvidenceSummary } from './evidence-document.js';

/** A labelled list: `**Label:** none` when empty, else the label then one item a line. */
function labelledList(lines: string[], { label, items, none }: EvidenceSummary): void {
    lines.push('', `**${escapeMarkdown(label)}:**${items.length === 0 ? ` ${escapeMarkdown(none ?? 'none')}` : ''}`);
    if (items.length > 0) lines.push('', ...items.map(item => `- ${escapeMarkdown(item)}`));
}

/**
 * The document as Markdown: title, preamble, the summary lists, then a section per record with
 * every listed column. `figure` is a relative path to the diagram written next to it, when there is one.
 */
export function evidenceMarkdown<R>(document: EvidenceDocument<R>, figure?: { path: string; caption: string }): string {
    const lines = [`# ${escapeMarkdown(document.title)}`, '', escapeMarkdown(document.preamble)];
    // encodeURI leaves parentheses, which would end the link early.
    if (figure) lines.push('', `![${escapeMarkdown(figure.caption)}](${encodeURI(figure.path).replace(/[()]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`);
    for (const summary of document.summary ?? []) labelledList(lines, summary);
    if (document.records.length === 0) lines.push('', escapeMarkdown(document.empty));
    for (const record of document.records) {
        lines.push('', `## ${escapeMarkdown(document.heading(record))}`);
        const lead = document.lead?.(record);
        if (lead) lines.push('', escapeMarkdown(lead));
        for (const column of document.columns) {
            if (column.listed === false || column.applies?.(record) === false) continue;
            const label = column.label ?? column.header;
            const items = column.values(record);
            if (column.inline) lines.push('', `**${escapeMarkdown(label)}:** ${escapeMarkdown(items.length === 0 ? column.none ?? 'none' : items.join('; '))}`);
            else labelledList(lines, { label, items, none: column.none });
        }
    }
    return lines.join('\n') + '\n';
}
