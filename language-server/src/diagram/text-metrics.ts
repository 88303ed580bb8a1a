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
