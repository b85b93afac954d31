import { mkdirSync } from 'node:fs';
import net from 'node:net';
import type { RedisClient } from '@acme/redis';
import { Redis } from 'ioredis';
import { freePort, sleep, spawnBinary, stop } from './proc';
import type { Master } from './redis-stats';

/** A Redis the systems under test run on: one redis-server or a Redis Cluster. */
export interface BenchRedis {
  kind: 'single' | 'cluster';
  version: string;
  /** what the bench creates its users with (and clears the seed's keys on one Redis) */
  client: RedisClient;
  /** the servers' environment pointing them at this Redis (REDIS_URL or REDIS_CLUSTER_NODES) */
  env: Record<string, string>;
  /** where `INFO commandstats` / `INFO cpu` are read and summed */
  masters: Master[];
  /** Adds `label` to the `holds` of the master serving `key` (a no-op on one Redis). */
  locate(label: string, key: string): Promise<void>;
  /** every redis-server process (their CPU is the bench's, not foreign load) */
  pids(): number[];
  close(): Promise<void>;
}

export type SingleRedis = BenchRedis & { client: Redis };

/** A private redis-server on a free loopback port, no persistence, data under `dir`. */
export async function startRedis(dir: string, logFile: string): Promise<SingleRedis> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawnBinary(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxclients',
      '20000',
      '--dir',
      dir,
    ],
    logFile,
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; !(await accepts(port)); i += 1) {
    if (i > 100 || child.exitCode !== null)
      throw new Error(`redis-server did not start (${logFile})`);
    await sleep(50);
  }
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  await redis.ping();
  const info = new Redis(url, { maxRetriesPerRequest: 1 });
  return {
    kind: 'single',
    version: await redisVersion(redis),
    client: redis,
    env: { REDIS_URL: url },
    masters: [{ name: `127.0.0.1:${port}`, info, holds: [] }],
    locate: () => Promise.resolve(),
    pids: () => [child.pid ?? 0],
    async close() {
      await Promise.all([redis, info].map((c) => c.quit().catch(() => undefined)));
      await stop(child, 5000);
    },
  };
}

export async function redisVersion(redis: RedisClient): Promise<string> {
  return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

/** Removes what the seed server left in Redis, so that each of its repetitions starts empty. */
export async function clearSeedKeys(redis: Redis): Promise<void> {
  for (const pattern of ['notifications:*', 'read_notifications:*']) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
}
