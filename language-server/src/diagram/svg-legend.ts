/**
 * The diagram's legend: what each line style, lens colour, mark and badge means. Entries flow left to
 * right and wrap at a fixed width, so the legend reads in a side panel whatever the picture's width.
 * Every lens has its own block (only the active lens's is shown, by the root class); the marks common
 * to every lens follow below the tallest block.
 */
import type { DiagramGraph, DiffMark, EdgeClass } from './diagram-graph.js';
import { escapeXml } from '../render/escape-xml.js';
import { LENS_CATEGORIES, LENS_TITLES, lensClass, type Lens } from './lenses.js';
import { lock, type HoverTitle } from './svg-marks.js';
import { textWidth } from './text-metrics.js';

const ROW = 22;
/** Entries start right of the word "Legend". */
const INDENT = 60;
/** A row wraps before its entries pass this x. */
export const LEGEND_WRAP = 900;
const ENTRY_GAP = 16;

const LEGEND_EDGES: Array<[EdgeClass, string]> = [
    ['manual', 'manual / e-mail'], ['batch', 'batch / file'], ['realtime', 'real-time (api, webhook, event, cdc)'],
    ['script', 'script'], ['other', 'other']
];

interface Entry {
    width: number;
    /** The entry's markup with its left end at `x` and its text's baseline at `y`. */
    draw(x: number, y: number): string;
}

interface Flowed {
    markup: string;
    rows: number;
    right: number;
}

/** Entries side by side from `INDENT`, a new row whenever the next one would pass `LEGEND_WRAP`. */
function flow(entries: Entry[], firstBaseline: number): Flowed {
    const parts: string[] = [];
    let x = INDENT;
    let row = 0;
    let right = INDENT;
    for (const entry of entries) {
        if (x > INDENT && x + entry.width > LEGEND_WRAP) {
            row++;
            x = INDENT;
        }
        parts.push(entry.draw(x, firstBaseline + row * ROW));
        right = Math.max(right, x + entry.width);
        x += entry.width + ENTRY_GAP;
    }
    return { markup: parts.join(''), rows: entries.length > 0 ? row + 1 : 0, right };
}

function text(label: string): Entry {
    return { width: textWidth(label, 12), draw: (x, y) => `<text x='${x}' y='${y}'>${escapeXml(label)}</text>` };
}

/** A short line drawn with the classes of a flow, then its meaning. */
function lineEntry(classes: string, label: string): Entry {
    return {
        width: 36 + textWidth(label, 12),
        draw: (x, y) => `<g class='integ-edge ${classes}'><path class='line' d='M${x},${y - 4}H${x + 30}'/></g><text x='${x + 36}' y='${y}'>${escapeXml(label)}</text>`
    };
}

function swatchEntry(swatchClass: string, label: string): Entry {
    return {
        width: 18 + textWidth(label, 12),
        draw: (x, y) => `<rect class='legend-swatch ${swatchClass}' x='${x}' y='${y - 9}' width='14' height='10' rx='2'/><text x='${x + 18}' y='${y}'>${escapeXml(label)}</text>`
    };
}

function lensEntries(lens: Lens): Entry[] {
    if (lens === 'style') return LEGEND_EDGES.map(([edgeClass, label]) => lineEntry(`edge-${edgeClass}`, label));
    const categories = LENS_CATEGORIES[lens];
    return [text(`${LENS_TITLES[lens]}:`), ...categories.map(category => swatchEntry(lensClass(lens, category.key), category.label))];
}

function commonEntries(title: HoverTitle): Entry[] {
    const badges = (['error', 'warning', 'info'] as const).map(severity => ({ severity, label: `${severity}s` }));
    const findingsWidth = textWidth('findings:', 12) + 6 + badges.reduce((sum, { label }) => sum + 30 + textWidth(label, 12), 0);
    return [
        lineEntry('edge-other two-way', 'two-way'),
        {
            width: 34 + textWidth('shadow IT', 12),
            draw: (x, y) => `<g class='integ-node shadow'><rect class='box' x='${x}' y='${y - 12}' width='28' height='16' rx='3'/></g><text x='${x + 34}' y='${y}'>shadow IT</text>`
        },
        { width: 16 + textWidth('regulated data', 12), draw: (x, y) => lock({ x: x + 5, y: y - 5 }, title) + `<text x='${x + 16}' y='${y}'>regulated data</text>` },
        {
            width: findingsWidth,
            draw: (x, y) => {
                const parts = [`<text x='${x}' y='${y}'>findings:</text>`];
                let cx = x + textWidth('findings:', 12) + 6;
                for (const { severity, label } of badges) {
                    parts.push(`<g class='integ-badge'><rect class='${severity}' x='${cx}' y='${y - 12}' width='18' height='16' rx='8'/><text x='${cx + 9}' y='${y - 0.5}'>2</text></g>`);
                    parts.push(`<text x='${cx + 22}' y='${y}'>${label}</text>`);
                    cx += 30 + textWidth(label, 12);
                }
                return parts.join('');
            }
        },
        text('(each counted; accepted ones on hover)')
    ];
}

/** A system's box and a flow's line in the colours of one mark of a compared change, then its meaning. */
function diffEntry(mark: DiffMark, label: string): Entry {
    return {
        width: 60 + textWidth(label, 12),
        draw: (x, y) => `<g class='integ-node diff-${mark}'><rect class='box' x='${x}' y='${y - 12}' width='20' height='16' rx='3'/></g>`
            + `<g class='integ-edge edge-other diff-${mark}'><path class='line' d='M${x + 24},${y - 4}H${x + 54}'/></g><text x='${x + 60}' y='${y}'>${escapeXml(label)}</text>`
    };
}

function diffEntries(): Entry[] {
    return [text('The change:'), diffEntry('added', 'added'), diffEntry('removed', 'removed'),
        diffEntry('changed', 'changed or renamed (hover for what)'), diffEntry('unchanged', 'unchanged')];
}

function stateEntries(graph: DiagramGraph, unlabelled: boolean): Entry[] {
    const entries: Entry[] = [];
    if (graph.state === 'to-be') {
        entries.push(lineEntry('edge-realtime chg-added', 'added or changed by the roadmap'), lineEntry('edge-other chg-retired', 'retired by the roadmap'));
    }
    if (unlabelled) entries.push(text('flows unlabelled here: hover a line for its name'));
    return entries;
}

/** The legend's markup, its width (the widest row of any lens) and its height. */
export function legendContent(graph: DiagramGraph, unlabelled: boolean, title: HoverTitle): { markup: string; width: number; height: number } {
    const parts = [`<g class='integ-legend'>`, `<text class='legend-title' x='0' y='12'>Legend</text>`];
    let lensRows = 0;
    let right = INDENT;
    // The picture of a change is coloured by the change alone, under no lens: its marks come first.
    const lenses = graph.comparing ? [] : Object.keys(LENS_TITLES) as Lens[];
    for (const lens of lenses) {
        const block = flow(lensEntries(lens), 12);
        parts.push(`<g class='legend-${lens}'>${block.markup}</g>`);
        lensRows = Math.max(lensRows, block.rows);
        right = Math.max(right, block.right);
    }
    let rows = lensRows;
    for (const entries of [graph.comparing ? diffEntries() : [], commonEntries(title), stateEntries(graph, unlabelled)]) {
        const block = flow(entries, 12 + rows * ROW);
        parts.push(block.markup);
        rows += block.rows;
        right = Math.max(right, block.right);
    }
    parts.push('</g>');
    return { markup: parts.join(''), width: Math.ceil(right), height: rows * ROW + 4 };
}
