import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { DiagramGraph, DiagramLayout } from './diagram-graph.js';
import { fromElkGraph, toElkGraph, type ElkNode } from './elk-graph.js';

/** The layout did not finish in time; the caller shows something cheaper. */
export class LayoutTimeoutError extends Error {}

/** Runs one ELK layout; the worker runner in production, a counting or in-process one in tests. */
export interface LayoutRunner {
    run(graph: ElkNode, timeoutMs: number): Promise<ElkNode>;
    dispose(): void;
}

/** A one-node graph: enough to start the worker and compile ELK before the first real request. */
const WARM_UP_GRAPH: ElkNode = { id: 'warm-up', children: [{ id: 'n', width: 10, height: 10 }], edges: [] };

interface Pending {
    resolve(result: ElkNode): void;
    reject(error: Error): void;
    timer: NodeJS.Timeout;
}

/** Above this many nodes the worker is ended after the layout: ELK keeps the memory of a big layout for good. */
const LARGE_LAYOUT_NODES = 300;

function countNodes(graph: ElkNode): number {
    let count = 0;
    for (const child of graph.children ?? []) count += 1 + countNodes(child);
    return count;
}

/**
 * ELK in a worker thread. On a timeout the worker is terminated (ELK cannot be interrupted
 * otherwise) and a fresh one starts with the next layout; after a large layout it is ended too, so
 * the server does not stay hundreds of megabytes bigger. The worker never keeps a process alive.
 */
export class WorkerLayoutRunner implements LayoutRunner {
    private worker?: Worker;
    private nextId = 1;
    private readonly pending = new Map<number, Pending>();

    constructor(private readonly workerUrl: URL = new URL('./layout-worker.cjs', import.meta.url)) {}

    run(graph: ElkNode, timeoutMs: number): Promise<ElkNode> {
        const worker = this.ensureWorker();
        const id = this.nextId++;
        return new Promise<ElkNode>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.failAll(new LayoutTimeoutError(`layout took longer than ${timeoutMs} ms`));
            }, timeoutMs);
            const release = countNodes(graph) > LARGE_LAYOUT_NODES;
            this.pending.set(id, {
                resolve: result => {
                    if (release && this.pending.size === 0) this.retire(worker);
                    resolve(result);
                },
                reject, timer
            });
            worker.postMessage({ id, graph });
        });
    }

    dispose(): void {
        this.failAll(new Error('layout cancelled'));
    }

    private ensureWorker(): Worker {
        if (this.worker) return this.worker;
        const worker = new Worker(this.workerUrl);
        worker.unref();
        worker.on('message', (message: { id: number; result?: ElkNode; error?: string }) => {
            const pending = this.pending.get(message.id);
            if (!pending) return;
            this.pending.delete(message.id);
            clearTimeout(pending.timer);
            if (message.result) pending.resolve(message.result); else pending.reject(new Error(message.error ?? 'layout failed'));
        });
        worker.on('error', error => this.failAll(error instanceof Error ? error : new Error(String(error))));
        worker.on('exit', () => {
            if (this.worker === worker) this.worker = undefined;
        });
        this.worker = worker;
        return worker;
    }

    private retire(worker: Worker): void {
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
    }

    private failAll(error: Error): void {
        const worker = this.worker;
        this.worker = undefined;
        void worker?.terminate();
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(error);
        }
        this.pending.clear();
    }
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
    /** Layouts actually run (cache misses), for tests and the benchmark. */
    runs = 0;

    constructor(private readonly runner: LayoutRunner = new WorkerLayoutRunner(), private readonly cacheSize = 32) {}

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
        const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const gaveUpAfter = this.timedOut.get(key);
        if (gaveUpAfter !== undefined && timeoutMs <= gaveUpAfter) {
            throw new LayoutTimeoutError(`layout took longer than ${gaveUpAfter} ms before`);
        }
        this.runs++;
        let laidOut: ElkNode;
        try {
            laidOut = await this.runner.run(elkGraph, timeoutMs);
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

    /** Starts the layout engine ahead of the first view; failures are left for that view to report. */
    warmUp(): void {
        this.runner.run(WARM_UP_GRAPH, 30_000).catch(() => undefined);
    }

    dispose(): void {
        this.runner.dispose();
        this.cache.clear();
        this.timedOut.clear();
    }
}

export function contentHash(elkGraph: ElkNode): string {
    return createHash('sha1').update(JSON.stringify(elkGraph)).digest('hex');
}
