import { randomUUID, webcrypto } from 'node:crypto';
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

/**
 * Imports the HMAC key once. Given the raw bytes instead, jose 6 runs crypto.subtle.importKey
 * (through the thread pool) on every sign and verify. The key is non-extractable and bound to
 * HMAC-SHA-256, so jose also refuses to use it for any other alg.
 */
function importHmacKey(secret: string): Promise<webcrypto.CryptoKey> {
  const key = webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  // A failed import surfaces on the first sign or verify that awaits it, not as unhandled.
  key.catch(() => undefined);
  return key;
}

/** Verified tokens remembered per process (a session sends the same token on every request). */
const VERIFIED_TOKENS = 10_000;

export function createTokenService(opts: { secret: string; ttlSeconds: number }): TokenService {
  const keyPromise = importHmacKey(opts.secret);
  /**
   * Token → its claims, for tokens jose has verified (signature, alg, issuer, expiry). The
   * same string verifies the same way until it expires, which is checked on every hit as jose
   * does (valid while exp > now); revocation is the session check's job, on every request.
   * Oldest first out; invalid tokens are never kept.
   */
  const verified = new Map<string, Readonly<SessionClaims>>();
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
        .sign(await keyPromise);
      return { token, claims: { userId, sessionId, expiresAt: exp * 1000 } };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        if (known.expiresAt > Date.now()) return { ...known };
        verified.delete(token);
        return null;
      }
      try {
        const key = await keyPromise;
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER });
        const userId = idSchema.safeParse(payload.sub);
        if (!userId.success || !payload.jti || payload.exp === undefined) return null;
        const claims = {
          userId: userId.data,
          sessionId: payload.jti,
          expiresAt: payload.exp * 1000,
        };
        if (verified.size >= VERIFIED_TOKENS) {
          const oldest = verified.keys().next();
          if (!oldest.done) verified.delete(oldest.value);
        }
        verified.set(token, claims);
        return { ...claims };
      } catch (err) {
        if (err instanceof errors.JOSEError) return null;
        throw err;
      }
    },
  };
}
