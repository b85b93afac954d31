/**
 * HTTP burst of `tasks.create` against the built server: creates/s, server CPU per create and
 * CPU by thread. STREAMS=N opens a stream for N users; TARGETS=M spreads the creates over M.
 *   pnpm exec tsx src/tools/http-burst.ts [creates=4000] [concurrency=64] [entry=../apps/server/dist/main.js]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startRedisServer, getFreePort } from '@acme/notifications/testing';
import { Redis } from 'ioredis';
import { post } from '../load/http';
import { createUsers } from '../users';

const [creates = 4000, concurrency = 64] = process.argv.slice(2, 4).map(Number);
const entry = resolve(process.argv[4] ?? '../apps/server/dist/main.js');
const SECRET = 'x'.repeat(48);
const redis = await startRedisServer();
const port = await getFreePort();
const child = spawn(
  process.execPath,
  [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF] : []), entry],
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
const pid = child.pid ?? 0;
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
const sales = await token('sales1@demo.test');
const me = await fetch(`${base}/trpc/auth.me`, { headers: { authorization: `Bearer ${sales}` } });
const assigneeId = ((await me.json()) as { result: { data: { id: string } } }).result.data.id;
const cpuMs = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
async function burst(n: number) {
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next += 1;
        const target = targets.length && streams ? targets[next % targets.length] : assigneeId;
        const r = await post(port, '/trpc/tasks.create', manager, {
          title: `t${next}`,
          assigneeId: target,
        });
        if (r.status !== 200) errors += 1;
      }
    }),
  );
  const ms = performance.now() - t0;
  return { perSec: Math.round((n / ms) * 1000), cpuPerCreate: (cpuMs() - c0) / n, errors };
}
let received = 0;
const streams = Number(process.env.STREAMS ?? '0');
const redisClient = new Redis(redis.url);
const { members } = await createUsers(redisClient, Math.max(1, streams), SECRET, 'hb');
redisClient.disconnect();
const targets = members.slice(0, Number(process.env.TARGETS ?? '1')).map((m) => m.id);
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
      received += decoder.decode(value).split('notification.created').length - 1;
    }
  })();
}
await burst(500);
for (let i = 0; i < 3; i += 1) console.log(JSON.stringify({ ...(await burst(creates)), received }));
const { readdirSync } = await import('node:fs');
for (const tid of readdirSync(`/proc/${pid}/task`)) {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  const name = /\((.*)\)/.exec(stat)?.[1];
  const f = stat.split(') ')[1]?.split(' ') ?? [];
  const ms = ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  if (ms > 0) console.log(tid, name, ms);
}
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
await redis.stop();
