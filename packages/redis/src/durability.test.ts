import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '@acme/testing';
import { createWriteConfirmer } from './durability';
import { asStoreUnavailable, StoreUnavailableError } from './errors';

let primary: RedisServerHandle;
let replica: RedisServerHandle;
let redis: Redis;

const replicaUp = async (port: number) => {
  const r = new Redis(port, '127.0.0.1');
  try {
    for (;;) {
      if ((await r.info('replication')).includes('master_link_status:up')) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    r.disconnect();
  }
};

beforeAll(async () => {
  primary = await startRedisServer();
  replica = await startRedisServer();
  const r = new Redis(replica.url);
  await r.replicaof('127.0.0.1', primary.port);
  r.disconnect();
  await replicaUp(replica.port);
  redis = new Redis(primary.url);
});

afterAll(async () => {
  redis.disconnect();
  await replica.stop();
  await primary.stop();
});

describe('createWriteConfirmer', () => {
  it('resolves once the replica has the write, so it can be read there', async () => {
    const confirm = createWriteConfirmer(redis, { minReplicas: 1 });
    await redis.set('{u:1}:k', 'v1');
    await confirm(['{u:1}:k']);
    const onReplica = new Redis(replica.url);
    expect(await onReplica.get('{u:1}:k')).toBe('v1');
    onReplica.disconnect();
  });

  it('refuses with SERVICE_UNAVAILABLE when fewer replicas than asked confirm', async () => {
    const confirm = createWriteConfirmer(redis, { minReplicas: 2, timeoutMs: 100 });
    await redis.set('{u:1}:k', 'v2');
    const err = await confirm(['{u:1}:k']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).code).toBe('SERVICE_UNAVAILABLE');
    expect((err as Error).message).toContain('only 1 of 2 replica(s)');
  });

  it('does not even ask when no replica is required', async () => {
    const monitor = spawn('redis-cli', ['-p', String(primary.port), 'monitor']);
    const seen: string[] = [];
    monitor.stdout.on('data', (c: Buffer) => seen.push(c.toString()));
    await new Promise((resolve) => monitor.stdout.once('data', resolve)); // "OK"
    await createWriteConfirmer(redis, { minReplicas: 0 })(['{u:1}:k']);
    await redis.set('{u:1}:marker', '1');
    await new Promise<void>((resolve) => {
      const check = () => {
        if (seen.join('').includes('marker')) resolve();
      };
      monitor.stdout.on('data', check);
      check();
    });
    monitor.kill();
    expect(seen.join('')).not.toMatch(/"wait"/i);
  });
});

describe('asStoreUnavailable', () => {
  it.each([
    'CLUSTERDOWN The cluster is down',
    'TRYAGAIN Multiple keys request during rehashing of slot',
    'Too many Cluster redirections. Last error: Connection is closed.',
    'Connection is closed.',
  ])('takes "%s" for unavailable storage', (message) => {
    const err = asStoreUnavailable(new Error(message));
    expect(err?.code).toBe('SERVICE_UNAVAILABLE');
    expect(err?.message).toContain(message.split('.')[0]);
  });

  it('finds it inside an AggregateError, and leaves other errors alone', () => {
    const inner = new Error('CLUSTERDOWN Hash slot not served');
    expect(asStoreUnavailable(new AggregateError([new Error('x'), inner]))?.cause).toBe(inner);
    expect(asStoreUnavailable(new Error('ERR wrong number of arguments'))).toBeNull();
    expect(asStoreUnavailable('CLUSTERDOWN')).toBeNull();
  });
});
