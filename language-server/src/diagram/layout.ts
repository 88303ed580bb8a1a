import { BoxCache } from './box-cache.js';
import { joinLayouts, topLevelOf } from './box-layout.js';
import { compoundElkGraph, compoundLayout, THOROUGH_UP_TO_EDGES, THOROUGH_UP_TO_NODES, type CompoundPlan } from './compound-layout.js';
import { movedBy } from './box-geometry.js';
import { contentHash } from './content-hash.js';
import { departmentGrid, type PartLayout } from './department-grid.js';
import { contextLayout } from './context-layout.js';
import { tooLargeForOneLayout } from './layout-size.js';
import type { Box, DiagramGraph, DiagramLayout, LayoutDirection, ViewForm } from './diagram-graph.js';
import type { ElkNode } from './elk-types.js';
import { chooseLayout, ILLEGIBLE_TITLE_PX, overlapsAnything, SMALL_VIEW_NODES, SMALLEST_TITLE_PX, stabilityMissed, targetsMissed } from './layout-choice.js';
import { fitIntoPrevious } from './incremental-layout.js';
import { withBandsClosed } from './flow-compaction.js';
import { displacement, fittedTitlePx, measureLayout, type Displacement, type LayoutQuality } from './layout-quality.js';
import { panelShape, type PanelSize } from './panel-shape.js';
import { LayoutTimeoutError, WorkerLayoutRunner, type LayoutRunner } from './layout-runner.js';
import { splitLayout, splitPlan } from './split-layout.js';

export { LayoutTimeoutError, WorkerLayoutRunner, type LayoutRunner };

/** Above this many edges, labels cost more room and layout time than they tell; tooltips carry them. */
export const MAX_LABELLED_EDGES = 24;
/**
 * After an edit a view keeps its labels (or their absence) this many edges past the limit: one flow
 * more must not strip every label off the picture the reader has and lay it out afresh.
 */
const LABELS_KEPT_FOR = 6;
/** After a view of more nodes than this the layout engine is released: ELK keeps the memory of a big layout for good. */
const LARGE_LAYOUT_NODES = 300;
const DEFAULT_TIMEOUT_MS = 5_000;

export interface LayoutOptions {
    /** Give up after this long (default 5,000 ms). */
    timeoutMs?: number;
    /** The panel the picture is shown in: its shape decides the direction (default 1600×900). */
    panel?: PanelSize;
    /**
     * Names the view across edits (its kind, name, state, filters, opened departments): the last
     * layout of the view guides the next, so that an edit does not reshuffle the picture.
     */
    viewKey?: string;
}

/** What decides a graph's layout: the cache key (two graphs with the same one are drawn alike). */
function layoutInput(graph: DiagramGraph, panel: PanelSize): unknown {
    return {
        panel: [panel.width, panel.height],
        nodes: graph.nodes.map(node => [node.id, node.width, node.height, node.group ?? '']),
        groups: graph.groups.map(group => [group.id, group.label]),
        edges: graph.edges.map(edge => [edge.id, edge.source, edge.target, edge.label, edge.regulated, edge.findings.error, edge.findings.warning, edge.findings.info]),
        sequence: graph.sequence ?? [],
        focus: graph.focus ?? ''
    };
}

/** The last layout of a view, the panel shape it was made for, and what the view's size decided. */
interface Remembered { layout: DiagramLayout; shape: string; form: ViewForm }

/** The shape a view is laid out in as one compound graph, labels left out or not. */
type LayoutShape = Pick<CompoundPlan, 'spread' | 'seed' | 'wrap' | 'layerBound' | 'packedLabels' | 'narrowLabels' | 'otherSide' | 'closeLayers' | 'sided'> & { labelsLeftOut?: boolean };
/** The view laid out in one direction and shape (ELK, then this module's passes). */
type CompoundOfShape = (direction: LayoutDirection, shape?: LayoutShape) => Promise<DiagramLayout>;

/**
 * Lays out diagram graphs, remembering recent results by the graph's content hash (ids, labels,
 * sizes, panel shape): an edit that leaves the picture unchanged costs no layout at all. It also
 * remembers the last layout of each view, which guides the view's next layout after an edit.
 */
export class DiagramLayouter {
    private readonly cache = new Map<string, DiagramLayout>();
    /** Graphs whose layout timed out, with the time they were given: asking again with no more time fails at once. */
    private readonly timedOut = new Map<string, number>();
    private readonly running = new Map<string, Promise<DiagramLayout>>();
    private readonly lastOfView = new Map<string, Remembered>();
    /** How long laying each picture's view out took, as last measured (a picture fitted from another keeps its figure). */
    private readonly layoutMs = new WeakMap<DiagramLayout, number>();
    private readonly boxes: BoxCache;
    /** Layouts actually run (cache misses), for tests and the benchmark. */
    runs = 0;

