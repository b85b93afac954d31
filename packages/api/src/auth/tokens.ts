import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { idSchema } from '@acme/contracts';

export interface SessionClaims {
  userId: string;
  sessionId: string;
  expiresAt: number; // ms since epoch
}

export interface TokenService {
  sign(userId: string): Promise<{ token: string; claims: SessionClaims }>;
  /** null for anything not a valid, unexpired HS256 token signed by us (including alg: none). */
  verify(token: string): Promise<SessionClaims | null>;
}

const ISSUER = 'acme-notifications';

export function createTokenService(opts: { secret: string; ttlSeconds: number }): TokenService {
  const key = new TextEncoder().encode(opts.secret);
  return {
    async sign(userId) {
      const sessionId = randomUUID();
      const nowSeconds = Math.floor(Date.now() / 1000);
      const exp = nowSeconds + opts.ttlSeconds;
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setJti(sessionId)
        .setIssuer(ISSUER)
        .setIssuedAt(nowSeconds)
        .setExpirationTime(exp)
        .sign(key);
      return { token, claims: { userId, sessionId, expiresAt: exp * 1000 } };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER });
        const userId = idSchema.safeParse(payload.sub);
        if (!userId.success || !payload.jti || payload.exp === undefined) return null;
        return { userId: userId.data, sessionId: payload.jti, expiresAt: payload.exp * 1000 };
      } catch (err) {
        if (err instanceof errors.JOSEError) return null;
        throw err;
      }
    },
  };
}
