/** Counts per position 0…size-1: add, count below a position and find the k-th counted one, each in O(log size). */
export class FenwickTree {
    private readonly tree: Int32Array;
    private readonly top: number;

    constructor(size: number) {
        this.tree = new Int32Array(size + 1);
        let top = 1;
        while (top * 2 <= size) top *= 2;
        this.top = top;
    }

    add(position: number, delta = 1): void {
        for (let i = position + 1; i < this.tree.length; i += i & -i) this.tree[i] += delta;
    }

    /** The sum of the counts of the positions below `position`. */
    countBelow(position: number): number {
        let sum = 0;
        for (let i = position; i > 0; i -= i & -i) sum += this.tree[i];
        return sum;
    }

    /** The position holding the k-th count (1-based), when counts are 0 or 1: the k-th position present. */
    kth(k: number): number {
        let position = 0;
        for (let step = this.top; step > 0; step >>= 1) {
            if (position + step < this.tree.length && this.tree[position + step] < k) {
                position += step;
                k -= this.tree[position];
            }
        }
        return position;
    }
}
