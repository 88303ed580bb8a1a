/**
 * "Did you mean": the names a misspelt word most likely meant. Shared by the link errors, the
 * syntax errors on enum values and the rule-id checks, so all three agree on what is "close".
 */

/** How many candidates a message names: more reads as a list, not a suggestion. */
const MAX_SUGGESTIONS = 3;

/**
 * Edit distance with adjacent transpositions counted as one edit (`SPA` → `SAP`), case ignored,
 * giving up once it exceeds `limit` (most candidates of a large estate are far off). Only the band
 * of cells within `limit` of the diagonal is computed: a path outside it costs more than the limit,
 * and a renamed system makes every reference to it a link error, each compared with every name.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
    a = a.toLowerCase();
    b = b.toLowerCase();
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const band = Number.isFinite(limit) ? limit : Math.max(a.length, b.length);
    const over = band + 1;
    // Three rows, reused: a row per letter made the link errors of a renamed hub mostly garbage collection.
    let beforePrevious = new Int32Array(b.length + 1).fill(over);
    let previous = new Int32Array(b.length + 1).fill(over);
    let current = new Int32Array(b.length + 1);
    for (let j = 0; j <= Math.min(b.length, band); j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        current.fill(over);
        if (i <= band) current[0] = i;
        let rowMinimum = current[0];
        for (let j = Math.max(1, i - band); j <= Math.min(b.length, i + band); j++) {
            let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, beforePrevious[j - 2] + 1);
            current[j] = Math.min(cost, over);
            rowMinimum = Math.min(rowMinimum, current[j]);
        }
        if (rowMinimum > limit) return limit + 1;
        [beforePrevious, previous, current] = [previous, current, beforePrevious];
    }
    return previous[b.length] > limit ? limit + 1 : previous[b.length];
}

/**
 * How far off a word of this length may be and still count as a typo of a candidate: one edit in
 * a short word (two would make `crn` mean `hr`), a quarter of a long one.
 */
export function typoLimit(word: string): number {
    return word.length <= 4 ? 1 : Math.max(2, Math.floor(word.length / 4));
}

/**
 * The candidates within a typo of `word`, closest first (ties in the candidates' order), at most
 * three. A candidate differing only in case comes first: `sap` meant `SAP`.
 */
export function closestNames(word: string, candidates: Iterable<string>, limit = typoLimit(word)): string[] {
    const near: Array<{ name: string; away: number }> = [];
    const seen = new Set<string>();
    for (const name of candidates) {
        if (name === word || seen.has(name)) continue;
        seen.add(name);
        const away = editDistance(word, name, limit);
        if (away <= limit) near.push({ name, away: away === 0 ? -1 : away });
    }
    return near.sort((x, y) => x.away - y.away).slice(0, MAX_SUGGESTIONS).map(entry => entry.name);
}

/** `'A'`, `'A' or 'B'`, `'A', 'B' or 'C'`. */
export function orList(names: readonly string[]): string {
    const quoted = names.map(name => `'${name}'`);
    return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
