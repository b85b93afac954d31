import { join } from 'node:path';
import { log } from './log';
import type { Context, Rep } from './phases/context';
import { measureBroadcast } from './phases/broadcast';
import { measureBurst } from './phases/burst';
import { measureBaseline } from './phases/idle';
import { measureRss } from './phases/memory';
import { measureOneUser } from './phases/one-user';
import { ramp } from './phases/ramp';
import { measureResume } from './phases/resume';
import { ForeignLoad, sleep, stop } from './proc';
import { clearSeedKeys, type BenchRedis } from './redis';
import { emptyRep, type RepResult } from './results';
import { runsPhase, startServer, type RunningServer, type SystemSpec } from './systems';

/** The bench's own processes, whose CPU is not foreign load. */
export const ownPids = (ctx: Context) => [
  process.pid,
  ctx.load.child.pid ?? 0,
  ...ctx.redis.pids(),
  ...(ctx.cluster?.pids() ?? []),
];

function storeOf(ctx: Context, spec: SystemSpec): BenchRedis {
  if (spec.redis === 'single') return ctx.redis;
  if (!ctx.cluster) throw new Error(`${spec.name} needs the cluster, which was not started`);
  return ctx.cluster;
}

/** One repetition of one system: a fresh server process, every phase, the server stopped. */
export async function runRep(ctx: Context, spec: SystemSpec, rep: number): Promise<RepResult> {
  const result = emptyRep(spec.name, rep);
  if (spec.name === 'seed') await clearSeedKeys(ctx.redis.client);
  const store = storeOf(ctx, spec);
  const server = await startServer(spec, {
    paths: ctx.paths,
    redisEnv: store.env,
    jwtSecret: ctx.jwtSecret,
    actorToken: ctx.actor.token,
    nofile: ctx.nofile,
    logFile: join(ctx.paths.tmp, `${spec.name}-rep${rep}.log`),
    cpuProfile: ctx.options.cpuProfile ? `${spec.name}-rep${rep}.cpuprofile` : null,
    productEntry: ctx.options.productEntry,
  });
  log(`${spec.name} rep ${rep}: server pid ${server.pid} on port ${server.port}`);
  try {
    await runPhases(repetition(ctx, spec, rep, store, server, result));
  } finally {
    await ctx.load.call({ op: 'closeAll' }, 30_000).catch(() => undefined);
    await stop(server.child);
  }
  return result;
}

/** The phases in order; see the README's "The phases". */
async function runPhases(r: Rep): Promise<void> {
  const { ctx, spec } = r;
  const closeAll = async (settleMs: number) => {
    await ctx.load.call({ op: 'closeAll' }, 30_000);
    await sleep(settleMs);
  };
  if (runsPhase(spec, 'rss')) await r.phase('rss@0', () => measureRss(r, 0));
  if (runsPhase(spec, 'baseline')) await r.phase('baseline', () => measureBaseline(r));
  if (runsPhase(spec, 'ramp')) {
    await ramp(r);
    await closeAll(2000);
  }
  if (runsPhase(spec, 'one-user')) {
    await r.phase('one user', () => measureOneUser(r));
    await closeAll(1000);
  }
  // The broadcast reuses the burst's open streams.
  await r.phase('burst', async () => {
    if (runsPhase(spec, 'burst')) await measureBurst(r);
    if (runsPhase(spec, 'broadcast')) await measureBroadcast(r);
  });
  await closeAll(1000);
  if (spec.resumes && runsPhase(spec, 'resume')) await r.phase('resume', () => measureResume(r));
}

function repetition(
  ctx: Context,
  spec: SystemSpec,
  rep: number,
  store: BenchRedis,
  server: RunningServer,
  result: RepResult,
): Rep {
  const foreign = new ForeignLoad(() => [...ownPids(ctx), ...server.pids()]);
  const phase = async (name: string, work: () => Promise<void>) => {
    foreign.sample();
    try {
      await work();
      // CPU taken by other people's processes while this phase ran (shared machines).
      result.foreign[name] = foreign.sample();
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      result.errors.push(`${name}: ${msg}`);
      log(`  ! ${spec.name} ${name}: ${msg}`);
    }
  };
  return { ctx, spec, rep, store, server, result, phase };
}
