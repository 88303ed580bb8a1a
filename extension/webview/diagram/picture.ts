/** Puts the server's SVG on the canvas: sanitised, with the wide click targets under each flow. */
import { addHitTargets } from './hit-targets.js';
import { sanitiseSvg } from './sanitise-svg.js';

export function showPicture(canvas: HTMLElement, text: string): SVGSVGElement | undefined {
    const svg = sanitiseSvg(text);
    if (!svg) return undefined;
    addHitTargets(svg);
    const shown = document.importNode(svg, true);
    canvas.replaceChildren(shown);
    return shown;
}
