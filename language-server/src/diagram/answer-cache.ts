/**
 * Answers to recent diagram requests, valid for one analysed state of the workspace (the owner:
 * a new build makes a new one). The preview asks for the same view again and switches back and
 * forth between a few views; answering those from here costs no graph building, layout lookup or
 * SVG rendering. Answers are weighed (by the length of their SVG): the cache keeps the most recent
 * ones up to a total weight, and none heavier than a set limit — big views, whose memory the server
 * should rather give back (their layouts stay cached, so they are still quick to redo).
 */
export class AnswerCache<T> {
    /** Weak: the answers for an old state go with it, without waiting for the next request. */
    private readonly byOwner = new WeakMap<object, Map<string, { answer: T; weight: number }>>();

    constructor(
        private readonly weigh: (answer: T) => number,
        private readonly limits: { answer: number; total: number }
    ) {}

    get(owner: object, key: string): T | undefined {
        const entries = this.byOwner.get(owner);
        const entry = entries?.get(key);
        if (!entries || !entry) return undefined;
        // Refresh recency: Map iteration order is insertion order.
        entries.delete(key);
        entries.set(key, entry);
        return entry.answer;
    }

    set(owner: object, key: string, answer: T): void {
        const weight = this.weigh(answer);
        if (weight > this.limits.answer) return;
        let entries = this.byOwner.get(owner);
        if (!entries) this.byOwner.set(owner, entries = new Map());
        entries.delete(key);
        entries.set(key, { answer, weight });
        let total = 0;
        for (const entry of entries.values()) total += entry.weight;
        for (const [oldest, entry] of entries) {
            if (total <= this.limits.total) break;
            entries.delete(oldest);
            total -= entry.weight;
        }
    }
}
