/**
 * HTTP burst of `tasks.create` against the built server: creates/s, server CPU per create and
 * CPU by thread. STREAMS=N opens a stream for N users; TARGETS=M spreads the creates over M;
 * NODE_FLAGS passes flags to the server (e.g. "--cpu-prof --cpu-prof-dir /tmp/prof").
 *   pnpm exec tsx src/tools/http-burst.ts [creates=4000] [concurrency=64]
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { post } from '../load/http';
import { createUsers } from '../users';
import { BENCH_SECRET as SECRET, startBuiltServer } from './built-server';

const [creates = 4000, concurrency = 64] = process.argv.slice(2, 4).map(Number);
const server = await startBuiltServer({
  nodeFlags: (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean),
});
const { base, port, pid } = server;
const token = (email: string) => server.token(email);
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
const redisClient = new Redis(server.redisUrl);
const { members } = await createUsers([redisClient], Math.max(1, streams), SECRET, 'hb');
redisClient.disconnect();
const targets = members.slice(0, Number(process.env.TARGETS ?? '1')).map((m) => m.id);
for (let i = 0; i < streams; i += 1) {
  await server.follow(members[i]?.token ?? '', (text) => {
    received += text.split('notification.created').length - 1;
  });
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
await server.stop();
