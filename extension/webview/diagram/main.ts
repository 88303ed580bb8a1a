/**
 * The diagram preview in the webview: shows the server's SVG, keeps pan/zoom across updates,
 * offers view/state/filter pickers, reveals declarations on click, shows tooltips and exports.
 * Model text only ever reaches the page as text nodes or inside the parsed, sanitised SVG.
 */
import type { DiagramRequestResult, DiagramTooltip } from '../../../language-server/src/lsp/protocol.js';
import {
    DEFAULT_DIAGRAM_OPTIONS,
    type DiagramViewOptions, type DiagramWebviewState, type FromWebview, type ToWebview
} from '../../src/preview/diagram-messages.js';
import { addHitTargets } from './hit-targets.js';
import { sanitiseSvg } from './sanitise-svg.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): DiagramWebviewState | undefined;
    setState(state: DiagramWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
let options: DiagramViewOptions = saved?.options ?? DEFAULT_DIAGRAM_OPTIONS;
let pan = saved?.pan ?? { x: 0, y: 0, scale: 1 };
// A new panel opens on the whole picture; after that the user's pan and zoom are kept across updates.
let fitOnNextRender = saved?.pan === undefined;
let current: DiagramRequestResult | undefined;
let currentSvg = '';
/** Counts the pictures shown: tooltips fetched for an earlier one are not used for this one. */
let pictureSeq = 0;
/** Tooltips of the picture on screen, fetched from the server when first hovered (null: the element has none). */
let hoverTexts = new Map<string, DiagramTooltip | null>();
/** The element under the pointer and where the pointer is, for a tooltip that arrives after the hover began. */
let hovered: { id: string; x: number; y: number } | undefined;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const viewKind = byId<HTMLSelectElement>('view-kind');
const viewName = byId<HTMLSelectElement>('view-name');
const depth = byId<HTMLSelectElement>('depth');
const stateSelect = byId<HTMLSelectElement>('state');
const classification = byId<HTMLSelectElement>('classification');
const finding = byId<HTMLSelectElement>('finding');
const banner = byId<HTMLDivElement>('banner');
const status = byId<HTMLSpanElement>('status');
const viewport = byId<HTMLDivElement>('viewport');
const canvas = byId<HTMLDivElement>('canvas');
const tooltip = byId<HTMLDivElement>('tooltip');

function post(message: FromWebview): void {
    vscode.postMessage(message);
}

function persist(): void {
    vscode.setState({ options, pan });
}

function setOptions(next: DiagramViewOptions): void {
    options = next;
    persist();
    post({ command: 'setOptions', options });
}

function fillSelect(select: HTMLSelectElement, values: string[], selected: string | undefined, emptyLabel?: string): void {
    select.replaceChildren();
    if (emptyLabel !== undefined) select.append(new Option(emptyLabel, ''));
    for (const value of values) select.append(new Option(value, value));
    select.value = selected !== undefined && (values.includes(selected) || selected === '') ? selected : (emptyLabel !== undefined ? '' : values[0] ?? '');
}

function namesFor(kind: string, result: DiagramRequestResult | undefined): string[] {
    const choices = result?.choices;
    if (!choices) return [];
    return kind === 'process' ? choices.processes : kind === 'department' ? choices.departments : kind === 'system' ? choices.systems : [];
}

function ruleFilterValues(result: DiagramRequestResult | undefined): string[] {
    const ids = result?.choices.ruleIds ?? [];
    const areas = [...new Set(ids.map(id => id.split('/')[0]))];
    return [...areas, ...ids];
}

function syncToolbar(): void {
    viewKind.value = options.view.kind;
    const names = namesFor(options.view.kind, current);
    viewName.hidden = options.view.kind === 'estate';
    fillSelect(viewName, names, options.view.name);
    depth.hidden = options.view.kind !== 'system';
    depth.value = String(options.view.depth ?? 1);
    stateSelect.value = options.state;
    fillSelect(classification, current?.choices.classifications ?? [], options.filters?.classifications?.[0] ?? '', 'any');
    fillSelect(finding, ruleFilterValues(current), options.filters?.findings?.[0] ?? '', 'any');
}

function readToolbar(): DiagramViewOptions {
    const kind = viewKind.value as DiagramViewOptions['view']['kind'];
    const view: DiagramViewOptions['view'] = kind === 'estate' ? { kind } : { kind, name: viewName.value || namesFor(kind, current)[0] };
    if (kind === 'system') view.depth = depth.value === '2' ? 2 : 1;
    return {
        view,
        state: stateSelect.value === 'to-be' ? 'to-be' : 'as-is',
        filters: {
            classifications: classification.value ? [classification.value] : [],
            findings: finding.value ? [finding.value] : []
        },
        expand: options.expand ?? []
    };
}

for (const select of [viewKind, viewName, depth, stateSelect, classification, finding]) {
    select.addEventListener('change', () => {
        if (select === viewKind) viewName.value = '';
        setOptions(readToolbar());
        syncToolbar();
    });
}

function showBanner(text: string | undefined): void {
    banner.textContent = text ?? '';
    banner.classList.toggle('visible', text !== undefined);
}

function applyPan(): void {
    canvas.style.transform = `translate(${pan.x}px, ${pan.y}px) scale(${pan.scale})`;
}

function render(result: DiagramRequestResult): void {
    const svg = sanitiseSvg(result.svg);
    if (!svg) {
        showBanner('The diagram could not be read.');
        return;
    }
    currentSvg = result.svg;
    addHitTargets(svg);
    canvas.replaceChildren(document.importNode(svg, true));
    if (fitOnNextRender) {
        fitOnNextRender = false;
        fit();
    }
    applyPan();
    status.textContent = `${result.nodeCount} nodes · ${result.edgeCount} edges`;
}

/** Centres the element in the viewport at the current zoom and rings it. */
function focusOn(id: string): void {
    const element = Array.from(canvas.querySelectorAll('[data-id]')).find(candidate => candidate.getAttribute('data-id') === id);
    if (!element) return;
    element.classList.add('integ-focus');
    // Measure on screen: the SVG nests transforms, the box is what the reader sees.
    const shape = element.querySelector('rect.box, path.line') ?? element;
    const box = shape.getBoundingClientRect();
    const rect = viewport.getBoundingClientRect();
    pan = { ...pan, x: pan.x + rect.left + rect.width / 2 - (box.left + box.width / 2), y: pan.y + rect.top + rect.height / 2 - (box.top + box.height / 2) };
    applyPan();
    persist();
}

function onDiagram(result: DiagramRequestResult, sentOptions: DiagramViewOptions, focus?: string): void {
    options = sentOptions;
    const hadDiagram = currentSvg !== '';
    current = result;
    pictureSeq++;
    hoverTexts = new Map();
    hideTooltip();
    syncToolbar();
    persist();
    if (result.error) {
        showBanner(result.error);
        return;
    }
    if (result.hasErrors && hadDiagram) {
        showBanner('The model has syntax errors — showing the last good diagram.');
        return;
    }
    render(result);
    if (focus) focusOn(focus);
    showBanner(result.hasErrors ? 'The model has syntax errors — the diagram may be incomplete.' : undefined);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'diagram') onDiagram(message.result, message.options, typeof message.focus === 'string' ? message.focus : undefined);
    else if (message.type === 'failed') showBanner(String(message.message));
    else if (message.type === 'tooltip') onTooltip(message.id, message.seq, message.tooltip);
});

