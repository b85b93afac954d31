import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test/harness';
import { createContextFactory, type RequestInfo } from './context';
import { createSessionRevocations } from '@acme/auth';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function request(tokens: { bearer?: string; cookie?: string }): RequestInfo {
  return {
    ip: '127.0.0.1',
    selfOrigin: 'http://127.0.0.1:3000',
    origin: null,
    secFetchSite: null,
    cookieToken: tokens.cookie ?? null,
    bearerToken: tokens.bearer ?? null,
    setSessionCookie: () => undefined,
    clearSessionCookie: () => undefined,
  };
}

describe('createContext', () => {
  it('resolves the user and session of a valid token, from a cookie or a Bearer header', async () => {
    const user = await h.newUser('member');
    const { token, claims } = await h.services.tokens.sign(user.id);
    const createContext = createContextFactory(h.services);
    const bearer = await createContext(request({ bearer: token }));
    expect(bearer.user).toEqual(user);
    expect(bearer.session).toEqual({ ...claims, source: 'bearer' });
    const cookie = await createContext(request({ cookie: token }));
    expect(cookie.session?.source).toBe('cookie');
  });

  it('is anonymous, never throwing, without a token, with a bad one, after sign-out or for a missing user', async () => {
    const createContext = createContextFactory(h.services);
    const anonymous = { user: null, session: null };
    expect(await createContext(request({}))).toMatchObject(anonymous);
    expect(await createContext(request({ bearer: 'garbage' }))).toMatchObject(anonymous);

    const user = await h.newUser('member');
    const { token, claims } = await h.services.tokens.sign(user.id);
    await h.services.sessions.revoke(claims.sessionId, claims.expiresAt);
    expect(await createContext(request({ bearer: token }))).toMatchObject(anonymous);

    const ghost = await h.services.tokens.sign('no-such-user');
    expect(await createContext(request({ bearer: ghost.token }))).toMatchObject(anonymous);

    // An unreadable user record counts as missing.
    const broken = await h.services.tokens.sign('broken-user');
    await h.redis.hset('user:broken-user', { id: 'broken-user', role: 'nobody' });
    expect(await createContext(request({ bearer: broken.token }))).toMatchObject(anonymous);
  });

  it('fails rather than letting a revoked session through when Redis is unreachable', async () => {
    const user = await h.newUser('member');
    const { token } = await h.services.tokens.sign(user.id);
    const lost = await h.connectLost();
    const sessions = createSessionRevocations(lost);
    const createContext = createContextFactory({ ...h.services, sessions });
    await expect(createContext(request({ bearer: token }))).rejects.toThrow();
  });
});
