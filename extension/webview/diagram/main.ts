/**
 * The diagram preview in the webview: puts the server's picture on screen and wires the modules
 * that let the reader explore it (pan and zoom, clicks, hover highlight, search, keyboard, lenses,
 * following data, the breadcrumb) to the messages of the extension. Model text only ever reaches the
 * page as text nodes or inside the parsed, sanitised SVG.
 */
import { LENSES, type Lens } from '../../../language-server/src/diagram/lenses.js';
import { panelShape } from '../../../language-server/src/diagram/panel-shape.js';
import type { DiagramRequestResult } from '../../../language-server/src/lsp/protocol.js';
import type { DiagramHighlight, DiagramToWebview, DiagramViewOptions, PanState } from '../../src/preview/diagram-messages.js';
import { decidePicture, showBanner } from './banner.js';
import { Caption } from './caption.js';
import { Clicks, clickTarget, type ClickTarget } from './clicks.js';
import { rasterise, wireExports } from './export-buttons.js';
import { FollowInput } from './follow-input.js';
import { Highlighter } from './highlight.js';
import { post, savedState, saveState } from './host.js';
import { KeyboardNav } from './keyboard-nav.js';
import { LegendOverlay } from './legend-overlay.js';
import { LensPicker } from './lens-picker.js';
import { page } from './page-elements.js';
import { PanZoom } from './pan-zoom.js';
import { panelSize, watchPanelSize } from './panel-size.js';
import { showPicture } from './picture.js';
import { bundleCarrying, centreOf, elementById, nodeCentres, nodeElements, pictureBox, shapeOf, type Point } from './picture-geometry.js';
import { Search } from './search.js';
import { medianShift } from './stable-pan.js';
import { Toolbar } from './toolbar.js';
import { Tooltips } from './tooltip.js';
import { ViewHistory } from './view-history.js';
import { sameOptions, sameView } from './view-identity.js';

const saved = savedState();
let options: DiagramViewOptions = saved.options;
/** The picture on screen and what it was asked for. */
let shown: { result: DiagramRequestResult; options: DiagramViewOptions; svg: SVGSVGElement } | undefined;
let legendSvg: SVGSVGElement | undefined;
/** The element "Show in diagram" or the search brought into view: ringed until the reader moves on. */
let ringed: string | undefined;
// A new panel opens on the whole picture; a reloaded one where the reader left it.
let fitNext = saved.pan === undefined;
/** The picture on screen lights what retiring a system would break. */
let impactShown = false;

const tooltips = new Tooltips(page.tooltip);
const highlighter = new Highlighter(page.canvas);
const caption = new Caption(page.title, page.notes, page.empty);
const legend = new LegendOverlay(page.legend, page.legendToggle, page.legendBody, saved.legendOpen ?? true, open => saveState({ legendOpen: open }));
const lenses = new LensPicker(page.lens, saved.lens ?? 'style', lens => {
    lenses.apply(shown?.svg, legendSvg);
    saveState({ lens });
});
const history = new ViewHistory(saved.history ?? [], page.back, page.trail, navigate, trail => saveState({ history: trail }));
const toolbar = new Toolbar(navigate);
const follow = new FollowInput(page.follow, page.followList, data => navigate(following(options, data)), text => say(`“${text}” is not an entity or Entity.field of the model.`));
const search = new Search(page.search, page.searchList, hit => {
    if (hit.inside) post({ type: 'expand', id: hit.inside, focus: hit.id });
    else spotlight(hit.id, true);
}, query => say(`No system matches “${query}” in this view.`));

const clicks = new Clicks({
    expand: id => post({ type: 'expand', id }),
    collapse: id => post({ type: 'collapse', id }),
    reveal: id => post({ type: 'reveal', id }),
    openContext: name => navigate(following({ view: { kind: 'system', name, depth: 1 }, state: options.state, filters: {}, expand: [] }, options.follow)),
    clear: () => unring()
});

const panZoom = new PanZoom(page.viewport, page.canvas, saved.pan ?? { x: 0, y: 0, scale: 1 }, {
    click: event => {
        const target = event.target instanceof Element && page.canvas.contains(event.target) ? event.target : null;
        if (shown) clicks.click(pictureClick(target), event.detail);
    },
    moved: () => tooltips.hide(),
    settled: pan => saveState({ pan })
}, () => legend.coveredHeight());

