import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Every file starts its own redis-server; some tests push thousands of events through it.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
