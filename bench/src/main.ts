/**
 * `pnpm bench`: delivery latency, connection scale and idle cost of this product against the
 * seed's polling design and a raw floor, on one private Redis, driven by one load process.
 *
 *   pnpm bench                    full run (3 repetitions, ~15 min)
 *   pnpm bench --quick            small numbers, 1 repetition (~2 min)
 *   --systems=product,seed,raw    which systems (default: all three)
 *   --reps=N                      repetitions
 *   --cpu-prof                    write a V8 CPU profile of every server (results/tmp/profiles)
 *   --heap-snapshot               V8 heap snapshots of each server (rep 1, at 0 and the first
 *                                 RSS level) in results/tmp, for src/tools/heap-diff.ts
 *   --product-entry=FILE          run FILE as the product server (e.g. a patched scratch build)
 *   --build                       rebuild apps/server/dist even if it looks fresh
 *   --no-build                    never build apps/server (dist/main.js must exist)
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Redis } from 'ioredis';
import type {
  BroadcastResult,
  BurstResult,
  LatencyResult,
  LoadReply,
  LoadRequest,
  OpenResult,
  ResumeResult,
  StreamSpec,
  SystemName,
} from './protocol';
import {
  cpuMs,
  fileLimit,
  ForeignLoad,
  killAll,
  rssBytes,
  sleep,
  spawnNode,
  stop,
  within,
} from './proc';
import { commandCalls, commandDelta, redisCpuMs, startRedis } from './redis';
import { writeReport } from './report/write';
import type { RepResult, RunResult } from './results';
import { FULL, QUICK, usersNeeded, type Settings } from './settings';
import { summarize } from './stats';
import { SYSTEMS, startServer, type Paths, type RunningServer, type SystemSpec } from './systems';
import { createUsers, type BenchUser } from './users';

const WARMUP_SAMPLES = 50;

const bench = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const paths: Paths = {
  root: resolve(bench, '..'),
  bench,
  dist: join(bench, 'dist'),
  tmp: join(bench, 'results', 'tmp'),
};

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;

const settings: Settings = { ...(flag('quick') ? QUICK : FULL) };
const reps = option('reps');
if (reps) settings.reps = Math.max(1, Number(reps));
const chosen = (option('systems') ?? 'product,seed,raw').split(',');
const systems = SYSTEMS.filter((s) => chosen.includes(s.name));
if (systems.length === 0) throw new Error(`--systems: none of ${chosen.join(', ')}`);

const started = Date.now();
const log = (msg: string) => {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${s}s] ${msg}\n`);
};

// ---------------------------------------------------------------------------------------
// Cleanup: every exit path stops the children (servers, load process, redis-server).

let finishing = false;
/** what has been measured so far (written out even if the deadline strikes) */
let run: RunResult | null = null;
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping everything`);
    killAll();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------
// The load process

class Load {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: LoadReply) => void>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (reply: LoadReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static async start(nofile: number): Promise<Load> {
    const child = spawnNode({
      name: 'load',
      args: ['--max-old-space-size=4096', join(paths.dist, 'load.mjs')],
      env: {},
      logFile: join(paths.tmp, 'load.log'),
      ipc: true,
      nofile,
    });
    await within(
      20_000,
      'load process start',
      new Promise<void>((resolve) => {
        child.once('message', () => {
          resolve();
        });
      }),
    );
    return new Load(child);
  }

  async call<T>(req: LoadRequest, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    const reply = await within(
      timeoutMs,
      `load ${req.op}`,
      new Promise<LoadReply>((resolve) => {
        this.pending.set(id, resolve);
        this.child.send({ id, req });
      }),
    );
    if (!reply.ok) throw new Error(`load ${req.op}: ${reply.error}`);
    return reply.result as T;
  }
}

// ---------------------------------------------------------------------------------------
// One repetition of one system

interface Context {
  redis: Redis;
  redisUrl: string;
  redisPid: number;
  jwtSecret: string;
  actor: BenchUser;
  members: BenchUser[];
  load: Load;
  nofile: number;
}

const streamSpec = (ctx: Context, key: number): StreamSpec => {
  const user = ctx.members[key];
  if (!user) throw new Error(`no bench user ${key}`);
  return { key, userId: user.id, token: user.token };
};

async function openStreams(ctx: Context, server: RunningServer, from: number, to: number) {
  const streams: StreamSpec[] = [];
  for (let k = from; k < to; k += 1) streams.push(streamSpec(ctx, k));
  const result = await ctx.load.call<OpenResult>(
    {
      op: 'open',
      target: server.target,
      streams,
      concurrency: settings.openConcurrency,
      timeoutMs: 60_000,
    },
    180_000,
  );
  if (result.failed > 0) {
    throw new Error(`${result.failed} of ${streams.length} streams failed: ${result.firstError}`);
  }
  return result;
}

async function memory(server: RunningServer) {
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

/** --heap-snapshot: V8 heap snapshots of each server in repetition 1, for src/tools/heap-diff.ts */
async function snapshot(server: RunningServer, rep: number, level: number) {
  if (!flag('heap-snapshot') || rep !== 1) return;
  const file = join(paths.tmp, `heap-${server.spec.name}-${level}.heapsnapshot`);
  await server.heapSnapshot(file);
  log(`  ${server.spec.name}: heap snapshot ${file}`);
}

/** Redis commands, server CPU and Redis CPU over a window in which nothing is sent. */
async function quietWindow(ctx: Context, server: RunningServer, seconds: number) {
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

/** CPU time of the server, the load process and Redis, to say who the bottleneck was. */
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
  before: Awaited<ReturnType<typeof cpuSnapshot>>,
) {
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

const ownPids = (ctx: Context) => [process.pid, ctx.load.child.pid ?? 0, ctx.redisPid];

/**
 * On a shared machine, other people's test runs (browsers, test servers) take CPU from the
 * systems under test. Before a repetition, wait (bounded) until the foreign load is low.
 */
async function waitQuiet(ctx: Context) {
  const limitMs = settings.mode === 'quick' ? 20_000 : 60_000;
  const t0 = Date.now();
  for (;;) {
    const probe = new ForeignLoad(() => ownPids(ctx));
    await sleep(2000);
    const pct = probe.sample();
    if (pct < settings.maxForeignPct / 2) return;
    if (Date.now() - t0 > limitMs) {
      log(`  machine still busy (foreign CPU ${pct.toFixed(0)}% of a core): going on anyway`);
      return;
    }
    log(`  machine busy (foreign CPU ${pct.toFixed(0)}% of a core): waiting`);
  }
}

async function clearSeedKeys(redis: Redis) {
  for (const pattern of ['notifications:*', 'read_notifications:*']) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
}

async function runRep(ctx: Context, spec: SystemSpec, rep: number): Promise<RepResult> {
  const result: RepResult = {
    system: spec.name,
    rep,
    open: [],
    rss: {},
    baseline: null,
    idle: null,
    latency: {},
    burst: null,
    broadcast: null,
    resume: null,
    foreign: {},
    errors: [],
  };
  let foreign: ForeignLoad | null = null;
  const phase = async (name: string, work: () => Promise<void>) => {
    foreign?.sample();
    try {
      await work();
      // CPU taken by other people's processes while this phase ran (shared machines).
      if (foreign) result.foreign[name] = foreign.sample();
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      result.errors.push(`${name}: ${msg}`);
      log(`  ! ${spec.name} ${name}: ${msg}`);
    }
  };
  if (spec.name === 'seed') await clearSeedKeys(ctx.redis);
  const server = await startServer(spec, {
    paths,
    redisUrl: ctx.redisUrl,
    jwtSecret: ctx.jwtSecret,
    actorToken: ctx.actor.token,
    nofile: ctx.nofile,
    logFile: join(paths.tmp, `${spec.name}-rep${rep}.log`),
    cpuProfile: flag('cpu-prof') ? `${spec.name}-rep${rep}.cpuprofile` : null,
    productEntry: option('product-entry'),
  });
  log(`${spec.name} rep ${rep}: server pid ${server.pid} on port ${server.port}`);
  foreign = new ForeignLoad(() => [...ownPids(ctx), server.pid]);
  try {
    await phase('rss@0', async () => {
      result.rss['0'] = await memory(server);
      await snapshot(server, rep, 0);
    });
    await phase('baseline', async () => {
      result.baseline = await quietWindow(ctx, server, settings.baselineSeconds);
    });

    const levels = [
      ...new Set([...settings.latencyLevels, ...settings.rssLevels, settings.idleStreams]),
    ]
      .filter((n) => n > 0)
      .sort((a, b) => a - b);
    let open = 0;
    for (const level of levels) {
      let ok = true;
      await phase(`open ${level}`, async () => {
        const r = await openStreams(ctx, server, open, level);
        open = level;
        result.open.push({ level, added: r.opened, ms: r.ms });
        log(`  ${spec.name}: ${level} streams open (+${r.opened} in ${r.ms.toFixed(0)} ms)`);
      }).catch(() => undefined);
      if (open !== level) ok = false;
      if (!ok) break;
      if (settings.rssLevels.includes(level)) {
        await phase(`rss@${level}`, async () => {
          result.rss[String(level)] = await memory(server);
          const mb = (result.rss[String(level)]?.rss ?? 0) / 2 ** 20;
          log(`  ${spec.name}: RSS ${mb.toFixed(1)} MB with ${level} streams`);
          if (level === Math.min(...settings.rssLevels.filter((l) => l > 0))) {
            await snapshot(server, rep, level);
          }
        });
      }
      if (level === settings.idleStreams) {
        await phase('idle', async () => {
          await sleep(1000);
          const w = await quietWindow(ctx, server, settings.idleSeconds);
          const baseline = result.baseline?.commandsPerSec ?? 0;
          result.idle = {
            streams: level,
            ...w,
            perStreamPerSec: Math.max(0, w.commandsPerSec - baseline) / level,
          };
          log(
            `  ${spec.name}: idle ${level} streams: ${w.commandsPerSec.toFixed(1)} Redis cmd/s, ` +
              `server CPU ${w.serverCpuPct.toFixed(1)}%`,
          );
        });
      }
      if (settings.latencyLevels.includes(level)) {
        await phase(`latency@${level}`, async () => {
          const samples = settings.latencySamples[level] ?? 100;
          const measure = (count: number) =>
            ctx.load.call<LatencyResult>(
              {
                op: 'latency',
                target: server.target,
                keys: Array.from({ length: level }, (_, i) => i),
                samples: count,
                ratePerSec: settings.latencyRate,
                thinkMs: settings.latencyThinkMs,
                sampleTimeoutMs: settings.sampleTimeoutMs,
                timeoutMs: 150_000,
              },
              180_000,
            );
          // Every system's first calls run cold code (lazy compilation, first JIT tiers): a
          // warm-up round, discarded, so the first level measures the steady state like the others.
          if (level === settings.latencyLevels[0]) await measure(WARMUP_SAMPLES);
          await server.loopDelay();
          const r = await measure(samples);
          const serverLoop = await server.loopDelay();
          result.latency[String(level)] = { ...r, serverLoop };
          const s = summarize(r.latencies);
          log(
            `  ${spec.name}: latency @${level}: p50 ${s.p50.toFixed(2)} p99 ${s.p99.toFixed(2)} ` +
              `max ${s.max.toFixed(2)} ms (${s.n} samples, ${r.lost} lost, ${r.errors} errors; ` +
              `max event-loop delay: server ${serverLoop.max.toFixed(0)} ms, ` +
              `load ${r.loadLoop.max.toFixed(0)} ms)`,
          );
        });
      }
    }
    await ctx.load.call({ op: 'closeAll' }, 30_000);
    await sleep(2000);

    await phase('burst', async () => {
      await openStreams(ctx, server, 0, settings.burstUsers);
      await sleep(500);
      const cpu0 = await cpuSnapshot(ctx, server);
      const r = await ctx.load.call<BurstResult>(
        {
          op: 'burst',
          target: server.target,
          keys: Array.from({ length: settings.burstUsers }, (_, i) => i),
          notifications: settings.burstNotifications,
          concurrency: settings.sendConcurrency,
          timeoutMs: settings.deliveryTimeoutMs,
        },
        settings.deliveryTimeoutMs + 30_000,
      );
      const cpu = await cpuSince(ctx, server, cpu0);
      const s = summarize(r.latencies);
      result.burst = { ...r, latencies: [], latency: s, cpu };
      log(
        `  ${spec.name}: burst ${r.received}/${r.sent} delivered in ${r.deliverMs.toFixed(0)} ms ` +
          `(${((r.received / r.deliverMs) * 1000).toFixed(0)}/s; sent in ${r.sendMs.toFixed(0)} ms,` +
          ` ${r.errors} errors; p50 ${s.p50.toFixed(1)} p99 ${s.p99.toFixed(1)} ms; CPU% server ` +
          `${cpu.serverPct.toFixed(0)} load ${cpu.loadPct.toFixed(0)} redis ${cpu.redisPct.toFixed(0)})`,
      );
      await sleep(1000);
      const bcpu0 = await cpuSnapshot(ctx, server);
      const b = await ctx.load.call<BroadcastResult>(
        {
          op: 'broadcast',
          target: server.target,
          keys: Array.from({ length: settings.broadcastMembers }, (_, i) => i),
          groupName: `bench ${spec.name} ${rep} ${randomBytes(3).toString('hex')}`,
          timeoutMs: settings.deliveryTimeoutMs,
        },
        settings.deliveryTimeoutMs + 30_000,
      );
      result.broadcast = { ...b, cpu: await cpuSince(ctx, server, bcpu0) };
      log(
        `  ${spec.name}: broadcast ${b.received}/${b.members} in ${b.lastMs.toFixed(1)} ms ` +
          `(response ${b.responseMs.toFixed(1)} ms, first ${b.firstMs.toFixed(1)} ms)` +
          (b.error ? ` error: ${b.error}` : ''),
      );
    });
    await ctx.load.call({ op: 'closeAll' }, 30_000);
    await sleep(1000);

    if (spec.resumes) {
      await phase('resume', async () => {
        const r = await ctx.load.call<ResumeResult>(
          {
            op: 'resume',
            target: server.target,
            stream: streamSpec(ctx, ctx.members.length - 1),
            events: settings.resumeEvents,
            concurrency: settings.sendConcurrency,
            timeoutMs: settings.resumeTimeoutMs,
          },
          settings.resumeTimeoutMs + 120_000,
        );
        result.resume = r;
        log(
          `  ${spec.name}: resume ${r.received}/${r.events} in ${r.ms.toFixed(1)} ms` +
            (r.timedOut ? ' (timed out: extrapolated in the report)' : ''),
        );
      });
    }
  } finally {
    await ctx.load.call({ op: 'closeAll' }, 30_000).catch(() => undefined);
    await stop(server.child);
  }
  return result;
}

// ---------------------------------------------------------------------------------------

async function buildAll() {
  // apps/server/dist is shared with other users of the repo (e2e runs it): rebuild it only
  // when a source is newer than the bundle, with the server's own build script.
  const bundle = join(paths.root, 'apps/server/dist/main.js');
  const sources = [
    'apps/server/src',
    'packages/api/src',
    'packages/notifications/src',
    'packages/contracts/src',
  ];
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const stale = sources.some((dir) => newestMtime(join(paths.root, dir)) > built);
  if (flag('no-build')) {
    if (!existsSync(bundle)) throw new Error(`--no-build: ${bundle} does not exist`);
  } else if (stale || flag('build')) {
    log('building apps/server (node build.mjs)');
    execFileSync(process.execPath, ['build.mjs'], {
      cwd: join(paths.root, 'apps/server'),
      stdio: 'inherit',
    });
  } else {
    log('apps/server/dist/main.js is newer than its sources: not rebuilt');
  }
  await build({
    entryPoints: {
      load: join(bench, 'src/load/index.ts'),
      seed: join(bench, 'src/servers/seed.ts'),
      raw: join(bench, 'src/servers/raw.ts'),
      probe: join(bench, 'src/probe.ts'),
    },
    outdir: paths.dist,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}

/** Newest modification time (ms) of any file under `dir`, skipping tests. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function machine(redisVersion: string) {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    redis: redisVersion,
  };
}

async function main() {
  rmSync(paths.tmp, { recursive: true, force: true });
  mkdirSync(join(paths.tmp, 'profiles'), { recursive: true });
  const deadline = setTimeout(() => {
    log(`deadline of ${settings.deadlineMs / 60_000} min reached: stopping, partial results`);
    killAll();
    const partial = run;
    const written = partial
      ? writeReport(
          { ...partial, wallSeconds: (Date.now() - started) / 1000 },
          join(bench, 'results'),
        )
      : Promise.resolve([]);
    written.then(
      () => process.exit(2),
      () => process.exit(2),
    );
    setTimeout(() => process.exit(2), 20_000).unref();
  }, settings.deadlineMs);
  deadline.unref();

  await buildAll();
  const nofile = fileLimit();
  if (nofile < Math.max(...settings.rssLevels) + 1000) {
    log(`warning: open-files hard limit is ${nofile}; the largest stream counts may fail`);
  }
  const redis = await startRedis(join(paths.tmp, 'redis'), join(paths.tmp, 'redis.log'));
  log(`redis-server ${redis.version} at ${redis.url}`);
  const jwtSecret = randomBytes(32).toString('hex');
  const runId = randomBytes(4).toString('hex');
  const { actor, members } = await createUsers(
    redis.redis,
    usersNeeded(settings),
    jwtSecret,
    runId,
  );
  log(`${members.length} users created`);
  const load = await Load.start(nofile);
  const ctx: Context = {
    redis: redis.redis,
    redisUrl: redis.url,
    redisPid: redis.pid,
    jwtSecret,
    actor,
    members,
    load,
    nofile,
  };

  run = {
    date: new Date().toISOString(),
    mode: settings.mode,
    settings,
    machine: machine(redis.version),
    systems: systems.map((s) => s.name),
    reps: [],
    discarded: [],
    wallSeconds: 0,
  };
  try {
    for (let rep = 1; rep <= settings.reps; rep += 1) {
      // Rotate the order so that no system always runs first (or last) in a repetition.
      const order = systems.map((_, i) => systems[(i + rep - 1) % systems.length] as SystemSpec);
      for (const spec of order) {
        if (finishing) break;
        try {
          // A repetition disturbed by foreign load is run again, within a budget for the run.
          for (;;) {
            await waitQuiet(ctx);
            const r = await runRep(ctx, spec, rep);
            const worst = Math.max(0, ...Object.values(r.foreign));
            if (worst <= settings.maxForeignPct || run.discarded.length >= settings.maxReruns) {
              run.reps.push(r);
              break;
            }
            run.discarded.push({ system: spec.name, rep, foreign: r.foreign });
            log(
              `  ${spec.name} rep ${rep}: other processes took ${worst.toFixed(0)}% of a core ` +
                'during a phase: repeating it',
            );
          }
        } catch (err) {
          const msg = err instanceof Error ? err.message : String(err);
          log(`! ${spec.name} rep ${rep} failed: ${msg}`);
          run.reps.push({ ...emptyRep(spec.name, rep), errors: [msg] });
        }
      }
    }
  } finally {
    finishing = true;
    await stop(load.child, 5000);
    await redis.close();
  }
  run.wallSeconds = (Date.now() - started) / 1000;
  const written = await writeReport(run, join(bench, 'results'));
  log(`results: ${written.join(', ')}`);
  clearTimeout(deadline);
}

function emptyRep(system: SystemName, rep: number): RepResult {
  return {
    system,
    rep,
    open: [],
    rss: {},
    baseline: null,
    idle: null,
    latency: {},
    burst: null,
    broadcast: null,
    resume: null,
    foreign: {},
    errors: [],
  };
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? '') : String(err)}\n`,
    );
    killAll();
    process.exit(1);
  },
);

export type { RunningServer };
