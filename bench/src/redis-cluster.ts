import { startRedisCluster } from '@acme/testing';
import { Cluster, Redis } from 'ioredis';
import { redisVersion, type BenchRedis } from './redis';

/** The cluster the bench starts for `--redis=cluster|both`. */
export const CLUSTER_SHAPE = { masters: 3, replicasPerMaster: 1 } as const;

/** Slots the report names per master: every task's record, and the reminder queue. */
const NOTABLE_KEYS = ['{domain}', '{bullmq}'];

/**
 * A local Redis Cluster (3 masters with one replica each, cluster-node-timeout as
 * @acme/testing's default), its nodes' data and nodes.conf under `dir`. Redis figures are
 * read from, and summed over, the masters; the replicas' CPU is not part of them.
 */
export async function startCluster(dir: string): Promise<BenchRedis & { client: Cluster }> {
  const handle = await startRedisCluster({ ...CLUSTER_SHAPE, dataDir: dir });
  try {
    const { masters } = await handle.topology();
    const infos = masters.map((port) => ({
      name: `127.0.0.1:${port}`,
      info: new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 }),
      holds: [] as string[],
    }));
    const locate = async (label: string, key: string) => {
      const name = `127.0.0.1:${await handle.masterFor(key)}`;
      infos.find((m) => m.name === name)?.holds.push(label);
    };
    for (const key of NOTABLE_KEYS) await locate(key, key);
    const client = new Cluster(
      handle.nodes.map(({ host, port }) => ({ host, port })),
      // No periodic CLUSTER SLOTS from the bench itself: it would show in the commandstats.
      { slotsRefreshInterval: 0, redisOptions: { maxRetriesPerRequest: 1 } },
    );
    await client.ping();
    return {
      kind: 'cluster',
      version: await redisVersion(client),
      client,
      env: { REDIS_CLUSTER_NODES: handle.seeds },
      masters: infos,
      locate,
      pids: () => handle.nodes.map((n) => n.pid),
      async close() {
        await Promise.all(
          [client, ...infos.map((m) => m.info)].map((c) => c.quit().catch(() => undefined)),
        );
        await handle.stop();
      },
    };
  } catch (err) {
    await handle.stop();
    throw err;
  }
}
