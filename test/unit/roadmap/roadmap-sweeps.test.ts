import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { outrankedBy } from '../../../language-server/src/model/outranked.js';
import { NAMED_PER_MONTH, monthLoads } from '../../../language-server/src/model/roadmap-months.js';

/** The roadmap's sweeps against the pairwise comparisons they replaced, on random inputs with ties. */

interface Ranked { id: number; priority: number; hours: number }

const rankedList = fc.array(fc.record({ priority: fc.integer({ min: 1, max: 12 }), hours: fc.integer({ min: 0, max: 8 }) }), { maxLength: 60 })
    .map(items => items.map((item, id) => ({ id, ...item })).sort((a, b) => a.priority - b.priority));

const spans = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 12 })), { minLength: 1, maxLength: 60 })
    .map(list => list.map(([from, length], id) => ({ id, from, to: from + length })).sort((a, b) => a.from - b.from));

describe('roadmap sweeps give what comparing every pair gave', () => {
    test('outrankedBy: items of a lower priority number saving fewer hours, counted and the first three in order', () => {
        fc.assert(fc.property(rankedList, sorted => {
            const fast = outrankedBy(sorted, item => item.priority, item => item.hours, 3);
            sorted.forEach((later, i) => {
                const ahead = sorted.filter((earlier: Ranked) => earlier.priority < later.priority && earlier.hours < later.hours);
                expect(fast[i].count).toBe(ahead.length);
                expect(fast[i].first.map(item => item.id)).toEqual(ahead.slice(0, 3).map(item => item.id));
            });
        }), { numRuns: 300, seed: 20261205 });
    });

    test('monthLoads: per month, how many are in flight, the first ones and the last, in the order given', () => {
        fc.assert(fc.property(spans, items => {
            const { first, months } = monthLoads(items, item => item);
            const last = Math.max(...items.map(item => item.to));
            expect(first).toBe(items[0].from);
            expect(months).toHaveLength(last - first + 1);
            months.forEach((load, index) => {
                const inFlight = items.filter(item => item.from <= first + index && first + index <= item.to);
                expect(load.count).toBe(inFlight.length);
                expect(load.named.map(item => item.id)).toEqual(inFlight.slice(0, NAMED_PER_MONTH).map(item => item.id));
                expect(load.last?.id).toBe(inFlight[inFlight.length - 1]?.id);
            });
        }), { numRuns: 300, seed: 20261205 });
    });
});
