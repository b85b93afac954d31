import type { User } from '@acme/contracts';
import { confirmNothing, type ConfirmWrites, type RedisClient } from '@acme/redis';
import { parseUserHash, userKey } from './users';

/** Signed-out sessions, remembered until their token would have expired anyway. */
export interface SessionRevocations {
  revoke(sessionId: string, expiresAt: number): Promise<void>;
  /**
   * The session's user, or null when the session is revoked or the user does not exist (or
   * is unreadable). One round trip: the revocation check and the user read go out together.
   * A Redis failure rejects: it is never taken for "not revoked".
   */
  activeUser(sessionId: string, userId: string): Promise<User | null>;
}

const revokedKey = (id: string) => `session-revoked:${id}`;

export function createSessionRevocations(
  redis: RedisClient,
  confirm: ConfirmWrites = confirmNothing,
): SessionRevocations {
  const key = revokedKey;
  return {
    async revoke(sessionId, expiresAt) {
      const ttl = expiresAt - Date.now();
      if (ttl <= 0) return;
      await redis.set(key(sessionId), '1', 'PX', ttl);
      await confirm([key(sessionId)]);
    },
    async activeUser(sessionId, userId) {
      // Both commands leave at once (one round trip). Not a pipeline: ioredis copies every
      // defined script onto each Pipeline object, which then costs more than the round trip.
      const [revoked, user] = await Promise.all([
        redis.exists(key(sessionId)),
        redis.hgetall(userKey(userId)),
      ]);
      return revoked === 0 ? parseUserHash(user) : null;
    },
  };
}
