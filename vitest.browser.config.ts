import { defineConfig } from 'vitest/config';

// Browser tests drive Debian chromium through playwright-core; kept out of `npm test` (slower, needs chromium).
export default defineConfig({
    test: {
        include: ['test/browser/**/*.test.ts'],
        setupFiles: ['language-server/src/node-polyfills.cjs'],
        testTimeout: 120_000,
        hookTimeout: 120_000,
        pool: 'forks'
    }
});
