import { startBuiltServer as startServer, startRedisServer } from '@acme/testing';

export const BENCH_SECRET = 'x'.repeat(48);

/**
 * A throwaway redis-server and the built product server (`apps/server/dist/main.js`) with the
 * demo users, for the standalone tools. Resolves once the server says it is running.
 */
export async function startBuiltServer(opts: { nodeFlags?: string[] } = {}) {
  const redis = await startRedisServer();
  const server = await startServer({
    env: {
      REDIS_URL: redis.url,
      JWT_SECRET: BENCH_SECRET,
      LOG_LEVEL: 'warn',
      DEMO: '1',
      NODE_ENV: 'production',
      HTTP_RATE_LIMIT_PER_MINUTE: '0',
    },
    nodeFlags: opts.nodeFlags ?? [],
    echo: true,
  }).catch(async (err: unknown) => {
    await redis.stop();
    throw err;
  });
  const base = server.url;
  return {
    redisUrl: redis.url,
    port: server.port,
    base,
    pid: server.pid,
    /** A Bearer token for a demo user. */
    async token(email: string): Promise<string> {
      const r = await fetch(`${base}/trpc/auth.createToken`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'demo-password' }),
      });
      const body = (await r.json()) as { result: { data: { accessToken: string } } };
      return body.result.data.accessToken;
    },
    /**
     * Opens `notifications.onEvent` as the holder of `token` (resolves once the response has
     * started) and hands every decoded chunk to `onText` until the stream ends.
     */
    async follow(token: string, onText: (text: string) => void): Promise<void> {
      const res = await fetch(`${base}/trpc/notifications.onEvent`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      void (async () => {
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          onText(decoder.decode(value));
        }
      })();
    },
    async stop(): Promise<void> {
      await server.stop();
      await redis.stop();
    },
  };
}
