import type { SessionClaims } from '@acme/auth';
import type { User } from '@acme/contracts';
import type { Services } from '@acme/domain';
import { toTRPCError } from './errors';

/** What the HTTP adapter hands over: read from the request, nothing framework-specific. */
export interface RequestInfo {
  ip: string;
  /** The origin this server is reached at, e.g. http://127.0.0.1:3000. */
  selfOrigin: string;
  origin: string | null;
  secFetchSite: string | null;
  cookieToken: string | null;
  bearerToken: string | null;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export type AuthSource = 'cookie' | 'bearer';

export interface Context {
  services: Services;
  req: RequestInfo;
  user: User | null;
  session: (SessionClaims & { source: AuthSource }) | null;
}

/**
 * Resolves the session. A missing, invalid, expired or revoked token is `user: null`, which
 * the auth middleware turns into UNAUTHORIZED (a throw here would reach an EventSource as a
 * plain JSON error it cannot read). Only a Redis failure rejects: it is never taken for
 * "signed out".
 */
export function createContextFactory(services: Services) {
  return async (req: RequestInfo): Promise<Context> => {
    const source: AuthSource | null = req.bearerToken
      ? 'bearer'
      : req.cookieToken
        ? 'cookie'
        : null;
    const token = req.bearerToken ?? req.cookieToken;
    const anonymous: Context = { services, req, user: null, session: null };
    if (!token || !source) return anonymous;
    const claims = await services.tokens.verify(token);
    if (!claims) return anonymous;
    // Redis unreachable is a 503 the client retries, not a 500.
    const user = await services.sessions
      .activeUser(claims.sessionId, claims.userId)
      .catch((err: unknown) => {
        throw toTRPCError(err);
      });
    if (!user) return anonymous;
    return { services, req, user, session: { ...claims, source } };
  };
}
