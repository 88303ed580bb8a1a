import { describe, expect, it } from 'vitest';
import { contextLevels, feedbackOrder, groupedRanks, keepPrevious } from '../../../language-server/src/diagram/node-order.js';

const link = (source: string, target: string, weight = 1) => ({ source, target, weight });

function backwards(order: string[], links: Array<{ source: string; target: string; weight: number }>): number {
    return links.filter(l => order.indexOf(l.source) > order.indexOf(l.target)).reduce((sum, l) => sum + l.weight, 0);
}

describe('feedbackOrder', () => {
    it('keeps every link of an acyclic graph running forward', () => {
        const links = [link('c', 'd'), link('a', 'b'), link('b', 'c'), link('a', 'd')];
        const order = feedbackOrder(['d', 'c', 'b', 'a'], links);
        expect(backwards(order, links)).toBe(0);
    });

    it('breaks a cycle at its lightest link', () => {
        const links = [link('a', 'b', 5), link('b', 'c', 5), link('c', 'a', 1)];
        const order = feedbackOrder(['a', 'b', 'c'], links);
        expect(backwards(order, links)).toBe(1);
        expect(order).toEqual(['a', 'b', 'c']);
    });

    it('leaves unlinked nodes in the order given', () => {
        expect(feedbackOrder(['x', 'y', 'z'], [])).toEqual(['x', 'y', 'z']);
    });
});

describe('groupedRanks', () => {
    it('ranks the members of a group together, groups by the links between them', () => {
        const nodes = [{ id: 'b1', group: 'B' }, { id: 'a1', group: 'A' }, { id: 'b2', group: 'B' }, { id: 'a2', group: 'A' }];
        const ranks = groupedRanks(nodes, [link('a1', 'b1', 3), link('b2', 'a2', 1), link('a2', 'a1')]);
        const order = [...ranks.keys()].sort((p, q) => ranks.get(p)! - ranks.get(q)!);
        expect(order.slice(0, 2).every(id => id.startsWith('a'))).toBe(true);
        expect(ranks.get('a2')!).toBeLessThan(ranks.get('a1')!);
    });

    it('follows a sequence: groups in the order the sequence enters them, members in sequence order', () => {
        const nodes = [{ id: 's1', group: 'S' }, { id: 'k1', group: 'K' }, { id: 's2', group: 'S' }];
        const ranks = groupedRanks(nodes, [link('k1', 's1'), link('s2', 'k1')], ['s2', 'k1', 's1']);
        expect(ranks.get('s2')!).toBeLessThan(ranks.get('s1')!);
        expect(ranks.get('s1')!).toBeLessThan(ranks.get('k1')!);
    });

    it('keeps the order of an earlier picture for the nodes it had', () => {
        const nodes = [{ id: 'x' }, { id: 'y' }, { id: 'n' }];
        const ranks = groupedRanks(nodes, [link('x', 'y')], [], new Map([['y', 10], ['x', 50]]));
        expect(ranks.get('y')!).toBeLessThan(ranks.get('x')!);
    });
});

describe('keepPrevious', () => {
    it('reorders the known items by their place and leaves new items in their slots', () => {
        const place = new Map([['a', 300], ['b', 100], ['c', 200]]);
        expect(keepPrevious(['a', 'new', 'b', 'c'], item => place.get(item))).toEqual(['b', 'new', 'c', 'a']);
    });

    it('leaves items of one earlier layer in the given order, so a new item stays after the one that feeds it', () => {
        // `feeder` and `idle` were side by side (boxes of different heights); `fed` is new and linked from `feeder`.
        const place = new Map([['feeder', 133], ['idle', 125], ['later', 300]]);
        expect(keepPrevious(['feeder', 'fed', 'idle', 'later'], item => place.get(item))).toEqual(['feeder', 'fed', 'idle', 'later']);
        expect(keepPrevious(['later', 'fed', 'idle', 'feeder'], item => place.get(item))).toEqual(['idle', 'fed', 'feeder', 'later']);
    });
});

describe('contextLevels', () => {
    it('puts what feeds the focus before it and what it feeds after it, ring by ring', () => {
        const links = [link('f1', 'x'), link('x', 't1'), link('f2', 'f1'), link('t1', 't2')];
        const level = contextLevels(['x', 'f1', 'f2', 't1', 't2'], links, 'x');
        expect(Object.fromEntries(level)).toEqual({ x: 0, f1: -1, f2: -2, t1: 1, t2: 2 });
    });

    it('sends a node linked both ways where most weight points, a tie after the focus, and keeps an earlier side', () => {
        const links = [link('a', 'x', 2), link('x', 'a'), link('b', 'x'), link('x', 'b')];
        expect(contextLevels(['x', 'a', 'b'], links, 'x').get('a')).toBe(-1);
        expect(contextLevels(['x', 'a', 'b'], links, 'x').get('b')).toBe(1);
        expect(contextLevels(['x', 'a', 'b'], links, 'x', new Map([['b', -1], ['a', 1]])).get('b')).toBe(-1);
        // A node linked one way only goes where its link says, whatever its earlier side.
        expect(contextLevels(['x', 'c'], [link('c', 'x')], 'x', new Map([['c', 1]])).get('c')).toBe(-1);
    });

    it('moves neighbours linked both ways to the shorter side of a hub, never one linked one way', () => {
        const oneWay = ['t1', 't2', 't3', 't4'];
        const bothWays = ['b1', 'b2', 'b3', 'b4'];
        const links = [...oneWay.map(t => link('x', t)), ...bothWays.flatMap(b => [link('x', b, 2), link(b, 'x')])];
        const level = contextLevels(['x', ...oneWay, ...bothWays], links, 'x');
        for (const t of oneWay) expect(level.get(t)).toBe(1);
        const left = bothWays.filter(b => level.get(b) === -1);
        // Eight boxes on the right, none on the left: three of the two-way ones even the sides, a fourth would tip them.
        expect(left).toHaveLength(3);
        // A side kept from the previous layout wins over balance.
        const kept = contextLevels(['x', ...oneWay, ...bothWays], links, 'x', new Map(bothWays.map(b => [b, 1])));
        for (const b of bothWays) expect(kept.get(b)).toBe(1);
    });

    it('leaves out nodes the links never reach', () => {
        expect(contextLevels(['x', 'alone'], [], 'x').has('alone')).toBe(false);
    });
});
