import { Worker } from 'node:worker_threads';
import type { ElkNode } from './elk-types.js';

/** The layout did not finish in time; the caller shows something cheaper. */
export class LayoutTimeoutError extends Error {}

/** Runs one ELK layout; the worker runner in production, a counting or in-process one in tests. */
export interface LayoutRunner {
    run(graph: ElkNode, timeoutMs: number): Promise<ElkNode>;
    /** A large layout is done: give its memory back (ELK's engine keeps it for good otherwise). */
    release?(): void;
    dispose(): void;
}

interface Pending {
    resolve(result: ElkNode): void;
    reject(error: Error): void;
    timer: NodeJS.Timeout;
}

/**
 * ELK in a worker thread. On a timeout the worker is terminated (ELK cannot be interrupted
 * otherwise) and a fresh one starts with the next layout; when released after a large layout it is
 * ended as soon as it is idle, so the server does not stay hundreds of megabytes bigger. The worker
 * never keeps a process alive.
 */
export class WorkerLayoutRunner implements LayoutRunner {
    private worker?: Worker;
    private nextId = 1;
    private readonly pending = new Map<number, Pending>();
    private releaseWhenIdle = false;

    constructor(private readonly workerUrl: URL = new URL('./layout-worker.cjs', import.meta.url)) {}

    run(graph: ElkNode, timeoutMs: number): Promise<ElkNode> {
        const worker = this.ensureWorker();
        const id = this.nextId++;
        return new Promise<ElkNode>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.failAll(new LayoutTimeoutError(`layout took longer than ${timeoutMs} ms`));
            }, timeoutMs);
            this.pending.set(id, { resolve, reject, timer });
            worker.postMessage({ id, graph });
        });
    }

    release(): void {
        this.releaseWhenIdle = true;
        this.retireIfIdle();
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
            this.retireIfIdle();
            if (message.result) pending.resolve(message.result); else pending.reject(new Error(message.error ?? 'layout failed'));
        });
        worker.on('error', error => this.failAll(error instanceof Error ? error : new Error(String(error))));
        worker.on('exit', () => {
            if (this.worker === worker) this.worker = undefined;
        });
        this.worker = worker;
        return worker;
    }

    private retireIfIdle(): void {
        if (!this.releaseWhenIdle || this.pending.size > 0) return;
        this.releaseWhenIdle = false;
        const worker = this.worker;
        this.worker = undefined;
        void worker?.terminate();
    }

    private failAll(error: Error): void {
        const worker = this.worker;
        this.worker = undefined;
        this.releaseWhenIdle = false;
        void worker?.terminate();
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(error);
        }
        this.pending.clear();
    }
}