    /**
     * `editBudgetMs`: how long the layouts after an edit may take before the steadiest so far is kept
     * (see `steadiest`); fitting the edit into the picture first may take half as long, or half as long
     * as laying the view out took last where that is longer (an 80-system view's fit, drawing a long
     * line through its channels, can take longer than a small view's, and still saves a layout of
     * half a second that moves the picture). Tests that
     * compare positions give more, so that a slow machine sees the same tries; so do tests that
     * expect a grid of departments (`gridBudgetMs`, how long its lines may take to draw).
     */
    constructor(
        private readonly runner: LayoutRunner = new WorkerLayoutRunner(), private readonly cacheSize = 32, private readonly editBudgetMs = EDIT_BUDGET_MS,
        private readonly gridBudgetMs = GRID_BUDGET_MS
    ) {
        // Room for every department of a large estate and the partial boxes of a few neighbourhood views.
        this.boxes = new BoxCache(runner, cacheSize * 8);
    }

    async layout(graph: DiagramGraph, options: LayoutOptions = {}): Promise<DiagramLayout> {
        const panel = panelShape(options.panel);
        const key = contentHash(layoutInput(graph, panel));
        const cached = this.cache.get(key);
        if (cached) {
            // Refresh recency: Map iteration order is insertion order.
            this.cache.delete(key);
            this.cache.set(key, cached);
            this.remember(options.viewKey, graph, cached, panel);
            return cached;
        }
        // The same picture asked for again before its layout is done (the preview opening during the
        // warm-up): wait for that layout rather than queue a second one behind it.
        const running = this.running.get(key);
        if (running) return running;
        const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const gaveUpAfter = this.timedOut.get(key);
        if (gaveUpAfter !== undefined && timeoutMs <= gaveUpAfter) {
            throw new LayoutTimeoutError(`layout took longer than ${gaveUpAfter} ms before`);
        }
        const previous = options.viewKey ? this.lastOfView.get(options.viewKey) : undefined;
        const guide = previous?.shape === shapeKey(panel) ? previous.layout : undefined;
        const run = this.run(graph, key, timeoutMs, panel, guide, previous?.form.byDepartment).finally(() => this.running.delete(key));
        this.running.set(key, run);
        const layout = await run;
        this.remember(options.viewKey, graph, layout, panel);
        return layout;
    }

    /** What the view's size decided the last time it was laid out, for the next graph of the view to keep near a threshold. */
    formOf(viewKey: string | undefined): ViewForm | undefined {
        return viewKey ? this.lastOfView.get(viewKey)?.form : undefined;
    }

    private remember(viewKey: string | undefined, graph: DiagramGraph, layout: DiagramLayout, panel: PanelSize): void {
        if (!viewKey) return;
        const reduced = graph.reduced ?? { betweenDepartments: false, closedLeftOut: false, parallelFlows: false };
        this.lastOfView.delete(viewKey);
        this.lastOfView.set(viewKey, { layout, shape: shapeKey(panel), form: { overview: graph.aggregated, reduced, byDepartment: layout.byDepartment === true } });
        while (this.lastOfView.size > this.cacheSize) this.lastOfView.delete(this.lastOfView.keys().next().value as string);
    }

    private async run(
        graph: DiagramGraph, key: string, timeoutMs: number, panel: PanelSize, previous: DiagramLayout | undefined, byDepartmentBefore: boolean | undefined
    ): Promise<DiagramLayout> {
        this.runs++;
        let layout: DiagramLayout;
        const started = performance.now();
        try {
            layout = await this.layOut(graph, Date.now() + timeoutMs, panel, previous, byDepartmentBefore);
            this.layoutMs.set(layout, Math.max(performance.now() - started, previous ? this.layoutMs.get(previous) ?? 0 : 0));
        } catch (error) {
            if (error instanceof LayoutTimeoutError) {
                this.timedOut.set(key, timeoutMs);
                while (this.timedOut.size > this.cacheSize) this.timedOut.delete(this.timedOut.keys().next().value as string);
            }
            throw error;
        }
        this.cache.set(key, layout);
        while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
        return layout;
    }

