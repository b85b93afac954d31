import { configDefaults, defineConfig } from 'vitest/config';

// test/cluster/ starts clusters of its own and workers.test.ts one Redis of its own: the
// ACME_TEST_REDIS=cluster pass (see scripts/test.mjs) would only run them a second time.
const ownRedis = ['test/cluster/**', 'test/workers.test.ts'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.ACME_TEST_REDIS === 'cluster' ? ownRedis : []),
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
