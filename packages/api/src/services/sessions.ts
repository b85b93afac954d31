import type { Redis } from 'ioredis';

/** Signed-out sessions, remembered until their token would have expired anyway. */
export interface SessionRevocations {
  revoke(sessionId: string, expiresAt: number): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
}

export function createSessionRevocations(redis: Redis): SessionRevocations {
  const key = (id: string) => `session-revoked:${id}`;
  return {
    async revoke(sessionId, expiresAt) {
      const ttl = expiresAt - Date.now();
      if (ttl > 0) await redis.set(key(sessionId), '1', 'PX', ttl);
    },
    async isRevoked(sessionId) {
      return (await redis.exists(key(sessionId))) === 1;
    },
  };
}
