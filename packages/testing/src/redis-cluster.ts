import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formCluster } from './cluster-form';
import { migrateSlot } from './cluster-migrate';
import { spawnNode, type NodeProcess } from './cluster-node-process';
import {
  CLUSTER_SLOTS,
  fetchClusterView,
  fetchKeySlot,
  ownerOfSlot,
  topologyOf,
  type ClusterTopology,
} from './cluster-nodes';
import { CLUSTER_BUS_OFFSET, getFreeClusterPorts } from './free-port';
import { pollUntil } from './poll';
import { sendForText } from './resp';

const FORM_TIMEOUT_MS = 15_000;

export interface RedisClusterNode {
  port: number;
  pid: number;
  host: '127.0.0.1';
}

export interface RedisClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /** cluster-node-timeout; the default 1000 makes a failover take about two seconds. */
  nodeTimeoutMs?: number;
  /** Each node keeps its data and nodes.conf in <dataDir>/<port>; default a fresh temp dir. */
  dataDir?: string;
  appendOnly?: boolean;
  /** Default: free ports whose bus ports (port + 10000) are free too. */
  ports?: number[];
}

export interface RedisClusterHandle {
  /** "127.0.0.1:p1,127.0.0.1:p2,...": every node, the value for REDIS_CLUSTER_NODES. */
  seeds: string;
  /** Every node, masters first as started; `pid` is the latest process on that port. */
  readonly nodes: RedisClusterNode[];
  /** The port of the master currently serving the slot of `key`. */
  masterFor(key: string): Promise<number>;
  /**
   * Ports by role as a live node sees them. A killed node stays listed until the cluster flags
   * it as failed (after about nodeTimeoutMs); a killed replica does not hold up waitHealthy.
   */
  topology(): Promise<ClusterTopology>;
  /** SIGKILLs the node on `port` and waits for it to exit. */
  kill(port: number): Promise<void>;
  /** Starts a killed node again with its data and nodes.conf, so it rejoins the cluster. */
  restart(port: number): Promise<void>;
  /**
   * Resolves once every live node says cluster_state:ok with all 16384 slots ok, they agree
   * on the topology, and each of its masters is a running process (default timeout 15 s).
   */
  waitHealthy(timeoutMs?: number): Promise<void>;
  /** Moves the slot of `key`, keys included, to the master on `toPort`, live. */
  migrateSlotOf(key: string, toPort: number): Promise<void>;
  /** SIGTERMs every node and removes the data dir unless it was given. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

function nodeArgs(port: number, dir: string, nodeTimeoutMs: number, appendOnly: boolean) {
  return [
    ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--loglevel', 'notice'],
    ...['--save', '', '--appendonly', appendOnly ? 'yes' : 'no'],
    ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`],
    ...['--cluster-node-timeout', String(nodeTimeoutMs)],
    // Other shards keep serving while one fails over: only that shard's users wait.
    ...['--cluster-require-full-coverage', 'no', '--cluster-allow-reads-when-down', 'no'],
    // Any replica may be promoted however stale it is, and none sits a failover out.
    ...['--cluster-replica-validity-factor', '0', '--cluster-replica-no-failover', 'no'],
    // Replicas stay with the master they were given, so topology() only changes on failover.
    ...['--cluster-allow-replica-migration', 'no'],
    // The default waits 5 s for more replicas before a full sync.
    ...['--repl-diskless-sync-delay', '0'],
  ];
}

function checkPorts(ports: number[], count: number) {
  if (ports.length !== count) throw new Error(`${count} ports needed, got ${ports.length}`);
  const tooHigh = ports.find((p) => p + CLUSTER_BUS_OFFSET > 65535);
  if (tooHigh !== undefined) throw new Error(`port ${tooHigh}: its bus port would be over 65535`);
}

/** A real Redis Cluster of redis-server processes on loopback, formed and healthy. */
export async function startRedisCluster(
  opts: RedisClusterOptions = {},
): Promise<RedisClusterHandle> {
  const { masters = 3, replicasPerMaster = 1, nodeTimeoutMs = 1000, appendOnly = false } = opts;
  const count = masters * (1 + replicasPerMaster);
  const ports = opts.ports ?? (await getFreeClusterPorts(count));
  checkPorts(ports, count);
  const root = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'acme-redis-cluster-')));
  const procs = new Map<number, NodeProcess>();

  const livePorts = () => ports.filter((port) => procs.get(port)?.isRunning());
  const start = async (port: number) => {
    const dir = join(root, String(port));
    await mkdir(dir, { recursive: true });
    procs.set(port, await spawnNode(port, nodeArgs(port, dir, nodeTimeoutMs, appendOnly)));
  };
  const procOf = (port: number) => {
    const proc = procs.get(port);
    if (!proc) throw new Error(`no cluster node on port ${port} (nodes: ${ports.join(', ')})`);
    return proc;
  };
  /** `ask(port)` on the first live node that answers. */
  const ask = async <T>(question: (port: number) => Promise<T>): Promise<T> => {
    const errors: string[] = [];
    for (const port of livePorts()) {
      try {
        return await question(port);
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
    }
    throw new Error(`no live cluster node answered: ${errors.join('; ') || 'none running'}`);
  };

  const healthState = async (): Promise<true | string> => {
    const live = livePorts();
    const views = new Set<string>();
    for (const port of live) {
      const info = await sendForText(port, ['CLUSTER', 'INFO']);
      const state = /cluster_state:(\w+)/.exec(info)?.[1];
      const slotsOk = Number(/cluster_slots_ok:(\d+)/.exec(info)?.[1]);
      if (state !== 'ok' || slotsOk !== CLUSTER_SLOTS)
        return `node ${port}: cluster_state:${state ?? '?'}, cluster_slots_ok:${slotsOk}`;
      const topology = topologyOf(await fetchClusterView(port));
      const dead = topology.masters.filter((m) => !live.includes(m));
      if (dead.length > 0) return `node ${port} still has dead master(s) ${dead.join(', ')}`;
      views.add(JSON.stringify(topology));
    }
    if (views.size > 1) return `the nodes disagree on the topology: ${[...views].join(' vs ')}`;
    return live.length > 0 ? true : 'no node running';
  };
  const waitHealthy = (timeoutMs = 15_000) => pollUntil('cluster healthy', timeoutMs, healthState);

  const stop = async () => {
    await Promise.all([...procs.values()].map((proc) => proc.stop('SIGTERM')));
    if (opts.dataDir === undefined) await rm(root, { recursive: true, force: true });
  };

  try {
    const clash = ports.find((p) => existsSync(join(root, String(p), `nodes-${p}.conf`)));
    if (clash !== undefined)
      throw new Error(`${join(root, String(clash))} already holds a cluster: use an empty dataDir`);
    const started = await Promise.allSettled(ports.map(start));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    await formCluster(ports, masters, FORM_TIMEOUT_MS);
    await waitHealthy(FORM_TIMEOUT_MS);
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    seeds: ports.map((port) => `127.0.0.1:${port}`).join(','),
    get nodes() {
      return ports.map((port) => ({ port, pid: procOf(port).pid, host: '127.0.0.1' as const }));
    },
    masterFor: async (key) => {
      const owner = await ask(async (port) =>
        ownerOfSlot(await fetchClusterView(port), await fetchKeySlot(port, key)),
      );
      return owner.port;
    },
    topology: () => ask(async (port) => topologyOf(await fetchClusterView(port))),
    kill: (port) => procOf(port).stop('SIGKILL'),
    restart: async (port) => {
      if (procOf(port).isRunning()) throw new Error(`node ${port} is still running`);
      await start(port);
    },
    waitHealthy,
    migrateSlotOf: async (key, toPort) => {
      const { slot, view } = await ask(async (port) => ({
        slot: await fetchKeySlot(port, key),
        view: await fetchClusterView(port),
      }));
      const from = ownerOfSlot(view, slot).port;
      if (from === toPort) return;
      const { masters: masterPorts } = topologyOf(view);
      if (!masterPorts.includes(toPort))
        throw new Error(`node ${toPort} is not a master (masters: ${masterPorts.join(', ')})`);
      const move = { slot, from, to: toPort, masters: masterPorts, viewers: livePorts() };
      await migrateSlot({ ...move, timeoutMs: FORM_TIMEOUT_MS });
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
