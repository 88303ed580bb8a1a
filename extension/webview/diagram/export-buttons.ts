/**
 * Export SVG and PNG: the extension asks the server for the picture with its title, notes, legend and
 * hover titles, coloured by the lens on screen. A PNG is drawn here, where there is a canvas, from that
 * SVG (as an image: nothing in it runs), and handed back to be saved.
 */
import type { Lens } from '../../../language-server/src/diagram/lenses.js';
import { post } from './host.js';

/** Pixels per CSS pixel of the PNG: sharp on a high-density screen and in a slide. */
const RATIO = 2;

export function wireExports(svgButton: HTMLButtonElement, pngButton: HTMLButtonElement, lens: () => Lens, hasPicture: () => boolean): void {
    svgButton.addEventListener('click', () => {
        if (hasPicture()) post({ type: 'exportSvg', lens: lens() });
    });
    pngButton.addEventListener('click', () => {
        if (hasPicture()) post({ type: 'exportPng', lens: lens() });
    });
}

/** Draws the SVG the extension sent and posts the PNG; `failed` says why when the browser cannot. */
export function rasterise(svg: string, failed: (reason: string) => void): void {
    const image = new Image();
    image.onload = () => {
        const board = document.createElement('canvas');
        board.width = image.naturalWidth * RATIO;
        board.height = image.naturalHeight * RATIO;
        const context = board.getContext('2d');
        if (!context) return failed('PNG export failed: no canvas to draw on.');
        context.scale(RATIO, RATIO);
        context.drawImage(image, 0, 0);
        post({ type: 'savePng', base64: board.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') });
    };
    image.onerror = () => failed('PNG export failed: the browser could not draw the diagram.');
    image.src = 'data:image/svg+xml;base64,' + base64(new TextEncoder().encode(svg));
}

/** In slices: spreading a large picture's bytes into one call would overflow the stack. */
function base64(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}