    private async layOut(
        graph: DiagramGraph, deadline: number, panel: PanelSize, previous: DiagramLayout | undefined, byDepartmentBefore: boolean | undefined
    ): Promise<DiagramLayout> {
        const labelled = labelsShown(graph, previous);
        // Both directions are laid out, and the better kept, where a layout is quick.
        const both = graph.nodes.length <= THOROUGH_UP_TO_NODES && graph.edges.length <= THOROUGH_UP_TO_EDGES;
        // After an edit the view keeps its direction and spacing: a picture that turns on its side or
        // spreads out is the worst kind of reshuffle. A view opened afresh takes what suits the panel.
        // Where one is laid out, a department's or a process's view, or departments opened among closed
        // ones, run left to right: a busy department's partners stack in columns beside it, where top
        // to bottom they spread into rows far wider than any panel, their lines running the whole width
        // (measured on busy department views, in a wide and in a tall panel: shorter lines and larger
        // titles in both). An estate whose departments are all open or all closed stacks into a page
        // top to bottom (left to right, a strip of departments that an edit reshuffled more).
        const page = graph.view.kind === 'estate' && (!graph.aggregated || graph.nodes.every(node => node.kind === 'department'));
        // A system's context is set out without ELK (context-layout.ts), in milliseconds however many
        // lines it has: both ways, always (a hub's partners in columns read in a side panel where its rows did not).
        const directions: LayoutDirection[] = previous?.direction ? [previous.direction] : both || graph.focus ? ['DOWN', 'RIGHT'] : [page ? 'DOWN' : 'RIGHT'];
        if (graph.focus) {
            // In a panel no wider than tall, labels in narrow lines keep the columns' gaps narrow too.
            const narrow = previous ? [previous.narrowLabels === true] : labelled && panel.width <= panel.height ? [false, true] : [false];
            const chosen = chooseLayout(graph, directions.flatMap(direction => narrow.map(labels => padToAspect(contextLayout(graph, direction, labelled, previous, labels)))), panel);
            if (previous?.labelsLeftOut) return { ...chosen, labelsLeftOut: true };
            const labelledPx = fittedTitlePx(chosen, panel);
            if (!labelled || labelledPx >= SMALLEST_TITLE_PX) return chosen;
            const bare = directions.map(direction => ({ ...padToAspect(contextLayout(graph, direction, false, previous)), labelsLeftOut: true }));
            return chooseLayout(graph, [chosen, ...worthLeavingLabelsOut(labelledPx, bare, panel)], panel);
        }
        if (!graph.reduced?.betweenDepartments && !tooLargeForOneLayout(graph.nodes.length, graph.edges.length, byDepartmentBefore)) {
            const hints = previous ? knownBoxes(graph, previous) : undefined;
            const newEdges = previous ? new Set(graph.edges.filter(edge => !previous.edges[edge.id]).map(edge => edge.id)) : undefined;
            const compound: CompoundOfShape = async (direction, shape = {}) => {
                const input = compoundElkGraph(graph, { direction, labelled: labelled && !shape.labelsLeftOut, previous: hints, newEdges, ...shape });
                const laidOut = { ...compoundLayout(graph, await this.runner.run(input.root, timeLeft(deadline)), input, direction), spread: shape.spread, seed: shape.seed, wrap: shape.wrap, layerBound: shape.layerBound, packedLabels: shape.packedLabels, narrowLabels: shape.narrowLabels, closeLayers: shape.closeLayers, sided: shape.sided, labelsLeftOut: shape.labelsLeftOut };
                // Closing bands measures the picture once per band tried: only where a layout is quick.
                return both ? withBandsClosed(graph, laidOut) : laidOut;
            };
            // After an edit each department keeps the order of its systems, as a whole view does.
            const part: PartLayout = async (sub, direction, unlinkedColumn) => {
                const input = compoundElkGraph(sub, { direction, labelled, previous: previous && knownBoxes(sub, previous), newEdges, unlinkedColumn });
                return compoundLayout(sub, await this.runner.run(input.root, timeLeft(deadline)), input, direction);
            };
            if (previous) {
                const layered = async () => padToAspect(await steadiest(graph, previous, seed => compound(directions[0], { spread: previous.spread, wrap: previous.wrap, layerBound: previous.layerBound, packedLabels: previous.packedLabels, narrowLabels: previous.narrowLabels, closeLayers: previous.closeLayers, sided: previous.sided, labelsLeftOut: previous.labelsLeftOut, seed }), this.editBudgetMs, previous.seed));
                // A grid keeps its rows: laid out in layers, the same view would be another picture.
                const fitBudgetMs = FIT_SHARE * Math.max(this.editBudgetMs, this.layoutMs.get(previous) ?? 0);
                return afterEdit(graph, previous, labelled, fitBudgetMs, async () => previous.departmentGrid
                    ? await departmentGrid(graph, part, panel, labelled, this.editBudgetMs, previous) ?? layered()
                    : layered());
            }
            // A strip across the flow (a tall layer beside a short one) gets more room between the
            // boxes of a layer: the lines between layers get steeper and the picture nearer the panel's shape.
            const candidates: DiagramLayout[] = [];
            for (const direction of directions) {
                const first = await compound(direction);
                const thin = stripFactor(first);
                candidates.push(both && thin > 1 ? chooseLayout(graph, [first, await compound(direction, { spread: Math.min(MAX_SPREAD, thin * thin) })].map(padToAspect), panel) : padToAspect(first));
            }
            // Judged as shown: a thin picture is padded to the panel's shape, and its titles say how well it fits.
            let chosen = chooseLayout(graph, candidates, panel);
            // A large view is laid out one way only (each layout is slow). An estate stacked into a page
            // that misses a target is laid out left to right too: opened in full, its lines between
            // departments run round the page top to bottom, and left to right may keep them within
            // their detours. (A busy department's view top to bottom traded one target for another
            // and smaller titles on the one view measured: it keeps its columns.)
            if (!both && page && targetsMissed(qualityOf(graph, chosen)) > 0) {
                chosen = chooseLayout(graph, [chosen, padToAspect(await compound('RIGHT'))], panel);
            }
            // Crossing minimisation starts from a random order: in a small view another start may
            // find the same picture without a crossing the first kept. Tried on the picture chosen,
            // in its direction and shape: a seed that took the crossing out of the other direction made
            // it the larger picture, and won with lines twice as crooked.
            for (const seed of both && graph.nodes.length <= SEEDS_TRIED_UP_TO_NODES ? CROSSING_SEEDS : []) {
                if (qualityOf(graph, chosen).crossings === 0) break;
                const tried = padToAspect(await compound(chosen.direction ?? directions[0], { spread: chosen.spread, seed }));
                if (crossesLess(graph, tried, chosen, panel) && crookedness(graph, tried) <= crookedness(graph, chosen) + CROOKED_SLACK) chosen = tried;
            }
            // A department's own view sets each partner on the side most of its flows point to: a hub
            // the department both feeds and is fed by may cross far fewer lines on the other side.
            const hub = both && graph.view.kind === 'department' ? busiestPartner(graph) : undefined;
            if (hub && qualityOf(graph, chosen).crossings > 0) {
                const turned = padToAspect(await compound(chosen.direction ?? directions[0], { spread: chosen.spread, otherSide: hub }));
                if (crossesLess(graph, turned, chosen, panel)) chosen = turned;
            }
            if (both && labelled && targetsMissed(qualityOf(graph, chosen)) > 0) chosen = await withLabelsThatFit(graph, chosen, panel, directions, compound);
            if (fittedTitlePx(chosen, panel) >= SMALLEST_TITLE_PX) return chosen;
            // Departments opened among closed ones: the closed ones in a column on either side. Not
            // where lines carry labels: a line round a column's side has no room for one.
            if (!labelled && amongClosed(graph)) {
                // In both directions where a layout is quick: the columns of a picture that runs left
                // to right may read larger than the rows of one that runs down, though its layers lost.
                const sided: DiagramLayout[] = [];
                for (const direction of both ? directions : [chosen.direction ?? directions[0]]) {
                    sided.push(...[await compound(direction, { sided: true, closeLayers: true }), await compound(direction, { sided: true })].map(padToAspect));
                }
                chosen = chooseLayout(graph, [chosen, ...sided], panel, SMALLEST_TITLE_PX);
                if (fittedTitlePx(chosen, panel) >= SMALLEST_TITLE_PX) return chosen;
            }
            // A few boxes and many lines: ELK set the layers apart for lines that, straightened, pass
            // between them in far less room. Closer layers, where the picture still meets as many targets.
            if (!both) {
                // A column of closed departments either side was tried with closer layers already.
                if (graph.nodes.length > SMALL_VIEW_NODES || chosen.sided) return chosen;
                const direction = chosen.direction ?? directions[0];
                const closer = [padToAspect(await compound(direction, { closeLayers: true }))];
                // Placed closer, a busy department's lines may loop round the others' side: the other
                // direction may keep them within their detours (measured on an unseen 300-system overview).
                if (targetsMissed(qualityOf(graph, closer[0])) > targetsMissed(qualityOf(graph, chosen))) {
                    closer.push(padToAspect(await compound(direction === 'DOWN' ? 'RIGHT' : 'DOWN', { closeLayers: true })));
                }
                // Still too wide for the panel (layers of five or six departments, the lines against
                // the layers round their sides): at most three boxes a layer, in more layers.
                if (closer.every(layout => fittedTitlePx(layout, panel) < SMALLEST_TITLE_PX)) closer.push(padToAspect(await compound(direction, { closeLayers: true, layerBound: LAYER_BOUND })));
                return chooseLayout(graph, [chosen, ...closer], panel, SMALLEST_TITLE_PX);
            }
            // Still too small to read in the panel: a strip (a long chain of departments) has its layers
            // cut into rows; in either direction the layers are bounded to a few boxes side by side (a
            // picture too wide for a side panel), and the labels put in the layers with room for them
            // (a column of labels between every two layers). Each costs crossings or longer lines:
            // they are worth it where the titles become readable, or at least markedly larger.
            // They may not miss a target the chosen picture meets: rows whose lines loop from the end of
            // one row round to the start of the next (a detour beyond 2.5) read worse than small titles.
            const worth = Math.min(SMALLEST_TITLE_PX, fittedTitlePx(chosen, panel) * RESHAPE_WORTH);
            const missed = targetsMissed(qualityOf(graph, chosen));
            const reshaped: DiagramLayout[] = [chosen];
            const consider = (layout: DiagramLayout) => {
                if (fittedTitlePx(layout, panel) >= worth && targetsMissed(qualityOf(graph, layout)) <= missed) reshaped.push(layout);
            };
            // Opened departments set in rows, whose lines between departments cross more: considered
            // where each line is crossed at most once on average, or they cross no more than the layers'.
            const grid = graph.edges.length <= GRID_UP_TO_EDGES ? await departmentGrid(graph, part, panel, labelled, this.gridBudgetMs) : undefined;
            if (grid && qualityOf(graph, grid).crossings <= Math.max(qualityOf(graph, chosen).crossings, GRID_CROSSINGS_PER_LINE * graph.edges.length)) consider(padToAspect(grid));
            // A grid that reads is kept without laying the whole view out again in the shapes below (a
            // layout each): on every estate measured they came out smaller or looping where it read.
            if (reshaped.some(layout => layout !== chosen && fittedTitlePx(layout, panel) >= SMALLEST_TITLE_PX)) return chooseLayout(graph, reshaped, panel, SMALLEST_TITLE_PX);
            if (aStrip(chosen, panel)) {
                for (const factor of WRAP_SHAPES) consider(padToAspect(await compound(chosen.direction ?? directions[0], { wrap: factor * panel.width / panel.height })));
            }
            // Bounded layers stacked top to bottom narrow a picture for a panel no wider than tall; in
            // a wide panel they never read better. Packed labels keep the chosen direction.
            if (panel.width <= panel.height) consider(padToAspect(await compound('DOWN', { layerBound: LAYER_BOUND })));
            // There a row of labels side by side makes a top-to-bottom picture wider than the panel:
            // they are tried in three narrow lines, as a left-to-right picture has them.
            if (panel.width <= panel.height && labelled) consider(padToAspect(await compound('DOWN', { narrowLabels: true })));
            if (labelled) consider(padToAspect(await compound(chosen.direction ?? directions[0], { packedLabels: true })));
            // Labels side by side in one gap (a dozen flows into a hub) may still make the picture far
            // wider or taller than the panel.
            const labelledPx = Math.max(...reshaped.map(layout => fittedTitlePx(layout, panel)));
            if (labelled && labelledPx < SMALLEST_TITLE_PX) {
                const bare = await Promise.all(directions.map(async direction => padToAspect(await compound(direction, { labelsLeftOut: true }))));
                worthLeavingLabelsOut(labelledPx, bare, panel).forEach(consider);
            }
            return chooseLayout(graph, reshaped, panel, SMALLEST_TITLE_PX);
        }
        const split = async (): Promise<DiagramLayout> => {
            const plan = splitPlan(graph);
            return { ...splitLayout(graph, plan, await this.laySplit(plan.root, deadline)), direction: 'DOWN', byDepartment: true };
        };
        // A view laid out department by department carries no labels (their tooltips do). Laid out
        // again it is another picture, and no quicker: fitting the edit in may take the edit's whole budget.
        return previous ? afterEdit(graph, previous, false, this.editBudgetMs, split) : split();
    }

