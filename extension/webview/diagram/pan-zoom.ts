/**
 * Pan and zoom of the picture: a CSS transform on the canvas, dragged with the mouse, zoomed with the
 * wheel around the pointer. A press that does not move is a click, handed on; a drag or a wheel turn
 * is reported so that a tooltip or hover does not linger over a picture that moved under it.
 */
import type { PanState } from '../../src/preview/diagram-messages.js';
import { centreOf, type Box, type Point } from './picture-geometry.js';

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;
/** "Fit" enlarges a small picture up to this, so a three-node view does not sit tiny in a big panel. */
const MAX_FIT_SCALE = 2;
/** "Show in diagram" zooms until the element is this share of the viewport's width… */
const SHOWN_SHARE = 0.25;
/** …or to this zoom, whichever is less: a small node is not blown up to fill the panel. */
const SHOWN_SCALE = 1.5;
/** A press that moves less than this (in px) is a click. */
const CLICK_SLOP = 4;

export interface PanZoomEvents {
    /** A press and release without a drag; the event of the release. */
    click(event: MouseEvent): void;
    /** The picture moved under the pointer (drag or wheel). */
    moved(): void;
    /** A pan or zoom the reader made is over: worth remembering. */
    settled(pan: PanState): void;
}

export class PanZoom {
    private drag?: { x: number; y: number; panX: number; panY: number; moved: boolean };

    constructor(
        private readonly viewport: HTMLElement,
        private readonly canvas: HTMLElement,
        public pan: PanState,
        private readonly events: PanZoomEvents,
        /** Height at the bottom of the viewport covered by an overlay (the legend), left out of "Fit". */
        private readonly coveredBelow: () => number
    ) {
        viewport.addEventListener('mousedown', event => this.press(event));
        window.addEventListener('mousemove', event => this.move(event));
        window.addEventListener('mouseup', event => this.release(event));
        viewport.addEventListener('wheel', event => this.wheel(event), { passive: false });
        // Focusing a node may scroll the viewport (it clips overflow); the pan alone places the picture.
        viewport.addEventListener('scroll', () => viewport.scrollTo(0, 0));
        this.apply();
    }

    get dragging(): boolean {
        return this.drag?.moved ?? false;
    }

    set(pan: PanState): void {
        this.pan = pan;
        this.apply();
        this.events.settled(this.pan);
    }

    /** The whole picture in the viewport, centred, enlarged up to 200 % when small. */
    fit(): void {
        const svg = this.canvas.querySelector('svg');
        if (!svg) return;
        const width = Number(svg.getAttribute('width')) || 1;
        const height = Number(svg.getAttribute('height')) || 1;
        const rect = this.viewport.getBoundingClientRect();
        const available = Math.max(rect.height - this.coveredBelow(), rect.height / 2);
        const scale = Math.max(MIN_SCALE, Math.min(MAX_FIT_SCALE, rect.width / width, available / height));
        this.set({ x: (rect.width - width * scale) / 2, y: (available - height * scale) / 2, scale });
    }

    /** Brings a box of the picture to the middle, zoomed in far enough that it can be read and its ring seen. */
    show(box: Box): void {
        const rect = this.viewport.getBoundingClientRect();
        const readable = Math.min(SHOWN_SCALE, (rect.width * SHOWN_SHARE) / Math.max(box.width, 1));
        const scale = clamp(Math.max(this.pan.scale, readable));
        this.centre(centreOf(box), scale);
    }

    centre(at: Point, scale = this.pan.scale): void {
        const rect = this.viewport.getBoundingClientRect();
        this.set({ x: rect.width / 2 - at.x * scale, y: rect.height / 2 - at.y * scale, scale });
    }

    /** Pans just enough that the box is on screen, with a margin (keyboard focus moving off the edge). */
    keepVisible(box: Box, margin = 24): void {
        const rect = this.viewport.getBoundingClientRect();
        const { x, y, scale } = this.pan;
        const left = x + box.x * scale;
        const top = y + box.y * scale;
        const right = left + box.width * scale;
        const bottom = top + box.height * scale;
        const dx = left < margin ? margin - left : right > rect.width - margin ? rect.width - margin - right : 0;
        const dy = top < margin ? margin - top : bottom > rect.height - margin ? rect.height - margin - bottom : 0;
        if (dx !== 0 || dy !== 0) this.set({ x: x + dx, y: y + dy, scale });
    }

    /** The picture moved by `shift` (picture units) under the pan: move the pan the other way. */
    compensate(shift: Point): void {
        this.set({ ...this.pan, x: this.pan.x - shift.x * this.pan.scale, y: this.pan.y - shift.y * this.pan.scale });
    }

    /** Zooms by `factor` around a point of the viewport (its middle by default). */
    zoomBy(factor: number, around?: Point): void {
        const rect = this.viewport.getBoundingClientRect();
        const px = around?.x ?? rect.width / 2;
        const py = around?.y ?? rect.height / 2;
        const scale = clamp(this.pan.scale * factor);
        const k = scale / this.pan.scale;
        this.set({ x: px - (px - this.pan.x) * k, y: py - (py - this.pan.y) * k, scale });
    }

    private apply(): void {
        this.canvas.style.transform = `translate(${this.pan.x}px, ${this.pan.y}px) scale(${this.pan.scale})`;
    }

    private press(event: MouseEvent): void {
        if (event.button !== 0) return;
        this.drag = { x: event.clientX, y: event.clientY, panX: this.pan.x, panY: this.pan.y, moved: false };
    }

    private move(event: MouseEvent): void {
        if (!this.drag) return;
        const dx = event.clientX - this.drag.x;
        const dy = event.clientY - this.drag.y;
        if (!this.drag.moved && Math.abs(dx) + Math.abs(dy) <= CLICK_SLOP) return;
        if (!this.drag.moved) {
            this.drag.moved = true;
            this.viewport.classList.add('dragging');
            this.events.moved();
        }
        this.pan = { ...this.pan, x: this.drag.panX + dx, y: this.drag.panY + dy };
        this.apply();
    }

    private release(event: MouseEvent): void {
        const drag = this.drag;
        this.drag = undefined;
        if (!drag) return;
        this.viewport.classList.remove('dragging');
        if (drag.moved) this.events.settled(this.pan);
        else if (event.button === 0) this.events.click(event);
    }

    private wheel(event: WheelEvent): void {
        event.preventDefault();
        this.events.moved();
        const rect = this.viewport.getBoundingClientRect();
        this.zoomBy(Math.exp(-event.deltaY * 0.0015), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    }
}

function clamp(scale: number): number {
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}
