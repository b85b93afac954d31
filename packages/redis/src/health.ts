import { isCluster, type RedisClient } from './client';

export interface RedisHealth {
  ok: boolean;
  redis: 'up' | 'down';
  /** On a cluster: its state as one of its nodes sees it. */
  cluster?: { state: string; slotsAssigned: number; slotsOk: number; knownNodes: number };
}

const SLOTS = 16384;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      setTimeout(() => {
        reject(new Error(`no answer in ${ms} ms`));
      }, ms).unref();
    }),
  ]);

const field = (info: string, name: string) =>
  new RegExp(`^${name}:(\\S+)`, 'm').exec(info)?.[1] ?? '';

/** Up when Redis answers; on a cluster, only when every slot is served. */
export async function redisHealth(redis: RedisClient, timeoutMs = 2000): Promise<RedisHealth> {
  try {
    if (!isCluster(redis)) {
      await withTimeout(redis.ping(), timeoutMs);
      return { ok: true, redis: 'up' };
    }
    const info = await withTimeout(redis.cluster('INFO'), timeoutMs);
    const cluster = {
      state: field(info, 'cluster_state'),
      slotsAssigned: Number(field(info, 'cluster_slots_assigned')),
      slotsOk: Number(field(info, 'cluster_slots_ok')),
      knownNodes: Number(field(info, 'cluster_known_nodes')),
    };
    const ok = cluster.state === 'ok' && cluster.slotsOk === SLOTS;
    return { ok, redis: ok ? 'up' : 'down', cluster };
  } catch {
    return { ok: false, redis: 'down' };
  }
}
