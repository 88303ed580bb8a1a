/**
 * The view's title and the server's notes above the picture (not inside it, where they would zoom
 * away), and the empty state in the viewport when there is nothing to draw: the notes say why and
 * what to do. Model text only as text nodes.
 */
export class Caption {
    constructor(private readonly title: HTMLElement, private readonly notes: HTMLUListElement, private readonly empty: HTMLElement) {}

    show(title: string, notes: readonly string[], nothingDrawn: boolean): void {
        this.title.textContent = title;
        this.notes.replaceChildren(...notes.map(note => {
            const item = document.createElement('li');
            item.textContent = note;
            return item;
        }));
        this.notes.hidden = notes.length === 0;
        this.empty.hidden = !nothingDrawn;
        this.empty.textContent = nothingDrawn ? (notes.length > 0 ? notes.join('\n') : 'Nothing to show in this view.') : '';
    }
}
