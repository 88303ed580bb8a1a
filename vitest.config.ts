import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/unit/**/*.test.ts'],
        setupFiles: ['language-server/src/node-polyfills.cjs'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks'
    }
});