    /**
     * The department boxes (known, or laid out in one run), then the top level around them. The
     * boxes of a large view are not kept: they are that view's own (a neighbourhood's parts of
     * departments, or every department with flows to all others) and its whole layout is cached.
     */
    private async laySplit(elkGraph: ElkNode, deadline: number): Promise<ElkNode> {
        const large = countNodes(elkGraph) > LARGE_LAYOUT_NODES;
        try {
            const boxes = await this.boxes.boxesFor(elkGraph, () => timeLeft(deadline), !large);
            return joinLayouts(await this.runner.run(topLevelOf(elkGraph, boxes), timeLeft(deadline)), boxes);
        } finally {
            if (large) this.runner.release?.();
        }
    }

    dispose(): void {
        this.runner.dispose();
        this.cache.clear();
        this.boxes.clear();
        this.timedOut.clear();
        this.lastOfView.clear();
    }
}

/**
 * Of the pictures without labels, those worth more than the labelled ones, whose titles come out at
 * `labelledPx`, too small to read: those that read, or all of them where the labels could not be
 * read anyway (smaller than titles too small to read). The labels then go to the lines' tooltips,
 * as in a view with too many lines to label.
 */
function worthLeavingLabelsOut(labelledPx: number, bare: readonly DiagramLayout[], panel: PanelSize): DiagramLayout[] {
    return bare.filter(layout => fittedTitlePx(layout, panel) >= SMALLEST_TITLE_PX || labelledPx < ILLEGIBLE_TITLE_PX);
}

