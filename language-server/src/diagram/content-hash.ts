import { createHash } from 'node:crypto';
import type { ElkNode } from './elk-graph.js';

/** The cache key of an ELK input: the same ids, sizes, edges and options give the same key. */
export function contentHash(elkGraph: ElkNode): string {
    return createHash('sha1').update(JSON.stringify(elkGraph)).digest('hex');
}
