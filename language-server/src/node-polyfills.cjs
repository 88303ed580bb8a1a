// chevrotain 13 (pulled in by langium 4.4) calls Object.groupBy, which Node 20 — and so the VS Code
// 1.96 extension host — lacks. Imported first by every entry point, and loaded with --require for
// langium-cli (npm run langium:generate).
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
