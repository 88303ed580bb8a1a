import { escapeXml } from '../render/escape-xml.js';
import type { EvidenceDocument, EvidenceSummary } from './evidence-document.js';

/** Readable on screen, and on paper: no record split over two pages where it fits on one, links and colours not needed to read it. */
const EVIDENCE_CSS = [
    'body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }',
    'h1 { font-size: 1.6rem; margin-bottom: 0.3rem; } h2 { font-size: 1.15rem; margin: 0 0 0.4rem; }',
    '.preamble { color: #57606a; } .none { color: #57606a; font-style: italic; }',
    'section.record, section.summary, figure { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.8rem 1rem; margin: 1rem 0; }',
    'dl { display: grid; grid-template-columns: 13rem 1fr; gap: 0.3rem 1rem; margin: 0; } dt { font-weight: 600; } dd { margin: 0; }',
    'ul { margin: 0; padding-left: 1.2rem; } .todo li { color: #9a6700; }',
    'figure { overflow-x: auto; } figure svg { max-width: 100%; height: auto; } figcaption { color: #57606a; margin-top: 0.4rem; }',
    '@media print { body { max-width: none; margin: 0; font-size: 11px; } section.record, section.summary, figure { break-inside: avoid; } figure { overflow: visible; } }'
].join('\n');

function itemsHtml({ items, none }: Pick<EvidenceSummary, 'items' | 'none'>): string {
    return items.length === 0 ? `<span class="none">${escapeXml(none ?? 'none')}</span>` : `<ul>${items.map(item => `<li>${escapeXml(item)}</li>`).join('')}</ul>`;
}

/**
 * The document as one self-contained page: inline CSS, no script, no remote resource (the
 * Content-Security-Policy forbids them), every model string escaped. `figure` is an SVG produced by
 * the diagram renderer, which escapes its own strings; it is placed as is.
 */
export function evidenceHtml<R>(document: EvidenceDocument<R>, figure?: { svg: string; caption: string }): string {
    const out = [
        '<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        `<title>${escapeXml(document.title)}</title>`, `<style>${EVIDENCE_CSS}</style>`, '</head><body>',
        `<h1>${escapeXml(document.title)}</h1>`, `<p class="preamble">${escapeXml(document.preamble)}</p>`
    ];
    if (figure) out.push(`<figure>${figure.svg}<figcaption>${escapeXml(figure.caption)}</figcaption></figure>`);
    for (const summary of document.summary ?? []) {
        out.push(`<section class="summary"><h2>${escapeXml(summary.label)}</h2>${itemsHtml(summary)}</section>`);
    }
    if (document.records.length === 0) out.push(`<p class="none">${escapeXml(document.empty)}</p>`);
    for (const record of document.records) {
        out.push('<section class="record">', `<h2>${escapeXml(document.heading(record))}</h2>`);
        const lead = document.lead?.(record);
        if (lead) out.push(`<p>${escapeXml(lead)}</p>`);
        out.push('<dl>');
        for (const column of document.columns) {
            if (column.listed === false || column.applies?.(record) === false) continue;
            const todo = column.todo ? ' class="todo"' : '';
            const items = column.values(record);
            const value = column.inline && items.length > 0 ? escapeXml(items.join('; ')) : itemsHtml({ items, none: column.none });
            out.push(`<dt>${escapeXml(column.label ?? column.header)}</dt><dd${todo}>${value}</dd>`);
        }
        out.push('</dl>', '</section>');
    }
    out.push('</body></html>', '');
    return out.join('\n');
}
