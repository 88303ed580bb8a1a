import { describe, expect, it } from 'vitest';
import { sameValue } from '../../../language-server/src/workspace/same-value.js';

const diagnostic = () => ({
    range: { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } },
    severity: 2, code: 'gap/manual', message: 'Orders are re-typed', data: { ruleId: 'gap/manual', gaps: ['a', 'b'] }
});

describe('sameValue (what the diagnostics publisher compares instead of JSON text)', () => {
    it('holds for equal diagnostics built separately, whatever the key order', () => {
        const { message, ...rest } = diagnostic();
        expect(sameValue([diagnostic()], [{ message, ...rest }])).toBe(true);
    });

    it('treats an undefined property as absent, as JSON does', () => {
        expect(sameValue({ ...diagnostic(), source: undefined }, diagnostic())).toBe(true);
        expect(sameValue(diagnostic(), { ...diagnostic(), source: undefined })).toBe(true);
    });

    it('sees a change anywhere: a range position, a message, a nested list, the length', () => {
        const moved = diagnostic(); moved.range.end.character = 10;
        const reworded = { ...diagnostic(), message: 'Orders are re-typed daily' };
        const regrouped = diagnostic(); regrouped.data.gaps = ['b', 'a'];
        expect(sameValue([diagnostic()], [moved])).toBe(false);
        expect(sameValue([diagnostic()], [reworded])).toBe(false);
        expect(sameValue([diagnostic()], [regrouped])).toBe(false);
        expect(sameValue([diagnostic()], [diagnostic(), diagnostic()])).toBe(false);
        expect(sameValue({ ...diagnostic(), extra: 1 }, diagnostic())).toBe(false);
        expect(sameValue([], {})).toBe(false);
        expect(sameValue(null, {})).toBe(false);
    });
});
