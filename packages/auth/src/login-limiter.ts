import type { RedisClient } from '@acme/redis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginLimiterOptions {
  /** Attempts allowed per email and IP pair in the window. */
  perEmailAndIp: number;
  /** Attempts allowed per IP across all emails in the window. */
  perIp: number;
  windowSeconds: number;
}

export interface LoginLimiter {
  /** Counts one attempt; returns the seconds to wait when over the limit, or 0. */
  consume(email: string, ip: string): Promise<number>;
  /** Forgets the email+IP counter after a successful sign-in. */
  reset(email: string, ip: string): Promise<void>;
}

export function createLoginLimiter(redis: RedisClient, opts: LoginLimiterOptions): LoginLimiter {
  const pair = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: 'rl:login:pair',
    points: opts.perEmailAndIp,
    duration: opts.windowSeconds,
  });
  const ip = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: 'rl:login:ip',
    points: opts.perIp,
    duration: opts.windowSeconds,
  });
  const pairKey = (email: string, address: string) => `${email}|${address}`;
  return {
    async consume(email, address) {
      try {
        await Promise.all([pair.consume(pairKey(email, address)), ip.consume(address)]);
        return 0;
      } catch (err) {
        if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        throw err;
      }
    },
    async reset(email, address) {
      await pair.delete(pairKey(email, address));
    },
  };
}
