import { describe, expect, it } from 'vitest';
import { colourNodes } from '../../../language-server/src/diagram/colour-layers.js';

function pairs(nodes: string[]): Array<[string, string]> {
    return nodes.flatMap((a, i) => nodes.slice(i + 1).map(b => [a, b] as [string, string]));
}

describe('colouring for layers', () => {
    it('gives linked nodes different colours, and as few as a complete or a two-sided graph needs', () => {
        const complete = ['a', 'b', 'c', 'd', 'e'];
        expect(new Set(colourNodes(complete, pairs(complete)).values()).size).toBe(5);
        const left = ['l1', 'l2', 'l3'];
        const right = ['r1', 'r2', 'r3'];
        const links = left.flatMap(l => right.map(r => [l, r] as [string, string]));
        const colour = colourNodes([...left, ...right], links);
        for (const [a, b] of links) expect(colour.get(a)).not.toBe(colour.get(b));
        expect(new Set(colour.values()).size).toBe(2);
    });

    it('is stable: the same nodes and links give the same colours, self-links are ignored', () => {
        const nodes = Array.from({ length: 12 }, (_, i) => `n${i}`);
        const links = pairs(nodes).filter((_, i) => i % 3 !== 0);
        const first = colourNodes(nodes, [...links, ['n1', 'n1']]);
        expect(colourNodes(nodes, links)).toEqual(first);
        for (const [a, b] of links) expect(first.get(a)).not.toBe(first.get(b));
    });
});
