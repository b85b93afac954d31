import { afterAll, beforeAll } from 'vitest';
import {
  startRedisCluster,
  type RedisClusterHandle,
  type RedisClusterOptions,
} from '@acme/testing';
import { bearerClient } from '../fixtures';
import { startServer, type ServerProcess } from '../server-process';

export const DEMO_EMAILS = [
  'sales1@demo.test',
  'sales2@demo.test',
  'manager@demo.test',
  'approver@demo.test',
] as const;
export type DemoEmail = (typeof DEMO_EMAILS)[number];

export interface ClusterStack {
  cluster: RedisClusterHandle;
  /** Two server processes on the cluster: `servers[0]` seeded the demo users. */
  servers: [ServerProcess, ServerProcess];
  idOf: (email: DemoEmail) => string;
}

/** A 3 masters + 3 replicas cluster and two server processes on it, for one test file. */
export function useClusterStack(
  env: Record<string, string> = {},
  clusterOptions: RedisClusterOptions = {},
): ClusterStack {
  const state: {
    cluster?: RedisClusterHandle;
    servers?: [ServerProcess, ServerProcess];
    ids: Map<string, string>;
  } = { ids: new Map() };
  beforeAll(async () => {
    state.cluster = await startRedisCluster(clusterOptions);
    // The tests are load generators of their own: no per-IP request limit.
    const common = {
      REDIS_CLUSTER_NODES: state.cluster.seeds,
      HTTP_RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    };
    const first = await startServer({ ...common, DEMO: '1' });
    state.servers = [first, await startServer(common)];
    for (const server of state.servers) {
      // A server that dies under a test is the finding: show why.
      void server.exited.then((code) => {
        if (!stopping)
          process.stderr.write(`server exited (${code}):\n${server.output().slice(-6000)}\n`);
      });
    }
    for (const email of DEMO_EMAILS) {
      const me = await (await bearerClient(first.url, email)).auth.me.query();
      state.ids.set(email, me.id);
    }
  }, 60_000);
  let stopping = false;
  afterAll(async () => {
    stopping = true;
    await Promise.all(state.servers?.map((s) => s.stop()) ?? []);
    await state.cluster?.stop();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started`);
    return value;
  };
  return {
    get cluster() {
      return need(state.cluster, 'cluster');
    },
    get servers() {
      return need(state.servers, 'servers');
    },
    idOf: (email) => need(state.ids.get(email), email),
  };
}
