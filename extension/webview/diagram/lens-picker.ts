/**
 * The lens picker: recolours the picture and its legend by switching one class on their roots
 * (`lens-<name>`; the stylesheet holds every lens), with no round trip to the server.
 */
import { LENSES, LENS_TITLES, type Lens } from '../../../language-server/src/diagram/lenses.js';

export class LensPicker {
    constructor(private readonly select: HTMLSelectElement, public lens: Lens, changed: (lens: Lens) => void) {
        select.replaceChildren(...LENSES.map(name => new Option(LENS_TITLES[name], name)));
        select.value = lens;
        select.addEventListener('change', () => {
            this.lens = (LENSES as readonly string[]).includes(select.value) ? select.value as Lens : 'style';
            changed(this.lens);
        });
    }

    /** Switches to a lens the extension chose (a command's view); the next `apply` colours by it. */
    choose(lens: Lens): void {
        this.lens = lens;
        this.select.value = lens;
    }

    /** Colours these pictures (the diagram, the legend) by the chosen lens. */
    apply(...roots: Array<Element | null | undefined>): void {
        for (const root of roots) {
            if (!root) continue;
            for (const name of LENSES) root.classList.toggle(`lens-${name}`, name === this.lens);
        }
    }
}
