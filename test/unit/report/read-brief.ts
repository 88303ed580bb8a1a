import { DOMParser, type Element } from '@xmldom/xmldom';

/** What the brief of an HTML report shows, read from the page as a user sees it: cards, action lines, chart marks. */
export interface ShownBrief {
    cards: Record<string, { value: string; caption: string; comparison: string }>;
    actions: string[];
    /** Per chart (`data-chart`), its SVGs' marks: bars, heat-map cells and line points, with their geometry. */
    charts: Record<string, ChartMarks[]>;
    /** XML errors in the brief's markup: one means a model string broke out of its text. */
    errors: string[];
}

export interface ChartMarks {
    label: string;
    bars: Array<{ label: string; value: number; width: number; track: number }>;
    /** `opacity`: the fill's strength, undefined for an unfilled cell. */
    cells: Array<{ row: string; column: string; value: number; text: string; opacity?: number }>;
    points: Array<{ x: string; value: number; cy: number }>;
    texts: string[];
}

function all(root: Element, tag: string): Element[] {
    return Array.from(root.getElementsByTagName(tag));
}

function text(element: Element): string {
    return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function marks(svg: Element): ChartMarks {
    const bars = all(svg, 'g').filter(g => g.getAttribute('class') === 'row').map(row => {
        const rects = all(row, 'rect');
        const bar = rects.find(r => r.getAttribute('class') === 'bar')!;
        const track = rects.find(r => r.getAttribute('class') === 'bar-track')!;
        return { label: bar.getAttribute('data-label')!, value: Number(bar.getAttribute('data-value')), width: Number(bar.getAttribute('width')), track: Number(track.getAttribute('width')) };
    });
    const cells = all(svg, 'rect').filter(r => r.getAttribute('class')?.startsWith('cell')).map(cell => {
        let label = cell.nextSibling as Element | null;
        while (label && label.nodeName !== 'text') label = label.nextSibling as Element | null;
        const filled = !cell.getAttribute('class')!.includes('zero');
        return {
            row: cell.getAttribute('data-row')!, column: cell.getAttribute('data-column')!, value: Number(cell.getAttribute('data-value')), text: label ? text(label) : '',
            ...(filled ? { opacity: Number(cell.getAttribute('fill-opacity')) } : {})
        };
    });
    const points = all(svg, 'circle').map(c => ({ x: c.getAttribute('data-x')!, value: Number(c.getAttribute('data-value')), cy: Number(c.getAttribute('cy')) }));
    return { label: svg.getAttribute('aria-label') ?? '', bars, cells, points, texts: all(svg, 'text').map(text) };
}

/** Parses the `<section class="brief">` as XML: strict, so anything unescaped fails to read. */
export function readBrief(html: string): ShownBrief {
    const start = html.indexOf('<section class="brief">');
    const end = html.indexOf('</section>', start);
    if (start < 0 || end < 0) throw new Error('no brief on the page');
    const errors: string[] = [];
    const document = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } })
        .parseFromString(html.slice(start, end + '</section>'.length), 'text/xml');
    const root = document.documentElement!;
    const cards: ShownBrief['cards'] = {};
    for (const div of all(root, 'div').filter(d => d.getAttribute('data-figure'))) {
        const part = (name: string) => text(all(div, 'div').find(d => d.getAttribute('class') === name)!);
        cards[div.getAttribute('data-figure')!] = { value: part('big'), caption: part('caption'), comparison: part('vs') };
    }
    const charts: ShownBrief['charts'] = {};
    for (const figure of all(root, 'figure')) charts[figure.getAttribute('data-chart')!] = all(figure, 'svg').map(marks);
    return { cards, actions: all(root, 'li').map(text), charts, errors };
}
