import { createHash } from 'node:crypto';

/** A cache key for plain JSON data: the same ids, sizes, edges and options give the same key. */
export function contentHash(value: unknown): string {
    return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}