// Pan with the mouse, zoom with the wheel around the pointer; a click is a press that did not move.
let drag: { x: number; y: number; panX: number; panY: number; moved: boolean } | undefined;
viewport.addEventListener('mousedown', event => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, panX: pan.x, panY: pan.y, moved: false };
});
window.addEventListener('mousemove', event => {
    if (drag) {
        const dx = event.clientX - drag.x;
        const dy = event.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
        if (drag.moved) {
            viewport.classList.add('dragging');
            pan = { ...pan, x: drag.panX + dx, y: drag.panY + dy };
            applyPan();
        }
    }
    showTooltip(event);
});
window.addEventListener('mouseup', event => {
    const wasDrag = drag?.moved ?? false;
    drag = undefined;
    viewport.classList.remove('dragging');
    if (wasDrag) {
        persist();
        return;
    }
    const target = (event.target as Element | null)?.closest?.('[data-id]');
    const id = target?.getAttribute('data-id');
    if (!id || !viewport.contains(target as Node)) return;
    if (current?.expandable.includes(id)) post({ command: 'expand', id });
    else post({ command: 'reveal', id });
});
viewport.addEventListener('wheel', event => {
    event.preventDefault();
    const rect = viewport.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    const scale = Math.min(4, Math.max(0.1, pan.scale * Math.exp(-event.deltaY * 0.0015)));
    const k = scale / pan.scale;
    pan = { x: px - (px - pan.x) * k, y: py - (py - pan.y) * k, scale };
    applyPan();
    persist();
}, { passive: false });

