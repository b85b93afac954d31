import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SystemName, Target } from './protocol';
import { freePort, processTree, sleep, spawnNode, within } from './proc';

/**
 * The phases of a repetition, in order (src/repetition.ts). Latency, idle and the RSS above
 * 0 streams are measured during the ramp; the broadcast reuses the burst's streams.
 */
export const PHASES = [
  'rss',
  'baseline',
  'ramp',
  'latency',
  'idle',
  'one-user',
  'burst',
  'broadcast',
  'resume',
] as const;
export type Phase = (typeof PHASES)[number];

export interface SystemSpec {
  name: SystemName;
  label: string;
  /** the script node runs */
  entry: (paths: Paths) => string;
  /** the real server (`--product-entry` replaces its script) */
  product: boolean;
  /** the bench's redis-server, or the local cluster of `--redis=cluster|both` */
  redis: 'single' | 'cluster';
  /** more environment for the server */
  env: Record<string, string>;
  /** processes serving: 1, or WORKERS node:cluster workers behind a primary */
  workers: number;
  /** the phases it runs (null: all), and why not the others (printed under the report's table) */
  phases: { runs: readonly Phase[]; why: string } | null;
  streamPath: string;
  createPath: string;
  groupPath: string;
  /** does it keep events for a reconnecting client? */
  resumes: boolean;
}

export interface Paths {
  root: string;
  bench: string;
  dist: string;
  tmp: string;
}

const product = {
  entry: (p: Paths) => join(p.root, 'apps/server/dist/main.js'),
  product: true,
  streamPath: '/trpc/notifications.onEvent',
  createPath: '/trpc/tasks.create',
  groupPath: '/trpc/approverGroups.create',
  resumes: true,
  workers: 1,
} as const;

const comparison = { product: false, redis: 'single', env: {}, workers: 1, phases: null } as const;

const allBut = (...left: Phase[]) => PHASES.filter((p) => !left.includes(p));

export const SYSTEMS: SystemSpec[] = [
  {
    ...product,
    name: 'product',
    label: 'this product (tRPC SSE)',
    redis: 'single',
    env: {},
    phases: null,
  },
  {
    ...product,
    name: 'product-workers',
    label: 'this product with WORKERS=2 (node:cluster, 2 processes)',
    redis: 'single',
    env: {},
    workers: 2,
    phases: {
      runs: ['burst', 'broadcast'],
      why: 'the others measure one process: memory and event-loop delay are read inside it',
    },
  },
  {
    ...product,
    name: 'product-cluster',
    label: 'this product on a Redis Cluster (REDIS_CLUSTER_NODES)',
    redis: 'cluster',
    env: {},
    phases: null,
  },
  {
    ...product,
    name: 'product-cluster-wait',
    label: 'the same with REDIS_MIN_REPLICAS=1 (a WAIT after every write)',
    redis: 'cluster',
    env: { REDIS_MIN_REPLICAS: '1' },
    phases: {
      runs: allBut('idle', 'resume'),
      why: 'no write is measured there, and WAIT only changes writes',
    },
  },
  {
    ...comparison,
    name: 'seed',
    label: "seed 000's polling design",
    entry: (p) => join(p.dist, 'seed.mjs'),
    streamPath: '/api/communication/notifications/sse/',
    createPath: '/notify',
    groupPath: '/groups',
    resumes: true,
  },
  {
    ...comparison,
    name: 'raw',
    label: 'raw floor (node:http + pub/sub)',
    entry: (p) => join(p.dist, 'raw.mjs'),
    streamPath: '/stream',
    createPath: '/notify',
    groupPath: '/groups',
    resumes: false,
  },
];

export const runsPhase = (spec: SystemSpec, phase: Phase) =>
  spec.phases?.runs.includes(phase) ?? true;

