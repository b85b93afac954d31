import { cpuMs, cpuMsOf, rssBytes, sleep } from '../proc';
import { costBetween, snapshot, type RedisCost, type RedisSnapshot } from '../redis-stats';
import type { Cpu, Memory, Window } from '../results';
import type { RunningServer } from '../systems';
import type { Rep } from './context';

/** The server's memory after a forced GC (VmRSS and the V8 heap). */
export async function memory(server: RunningServer): Promise<Memory> {
  await sleep(1500);
  const usage = await server.memory();
  return {
    rss: rssBytes(server.pid),
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
  };
}

/**
 * Redis commands, server CPU and Redis CPU over a window in which nothing is sent (Redis
 * figures summed over the masters of a cluster).
 */
export async function quietWindow(r: Rep, seconds: number): Promise<Window> {
  const {
    value: wall,
    cpu,
    redis,
  } = await withCpu(r, async () => {
    const t0 = performance.now();
    await sleep(seconds * 1000);
    return (performance.now() - t0) / 1000;
  });
  return {
    seconds: wall,
    commands: redis.commands,
    commandsPerSec: redis.commands / wall,
    perCommand: redis.perCommand,
    serverCpuPct: cpu.serverPct,
    redisCpuPct: cpu.redisPct,
  };
}

/**
 * Runs `work` and measures the CPU of the server, the load process and Redis meanwhile, to
 * say who the bottleneck was, and Redis's commands.
 */
export async function withCpu<T>(
  r: Rep,
  work: () => Promise<T>,
): Promise<{ value: T; cpu: Required<Cpu>; redis: RedisCost }> {
  const before = await cpuSnapshot(r);
  const value = await work();
  const after = await cpuSnapshot(r);
  const redis = costBetween(before.redis, after.redis);
  const wall = after.at - before.at;
  const pct = (ms: number) => (ms / wall) * 100;
  const serverMs = after.server - before.server;
  const loadMs = after.load - before.load;
  const cpu = {
    serverPct: pct(serverMs),
    loadPct: pct(loadMs),
    redisPct: pct(redis.cpuMs),
    serverMs,
    redisMs: redis.cpuMs,
  };
  return { value, cpu, redis };
}

async function cpuSnapshot(
  r: Rep,
): Promise<{ at: number; server: number; load: number; redis: RedisSnapshot }> {
  const redis = await snapshot(r.store.masters);
  return {
    at: performance.now(),
    server: cpuMsOf(r.server.pids()),
    load: cpuMs(r.ctx.load.child.pid ?? 0),
    redis,
  };
}
