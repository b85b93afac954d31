import { startRedisServer } from '@acme/testing';
import { startServer } from './server';

/** One real Redis and one real server (the built bundle, serving the built SPA) for the run. */
export default async function globalSetup() {
  const redis = await startRedisServer();
  process.env.E2E_REDIS_URL = redis.url;
  const server = await startServer({ redisUrl: redis.url, port: Number(process.env.E2E_PORT) });
  return async () => {
    await server.stop();
    await redis.stop();
  };
}
