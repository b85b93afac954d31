import { startRedisServer } from '@acme/testing';
import { startServer } from './server';

/** One real Redis and one real server (the built bundle, serving the built SPA) for the run. */
export default async function globalSetup() {
  const redis = await startRedisServer();
  process.env.E2E_REDIS_URL = redis.url;
  // A server that cannot start (its random port taken) must not leave the Redis running.
  const server = await startServer({
    redisUrl: redis.url,
    port: Number(process.env.E2E_PORT),
  }).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  return async () => {
    await server.stop();
    await redis.stop();
  };
}
