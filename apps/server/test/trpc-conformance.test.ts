import {
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  initTRPC,
  tracked,
  TRPCError,
  type AnyTRPCRouter,
} from '@trpc/server';
import { sseHeaders, sseStreamProducer } from '@trpc/server/unstable-core-do-not-import';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRouter } from '@acme/api';
import type { StreamItem } from '@acme/notifications';
import { readSseConfig } from '../src/sse/router-sse-config';
import { writeSseStream } from '../src/sse/stream-writer';
import { createTrpcDialect } from '../src/sse/trpc-dialect';
import { manualHeartbeat, pushFrom, serveStream, settle } from './sse-harness';

// The lean transport's bytes against tRPC's own producer (what its HTTP handlers stream),
// for the same values. The one thing that differs by design is *when* pings happen (tRPC:
// after intervalMs of silence, per stream; here: the shared heartbeat), so both sides get
// exactly one ping at the same point: tRPC's by advancing its timer, ours by beating.

const PATH = 'notifications.onEvent';

/** A source that pauses once (where the ping goes) and then returns, throws, or throws at once. */
type Ending = 'return' | 'error' | 'fails to open';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function script(ending: Ending, error: Error) {
  const paused = deferred();
  const resumed = deferred();
  async function* source(): AsyncGenerator<StreamItem> {
    if (ending === 'fails to open') throw error;
    yield { id: '1700000000000-0', event: { kind: 'sync.reset', reason: 'initial' } };
    yield { id: '1700000000000-1', event: { kind: 'notification.unread', id: 'n1' } };
    paused.resolve();
    await resumed.promise;
    yield { id: '1700000000001-0', event: { kind: 'notification.unread', id: 'n2' } };
    if (ending === 'error') throw error;
  }
  return { source, paused: paused.promise, release: resumed.resolve };
}

/** tRPC's producer, set up as its resolveResponse does from the router's config. */
async function viaTrpc(router: AnyTRPCRouter, ending: Ending, error: Error) {
  const config = router._def._config;
  const intervalMs = config.sse?.ping?.intervalMs ?? 1000;
  const { source, paused, release } = script(ending, error);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  async function* asProcedureYields() {
    for await (const { id, event } of source()) yield tracked(id, event);
  }
  const stream = sseStreamProducer({
    ...config.sse,
    data: asProcedureYields(),
    serialize: (v: unknown) => config.transformer.output.serialize(v) as unknown,
    formatError: ({ error: cause }) =>
      getTRPCErrorShape({
        config,
        ctx: undefined,
        error: getTRPCErrorFromUnknown(cause),
        input: undefined,
        path: PATH,
        type: 'subscription',
      }) as unknown,
  });
  let text = '';
  const decoder = new TextDecoder();
  const read = (async () => {
    for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });
  })();
  if (ending !== 'fails to open') {
    await paused;
    while (vi.getTimerCount() === 0) await settle(); // the producer's ping timer is set
    await vi.advanceTimersByTimeAsync(intervalMs);
    while (!text.includes('event: ping')) await settle();
    release();
  }
  await read;
  return text;
}

/** The lean transport over a real socket, with a heartbeat the test beats by hand. */
async function viaWriter(router: AnyTRPCRouter, ending: Ending, error: Error) {
  const { source, paused, release } = script(ending, error);
  const { heartbeat, beat, joined } = manualHeartbeat();
  const errors: TRPCError[] = [];
  const dialect = createTrpcDialect(readSseConfig(router), {
    path: PATH,
    heartbeat,
    onError: (e) => errors.push(e),
  });
  const stream = await serveStream((res) => {
    writeSseStream({
      res,
      dialect,
      resumeId: null,
      call: { ctx: undefined },
      open: pushFrom(source()),
    });
  });
  if (ending !== 'fails to open') {
    await paused;
    beat();
    release();
  }
  await stream.ended;
  return { text: stream.text(), headers: stream.response.headers, errors, joined: joined() };
}

const t = initTRPC.create({
  transformer: {
    serialize: (value: unknown) => ({ wrapped: value }),
    deserialize: (value: { wrapped: unknown }) => value.wrapped,
  },
  sse: { ping: { enabled: true, intervalMs: 700 }, client: { reconnectAfterInactivityMs: 3_000 } },
  errorFormatter: ({ shape }) => ({ ...shape, formatted: true }),
});
const transformingRouter = t.router({});

afterEach(() => {
  vi.useRealTimers();
});

describe.each([
  ['the app router', appRouter as AnyTRPCRouter],
  ['a router with a transformer and its own sse settings', transformingRouter],
])('the tRPC dialect with %s', (_name, router) => {
  // One error instance for both sides, so a stack in a dev error shape is the same.
  const expired = new TRPCError({ code: 'UNAUTHORIZED', message: 'Session expired' });
  const broken = new Error('boom');

  it.each([
    ['tracked values, a ping, return', 'return', expired],
    ['tracked values, a ping, a TRPCError', 'error', expired],
    ['a plain error before any value', 'fails to open', broken],
  ] as const)('%s: the same bytes as sseStreamProducer', async (_case, ending, error) => {
    const reference = await viaTrpc(router, ending, error);
    vi.useRealTimers();
    const ours = await viaWriter(router, ending, error);
    expect(ours.text).toBe(reference);
    expect(reference).toContain(ending === 'return' ? 'event: return' : 'event: serialized-error');
    if (ending !== 'fails to open') expect(reference).toContain('event: ping');
    expect(ours.errors).toHaveLength(ending === 'return' ? 0 : 1);
    expect(ours.joined).toBe(0);
    for (const [name, value] of Object.entries(sseHeaders)) {
      expect(ours.headers[name.toLowerCase()]).toBe(value);
    }
  });
});

describe('the tRPC dialect, serializing', () => {
  it('encodes one item once, however many streams it is written to', () => {
    let calls = 0;
    const config = {
      ...readSseConfig(appRouter),
      serialize: (value: unknown) => {
        calls += 1;
        return value;
      },
    };
    const dialect = createTrpcDialect(config, {
      path: 'p',
      onError: () => undefined,
      heartbeat: null,
    });
    const event = {
      kind: 'notification.read',
      id: 'n1',
      readAt: '2026-12-02T00:00:00.000Z',
    } as const;
    const item: StreamItem = { id: '1-0', event };
    const frames = Array.from({ length: 3 }, () => dialect.value(item));
    expect(new Set(frames).size).toBe(1);
    expect(frames[0]?.toString()).toBe(`data: ${JSON.stringify(event)}\nid: 1-0\n\n\n`);
    expect(calls).toBe(1);
    // An equal but distinct item (another user's event) is encoded on its own.
    dialect.value({ ...item });
    expect(calls).toBe(2);
  });
});