function fit(): void {
    const svg = canvas.querySelector('svg');
    if (!svg) return;
    const width = Number(svg.getAttribute('width')) || 1;
    const height = Number(svg.getAttribute('height')) || 1;
    const rect = viewport.getBoundingClientRect();
    const scale = Math.min(1, rect.width / width, rect.height / height);
    pan = { x: (rect.width - width * scale) / 2, y: 0, scale };
    applyPan();
    persist();
}
byId<HTMLButtonElement>('fit').addEventListener('click', fit);

function hideTooltip(): void {
    tooltip.style.display = 'none';
}

function displayTooltip(tip: DiagramTooltip, x: number, y: number): void {
    const title = document.createElement('div');
    title.className = 'tip-title';
    title.textContent = tip.title;
    const body = document.createElement('div');
    body.textContent = tip.lines.join('\n');
    tooltip.replaceChildren(title, body);
    tooltip.style.display = 'block';
    tooltip.style.left = `${Math.min(x + 14, window.innerWidth - 430)}px`;
    tooltip.style.top = `${y + 14}px`;
}

function showTooltip(event: MouseEvent): void {
    const target = (event.target as Element | null)?.closest?.('[data-id]');
    const id = target && viewport.contains(target) ? target.getAttribute('data-id') : null;
    if (!id || drag?.moved) {
        hovered = undefined;
        hideTooltip();
        return;
    }
    hovered = { id, x: event.clientX, y: event.clientY };
    const tip = hoverTexts.get(id);
    if (tip) displayTooltip(tip, event.clientX, event.clientY);
    else hideTooltip();
    if (!hoverTexts.has(id)) {
        // Asked once per element and picture; the answer fills the map (or says there is none).
        hoverTexts.set(id, null);
        post({ command: 'tooltip', id, seq: pictureSeq });
    }
}

function onTooltip(id: unknown, seq: unknown, tip: DiagramTooltip | null): void {
    if (typeof id !== 'string' || seq !== pictureSeq || !tip || typeof tip.title !== 'string' || !Array.isArray(tip.lines)) return;
    const text = { title: tip.title, lines: tip.lines.map(String) };
    hoverTexts.set(id, text);
    if (hovered?.id === id) displayTooltip(text, hovered.x, hovered.y);
}

byId<HTMLButtonElement>('export-svg').addEventListener('click', () => {
    if (currentSvg) post({ command: 'exportSvg' });
});

byId<HTMLButtonElement>('export-png').addEventListener('click', () => {
    if (!currentSvg) return;
    const image = new Image();
    image.onload = () => {
        const ratio = 2;
        const board = document.createElement('canvas');
        board.width = image.naturalWidth * ratio;
        board.height = image.naturalHeight * ratio;
        const context = board.getContext('2d');
        if (!context) return;
        context.scale(ratio, ratio);
        context.drawImage(image, 0, 0);
        const base64 = board.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
        post({ command: 'exportPng', base64 });
    };
    image.onerror = () => showBanner('PNG export failed: the browser could not draw the diagram.');
    image.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(currentSvg)));
});

syncToolbar();
applyPan();
post({ command: 'ready' });
