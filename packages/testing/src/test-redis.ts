import { startRedisCluster, type RedisClusterHandle } from './redis-cluster';
import { startRedisServer, type RedisServerHandle } from './redis-server';

export type TestRedisKind = 'single' | 'cluster';

/** Where a test's Redis is: the shape of @acme/redis's RedisTarget. */
export type TestRedisTarget = { url: string } | { clusterNodes: { host: string; port: number }[] };

export interface TestRedis {
  kind: TestRedisKind;
  target: TestRedisTarget;
  /** REDIS_URL or REDIS_CLUSTER_NODES, for a server process. */
  env: Record<string, string>;
  server?: RedisServerHandle;
  cluster?: RedisClusterHandle;
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** The kind the suite runs on: `ACME_TEST_REDIS=cluster` runs it on a 3+3 Redis Cluster. */
export const testRedisKind = (): TestRedisKind =>
  process.env.ACME_TEST_REDIS === 'cluster' ? 'cluster' : 'single';

/** One redis-server, or a 3 masters + 3 replicas cluster, for the tests of one file. */
export async function startTestRedis(kind: TestRedisKind = testRedisKind()): Promise<TestRedis> {
  if (kind === 'single') {
    const server = await startRedisServer();
    return {
      kind,
      target: { url: server.url },
      env: { REDIS_URL: server.url },
      server,
      stop: () => server.stop(),
      [Symbol.asyncDispose]: () => server.stop(),
    };
  }
  const cluster = await startRedisCluster();
  return {
    kind,
    target: { clusterNodes: cluster.nodes.map(({ host, port }) => ({ host, port })) },
    env: { REDIS_CLUSTER_NODES: cluster.seeds },
    cluster,
    stop: () => cluster.stop(),
    [Symbol.asyncDispose]: () => cluster.stop(),
  };
}