/**
 * A busy view whose labels push its lines out of their way: a hub's labels, each in the layer between
 * it and its partners, stack into a row (or a column) far longer than the boxes they label, and the
 * lines run out to them and back (an unseen department of 10 boxes and 21 flows: lines 1.35 times
 * their way on average, two quarter-turns each). Labels in narrow lines take less room; where no
 * labelled picture meets the targets and one with the labels in the lines' tooltips does, with titles
 * at least as large, the labels are left out, as where titles would not read. (A small view whose
 * bare picture reads smaller keeps its labels: they cost it nothing but a line slightly out of its way.)
 */
async function withLabelsThatFit(
    graph: DiagramGraph, chosen: DiagramLayout, panel: PanelSize, directions: readonly LayoutDirection[], compound: CompoundOfShape
): Promise<DiagramLayout> {
    const labelled = chosen.direction === 'DOWN' ? chooseLayout(graph, [chosen, padToAspect(await compound('DOWN', { spread: chosen.spread, narrowLabels: true }))], panel) : chosen;
    if (targetsMissed(qualityOf(graph, labelled)) === 0) return labelled;
    const labelledPx = fittedTitlePx(labelled, panel);
    const bare: DiagramLayout[] = [];
    for (const direction of directions) {
        const layout = padToAspect(await compound(direction, { labelsLeftOut: true }));
        if (targetsMissed(qualityOf(graph, layout)) === 0 && fittedTitlePx(layout, panel) >= labelledPx) bare.push(layout);
    }
    return bare.length > 0 ? chooseLayout(graph, bare, panel) : labelled;
}

