/**
 * Create-to-receive latency against the built server with many idle streams, one process
 * for everything, printing when each slow (> 20 ms) sample was sent: for finding periodic
 * stalls. NODE_FLAGS passes flags to the server (e.g. --trace-gc).
 *   STREAMS=5000 SAMPLES=600 pnpm exec tsx src/tools/latency-probe.ts
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startRedisServer, getFreePort } from '@acme/notifications/testing';
import { Redis } from 'ioredis';
import { post } from '../load/http';
import { createUsers } from '../users';

const entry = resolve('../apps/server/dist/main.js');
const SECRET = 'x'.repeat(48);
const redis = await startRedisServer();
const port = await getFreePort();
const child = spawn(
  process.execPath,
  [...(process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean), entry],
  {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL: redis.url,
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      DEMO: '1',
      NODE_ENV: 'production',
      HTTP_RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
for (;;) {
  const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((r) => setTimeout(r, 100));
}
const base = `http://127.0.0.1:${port}`;
async function token(email: string) {
  const r = await fetch(`${base}/trpc/auth.createToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  return ((await r.json()) as { result: { data: { accessToken: string } } }).result.data
    .accessToken;
}
const manager = await token('manager@demo.test');
const streams = Number(process.env.STREAMS ?? '1000');
const redisClient = new Redis(redis.url);
const { members } = await createUsers(redisClient, streams, SECRET, 'lp');
redisClient.disconnect();
const sentAt = new Map<string, number>();
const latencies: { at: number; ms: number }[] = [];
const t0 = performance.now();
for (let i = 0; i < streams; i += 1) {
  const res = await fetch(`${base}/trpc/notifications.onEvent`, {
    headers: { authorization: `Bearer ${members[i]?.token ?? ''}` },
  });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  void (async () => {
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const m of decoder.decode(value).matchAll(/~lp(\d+)~/g)) {
        const key = m[1] ?? '';
        const sent = sentAt.get(key);
        if (sent !== undefined) {
          sentAt.delete(key);
          latencies.push({ at: sent - t0, ms: performance.now() - sent });
        }
      }
    }
  })();
}
console.log(`opened ${streams} in ${Math.round(performance.now() - t0)} ms; idle 15 s`);
await new Promise((r) => setTimeout(r, 15_000));
const samples = Number(process.env.SAMPLES ?? '600');
for (let n = 0; n < samples; n += 1) {
  const user = members[(n * 7) % Math.min(streams, 300)]?.id ?? '';
  sentAt.set(String(n), performance.now());
  void post(port, '/trpc/tasks.create', manager, { title: `x ~lp${n}~`, assigneeId: user });
  await new Promise((r) => setTimeout(r, 10));
}
await new Promise((r) => setTimeout(r, 2000));
const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
const q = (p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
console.log(`n=${sorted.length} p50=${q(50)} p99=${q(99)} max=${q(100)}`);
for (const l of latencies.filter((l) => l.ms > 20))
  console.log(`slow at ${(l.at / 1000).toFixed(2)} s: ${l.ms.toFixed(1)} ms`);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
await redis.stop();
process.exit(0);
