import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // client.test.ts starts a redis-server and the built server, and waits out a reconnect.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