function labelsShown(graph: DiagramGraph, previous: DiagramLayout | undefined): boolean {
    const edges = graph.edges.length;
    if (!previous) return edges <= MAX_LABELLED_EDGES;
    if (previous.labelsLeftOut) return false;
    const had = Object.values(previous.edges).some(edge => edge.label);
    return edges <= MAX_LABELLED_EDGES + (had ? LABELS_KEPT_FOR : -LABELS_KEPT_FOR);
}

/**
 * The picture as it was, with the new elements fitted in, unless that reads worse than laying it out
 * again, where moving boxes the reader knows counts against the new layout. A fitted picture that
 * misses no target the reader's picture met cannot read worse, and saves the layout: what that
 * picture already missed (overlaps included) is the reader's picture, not the edit's; in a large
 * view, laying it out again would cost more than the edit's whole budget.
 */
async function afterEdit(graph: DiagramGraph, previous: DiagramLayout, labelled: boolean, fitBudgetMs: number, layOutAgain: () => Promise<DiagramLayout>): Promise<DiagramLayout> {
    const fitted = fitIntoPrevious(graph, previous, labelled, fitBudgetMs);
    if (!fitted) return layOutAgain();
    const fittedQuality = qualityOf(graph, fitted);
    if (targetsMissed(fittedQuality) === 0) return fitted;
    const before = qualityOf(graph, previous);
    const fittedMissed = targetsMissed(fittedQuality, before);
    if (fittedMissed <= targetsMissed(before, before)) return fitted;
    const relaid = await layOutAgain();
    const relaidMissed = targetsMissed(qualityOf(graph, relaid)) + stabilityMissed(displacement(graph, previous, relaid));
    return fittedMissed <= relaidMissed ? fitted : relaid;
}

/**
 * The figures of each picture kept after an edit, for the next edit to compare with: measuring is
 * the costliest part of an edit to a large view. Measured with the graph of its edit; the next
 * edit's graph adds only what the picture does not draw yet.
 */
const measured = new WeakMap<DiagramLayout, LayoutQuality>();

function qualityOf(graph: DiagramGraph, layout: DiagramLayout): LayoutQuality {
    const known = measured.get(layout);
    if (known) return known;
    const quality = measureLayout(graph, layout);
    measured.set(layout, quality);
    return quality;
}

/**
 * ELK's seeds tried after an edit, the usual one first. Crossing minimisation starts from a random
 * order, and the previous positions only bias it: another seed often keeps a node in place that
 * the first moved to the other side of its layer.
 */
