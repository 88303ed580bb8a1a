/**
 * Hover text of the element under the pointer, fetched from the server the first time each element
 * of a picture is hovered (a large view's hover text would otherwise weigh down every answer).
 * Shown as text nodes; hidden as soon as the pointer leaves the element or the panel, or the picture
 * moves under it.
 */
import type { DiagramTooltip } from '../../../language-server/src/lsp/protocol.js';
import { post } from './host.js';

const OFFSET = 14;

export class Tooltips {
    /** Counts the pictures shown: tooltips fetched for an earlier one are not used for this one. */
    private pictureSeq = 0;
    /** Tooltips of the picture on screen (null: asked for, or the element has none). */
    private texts = new Map<string, DiagramTooltip | null>();
    /** The element under the pointer and where the pointer is, for a tooltip that arrives after the hover began. */
    private hovered?: { id: string; x: number; y: number };

    constructor(private readonly tip: HTMLElement) {
        window.addEventListener('blur', () => this.hide());
    }

    /** A new picture: what was fetched for the old one no longer applies. */
    reset(): void {
        this.pictureSeq++;
        this.texts = new Map();
        this.hide();
    }

    /** The pointer is over `id` (or over nothing) at this point of the page. */
    pointAt(id: string | undefined, x: number, y: number): void {
        if (!id) {
            this.hide();
            return;
        }
        this.hovered = { id, x, y };
        const text = this.texts.get(id);
        if (text) this.display(text, x, y);
        else this.tip.classList.remove('visible');
        if (!this.texts.has(id)) {
            this.texts.set(id, null);
            post({ type: 'tooltip', id, seq: this.pictureSeq });
        }
    }

    hide(): void {
        this.hovered = undefined;
        this.tip.classList.remove('visible');
    }

    /** The server's answer to a `tooltip` message, if it is about this picture. */
    answer(id: unknown, seq: unknown, tip: DiagramTooltip | null): void {
        if (typeof id !== 'string' || seq !== this.pictureSeq || !tip || typeof tip.title !== 'string' || !Array.isArray(tip.lines)) return;
        const text = { title: tip.title, lines: tip.lines.map(String) };
        this.texts.set(id, text);
        if (this.hovered?.id === id) this.display(text, this.hovered.x, this.hovered.y);
    }

    private display(text: DiagramTooltip, x: number, y: number): void {
        const title = document.createElement('div');
        title.className = 'tip-title';
        title.textContent = text.title;
        const body = document.createElement('div');
        body.textContent = text.lines.join('\n');
        this.tip.replaceChildren(title, body);
        this.tip.classList.add('visible');
        const width = this.tip.offsetWidth;
        const height = this.tip.offsetHeight;
        const left = x + OFFSET + width > window.innerWidth ? Math.max(0, x - OFFSET - width) : x + OFFSET;
        const top = y + OFFSET + height > window.innerHeight ? Math.max(0, y - OFFSET - height) : y + OFFSET;
        this.tip.style.left = `${left}px`;
        this.tip.style.top = `${top}px`;
    }
}
