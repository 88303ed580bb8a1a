/**
 * Laid-out department boxes, by content: a box met again in another view (the same department
 * opened next to other ones, or the same view after an edit elsewhere) is not laid out again.
 */
import { boxBatch, boxesOf, laidOutBoxes } from './box-layout.js';
import { contentHash } from './content-hash.js';
import type { ElkNode } from './elk-types.js';
import type { LayoutRunner } from './layout-runner.js';

export class BoxCache {
    private readonly laidOut = new Map<string, ElkNode>();

    constructor(private readonly runner: LayoutRunner, private readonly size: number) {}

    /**
     * Every box of an ELK graph laid out, by id: the known ones from here, the others in one run,
     * kept for later views unless `keep` is false.
     */
    async boxesFor(elkGraph: ElkNode, timeLeft: () => number, keep: boolean): Promise<Map<string, ElkNode>> {
        const result = new Map<string, ElkNode>();
        const missing: Array<{ box: ElkNode; key: string }> = [];
        for (const box of boxesOf(elkGraph)) {
            const key = contentHash(box);
            const known = this.laidOut.get(key);
            if (known) result.set(box.id, known); else missing.push({ box, key });
        }
        if (missing.length === 0) return result;
        const laidOut = laidOutBoxes(await this.runner.run(boxBatch(missing.map(({ box }) => box)), timeLeft()));
        for (const { box, key } of missing) {
            const laid = laidOut.get(box.id);
            if (!laid) throw new Error(`layout lost the box ${box.id}`);
            result.set(box.id, laid);
            if (keep) this.laidOut.set(key, laid);
        }
        while (this.laidOut.size > this.size) this.laidOut.delete(this.laidOut.keys().next().value as string);
        return result;
    }

    clear(): void {
        this.laidOut.clear();
    }
}