const EDIT_SEEDS = [undefined, 1, 2, 3];
/** Seeds tried for fewer crossings when a view of at most this many nodes is opened. */
const CROSSING_SEEDS = [1, 2, 3];
const SEEDS_TRIED_UP_TO_NODES = 20;
/** How much more crooked (mean detour plus quarter-turns a line) a picture with fewer crossings may be. */
const CROOKED_SLACK = 0.1;

function crookedness(graph: DiagramGraph, layout: DiagramLayout): number {
    const quality = qualityOf(graph, layout);
    return quality.detourMean + quality.bendsPerEdge;
}
/** A layout after an edit that moves no node further than this (median node widths) is kept as it is. */
const STEADY_WORST = 1;
/** Another seed is tried only while the edit's layouts stay within this time (the view budget is 500 ms). */
const EDIT_BUDGET_MS = 300;
/** ...or within this many times that, while every picture yet misses the stability target. */
const RESHUFFLED_BUDGET_TIMES = 3;
/**
 * The share of that budget, or of the time the view took to lay out last, that fitting the edit into
 * the picture may take before the view is laid out again: past it, a layout costs the reader as long
 * again and moves what they know. At half, a loaded machine cut off fits that a quiet one finishes in
 * a fraction of the layout's time, and the view laid out again moved a box 3.6 widths.
 */
const FIT_SHARE = 1;

/**
 * Of the layouts after an edit, the one that moves the nodes a reader already sees the least, of
 * those that draw nothing over anything where there is one.
 */
async function steadiest(
    graph: DiagramGraph, previous: DiagramLayout, layOut: (seed?: number) => Promise<DiagramLayout>, budgetMs: number, previousSeed: number | undefined
): Promise<DiagramLayout> {
    const started = Date.now();
    let best: { layout: DiagramLayout; moved: Displacement; clean: boolean } | undefined;
    // The seed the picture on screen was found with goes first: it found that picture.
    const seeds = previousSeed === undefined ? EDIT_SEEDS : [previousSeed, ...EDIT_SEEDS.filter(seed => seed !== undefined && seed !== previousSeed)];
    for (const seed of seeds) {
        const runStarted = Date.now();
        const layout = await layOut(seed);
        const moved = displacement(graph, previous, layout);
        const clean = !overlapsAnything(qualityOf(graph, layout));
        const steadier = (than: Displacement) =>
            moved.alignedWorst < than.alignedWorst - 0.05 || (moved.alignedWorst <= than.alignedWorst + 0.05 && moved.alignedMean < than.alignedMean);
        if (!best || (clean && !best.clean) || (clean === best.clean && steadier(best.moved))) best = { layout, moved, clean };
        const took = Date.now() - runStarted;
        if (best.clean && best.moved.alignedWorst <= STEADY_WORST) break;
        // While the steadiest picture yet moves what the reader knows beyond the target, seeds are
        // tried past the budget, up to a few times it: a reshuffled picture costs the reader more than
        // the wait (an unseen 30-system estate opened in full: one edit moved a box 2.12 box widths
        // with the first seed, 1.24 with the third).
        const allowedMs = stabilityMissed(best.moved) > 0 ? RESHUFFLED_BUDGET_TIMES * budgetMs : budgetMs;
        if (Date.now() - started + took > allowedMs) break;
    }
    return best!.layout;
}

/**
 * How long drawing the lines between the departments of a grid may take (one by one, each through
 * the channels), and the most lines of a view tried as a grid: more cross too often to read. The
 * time is a cap, not a measure of work: what is drawn within it decides the picture, so it is long
 * enough for a loaded machine to draw what a quiet one does (with 400 ms, airline "all open" in a
 * 900×1000 panel came out with 6 crossings in one run and 10 in the next).
 */
const GRID_BUDGET_MS = 1000;
const GRID_UP_TO_EDGES = 30;
/**
 * Crossings per line of a grid that reads worse than small titles: beyond half as many crossings as
 * lines, its lines are crossed more than once each on average (a crossing crosses two lines).
 */
const GRID_CROSSINGS_PER_LINE = 0.5;

/** A partner of a department's view with at least this many lines is tried on the other side. */
const HUB_LINES = 3;
/** Titles this much smaller are not worth fewer crossings. */
const CROSSINGS_SCALE_LOSS = 0.1;

/** The system outside every department with the most lines in the view, where it has enough to be a hub. */
function busiestPartner(graph: DiagramGraph): string | undefined {
    const lines = new Map<string, number>();
    for (const edge of graph.edges) for (const end of new Set([edge.source, edge.target])) lines.set(end, (lines.get(end) ?? 0) + 1);
    const [best] = graph.nodes.filter(node => !node.group && (lines.get(node.id) ?? 0) >= HUB_LINES).sort((a, b) => lines.get(b.id)! - lines.get(a.id)! || a.id.localeCompare(b.id));
    return best?.id;
}

