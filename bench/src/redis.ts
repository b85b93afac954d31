import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { Redis } from 'ioredis';
import { freePort, sleep, spawnBinary, stop } from './proc';

/** A private redis-server on a free loopback port, no persistence, data under `dir`. */
export async function startRedis(dir: string, logFile: string) {
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
  const version = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  return {
    url,
    redis,
    version,
    pid: child.pid ?? 0,
    async close() {
      await redis.quit().catch(() => undefined);
      await stop(child, 5000);
    },
  };
}

/** Calls per command since start (INFO commandstats). */
export async function commandCalls(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats');
  const calls = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    calls.set(m[1] ?? '', Number(m[2]));
  }
  return calls;
}

/** Commands run between two commandstats snapshots, without the bench's own INFO calls. */
export function commandDelta(before: Map<string, number>, after: Map<string, number>) {
  const perCommand: Record<string, number> = {};
  let total = 0;
  for (const [name, calls] of after) {
    if (name === 'info') continue;
    const d = calls - (before.get(name) ?? 0);
    if (d > 0) {
      perCommand[name] = d;
      total += d;
    }
  }
  return { total, perCommand };
}

/** Redis's own CPU time (user + sys), ms. */
export async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const user = Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0);
  const sys = Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0);
  return (user + sys) * 1000;
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
