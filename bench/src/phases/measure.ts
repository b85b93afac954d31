import { cpuMs, rssBytes, sleep } from '../proc';
import { commandCalls, commandDelta, redisCpuMs } from '../redis';
import type { Cpu, Memory, Window } from '../results';
import type { RunningServer } from '../systems';
import type { Context } from './context';

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

/** Redis commands, server CPU and Redis CPU over a window in which nothing is sent. */
export async function quietWindow(
  ctx: Context,
  server: RunningServer,
  seconds: number,
): Promise<Window> {
  const c0 = await commandCalls(ctx.redis);
  const s0 = cpuMs(server.pid);
  const r0 = await redisCpuMs(ctx.redis);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const c1 = await commandCalls(ctx.redis);
  const s1 = cpuMs(server.pid);
  const r1 = await redisCpuMs(ctx.redis);
  const wall = (performance.now() - t0) / 1000;
  const { total, perCommand } = commandDelta(c0, c1);
  return {
    seconds: wall,
    commands: total,
    commandsPerSec: total / wall,
    perCommand,
    serverCpuPct: ((s1 - s0) / 1000 / wall) * 100,
    redisCpuPct: ((r1 - r0) / 1000 / wall) * 100,
  };
}

/**
 * Runs `work` and measures the CPU of the server, the load process and Redis meanwhile, to
 * say who the bottleneck was.
 */
export async function withCpu<T>(
  ctx: Context,
  server: RunningServer,
  work: () => Promise<T>,
): Promise<{ value: T; cpu: Required<Cpu> }> {
  const before = await cpuSnapshot(ctx, server);
  const value = await work();
  return { value, cpu: await cpuSince(ctx, server, before) };
}

type CpuSnapshot = Awaited<ReturnType<typeof cpuSnapshot>>;

async function cpuSnapshot(ctx: Context, server: RunningServer) {
  return {
    at: performance.now(),
    server: cpuMs(server.pid),
    load: cpuMs(ctx.load.child.pid ?? 0),
    redis: await redisCpuMs(ctx.redis),
  };
}

async function cpuSince(
  ctx: Context,
  server: RunningServer,
  before: CpuSnapshot,
): Promise<Required<Cpu>> {
  const after = await cpuSnapshot(ctx, server);
  const wall = after.at - before.at;
  const pct = (a: number, b: number) => ((b - a) / wall) * 100;
  return {
    serverPct: pct(before.server, after.server),
    loadPct: pct(before.load, after.load),
    redisPct: pct(before.redis, after.redis),
    serverMs: after.server - before.server,
    redisMs: after.redis - before.redis,
  };
}
