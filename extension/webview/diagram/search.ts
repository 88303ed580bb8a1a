/**
 * The search box: suggests the systems (and departments) drawn, and on a pick or Enter finds the
 * node by name or title and hands it on to be centred and highlighted.
 */
import { nodeElements } from './picture-geometry.js';

interface Entry { id: string; name: string; title: string }

export class Search {
    private entries: Entry[] = [];

    constructor(input: HTMLInputElement, private readonly list: HTMLDataListElement, found: (id: string) => void, missed: (query: string) => void) {
        input.addEventListener('change', () => {
            const query = input.value.trim();
            if (!query) return;
            const id = this.find(query);
            if (id) found(id);
            else missed(query);
        });
    }

    /** Suggestions from the picture now on screen. */
    update(svg: SVGSVGElement): void {
        this.entries = nodeElements(svg).map(node => {
            const id = node.getAttribute('data-id') ?? '';
            const title = Array.from(node.querySelectorAll(':scope > text.label')).map(text => text.textContent ?? '').join(' ');
            return { id, name: id.slice(id.indexOf(':') + 1), title };
        });
        this.list.replaceChildren(...this.entries.map(entry => {
            const option = document.createElement('option');
            option.value = entry.name;
            option.label = entry.title;
            return option;
        }));
    }

    /** An exact name first, then a name or title containing the query, ignoring case. */
    find(query: string): string | undefined {
        const wanted = query.toLowerCase();
        const exact = this.entries.find(entry => entry.name.toLowerCase() === wanted || entry.title.toLowerCase() === wanted);
        return (exact ?? this.entries.find(entry => entry.name.toLowerCase().includes(wanted) || entry.title.toLowerCase().includes(wanted)))?.id;
    }
}
