import { startBuiltServer, type BuiltServer } from '@acme/testing';

export { runServerExpectingExit } from '@acme/testing';
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-000';

export type ServerProcess = BuiltServer;

/** Runs the built server (dist/main.js) as a real process on a free port. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  return startBuiltServer({ env: { JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info', ...env } });
}
