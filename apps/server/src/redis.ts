import { Redis } from 'ioredis';

/** Connects and fails fast with a readable reason when Redis is unreachable. */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    const where = new URL(url);
    throw new Error(`Cannot reach Redis at ${where.host} (REDIS_URL): ${(err as Error).message}`, {
      cause: err,
    });
  }
  return redis;
}
