/** Small pieces of SVG markup shared by the picture and its legend. */
import type { Point } from './diagram-graph.js';

/** A hover title, or nothing when the caller shows tooltips its own way. */
export type HoverTitle = (text: string) => string;

/** Coordinates to a tenth of a pixel: finer adds bytes, not sharpness. */
export function tenth(value: number): number {
    return Math.round(value * 10) / 10;
}

export function num(value: number): string {
    return String(tenth(value));
}

/** The padlock that marks regulated data, centred at `at`. */
export function lock(at: Point, title: HoverTitle): string {
    return `<g class='integ-lock'>${title('regulated data')}<rect x='${num(at.x - 4.5)}' y='${num(at.y - 2)}' width='9' height='7' rx='1.2'/>`
        + `<path d='M${num(at.x - 2.8)},${num(at.y - 2)}v-2.2a2.8,2.8 0 0 1 5.6,0v2.2'/></g>`;
}
