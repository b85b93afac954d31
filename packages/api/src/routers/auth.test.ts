import { createTokenService } from '@acme/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, testConfig, type Harness } from '../../test/harness';
import { createContextFactory, type RequestInfo } from '../context';
import { createCaller } from '../root';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A browser request with this cookie (or none), recording any cookie it would be sent. */
function browserRequest(cookieToken: string | null) {
  const cookieWrites: string[] = [];
  const req: RequestInfo = {
    ip: '127.0.0.1',
    selfOrigin: 'http://127.0.0.1:3000',
    origin: null,
    secFetchSite: 'same-origin',
    cookieToken,
    bearerToken: null,
    setSessionCookie: () => {
      cookieWrites.push('set');
    },
    clearSessionCookie: () => {
      cookieWrites.push('clear');
    },
  };
  return { req, cookieWrites };
}

async function probe(cookieToken: string | null) {
  const { req, cookieWrites } = browserRequest(cookieToken);
  const caller = createCaller(await createContextFactory(h.services)(req));
  return { caller, session: await caller.auth.session(), cookieWrites };
}

describe('auth.session', () => {
  it('is null when signed out, where auth.me stays UNAUTHORIZED', async () => {
    const { caller, session, cookieWrites } = await probe(null);
    expect(session).toBeNull();
    await expect(caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(cookieWrites).toEqual([]);
  });

  it('is the signed-in user, the same as auth.me', async () => {
    const user = await h.newUser('sales');
    const { token } = await h.services.tokens.sign(user.id);
    const { caller, session, cookieWrites } = await probe(token);
    expect(session).toEqual(user);
    expect(await caller.auth.me()).toEqual(session);
    expect(cookieWrites).toEqual([]);
  });

  it('is null, not an error, for a forged, expired, revoked or garbled token', async () => {
    const user = await h.newUser('member');
    const forged = await createTokenService({
      secret: 'not-the-servers-secret-but-long-enough',
      ttlSeconds: 3600,
    }).sign(user.id);
    const expired = await createTokenService({
      secret: testConfig.jwtSecret,
      ttlSeconds: -60,
    }).sign(user.id);
    const revoked = await h.services.tokens.sign(user.id);
    await h.services.sessions.revoke(revoked.claims.sessionId, revoked.claims.expiresAt);

    for (const token of [forged.token, expired.token, revoked.token, 'garbage']) {
      const { caller, session, cookieWrites } = await probe(token);
      expect(session, token).toBeNull();
      await expect(caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      expect(cookieWrites).toEqual([]);
    }
  });
});
