import { FenwickTree } from './fenwick-tree.js';

/** The items ranked before one that are worth less than it: how many, and the first few in rank order. */
export interface Outranked<T> {
    count: number;
    first: T[];
}

/**
 * For each item of `sorted` (ascending rank), the items of a strictly lower rank and a strictly
 * smaller value, in O(n log n): comparing every pair made 20,000 initiatives take seconds and
 * listing every pair took memory quadratic in them. A Fenwick tree over the values counts them;
 * a segment tree of the smallest value per rank position finds the first `shown` of them.
 */
export function outrankedBy<T>(sorted: readonly T[], rank: (item: T) => number, value: (item: T) => number, shown: number): Array<Outranked<T>> {
    const values = [...new Set(sorted.map(value))].sort((a, b) => a - b);
    const valueIndex = new Map(values.map((v, i) => [v, i]));
    const counts = new FenwickTree(values.length);
    const smallest = new MinTree(sorted.length);
    const result: Array<Outranked<T>> = [];
    let group = 0;
    for (let i = 0; i < sorted.length; i++) {
        // Items of one rank do not outrank each other: a rank's items go in once all of them are answered.
        for (; rank(sorted[group]) < rank(sorted[i]); group++) {
            counts.add(valueIndex.get(value(sorted[group]))!);
            smallest.set(group, value(sorted[group]));
        }
        const below = value(sorted[i]);
        const first: T[] = [];
        for (let at = smallest.firstBelow(0, below); at >= 0 && first.length < shown; at = smallest.firstBelow(at + 1, below)) first.push(sorted[at]);
        result.push({ count: counts.countBelow(valueIndex.get(below)!), first });
    }
    return result;
}

/** Smallest value per position (Infinity until set), searched without recursion. */
class MinTree {
    private readonly size: number;
    private readonly tree: Float64Array;

    constructor(length: number) {
        let size = 1;
        while (size < length) size *= 2;
        this.size = size;
        this.tree = new Float64Array(2 * size).fill(Infinity);
    }

    set(position: number, value: number): void {
        let i = position + this.size;
        this.tree[i] = value;
        for (i >>= 1; i >= 1; i >>= 1) this.tree[i] = Math.min(this.tree[2 * i], this.tree[2 * i + 1]);
    }

    /** The first position at or after `from` whose value is below `limit`, or -1. */
    firstBelow(from: number, limit: number): number {
        if (from >= this.size) return -1;
        let i = from + this.size;
        // Climb to the first subtree at or right of `from` holding a smaller value…
        while (!(this.tree[i] < limit)) {
            while (i % 2 === 1) i >>= 1;
            if (i === 0) return -1;
            i++;
        }
        // …then down to its leftmost such leaf.
        while (i < this.size) {
            i *= 2;
            if (!(this.tree[i] < limit)) i++;
        }
        return i - this.size;
    }
}
