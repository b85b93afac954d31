/**
 * Create-to-receive latency against the built server with many idle streams, one process
 * for everything, printing when each slow (> 20 ms) sample was sent: for finding periodic
 * stalls. NODE_FLAGS passes flags to the server (e.g. --trace-gc).
 *   STREAMS=5000 SAMPLES=600 pnpm exec tsx src/tools/latency-probe.ts
 */
import { Redis } from 'ioredis';
import { post } from '../load/http';
import { createUsers } from '../users';
import { BENCH_SECRET as SECRET, startBuiltServer } from './built-server';
import { Tally } from './tally';

const server = await startBuiltServer({
  nodeFlags: (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean),
});
const { port } = server;
const token = (email: string) => server.token(email);
const manager = await token('manager@demo.test');
const streams = Number(process.env.STREAMS ?? '1000');
const redisClient = new Redis(server.redisUrl);
const { members } = await createUsers([redisClient], streams, SECRET, 'lp');
redisClient.disconnect();
const sentAt = new Map<string, number>();
const latencies: { at: number; ms: number }[] = [];
const arrived = new Tally();
const t0 = performance.now();
for (let i = 0; i < streams; i += 1) {
  await server.follow(members[i]?.token ?? '', (text) => {
    for (const m of text.matchAll(/~lp(\d+)~/g)) {
      const key = m[1] ?? '';
      const sent = sentAt.get(key);
      if (sent !== undefined) {
        sentAt.delete(key);
        latencies.push({ at: sent - t0, ms: performance.now() - sent });
        arrived.add();
      }
    }
  });
}
console.log(`opened ${streams} in ${Math.round(performance.now() - t0)} ms; idle 15 s`);
// Idle first, like the bench's idle phase: what an idle server does (pings, GC) is the point.
await new Promise((r) => setTimeout(r, 15_000));
const samples = Number(process.env.SAMPLES ?? '600');
for (let n = 0; n < samples; n += 1) {
  const user = members[(n * 7) % Math.min(streams, 300)]?.id ?? '';
  sentAt.set(String(n), performance.now());
  void post(port, '/trpc/tasks.create', manager, { title: `x ~lp${n}~`, assigneeId: user });
  await new Promise((r) => setTimeout(r, 10)); // the send rate: 100/s
}
if (!(await arrived.reach(samples, 10_000))) console.log(`only ${arrived.count} arrived`);
const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
const q = (p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
console.log(`n=${sorted.length} p50=${q(50)} p99=${q(99)} max=${q(100)}`);
for (const l of latencies.filter((l) => l.ms > 20))
  console.log(`slow at ${(l.at / 1000).toFixed(2)} s: ${l.ms.toFixed(1)} ms`);
await server.stop();
process.exit(0);
