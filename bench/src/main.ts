/**
 * `pnpm bench`: delivery latency, connection scale and idle cost of this product against the
 * seed's polling design and a raw floor, on one private Redis, driven by one load process.
 *
 *   pnpm bench                    full run (3 repetitions, ~15 min)
 *   pnpm bench --quick            small numbers, 1 repetition (~2 min)
 *   --systems=product,seed,raw    which systems (default: product,product-workers,seed,raw)
 *   --redis=single|cluster|both   the product on the bench's redis-server (default), on a
 *                                 local 3+3 Redis Cluster, or both side by side
 *   --reps=N                      repetitions
 *   --cpu-prof                    write a V8 CPU profile of every server (results/tmp/profiles)
 *   --heap-snapshot               V8 heap snapshots of each server (rep 1, at 0 and the first
 *                                 RSS level) in results/tmp, for src/tools/heap-diff.ts
 *   --product-entry=FILE          run FILE as the product server (e.g. a patched scratch build)
 *   --build                       rebuild apps/server/dist even if it looks fresh
 *   --no-build                    never build apps/server (dist/main.js must exist)
 *
 * The phases of a repetition are in src/phases, run in order by src/repetition.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { userKey } from '@acme/auth';
import { buildAll } from './build';
import { LoadProcess } from './load-process';
import { elapsedSeconds, log } from './log';
import { parseOptions } from './options';
import { PATHS as paths } from './paths';
import type { Context } from './phases/context';
import { fileLimit, killAll, stop } from './proc';
import { startRedis } from './redis';
import { CLUSTER_SHAPE, startCluster } from './redis-cluster';
import { writeReport } from './report/write';
import type { RunResult } from './results';
import { machine, runAll } from './run';
import { usersNeeded } from './settings';
import { createUsers } from './users';

const options = parseOptions(process.argv.slice(2));
const { settings } = options;
const resultsDir = join(paths.bench, 'results');

// Cleanup: every exit path stops the children (servers, load process, redis-server).

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

function startDeadline(): NodeJS.Timeout {
  const deadline = setTimeout(() => {
    log(`deadline of ${settings.deadlineMs / 60_000} min reached: stopping, partial results`);
    killAll();
    const partial = run;
    const written = partial
      ? writeReport({ ...partial, wallSeconds: elapsedSeconds() }, resultsDir)
      : Promise.resolve([]);
    written.then(
      () => process.exit(2),
      () => process.exit(2),
    );
    setTimeout(() => process.exit(2), 20_000).unref();
  }, settings.deadlineMs);
  deadline.unref();
  return deadline;
}

/** Builds, starts redis-server (and the cluster), creates the users, forks the load process. */
async function setUp() {
  await buildAll(paths, options.build);
  const nofile = fileLimit();
  if (nofile < Math.max(...settings.rssLevels) + 1000) {
    log(`warning: open-files hard limit is ${nofile}; the largest stream counts may fail`);
  }
  const redis = await startRedis(join(paths.tmp, 'redis'), join(paths.tmp, 'redis.log'));
  log(`redis-server ${redis.version} at ${redis.env.REDIS_URL ?? ''}`);
  const cluster = options.systems.some((s) => s.redis === 'cluster')
    ? await startCluster(join(paths.tmp, 'redis-cluster'))
    : null;
  const jwtSecret = randomBytes(32).toString('hex');
  const runId = randomBytes(4).toString('hex');
  const { actor, members } = await createUsers(
    [redis.client, ...(cluster ? [cluster.client] : [])],
    usersNeeded(settings),
    jwtSecret,
    runId,
  );
  log(`${members.length} users created${cluster ? ' on each Redis' : ''}`);
  // Every create reads the actor's record: on a cluster, one master serves all those reads.
  if (cluster) {
    await cluster.locate('actor', userKey(actor.id));
    const where = cluster.masters.map((m) => `${m.name} (${m.holds.join(', ') || 'users'})`);
    log(
      `redis cluster: masters ${where.join(', ')}, ${CLUSTER_SHAPE.replicasPerMaster} replica each`,
    );
  }
  const load = await LoadProcess.start(paths, nofile);
  const ctx: Context = {
    options,
    settings,
    paths,
    redis,
    cluster,
    jwtSecret,
    actor,
    members,
    load,
    nofile,
  };
  return { ctx, redis, cluster };
}

async function main() {
  rmSync(paths.tmp, { recursive: true, force: true });
  mkdirSync(join(paths.tmp, 'profiles'), { recursive: true });
  const deadline = startDeadline();
  const { ctx, redis, cluster } = await setUp();
  run = {
    date: new Date().toISOString(),
    mode: settings.mode,
    settings,
    machine: machine(redis.version),
    cluster: cluster
      ? {
          replicasPerMaster: CLUSTER_SHAPE.replicasPerMaster,
          masters: cluster.masters.map(({ name, holds }) => ({ name, holds })),
        }
      : null,
    systems: options.systems.map((s) => s.name),
    reps: [],
    discarded: [],
    wallSeconds: 0,
  };
  try {
    await runAll(ctx, options.systems, run);
  } finally {
    await stop(ctx.load.child, 5000);
    await redis.close();
    await cluster?.close();
  }
  run.wallSeconds = elapsedSeconds();
  const written = await writeReport(run, resultsDir);
  log(`results: ${written.join(', ')}`);
  clearTimeout(deadline);
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
