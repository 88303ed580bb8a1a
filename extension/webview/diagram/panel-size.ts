/**
 * Reports the panel's size to the extension, which lays the picture out again when the panel's shape
 * (wide, square, tall) changes. The whole panel, not the room left under the toolbar and title: those
 * grow and shrink with each answer (a breadcrumb, a note, a toolbar row more) and would flip the
 * shape back and forth. Settled sizes only: a drag of the sash fires a resize every frame.
 */
import type { PanelSize } from '../../src/preview/diagram-messages.js';

const SETTLE_MS = 250;

export function panelSize(): PanelSize {
    return { width: Math.max(1, document.documentElement.clientWidth), height: Math.max(1, window.innerHeight) };
}

export function watchPanelSize(report: (size: PanelSize) => void): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = panelSize();
    window.addEventListener('resize', () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            const size = panelSize();
            if (size.width === last.width && size.height === last.height) return;
            last = size;
            report(size);
        }, SETTLE_MS);
    });
}
