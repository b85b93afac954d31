import type * as TrpcFastify from '@trpc/server/adapters/fastify';
import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appRouter, createContextFactory, type Context } from '@acme/api';
import { createServices, type Services } from '@acme/domain';
import { createRedisClient, duplicateForSubscribing, type RedisClient } from '@acme/redis';
import { toRequestInfo } from '../src/request-info';
import { sessionCookie, trpcMutation, trpcQuery } from './http';
import { TEST_JWT_SECRET } from './server-process';
import { useStack } from './stack';
import {
  comparable,
  send,
  sendToBoth,
  startPair,
  type Exchange,
  type Pair,
} from './trpc-http-harness';

// The same requests to tRPC's own fastify adapter (in process), to the lean route (in
// process, recording onError and createContext), and to the built server.

vi.mock('@trpc/server/adapters/fastify', async (importOriginal) => {
  const real = await importOriginal<typeof TrpcFastify>();
  return { ...real, fastifyRequestHandler: vi.fn(real.fastifyRequestHandler) };
});
const handedToTrpc = () => vi.mocked(fastifyRequestHandler).mock.calls.length;

const stack = useStack();

interface Case extends Exchange {
  name: string;
  /** Who answers on the lean route: itself, tRPC's handler, or the 415 hook before either. */
  served: 'lean' | 'trpc' | 'hook';
  as?: 'bearer' | 'cookie';
  /** The user's unread set is of the wrong type meanwhile: Redis answers WRONGTYPE. */
  wrongType?: boolean;
}

const json = { 'content-type': 'application/json' };
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const login = JSON.stringify({ email: 'sales1@demo.test', password: 'demo-password' });

const get = (name: string, path: string, more: Partial<Case> = {}): Case => ({
  name,
  served: 'lean',
  method: 'GET',
  path,
  ...more,
});
const post = (name: string, path: string, body: string, more: Partial<Case> = {}): Case => ({
  name,
  served: 'lean',
  method: 'POST',
  path,
  body,
  ...more,
  headers: { ...json, ...more.headers },
});
const bearer = { as: 'bearer' } as const;

const cases: Case[] = [
  get('a query', '/trpc/auth.me', bearer),
  get('a query with input', `/trpc/notifications.list?input=${q({ limit: 5 })}`, bearer),
  get('a query missing its input', '/trpc/tasks.list', bearer),
  get('a query with an empty ?input=', '/trpc/auth.me?input=', bearer),
  get('a query with a JSON content type', '/trpc/auth.me', { ...bearer, headers: json }),
  get('a query over the session cookie', '/trpc/auth.me', { as: 'cookie' }),
  post('a mutation', '/trpc/notifications.markAllRead', '', bearer),
  post('a mutation that clears the cookie', '/trpc/auth.logout', '{}'),
  post('a mutation that sets the session cookie', '/trpc/auth.login', login),
  post('a body with a byte order mark', '/trpc/auth.login', `\uFEFF${login}`),
  post('a JSON type with a charset', '/trpc/auth.logout', '{}', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  }),
  get('batched queries', `/trpc/auth.me,users.list?batch=1&input=${q({})}`, bearer),
  post('batched mutations', '/trpc/auth.logout,auth.logout?batch=1', '{}'),
  get(
    'a batch of success and error (207)',
    `/trpc/auth.me,tasks.list?batch=1&input=${q({ 1: { limit: 0 } })}`,
    bearer,
  ),
  get('a batch failing alike', '/trpc/auth.me,users.list?batch=1'),
  get('a batch with an unknown path', '/trpc/auth.me,nope?batch=1', bearer),
  get(
    'a batch missing an index',
    `/trpc/auth.me,notifications.list?batch=1&input=${q({ 0: {} })}`,
    bearer,
  ),
  get(
    'repeated params: the first wins',
    `/trpc/auth.me?batch=1&batch=0&input=${q({})}&input=5`,
    bearer,
  ),
  get('a plus in ?input=', '/trpc/notifications.list?input=%7B%22limit%22%3A+5%7D', bearer),
  post('zod BAD_REQUEST', '/trpc/tasks.create', JSON.stringify({ title: '' }), bearer),
  get('UNAUTHORIZED', '/trpc/auth.me'),
  get('an unknown path', '/trpc/auth.nothing'),
  get('a comma without ?batch=1', '/trpc/auth.me,users.list', bearer),
  get('GET to a mutation', '/trpc/auth.logout'),
  post('POST to a query', '/trpc/auth.me', '{}', bearer),
  post('mixed types in a batch', '/trpc/auth.me,auth.logout?batch=1', '{}'),
  post('a malformed JSON body', '/trpc/tasks.create', '{"title":', bearer),
  post('a malformed body nothing reads', '/trpc/auth.logout', '{oops'),
  post('a malformed body in a batch', '/trpc/tasks.create,tasks.create?batch=1', 'nope', bearer),
  get('a malformed ?input=', '/trpc/notifications.list?input=%7Boops', bearer),
  post('a batch input that is an array', '/trpc/tasks.create?batch=1', '[{"title":"x"}]', bearer),
  get(
    'a batch ?input= that is a string',
    `/trpc/notifications.list?batch=1&input=${q('x')}`,
    bearer,
  ),
  get('a batch ?input= no procedure reads', '/trpc/auth.me?batch=1&input=5', bearer),
  post('an empty body', '/trpc/tasks.create', '', bearer),
  get('a URL-encoded path', '/trpc/auth%2Eme', bearer),
  get('an encoded comma in a batch', `/trpc/auth.me%2Cusers.list?batch=1&input=${q({})}`, bearer),
  get('a double-encoded path (tRPC decodes twice)', '/trpc/auth%252Eme', bearer),
  post('CSRF: a cross-site cookie mutation', '/trpc/auth.logout', '{}', {
    as: 'cookie',
    headers: { origin: 'http://evil.test' },
  }),
  get('an unexpected failure', '/trpc/notifications.unreadCount', { ...bearer, wrongType: true }),
  post('a POST that is not JSON', '/trpc/auth.logout', 'a=1', {
    served: 'hook',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }),
  // Handed to tRPC's handler:
  get('HEAD', '/trpc/auth.me', { served: 'trpc', method: 'HEAD' }),
  get('jsonl by trpc-accept', `/trpc/auth.me,users.list?batch=1&input=${q({})}`, {
    ...bearer,
    served: 'trpc',
    headers: { 'trpc-accept': 'application/jsonl' },
  }),
  post('jsonl by accept', '/trpc/auth.logout?batch=1', '{}', {
    served: 'trpc',
    headers: { accept: 'application/jsonl' },
  }),
  get('jsonl without a batch', '/trpc/auth.me', {
    ...bearer,
    served: 'trpc',
    headers: { 'trpc-accept': 'application/jsonl' },
  }),
  post('a subscription by POST', '/trpc/notifications.onEvent', '{}', {
    ...bearer,
    served: 'trpc',
  }),
  get('a subscription in a batch', '/trpc/auth.me,notifications.onEvent?batch=1', {
    ...bearer,
    served: 'trpc',
  }),
  get('connectionParams', '/trpc/auth.me?connectionParams=oops', { ...bearer, served: 'trpc' }),
  post('a JSON type in capitals', '/trpc/auth.logout', '{}', {
    served: 'trpc',
    headers: { 'content-type': 'Application/JSON' },
  }),
  get('a GET with a multipart type', '/trpc/auth.me', {
    served: 'trpc',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
  }),
  get('PUT', '/trpc/auth.me', { served: 'trpc', method: 'PUT' }),
  get('a path that decodes to a bad escape', '/trpc/auth%25', { served: 'trpc' }),
  get('a Host the URL parser refuses', '/trpc/auth.me', {
    served: 'trpc',
    headers: { host: 'bad host' },
  }),
  get('a fragment in the request target', `/trpc/auth.me?input=${q({})}#x`, {
    ...bearer,
    served: 'trpc',
  }),
];