/** Whether `tried` crosses fewer lines than `kept`, misses no more targets and shows its titles nearly as large. */
function crossesLess(graph: DiagramGraph, tried: DiagramLayout, kept: DiagramLayout, panel: PanelSize): boolean {
    const [a, b] = [qualityOf(graph, tried), qualityOf(graph, kept)];
    return a.crossings < b.crossings && targetsMissed(a) <= targetsMissed(b) && fittedTitlePx(tried, panel) >= fittedTitlePx(kept, panel) * (1 - CROSSINGS_SCALE_LOSS);
}

/** Pictures of a few boxes are kept at most this much wider than tall (or taller than wide). */
const MAX_ASPECT = 2.4;
const TARGET_ASPECT = 2.1;
const MAX_SPREAD = 3.5;
/**
 * Shapes (times the panel's) a wrapped picture is asked for. ELK cuts rows by its own estimate of
 * the lines between them, which comes out taller than asked: the wider shape gave two rows on
 * estates where the panel's own gave four, with lines leading round every one.
 */
const WRAP_SHAPES = [1.4, 1];
/** Titles at least this many times larger (short of readable) make a picture cut into rows, or with bounded layers, worth its crossings. */
const RESHAPE_WORTH = 1.15;
/** Boxes side by side a bounded layer may hold (four gained little over three on the side-panel views measured). */
const LAYER_BOUND = 3;
/** A picture whose boxes are this many times wider (or taller) than the panel's shape is a strip. */
const STRIP_OFF_PANEL = 2;

/**
 * Whether the boxes of a picture make a strip far longer than the panel in one direction: only then
 * can cutting its layers into rows make its titles larger (a picture of the panel's shape that is
 * merely large, such as an estate of 38 systems, only gets longer lines).
 */
function aStrip(layout: DiagramLayout, panel: PanelSize): boolean {
    const boxes = [...Object.values(layout.nodes), ...Object.values(layout.groups)];
    if (boxes.length === 0) return false;
    const width = Math.max(...boxes.map(box => box.x + box.width)) - Math.min(...boxes.map(box => box.x));
    const height = Math.max(...boxes.map(box => box.y + box.height)) - Math.min(...boxes.map(box => box.y));
    const off = (width / Math.max(1, height)) / (panel.width / panel.height);
    return Math.max(off, 1 / off) >= STRIP_OFF_PANEL;
}

/**
 * How much too thin the picture is across its flow (a RIGHT picture too wide for its height, a
 * DOWN one too tall for its width): 1 when it is not.
 */
function stripFactor(layout: DiagramLayout): number {
    const along = layout.direction === 'RIGHT' ? layout.width : layout.height;
    const across = layout.direction === 'RIGHT' ? layout.height : layout.width;
    const ratio = along / Math.max(1, across);
    return ratio > MAX_ASPECT ? ratio / TARGET_ASPECT : 1;
}

/** Whether some departments of the view are opened and two or more closed (see `CompoundPlan.sided`). */
function amongClosed(graph: DiagramGraph): boolean {
    return graph.groups.length > 0 && graph.nodes.filter(node => node.kind === 'department').length >= 2;
}

/** A picture still too thin (a single box, a row of two) gets an even margin on its short sides. */
export function padToAspect(layout: DiagramLayout): DiagramLayout {
    const { width, height } = layout;
    if (Math.max(width, height) / Math.max(1, Math.min(width, height)) <= MAX_ASPECT) return layout;
    const [dx, dy] = width > height ? [0, (width / TARGET_ASPECT - height) / 2] : [(height / TARGET_ASPECT - width) / 2, 0];
    return { ...movedBy(layout, dx, dy), width: width + 2 * dx, height: height + 2 * dy };
}

function shapeKey(panel: PanelSize): string {
    return `${panel.width}x${panel.height}`;
}

/** The boxes of the previous layout that the new graph still has. */
function knownBoxes(graph: DiagramGraph, previous: DiagramLayout): Record<string, Box> {
    const boxes: Record<string, Box> = {};
    for (const node of graph.nodes) if (previous.nodes[node.id]) boxes[node.id] = previous.nodes[node.id];
    return boxes;
}

function countNodes(graph: ElkNode): number {
    let count = 0;
    for (const child of graph.children ?? []) count += 1 + countNodes(child);
    return count;
}

function timeLeft(deadline: number): number {
    const left = deadline - Date.now();
    if (left <= 0) throw new LayoutTimeoutError('layout ran out of time');
    return left;
}
