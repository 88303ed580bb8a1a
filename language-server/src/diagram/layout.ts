import { BoxCache } from './box-cache.js';
import { joinLayouts, topLevelOf } from './box-layout.js';
import { contentHash } from './content-hash.js';
import type { DiagramGraph, DiagramLayout } from './diagram-graph.js';
import { fromElkGraph, toElkGraph, type ElkNode } from './elk-graph.js';
import { LayoutTimeoutError, WorkerLayoutRunner, type LayoutRunner } from './layout-runner.js';

export { LayoutTimeoutError, WorkerLayoutRunner, type LayoutRunner };

/** After a view of more nodes than this the layout engine is released: ELK keeps the memory of a big layout for good. */
const LARGE_LAYOUT_NODES = 300;

function countNodes(graph: ElkNode): number {
    let count = 0;
    for (const child of graph.children ?? []) count += 1 + countNodes(child);
    return count;
}

export interface LayoutOptions {
    /** Give up after this long (default 5,000 ms). */
    timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Lays out diagram graphs, remembering recent results by the graph's content hash (ids, labels,
 * sizes and options): an edit that leaves the picture unchanged costs no layout at all.
 */
export class DiagramLayouter {
    private readonly cache = new Map<string, DiagramLayout>();
    /** Graphs whose layout timed out, with the time they were given: asking again with no more time fails at once. */
    private readonly timedOut = new Map<string, number>();
    private readonly running = new Map<string, Promise<DiagramLayout>>();
    private readonly boxes: BoxCache;
    /** Layouts actually run (cache misses), for tests and the benchmark. */
    runs = 0;

    constructor(private readonly runner: LayoutRunner = new WorkerLayoutRunner(), private readonly cacheSize = 32) {
        // Room for every department of a large estate and the partial boxes of a few neighbourhood views.
        this.boxes = new BoxCache(runner, cacheSize * 8);
    }

    async layout(graph: DiagramGraph, options: LayoutOptions = {}): Promise<DiagramLayout> {
        const elkGraph = toElkGraph(graph);
        const key = contentHash(elkGraph);
        const cached = this.cache.get(key);
        if (cached) {
            // Refresh recency: Map iteration order is insertion order.
            this.cache.delete(key);
            this.cache.set(key, cached);
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
        const run = this.run(graph, elkGraph, key, timeoutMs).finally(() => this.running.delete(key));
        this.running.set(key, run);
        return run;
    }

    private async run(graph: DiagramGraph, elkGraph: ElkNode, key: string, timeoutMs: number): Promise<DiagramLayout> {
        this.runs++;
        let laidOut: ElkNode;
        try {
            laidOut = await this.layOut(elkGraph, Date.now() + timeoutMs);
        } catch (error) {
            if (error instanceof LayoutTimeoutError) {
                this.timedOut.set(key, timeoutMs);
                while (this.timedOut.size > this.cacheSize) this.timedOut.delete(this.timedOut.keys().next().value as string);
            }
            throw error;
        }
        const layout = fromElkGraph(graph, laidOut);
        this.cache.set(key, layout);
        while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
        return layout;
    }

    /**
     * The department boxes (known, or laid out in one run), then the top level around them. The
     * boxes of a large view are not kept: they are that view's own (a neighbourhood's parts of
     * departments, or every department with flows to all others) and its whole layout is cached.
     */
    private async layOut(elkGraph: ElkNode, deadline: number): Promise<ElkNode> {
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
    }
}

function timeLeft(deadline: number): number {
    const left = deadline - Date.now();
    if (left <= 0) throw new LayoutTimeoutError('layout ran out of time');
    return left;
}