let services: Services;
let redis: RedisClient;
let pair: Pair;
const auth = { bearer: {} as Record<string, string>, cookie: {} as Record<string, string> };
let userId: string;

beforeAll(async () => {
  redis = createRedisClient(stack.testRedis.target);
  services = createServices({
    config: {
      jwtSecret: TEST_JWT_SECRET,
      sessionTtlSeconds: 8 * 3600,
      notificationTtlSeconds: 86_400,
      allowedOrigins: [],
      loginLimits: { perEmailAndIp: 10, perIp: 100, windowSeconds: 900 },
    },
    redis,
    subscriber: duplicateForSubscribing(redis),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const createContext = createContextFactory(services);
  pair = await startPair(
    appRouter,
    (req, res) => createContext(toRequestInfo(req, res)),
    (ctx: Context) => ctx.user?.email ?? 'anonymous',
  );
  const manager = { email: 'manager@demo.test', password: 'demo-password' };
  const token = await trpcMutation(stack.server.url, 'auth.createToken', manager);
  const { accessToken } = (token.body as { result: { data: { accessToken: string } } }).result.data;
  auth.bearer = { authorization: `Bearer ${accessToken}` };
  const signedIn = await trpcMutation(stack.server.url, 'auth.login', manager);
  auth.cookie = { cookie: sessionCookie(signedIn.headers) };
  const me = await trpcQuery(stack.server.url, 'auth.me', undefined, auth.bearer);
  userId = (me.body as { result: { data: { id: string } } }).result.data.id;
});

afterAll(async () => {
  await pair.close();
  await services.notifications.close();
  redis.disconnect();
});

/** Runs `send` with the case's credentials, and with its broken Redis key meanwhile. */
async function withCase<T>(c: Case, send: (exchange: Exchange) => Promise<T>): Promise<T> {
  const headers = { ...(c.as ? auth[c.as] : {}), ...c.headers };
  const key = `{u:${userId}}:unread`;
  if (c.wrongType) await stack.redis.set(key, 'not a sorted set');
  try {
    return await send({ ...c, headers });
  } finally {
    if (c.wrongType) await stack.redis.del(key);
  }
}

describe('the lean /trpc/:path route against tRPC’s fastify adapter', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const handed = handedToTrpc();
    const both = await withCase(c, (exchange) => sendToBoth(pair, exchange));
    const built = await withCase(c, (exchange) => send(stack.server.url, exchange));

    expect(comparable(both.answer)).toEqual(comparable(both.expected));
    expect(comparable(built)).toEqual(comparable(both.expected));
    expect(both.lean).toEqual(both.stock); // onError's arguments, and createContext calls
    expect(handedToTrpc() - handed).toBe(c.served === 'trpc' ? 1 : 0);
    if (c.served === 'lean') {
      expect(both.answer.headers['content-length']).toBe(
        String(Buffer.byteLength(both.answer.body)),
      );
    }
  });

  it('auth.login served directly sets a session cookie that signs auth.me in', async () => {
    const handed = handedToTrpc();
    const signedIn = await trpcMutation(pair.lean.url, 'auth.login', {
      email: 'sales2@demo.test',
      password: 'demo-password',
    });
    const cookie = { cookie: sessionCookie(signedIn.headers) };
    const me = await trpcQuery(pair.lean.url, 'auth.me', undefined, cookie);
    expect(me.body).toMatchObject({ result: { data: { email: 'sales2@demo.test' } } });
    expect(handedToTrpc() - handed).toBe(0);
  });
});
