/** The distance behind every "did you mean", against the textbook table filled in full. */
import { expect, test } from 'vitest';
import { editDistance } from '../../../language-server/src/model/closest-names.js';
function reference(a: string, b: string): number {
    a = a.toLowerCase(); b = b.toLowerCase();
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
    return d[a.length][b.length];
}
test('the banded distance is the full Damerau distance whenever that is within the limit, and more than the limit otherwise', () => {
    let seed = 7; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => 'abcdeAB'[Math.floor(rnd() * 7)]).join('');
    for (let k = 0; k < 20000; k++) {
        const a = word(), b = word(), limit = Math.floor(rnd() * 5);
        const full = reference(a, b);
        const got = editDistance(a, b, limit);
        if (full <= limit) expect(got, `${a} ${b} ${limit}`).toBe(full); else expect(got, `${a} ${b} ${limit}`).toBeGreaterThan(limit);
        expect(editDistance(a, b)).toBe(full);
    }
});
