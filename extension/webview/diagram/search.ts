/**
 * The search box: suggests the systems (and departments) drawn and the systems folded inside a
 * collapsed department, and on a pick or Enter finds one by name or title and hands it on: a drawn
 * node to be centred and highlighted, a folded system to have its department opened.
 */
import type { FoldedSystem } from '../../../language-server/src/lsp/protocol.js';
import { nodeElements } from './picture-geometry.js';

export interface SearchHit {
    id: string;
    /** The collapsed department node the system is drawn as, when it is folded. */
    inside?: string;
}

interface Entry extends SearchHit { name: string; title: string }

export class Search {
    private entries: Entry[] = [];

    constructor(input: HTMLInputElement, private readonly list: HTMLDataListElement, found: (hit: SearchHit) => void, missed: (query: string) => void) {
        input.addEventListener('change', () => {
            const query = input.value.trim();
            if (!query) return;
            const hit = this.find(query);
            if (hit) found(hit);
            else missed(query);
        });
    }

    /** Suggestions from the picture now on screen and the systems its collapsed departments hold. */
    update(svg: SVGSVGElement, folded: readonly FoldedSystem[]): void {
        const drawn: Entry[] = nodeElements(svg).map(node => {
            const id = node.getAttribute('data-id') ?? '';
            const title = Array.from(node.querySelectorAll(':scope > text.label')).map(text => text.textContent ?? '').join(' ');
            return { id, name: nameOf(id), title };
        });
        this.entries = [...drawn, ...folded.map(system => ({ id: system.id, name: nameOf(system.id), title: system.title, inside: system.department }))];
        this.list.replaceChildren(...this.entries.map(entry => {
            const option = document.createElement('option');
            option.value = entry.name;
            option.label = entry.inside ? `${entry.title} (in ${nameOf(entry.inside)}, folded)` : entry.title;
            return option;
        }));
    }

    /** An exact name first, then a name or title containing the query, ignoring case; drawn nodes before folded systems. */
    find(query: string): SearchHit | undefined {
        const wanted = query.toLowerCase();
        const exact = this.entries.find(entry => entry.name.toLowerCase() === wanted || entry.title.toLowerCase() === wanted);
        const entry = exact ?? this.entries.find(entry => entry.name.toLowerCase().includes(wanted) || entry.title.toLowerCase().includes(wanted));
        return entry && { id: entry.id, inside: entry.inside };
    }
}

function nameOf(id: string): string {
    return id.slice(id.indexOf(':') + 1);
}
