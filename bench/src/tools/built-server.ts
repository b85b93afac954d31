import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { getFreePort, startRedisServer } from '@acme/testing';

export const BENCH_SECRET = 'x'.repeat(48);

/**
 * A throwaway redis-server and the built product server (`apps/server/dist/main.js`) with the
 * demo users, for the standalone tools. Resolves once the server says it is running.
 */
export async function startBuiltServer(opts: { nodeFlags?: string[] } = {}) {
  const redis = await startRedisServer();
  const port = await getFreePort();
  const child = spawn(
    process.execPath,
    [...(opts.nodeFlags ?? []), resolve('../apps/server/dist/main.js')],
    {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        REDIS_URL: redis.url,
        JWT_SECRET: BENCH_SECRET,
        LOG_LEVEL: 'warn',
        DEMO: '1',
        NODE_ENV: 'production',
        HTTP_RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the server exited (${String(code)}) before it was running`));
    });
  });
  const running = (async () => {
    for await (const line of createInterface({ input: child.stdout })) {
      process.stdout.write(`${line}\n`);
      if (line.includes('is running at')) return;
    }
  })();
  await Promise.race([running, exited]);
  child.stdout.pipe(process.stdout);
  const base = `http://127.0.0.1:${port}`;
  return {
    redisUrl: redis.url,
    port,
    base,
    pid: child.pid ?? 0,
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
    async stop(): Promise<void> {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
      await redis.stop();
    },
  };
}
