import { startBuiltServer } from '@acme/testing';

export const E2E_JWT_SECRET = 'e2e-secret-that-is-long-enough-for-hs256-0000';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the built server as a real process; resolves once it listens. */
export async function startServer(opts: {
  redisUrl: string;
  port: number;
}): Promise<RunningServer> {
  const server = await startBuiltServer({
    env: {
      REDIS_URL: opts.redisUrl,
      PORT: String(opts.port),
      JWT_SECRET: E2E_JWT_SECRET,
      DEMO: '1',
      LOG_LEVEL: 'warn',
      LOGIN_ATTEMPTS_PER_WINDOW: '1000',
    },
    echo: true,
  });
  return {
    url: server.url,
    async stop() {
      await server.stop();
    },
  };
}
