/**
 * Text sizes without a browser: the layout must reserve room for labels before anything is drawn,
 * in the server, the CLI and the worker alike. Widths are generous averages for a 13 px sans-serif
 * face so that labels never spill out of their boxes.
 */
export const LABEL_FONT_PX = 13;
export const DETAIL_FONT_PX = 12;
export const EDGE_FONT_PX = 12;

const AVERAGE_EM = 0.58;

export function textWidth(text: string, fontPx: number): number {
    let units = 0;
    for (const char of text) {
        // Narrow and wide glyphs differ enough to matter on long titles.
        if ('iljtfr.,:;|!\' '.includes(char)) units += 0.33;
        else if ('mwMW@'.includes(char)) units += 0.9;
        else if (char >= 'A' && char <= 'Z') units += 0.68;
        else units += AVERAGE_EM;
    }
    return Math.ceil(units * fontPx);
}

/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
    const chars = [...text];
    return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** The longest start of `text` that fits `width` with an ellipsis after it. */
function fitWithEllipsis(text: string, width: number, fontPx: number): string {
    if (textWidth(text, fontPx) <= width) return text;
    // Text cut before (a title shortened upstream) keeps one ellipsis, not two.
    const chars = [...text.replace(/…$/, '')];
    const cut = (length: number) => chars.slice(0, length).join('').trimEnd().replace(/…$/, '') + '…';
    let low = 0;
    let high = chars.length;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (textWidth(cut(middle), fontPx) <= width) low = middle; else high = middle - 1;
    }
    return cut(low);
}

/**
 * `text` in at most `maxLines` lines of at most `width` px, broken between words (a word longer
 * than a line is broken where it must); the last line ends in an ellipsis when the text goes on.
 */
export function wrapText(text: string, width: number, fontPx: number, maxLines: number): string[] {
    if (textWidth(text, fontPx) <= width || maxLines <= 1) return [fitWithEllipsis(text, width, fontPx)];
    // A line may end after a space, or after a slash or hyphen that ends a word of three letters or
    // more: "h/wk" and "S/4HANA" stay whole.
    const words = text.split(/(?<=\s|[\p{L}\p{N}]{3}[/-])/u);
    const lines: string[] = [];
    let line = '';
    for (let i = 0; i < words.length; i++) {
        const candidate = line + words[i];
        if (textWidth(candidate.trimEnd(), fontPx) <= width || line === '') {
            line = candidate;
            continue;
        }
        lines.push(line.trimEnd());
        line = words[i];
        if (lines.length === maxLines - 1) {
            line = words.slice(i).join('');
            break;
        }
    }
    lines.push(line.trimEnd());
    return lines.slice(0, maxLines).map((current, index) => index === maxLines - 1 || textWidth(current, fontPx) > width
        ? fitWithEllipsis(current, width, fontPx)
        : current);
}