export interface RunningServer {
  spec: SystemSpec;
  child: ChildProcess;
  pid: number;
  port: number;
  target: Target;
  /** forced GC in the server (through the probe), then its memoryUsage() */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** the server's process and its node:cluster workers, if any */
  pids(): number[];
  /** the server's event-loop delay since the previous call (ms) */
  loopDelay(): Promise<LoopDelay>;
  heapSnapshot(path: string): Promise<{ path: string }>;
}

export interface LoopDelay {
  max: number;
  p99: number;
  mean: number;
}

export interface StartOptions {
  paths: Paths;
  /** REDIS_URL or REDIS_CLUSTER_NODES */
  redisEnv: Record<string, string>;
  jwtSecret: string;
  actorToken: string;
  nofile: number;
  logFile: string;
  cpuProfile: string | null;
  /** run this server script instead of apps/server/dist/main.js (e.g. a patched copy) */
  productEntry: string | null;
}

/**
 * Starts one system under test as its own node process, with the probe preloaded and an IPC
 * channel to it. Every system, the product included, goes through this one spawner (not
 * @acme/testing's startBuiltServer): the probe needs the IPC channel, the streams need a
 * raised `ulimit -n`, and --product-entry may replace the product's script.
 */
export async function startServer(spec: SystemSpec, o: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const child = spawnNode({
    name: spec.name,
    args: nodeArgs(spec, o),
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // exactly one of the two reaches the server, whatever this shell had set
      REDIS_URL: undefined,
      REDIS_CLUSTER_NODES: undefined,
      ...o.redisEnv,
      JWT_SECRET: o.jwtSecret,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      WORKERS: String(spec.workers),
      // The product's per-IP limits would refuse the bench's 10,000 streams from one host.
      HTTP_RATE_LIMIT_PER_MINUTE: '0',
      LOGIN_ATTEMPTS_PER_WINDOW: '1000000',
      ...spec.env,
    },
    logFile: o.logFile,
    ipc: true,
    nofile: o.nofile,
  });
  let exitedEarly = false;
  child.once('exit', () => (exitedEarly = true));
  await within(
    30_000,
    `${spec.name} start`,
    waitHealthy(port, () => exitedEarly),
  );
  const ask = probeClient(child, spec.name);
  return {
    spec,
    child,
    pid: child.pid ?? 0,
    pids: () => processTree(child.pid ?? 0),
    port,
    memory: () => ask<NodeJS.MemoryUsage>('mem'),
    loopDelay: () => ask<LoopDelay>('loop'),
    heapSnapshot: (path: string) => ask<{ path: string }>('snapshot', { path }, 300_000),
    target: {
      system: spec.name,
      port,
      streamPath: spec.streamPath,
      createPath: spec.createPath,
      groupPath: spec.groupPath,
      actorToken: o.actorToken,
    },
  };
}

function nodeArgs(spec: SystemSpec, o: StartOptions): string[] {
  const probe = pathToFileURL(join(o.paths.dist, 'probe.mjs')).href;
  const profile = o.cpuProfile
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${join(o.paths.tmp, 'profiles')}`,
        `--cpu-prof-name=${o.cpuProfile}`,
      ]
    : [];
  const entry = spec.product && o.productEntry ? o.productEntry : spec.entry(o.paths);
  return ['--expose-gc', ...profile, '--import', probe, entry];
}

/** One request/answer over the probe's IPC channel (src/probe.ts). */
function probeClient(child: ChildProcess, name: string) {
  let nextId = 1;
  return <T>(type: string, extra: object = {}, timeoutMs = 20_000) =>
    within(
      timeoutMs,
      `${name} probe ${type}`,
      new Promise<T>((resolve) => {
        const id = nextId++;
        const onMessage = (msg: { type?: string; id?: number }) => {
          if (msg.type !== type || msg.id !== id) return;
          child.off('message', onMessage);
          resolve(msg as T);
        };
        child.on('message', onMessage);
        child.send({ type, id, ...extra });
      }),
    );
}

async function waitHealthy(port: number, exited: () => boolean): Promise<void> {
  for (;;) {
    if (exited()) throw new Error('the server exited during start-up (see its log)');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
}
