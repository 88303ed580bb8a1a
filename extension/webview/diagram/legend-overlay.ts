/**
 * The legend as an overlay of fixed size in a corner of the panel, outside the zoomed picture, so it
 * stays readable at any zoom; it can be folded away. The server sends it as its own SVG, sanitised
 * like the picture.
 */
import { sanitiseSvg } from './sanitise-svg.js';

export class LegendOverlay {
    constructor(private readonly overlay: HTMLElement, private readonly toggle: HTMLButtonElement, private readonly body: HTMLElement, open: boolean, toggled: (open: boolean) => void) {
        this.setOpen(open);
        toggle.addEventListener('click', () => {
            const next = toggle.getAttribute('aria-expanded') !== 'true';
            this.setOpen(next);
            toggled(next);
        });
    }

    /** Shows the legend of the latest answer; returns its root for the lens class. */
    show(legend: string): SVGSVGElement | undefined {
        const svg = legend ? sanitiseSvg(legend) : undefined;
        if (!svg) {
            this.body.replaceChildren();
            this.overlay.hidden = true;
            return undefined;
        }
        const shown = document.importNode(svg, true);
        this.body.replaceChildren(shown);
        this.overlay.hidden = false;
        return shown;
    }

    /** Height the open legend covers at the bottom of the viewport. */
    coveredHeight(): number {
        return this.overlay.hidden ? 0 : this.overlay.getBoundingClientRect().height + 8;
    }

    private setOpen(open: boolean): void {
        this.toggle.setAttribute('aria-expanded', String(open));
        this.toggle.textContent = open ? 'Hide legend' : 'Show legend';
        this.body.hidden = !open;
    }
}
