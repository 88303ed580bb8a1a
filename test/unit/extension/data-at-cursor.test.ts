import { describe, expect, it } from 'vitest';
import { dataNameAt } from '../../../extension/src/data-at-cursor.js';

describe('Show Lineage: the data under the cursor', () => {
    const line = '  carries Customer.email, Order.*, Invoice';
    const at = (needle: string, offset = 0) => line.indexOf(needle) + offset;

    it('Entity.field wherever the cursor is on it', () => {
        expect(dataNameAt(line, at('Customer'))).toBe('Customer.email');
        expect(dataNameAt(line, at('Customer', 3))).toBe('Customer.email');
        expect(dataNameAt(line, at('email'))).toBe('Customer.email');
        expect(dataNameAt(line, at('email', 5))).toBe('Customer.email');
    });

    it('an entity alone, or before `.*`', () => {
        expect(dataNameAt(line, at('Invoice', 2))).toBe('Invoice');
        expect(dataNameAt(line, at('Order', 1))).toBe('Order');
        expect(dataNameAt('entity Customer-2 {', 10)).toBe('Customer-2');
    });

    it('nothing on blanks and punctuation away from a name', () => {
        expect(dataNameAt(line, 0)).toBeUndefined();
        expect(dataNameAt('  {  }', 3)).toBeUndefined();
        expect(dataNameAt('', 0)).toBeUndefined();
    });
});
