// chevrotain 13 (pulled in by langium 4.4) calls Object.groupBy, which Node 20 — and so the VS Code
// 1.96 extension host — lacks. Imported first by every entry point.
if (typeof (Object as { groupBy?: unknown }).groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value<T>(items: Iterable<T>, keyOf: (item: T, index: number) => PropertyKey) {
            const groups: Record<PropertyKey, T[]> = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
export {};
