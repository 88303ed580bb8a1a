/**
 * Structural equality of JSON-like values (diagnostics, estate declarations: plain objects, arrays,
 * strings, numbers). Compares in place, where serialising both sides to compare strings would
 * allocate megabytes per build on a large estate. Keys whose value is `undefined` count as absent,
 * as in JSON; properties named `skip` are not compared at any depth.
 */
export function sameValue(a: unknown, b: unknown, skip?: string): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], skip)) return false;
        return true;
    }
    if (Array.isArray(b)) return false;
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    let defined = 0;
    for (const key in left) {
        if (key === skip) continue;
        const value = left[key];
        if (value === undefined) continue;
        defined++;
        if (!sameValue(value, right[key], skip)) return false;
    }
    for (const key in right) if (key !== skip && right[key] !== undefined) defined--;
    return defined === 0;
}