const keyboard = new KeyboardNav(page.viewport, {
    activate: id => clicks.single(pictureClick(elementById(page.canvas, id) ?? null)),
    open: id => clicks.double(pictureClick(elementById(page.canvas, id) ?? null)),
    focused: (id, node) => {
        highlighter.show(id);
        panZoom.keepVisible(pictureBox(shapeOf(node)));
    },
    left: () => highlighter.show(undefined),
    escape: () => {
        unring();
        tooltips.hide();
    },
    zoom: factor => panZoom.zoomBy(factor),
    middleNode
});

function pictureClick(target: Element | null): ClickTarget {
    return clickTarget(target, shown?.result.expandable ?? [], shown?.result.collapsible ?? []);
}

function navigate(next: DiagramViewOptions): void {
    options = next;
    saveState({ options });
    post({ type: 'setOptions', options });
}

/** The options with `data` followed, or following nothing. */
function following(base: DiagramViewOptions, data: string | undefined): DiagramViewOptions {
    const next: DiagramViewOptions = { view: base.view, state: base.state, filters: base.filters, expand: base.expand };
    return data ? { ...next, follow: data } : next;
}

function validHighlight(highlight: unknown): DiagramHighlight | undefined {
    const candidate = highlight as Partial<DiagramHighlight> | undefined;
    return candidate && Array.isArray(candidate.ids) && candidate.ids.every(id => typeof id === 'string') && typeof candidate.note === 'string'
        ? { ids: candidate.ids, note: candidate.note }
        : undefined;
}

function say(text: string): void {
    page.status.textContent = text;
}

/**
 * Zooms to the element, rings it and highlights it with its neighbours until the reader moves on.
 * `takeFocus` only when the reader is in the panel: "Show in diagram" must leave the editor's focus alone.
 */
function spotlight(id: string, takeFocus: boolean): void {
    const name = id.slice(id.indexOf(':') + 1);
    const own = elementById(page.canvas, id);
    const bundle = own ? undefined : bundleCarrying(page.canvas, id);
    const element = own ?? bundle;
    if (!element) {
        say(`${name} is not drawn in this view.`);
        return;
    }
    if (bundle) say(`${name} runs in the line ringed here, with the other flows it stands for (hover it for them).`);
    const shown = element.getAttribute('data-id') ?? id;
    unring();
    ringed = shown;
    element.classList.add('integ-focus');
    panZoom.show(pictureBox(shapeOf(element)));
    highlighter.pin(shown);
    if (takeFocus && element.matches('g.integ-node')) keyboard.focus(element);
}

function unring(): void {
    ringed = undefined;
    for (const element of Array.from(page.canvas.querySelectorAll('.integ-focus'))) element.classList.remove('integ-focus');
    highlighter.pin(undefined);
}

function middleNode(): SVGGElement | undefined {
    const rect = page.viewport.getBoundingClientRect();
    const { x, y, scale } = panZoom.pan;
    const middle = { x: (rect.width / 2 - x) / scale, y: (rect.height / 2 - y) / scale };
    let best: { node: SVGGElement; distance: number } | undefined;
    for (const node of nodeElements(page.canvas)) {
        const c = centreOf(pictureBox(shapeOf(node)));
        const distance = Math.hypot(c.x - middle.x, c.y - middle.y);
        if (!best || distance < best.distance) best = { node, distance };
    }
    return best?.node;
}

