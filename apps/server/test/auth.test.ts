import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { sessionCookie, trpcMutation, trpcQuery } from './http';
import { runServerExpectingExit, startServer, TEST_JWT_SECRET } from './server-process';
import { useStack } from './stack';

const stack = useStack({ server: { LOGIN_ATTEMPTS_PER_WINDOW: '5' } });
const manager = { email: 'manager@demo.test', password: 'demo-password' };

async function login(creds = manager) {
  const res = await trpcMutation(stack.server.url, 'auth.login', creds);
  expect(res.status).toBe(200);
  return sessionCookie(res.headers);
}

function errorCode(body: unknown): string | undefined {
  return (body as { error?: { data?: { code?: string } } }).error?.data?.code;
}

async function signToken(claims: { sub: string; exp: number }, secret = TEST_JWT_SECRET) {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setJti('test-session')
    .setIssuer('acme-notifications')
    .setIssuedAt(claims.exp - 60)
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(secret));
}

async function meWithBearer(token: string) {
  return trpcQuery(stack.server.url, 'auth.me', undefined, { authorization: `Bearer ${token}` });
}

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and returns the user', async () => {
    const res = await trpcMutation(stack.server.url, 'auth.login', manager);
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/acme_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http here; Secure is set behind https
    expect(res.body).toMatchObject({ result: { data: { email: manager.email, role: 'manager' } } });
  });

  it('auth.me works with the cookie and with a Bearer token', async () => {
    const cookie = await login();
    const viaCookie = await trpcQuery(stack.server.url, 'auth.me', undefined, { cookie });
    expect(viaCookie.body).toMatchObject({ result: { data: { email: manager.email } } });

    const token = await trpcMutation(stack.server.url, 'auth.createToken', manager);
    const { accessToken, expiresAt } = (
      token.body as { result: { data: { accessToken: string; expiresAt: string } } }
    ).result.data;
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const viaBearer = await meWithBearer(accessToken);
    expect(viaBearer.body).toMatchObject({ result: { data: { email: manager.email } } });
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await trpcMutation(stack.server.url, 'auth.login', {
      ...manager,
      email: 'sales2@demo.test',
      password: 'nope',
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toHaveLength(0);
    expect(res.body).toMatchObject({ error: { message: 'Wrong email or password' } });
  });

  it('auth.me without a session is UNAUTHORIZED', async () => {
    const res = await trpcQuery(stack.server.url, 'auth.me', undefined);
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe('UNAUTHORIZED');
  });

  it('auth.session answers 200 with the user or null, and never sets a cookie', async () => {
    const signedOut = await trpcQuery(stack.server.url, 'auth.session', undefined);
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({ result: { data: null } });

    const cookie = await login();
    const signedIn = await trpcQuery(stack.server.url, 'auth.session', undefined, { cookie });
    expect(signedIn.body).toMatchObject({ result: { data: { email: manager.email } } });
    const userId = (signedIn.body as { result: { data: { id: string } } }).result.data.id;

    const now = Math.floor(Date.now() / 1000);
    const expired = await signToken({ sub: userId, exp: now - 5 });
    const forged = await signToken({ sub: userId, exp: now + 600 }, 'x'.repeat(40));
    const stale = await Promise.all(
      [expired, forged].map((token) =>
        trpcQuery(stack.server.url, 'auth.session', undefined, {
          cookie: `acme_session=${token}`,
        }),
      ),
    );
    expect(stale.map((res) => [res.status, res.body])).toEqual([
      [200, { result: { data: null } }],
      [200, { result: { data: null } }],
    ]);
    for (const res of [signedOut, signedIn, ...stale])
      expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('refuses expired, tampered and alg:none tokens', async () => {
    const me = (await trpcQuery(stack.server.url, 'auth.me', undefined, { cookie: await login() }))
      .body as {
      result: { data: { id: string } };
    };
    const userId = me.result.data.id;
    const now = Math.floor(Date.now() / 1000);

    const valid = await signToken({ sub: userId, exp: now + 600 });
    expect((await meWithBearer(valid)).status).toBe(200); // the forging helper itself is right

    expect((await meWithBearer(await signToken({ sub: userId, exp: now - 5 }))).status).toBe(401);
    expect(
      (await meWithBearer(await signToken({ sub: userId, exp: now + 600 }, 'x'.repeat(40)))).status,
    ).toBe(401);

    const [header, payload, signature] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const tampered = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString(
      'base64url',
    );
    expect((await meWithBearer(`${header}.${tampered}.${signature}`)).status).toBe(401);

    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect((await meWithBearer(`${none}.${payload}.`)).status).toBe(401);
  });

  it('logout clears the cookie and revokes the session', async () => {
    const cookie = await login();
    const res = await trpcMutation(
      stack.server.url,
      'auth.logout',
      {},
      { cookie, origin: stack.server.url },
    );
    expect(res.headers.getSetCookie().join()).toMatch(/acme_session=;/);
    const after = await trpcQuery(stack.server.url, 'auth.me', undefined, { cookie });
    expect(after.status).toBe(401);
  });

  it('rate limits sign-in attempts per email and IP', async () => {
    const target = { email: 'approver@demo.test', password: 'wrong' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await trpcMutation(stack.server.url, 'auth.login', target)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await trpcMutation(stack.server.url, 'auth.login', {
      ...target,
      password: 'demo-password',
    });
    expect(limited.status).toBe(429);
    expect(errorCode(limited.body)).toBe('TOO_MANY_REQUESTS');
  });
});

describe('input validation', () => {
  it('invalid input gets BAD_REQUEST with the zod issues', async () => {
    const res = await trpcMutation(stack.server.url, 'auth.login', {
      email: 'not-an-email',
      password: '',
    });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('BAD_REQUEST');
    const data = (
      res.body as { error: { data: { zodError: { fieldErrors: Record<string, string[]> } } } }
    ).error.data;
    expect(Object.keys(data.zodError.fieldErrors).sort()).toEqual(['email', 'password']);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated mutation from a foreign Origin', async () => {
    const cookie = await login();
    const res = await trpcMutation(
      stack.server.url,
      'auth.logout',
      {},
      { cookie, origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect((await trpcQuery(stack.server.url, 'auth.me', undefined, { cookie })).status).toBe(200);
  });

  it('refuses a cross-site mutation signalled only by Sec-Fetch-Site', async () => {
    const cookie = await login();
    const res = await trpcMutation(
      stack.server.url,
      'auth.logout',
      {},
      { cookie, 'sec-fetch-site': 'cross-site' },
    );
    expect(res.status).toBe(403);
  });

  it('refuses a multipart/form-data POST even with a valid cookie', async () => {
    const cookie = await login();
    const form = new FormData();
    form.set('email', manager.email);
    const res = await fetch(`${stack.server.url}/trpc/auth.logout`, {
      method: 'POST',
      body: form,
      headers: { cookie },
    });
    expect(res.status).toBe(415);
    expect((await trpcQuery(stack.server.url, 'auth.me', undefined, { cookie })).status).toBe(200);
  });

  it('accepts a same-origin mutation', async () => {
    const cookie = await login();
    const res = await trpcMutation(
      stack.server.url,
      'auth.logout',
      {},
      { cookie, origin: stack.server.url, 'sec-fetch-site': 'same-origin' },
    );
    expect(res.status).toBe(200);
  });
});

describe('process', () => {
  it('GET /healthz reports Redis reachability', async () => {
    const res = await fetch(`${stack.server.url}/healthz`);
    expect(res.status).toBe(200);
    const cluster = { state: 'ok', slotsAssigned: 16384, slotsOk: 16384, knownNodes: 6 };
    expect(await res.json()).toEqual(
      stack.kind === 'cluster' ? { ok: true, redis: 'up', cluster } : { ok: true, redis: 'up' },
    );
  });

  it('users.list needs a session and lists users for pickers without password hashes', async () => {
    expect((await trpcQuery(stack.server.url, 'users.list', undefined)).status).toBe(401);
    const res = await trpcQuery(stack.server.url, 'users.list', undefined, {
      cookie: await login(),
    });
    const users = (res.body as { result: { data: Record<string, unknown>[] } }).result.data;
    expect(users.map((u) => u.email).sort()).toEqual([
      'approver@demo.test',
      'manager@demo.test',
      'sales1@demo.test',
      'sales2@demo.test',
    ]);
    expect(users.every((u) => !('passwordHash' in u))).toBe(true);
  });

  it.each([
    [{ REDIS_URL: undefined }, 'REDIS_URL is required'],
    [{ REDIS_URL: 'http://nope' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ NOTIFICATION_TTL_SECONDS: '-1' }, 'NOTIFICATION_TTL_SECONDS'],
    [{ EVENT_REPLAY_SECONDS: '0' }, 'EVENT_REPLAY_SECONDS'],
  ])('refuses to start with bad config %o', async (override, message) => {
    // Configuration is refused before any connection: this Redis need not (and does not) exist.
    const { code, output } = await runServerExpectingExit({
      REDIS_URL: 'redis://127.0.0.1:1',
      JWT_SECRET: TEST_JWT_SECRET,
      ...override,
    });
    expect(code).not.toBe(0);
    expect(output).toContain(`Invalid configuration: ${message}`);
  });

  it('SIGTERM closes cleanly with exit code 0', async () => {
    const other = await startServer(stack.redisEnv);
    expect(await other.stop('SIGTERM')).toBe(0);
  });
});
