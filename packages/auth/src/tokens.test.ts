import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenService } from './tokens';

const secret = 'test-secret-that-is-long-enough-for-hs256';
const tokens = createTokenService({ secret, ttlSeconds: 3600 });
const raw = new TextEncoder().encode(secret);

/** A token as we would sign it, with `alg` and claims overridable. */
function forge(alg: string, key: Uint8Array, claims: { exp?: number; iss?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setSubject('alice')
    .setJti(randomUUID())
    .setIssuer(claims.iss ?? 'acme-notifications')
    .setIssuedAt(now)
    .setExpirationTime(claims.exp ?? now + 60)
    .sign(key);
}

describe('tokens', () => {
  it('verifies what it signed, many times with the same imported key', async () => {
    const { token, claims } = await tokens.sign('alice');
    expect(claims.userId).toBe('alice');
    const verified = await Promise.all(Array.from({ length: 20 }, () => tokens.verify(token)));
    expect(verified).toEqual(Array.from({ length: 20 }, () => claims));
    // Another service with the same secret (another server process) accepts it too.
    expect(await createTokenService({ secret, ttlSeconds: 60 }).verify(token)).toEqual(claims);
  });

  it('accepts an HS256 token signed with the raw secret elsewhere', async () => {
    const token = await forge('HS256', raw);
    expect((await tokens.verify(token))?.userId).toBe('alice');
  });

  it('refuses other algs, alg: none, expired, tampered and foreign tokens', async () => {
    const { token } = await tokens.sign('alice');
    const [header = '', payload = '', signature = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
    const tampered = Buffer.from(JSON.stringify({ ...claims, sub: 'bob' })).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      await forge('HS512', raw),
      await forge('HS384', raw),
      new UnsecuredJWT({ sub: 'alice', jti: 'x', iss: 'acme-notifications' })
        .setExpirationTime('1h')
        .encode(),
      await forge('HS256', raw, { exp: now - 10 }),
      await forge('HS256', raw, { iss: 'someone-else' }),
      await forge('HS256', new TextEncoder().encode('another-secret-that-is-long-enough!!')),
      `${header}.${tampered}.${signature}`,
      `${header}.${payload}.`,
      'not-a-token',
    ];
    for (const candidate of refused) expect(await tokens.verify(candidate)).toBeNull();
  });

  describe('with the clock moved', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('refuses a token once it expires, also after verifying it before', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const short = createTokenService({ secret, ttlSeconds: 60 });
      const { token, claims } = await short.sign('alice');
      expect(await short.verify(token)).toEqual(claims);
      vi.setSystemTime(claims.expiresAt - 1);
      expect(await short.verify(token)).toEqual(claims);
      vi.setSystemTime(claims.expiresAt);
      expect(await short.verify(token)).toBeNull();
      expect(await short.verify(token)).toBeNull();
      // A fresh service (no memory of it) agrees.
      expect(await createTokenService({ secret, ttlSeconds: 60 }).verify(token)).toBeNull();
    });
  });

  it('hands out claims the caller may change without affecting later verifications', async () => {
    const { token, claims } = await tokens.sign('alice');
    const first = await tokens.verify(token);
    if (first) first.userId = 'mallory';
    expect(await tokens.verify(token)).toEqual(claims);
  });

  it('fails on use, not at construction, when the key cannot be imported', async () => {
    const broken = createTokenService({ secret: '', ttlSeconds: 60 });
    await expect(broken.sign('alice')).rejects.toThrow();
  });
});