function onDiagram(result: DiagramRequestResult, answered: DiagramViewOptions, focus: string | undefined, highlight: DiagramHighlight | undefined): void {
    options = answered;
    saveState({ options });
    const decision = decidePicture(result, shown && { hadErrors: shown.result.hasErrors, sameOptions: sameOptions(shown.options, answered) });
    if (!decision.render) {
        toolbar.sync(options, result.choices, shown?.result);
        showBanner(page.banner, decision.banner);
        return;
    }
    const before = shown;
    const beforePan = panZoom.pan;
    const positions = before && sameView(before.options, answered) ? nodeCentres(before.svg) : undefined;
    const focusedId = document.activeElement instanceof Element ? document.activeElement.closest('g.integ-node[data-id]')?.getAttribute('data-id') ?? undefined : undefined;
    const svg = showPicture(page.canvas, result.svg);
    if (!svg) {
        showBanner(page.banner, 'The diagram could not be read.');
        return;
    }
    shown = { result, options: answered, svg };
    legendSvg = legend.show(result.legend);
    lenses.apply(svg, legendSvg);
    tooltips.reset();
    place(before?.options, beforePan, positions, svg);
    caption.show(result.title, highlight ? [highlight.note, ...result.notes] : result.notes, result.nodeCount === 0);
    toolbar.sync(options, result.choices, result);
    follow.update(result.choices.data, options.follow);
    search.update(svg, result.folded);
    keyboard.prepare(svg, focusedId);
    if (ringed) elementById(svg, ringed)?.classList.add('integ-focus');
    highlighter.repaint();
    say(`${result.nodeCount} nodes · ${result.edgeCount} edges`);
    showBanner(page.banner, decision.banner);
    if (focus) spotlight(focus, false);
    // The extension sends the highlight with every picture of the impact view; a picture without one ends it.
    if (highlight) highlighter.pin(highlight.ids);
    else if (impactShown) highlighter.pin(undefined);
    impactShown = highlight !== undefined;
}

/**
 * Where the new picture goes on screen: another picture of the same view keeps the nodes the reader
 * saw where they were; a view returned to is shown as it was left; a new view, or one laid out for a
 * panel of another shape, is fitted.
 */
function place(left: DiagramViewOptions | undefined, leftPan: PanState, positions: Map<string, Point> | undefined, svg: SVGSVGElement): void {
    const refit = fitNext;
    fitNext = false;
    if (!left) {
        if (refit) panZoom.fit();
        return;
    }
    if (positions) {
        const shift = refit ? undefined : medianShift(positions, nodeCentres(svg));
        if (shift) panZoom.compensate(shift);
        else if (refit) panZoom.fit();
        return;
    }
    const returnedTo = history.arrive(left, leftPan, options);
    if (returnedTo && !refit) panZoom.set(returnedTo);
    else panZoom.fit();
}

page.viewport.addEventListener('mousemove', event => {
    if (panZoom.dragging) return;
    const target = event.target instanceof Element ? event.target.closest('[data-id]') : null;
    const id = target && page.canvas.contains(target) ? target.getAttribute('data-id') ?? undefined : undefined;
    tooltips.pointAt(id, event.clientX, event.clientY);
    highlighter.show(id);
});
page.viewport.addEventListener('mouseleave', () => {
    tooltips.hide();
    highlighter.show(undefined);
});
page.fit.addEventListener('click', () => panZoom.fit());
wireExports(page.exportSvg, page.exportPng, () => lenses.lens, () => shown !== undefined);

/** A command opened the view with its lens (the brief's findings heat map): the picker and the saved state follow. */
function chooseLens(lens: unknown): void {
    if (!(LENSES as readonly unknown[]).includes(lens)) return;
    lenses.choose(lens as Lens);
    saveState({ lens: lens as Lens });
}

window.addEventListener('message', (event: MessageEvent<DiagramToWebview>) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'diagram') {
        chooseLens(message.lens);
        onDiagram(message.result, message.options, typeof message.focus === 'string' ? message.focus : undefined, validHighlight(message.highlight));
    }
    else if (message.type === 'failed') showBanner(page.banner, String(message.message));
    else if (message.type === 'tooltip') tooltips.answer(message.id, message.seq, message.tooltip);
    else if (message.type === 'rasterise' && typeof message.svg === 'string') rasterise(message.svg, reason => showBanner(page.banner, reason));
});

toolbar.sync(options, undefined, undefined);
history.render(options);
let reportedShape = panelShape(panelSize());
watchPanelSize(panel => {
    // A panel of another shape gets another layout: nothing on screen stays in place, so it is fitted.
    const shape = panelShape(panel);
    if (shape.width !== reportedShape.width || shape.height !== reportedShape.height) fitNext = true;
    reportedShape = shape;
    post({ type: 'panelSize', panel });
});
post({ type: 'ready', panel: panelSize() });
