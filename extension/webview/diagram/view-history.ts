/**
 * The views the reader went through to reach this one, as a breadcrumb ("Estate › Epicor") with a
 * Back control. Going back, or to a view already in the trail, returns to that view as it was left:
 * its options and where it was on screen. Model names reach the page as text only.
 */
import type { DiagramViewOptions, HistoryEntry, PanState } from '../../src/preview/diagram-messages.js';
import { sameView, viewLabel } from './view-identity.js';

/** A trail longer than this forgets its oldest views. */
const MAX_TRAIL = 20;

export class ViewHistory {
    constructor(
        private trail: HistoryEntry[],
        private readonly back: HTMLButtonElement,
        private readonly crumbs: HTMLElement,
        private readonly go: (options: DiagramViewOptions) => void,
        private readonly saved: (trail: HistoryEntry[]) => void
    ) {
        back.addEventListener('click', () => {
            const last = this.trail.at(-1);
            if (last) go(last.options);
        });
    }

    get entries(): readonly HistoryEntry[] {
        return this.trail;
    }

    /**
     * A picture of another view replaces `left` (shown at `pan`): remember it, or, when the new view is
     * one the trail passed through, cut the trail back to it and return where that view was on screen.
     */
    arrive(left: DiagramViewOptions, pan: PanState, arrived: DiagramViewOptions): PanState | undefined {
        const index = this.trail.findIndex(entry => sameView(entry.options, arrived));
        if (index >= 0) {
            const entry = this.trail[index];
            this.trail = this.trail.slice(0, index);
            this.changed(arrived);
            return entry.pan;
        }
        this.trail = [...this.trail, { options: left, pan }].slice(-MAX_TRAIL);
        this.changed(arrived);
        return undefined;
    }

    /** Draws the breadcrumb for the view now shown. */
    render(current: DiagramViewOptions): void {
        this.back.hidden = this.trail.length === 0;
        const parts: Node[] = [];
        this.trail.forEach(entry => {
            const crumb = document.createElement('button');
            crumb.type = 'button';
            crumb.className = 'crumb';
            crumb.textContent = viewLabel(entry.options);
            crumb.addEventListener('click', () => this.go(entry.options));
            parts.push(crumb, separator());
        });
        if (this.trail.length > 0) {
            const here = document.createElement('span');
            here.className = 'crumb-here';
            here.textContent = viewLabel(current);
            parts.push(here);
        }
        this.crumbs.replaceChildren(...parts);
    }

    private changed(current: DiagramViewOptions): void {
        this.saved(this.trail);
        this.render(current);
    }
}

function separator(): HTMLElement {
    const mark = document.createElement('span');
    mark.className = 'crumb-sep';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = '›';
    return mark;
}
