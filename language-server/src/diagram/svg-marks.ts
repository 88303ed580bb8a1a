/** Small pieces of SVG markup shared by the picture and its legend. */
import type { Point } from './diagram-graph.js';
import { roundToTenth } from '../model/rounding.js';

/** A hover title, or nothing when the caller shows tooltips its own way. */
export type HoverTitle = (text: string) => string;

export function num(value: number): string {
    return String(roundToTenth(value));
}

/** The padlock that marks regulated data, centred at `at`. */
export function lock(at: Point, title: HoverTitle): string {
    return `<g class='integ-lock'>${title('regulated data')}<rect x='${num(at.x - 4.5)}' y='${num(at.y - 2)}' width='9' height='7' rx='1.2'/>`
        + `<path d='M${num(at.x - 2.8)},${num(at.y - 2)}v-2.2a2.8,2.8 0 0 1 5.6,0v2.2'/></g>`;
}
