import { initTRPC, TRPCError } from '@trpc/server';
import type * as TrpcFastify from '@trpc/server/adapters/fastify';
import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import { isObject } from '@trpc/server/unstable-core-do-not-import';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { comparable, sendToBoth, startPair, type Exchange, type Pair } from './trpc-http-harness';

// What the app router does not exercise: a transformer on inputs and outputs, an
// errorFormatter that reads ctx, input, type and path, results only httpBatchStreamLink can
// carry, a result JSON cannot encode, and a createContext that fails.

vi.mock('@trpc/server/adapters/fastify', async (importOriginal) => {
  const real = await importOriginal<typeof TrpcFastify>();
  return { ...real, fastifyRequestHandler: vi.fn(real.fastifyRequestHandler) };
});
const handedToTrpc = () => vi.mocked(fastifyRequestHandler).mock.calls.length;

interface Ctx {
  who: string;
}

const t = initTRPC.context<Ctx>().create({
  isDev: false,
  transformer: {
    serialize: (value: unknown) => ({ wrapped: value }),
    deserialize: (value: unknown) => {
      if (!isObject(value) || !('wrapped' in value)) throw new Error('Not wrapped');
      return value.wrapped;
    },
  },
  errorFormatter: ({ shape, ctx, input, type, path }) => ({
    ...shape,
    seen: { who: ctx?.who ?? null, input, type, path: path ?? null },
  }),
});
const n = z.object({ n: z.number() });
const router = t.router({
  echo: t.procedure
    .input(n)
    .query(({ input, ctx }) => ({ ...input, who: ctx.who, at: new Date(0) })),
  add: t.procedure.input(n).mutation(({ input }) => input.n + 1),
  conflict: t.procedure.mutation(() => {
    throw new TRPCError({ code: 'CONFLICT', message: 'Taken' });
  }),
  boom: t.procedure.query(() => {
    throw new Error('kaput');
  }),
  deferred: t.procedure.query(() => ({ later: Promise.resolve(1) })),
  big: t.procedure.query(() => 10n),
  nothing: t.procedure.query(() => undefined),
});

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const wrapped = (value: unknown) => ({ wrapped: value });
const json = { 'content-type': 'application/json' };
const failing = { 'x-fail': '1' };

const cases: [string, Exchange][] = [
  ['a query', { method: 'GET', path: `/trpc/echo?input=${q(wrapped({ n: 1 }))}` }],
  [
    'a batch, 207',
    {
      method: 'GET',
      path: `/trpc/echo,echo?batch=1&input=${q({ 0: wrapped({ n: 1 }), 1: wrapped({ n: 'x' }) })}`,
    },
  ],
  ['an input deserialize refuses', { method: 'GET', path: `/trpc/echo?input=${q({ n: 1 })}` }],
  [
    'a mutation',
    { method: 'POST', path: '/trpc/add', headers: json, body: JSON.stringify(wrapped({ n: 1 })) },
  ],
  [
    'a batch of mutations',
    {
      method: 'POST',
      path: '/trpc/add,conflict?batch=1',
      headers: json,
      body: JSON.stringify({ 0: wrapped({ n: 2 }) }),
    },
  ],
  ['a TRPCError', { method: 'POST', path: '/trpc/conflict', headers: json, body: '' }],
  ['a plain Error', { method: 'GET', path: '/trpc/boom' }],
  ['a promise in the result', { method: 'GET', path: '/trpc/deferred' }],
  [
    'a promise in a batched result',
    { method: 'GET', path: `/trpc/deferred,echo?batch=1&input=${q({ 1: wrapped({ n: 3 }) })}` },
  ],
  ['a result JSON cannot encode', { method: 'GET', path: '/trpc/big' }],
  ['a batched result JSON cannot encode', { method: 'GET', path: '/trpc/big,nothing?batch=1' }],
  ['an undefined result', { method: 'GET', path: '/trpc/nothing' }],
  [
    'createContext fails',
    { method: 'GET', path: `/trpc/echo?input=${q(wrapped({ n: 1 }))}`, headers: failing },
  ],
  [
    'createContext fails for a batch',
    { method: 'GET', path: '/trpc/nothing,boom?batch=1', headers: failing },
  ],
  [
    'createContext fails for an unknown path',
    { method: 'GET', path: '/trpc/nope', headers: failing },
  ],
  ['mixed types', { method: 'POST', path: '/trpc/echo,add?batch=1', headers: json, body: '{}' }],
];

let pair: Pair;

beforeAll(async () => {
  pair = await startPair(
    router,
    (req) => {
      if (req.headers['x-fail']) return Promise.reject(new Error('no context today'));
      return Promise.resolve({ who: req.headers['user-agent'] ?? 'someone' });
    },
    (ctx) => ctx.who,
  );
});

afterAll(async () => {
  await pair.close();
});

describe('the lean route with a transformer and an errorFormatter of its own', () => {
  it.each(cases)('%s', async (_name, exchange) => {
    const handed = handedToTrpc();
    const { expected, answer, stock, lean } = await sendToBoth(pair, exchange);
    expect(comparable(answer)).toEqual(comparable(expected));
    expect(lean).toEqual(stock);
    expect(handedToTrpc() - handed).toBe(0);
  });
});
