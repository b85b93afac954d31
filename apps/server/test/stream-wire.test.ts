import { beforeAll, describe, expect, it, vi } from 'vitest';
import { userKeys } from '@acme/notifications';
import { connectionFor } from '@acme/redis';
import { taskAssigned } from './fixtures';
import { trpcMutation } from './http';
import { useStack } from './stack';

// The server serves `notifications.onEvent` with its own lean transport; these tests pin the
// bytes to tRPC's SSE wire format, which `httpSubscriptionLink` parses.
const stack = useStack();

let token = '';
let userId = '';

beforeAll(async () => {
  const res = await trpcMutation(stack.server.url, 'auth.createToken', {
    email: 'sales2@demo.test',
    password: 'demo-password',
  });
  token = (res.body as { result: { data: { accessToken: string } } }).result.data.accessToken;
  const me = await fetch(`${stack.server.url}/trpc/auth.me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  userId = ((await me.json()) as { result: { data: { id: string } } }).result.data.id;
});

/** Opens the stream with fetch and keeps its raw text, to assert on exact bytes. */
async function openRaw(query = '', headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(`${stack.server.url}/trpc/notifications.onEvent${query}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  let text = '';
  let ended = false;
  const body = res.body;
  if (!body) throw new Error('no body');
  const decoder = new TextDecoder();
  const pump = (async () => {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    ended = true;
  })().catch(() => undefined);
  return {
    res,
    text: () => text,
    ended: () => ended,
    until: (check: (text: string) => boolean) =>
      vi.waitFor(
        () => {
          if (!check(text)) throw new Error(`not yet: ${JSON.stringify(text)}`);
        },
        { timeout: 5_000, interval: 10 },
      ),
    close: async () => {
      abort.abort();
      await pump;
    },
  };
}

const CONNECTED = 'event: connected\ndata: {"reconnectAfterInactivityMs":25000}\n\n\n';
const dataIds = (text: string) => [...text.matchAll(/^id: (.+)$/gm)].map((m) => m[1]);

describe('the notifications.onEvent wire format', () => {
  it('sends tRPC headers, `connected`, then the initial sync.reset as a tracked event', async () => {
    const stream = await openRaw();
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.res.headers.get('x-accel-buffering')).toBe('no');
    await stream.until((t) => t.includes('sync.reset'));
    expect(stream.text()).toMatch(
      /^event: connected\ndata: \{"reconnectAfterInactivityMs":25000\}\n\n\ndata: \{"kind":"sync\.reset","reason":"initial"\}\nid: \d+-\d+\n\n\n$/,
    );

    const { notification, eventId } = await stack.store.create(userId, taskAssigned());
    await stream.until((t) => t.includes(notification.id));
    const last = /^data: (.*)\nid: (.*)$/.exec(stream.text().split('\n\n\n').at(-2) ?? '');
    expect(last?.[2]).toBe(eventId);
    expect(JSON.parse(last?.[1] ?? '')).toEqual({ kind: 'notification.created', notification });
    await stream.close();
  });

  it('resumes after Last-Event-ID, and after ?lastEventId= merged into the input', async () => {
    const first = await stack.store.create(userId, taskAssigned());
    const second = await stack.store.create(userId, taskAssigned());
    const third = await stack.store.create(userId, taskAssigned());
    const ids = [second, third].map((c) => c.eventId);

    const byHeader = await openRaw('', { 'last-event-id': first.eventId });
    const byQuery = await openRaw(
      `?input=${encodeURIComponent('{}')}&lastEventId=${first.eventId}`,
    );
    for (const stream of [byHeader, byQuery]) {
      await stream.until((t) => dataIds(t).length >= 2);
      expect(stream.text().startsWith(CONNECTED)).toBe(true);
      expect(stream.text()).not.toContain('sync.reset');
      expect(dataIds(stream.text())).toEqual(ids);
      await stream.close();
    }
  });

  it('answers bad input with a serialized BAD_REQUEST carrying the zod issues, and ends', async () => {
    const stream = await openRaw(`?input=${encodeURIComponent('{"lastEventId":42}')}`);
    await stream.until(() => stream.ended());
    const [connected, error, rest] = stream.text().split('\n\n\n');
    expect(`${connected ?? ''}\n\n\n`).toBe(CONNECTED);
    expect(rest).toBe('');
    expect(error?.startsWith('event: serialized-error\ndata: ')).toBe(true);
    const shape = JSON.parse(error?.slice('event: serialized-error\ndata: '.length) ?? '') as {
      code: number;
      data: { code: string; httpStatus: number; issues: { path: string[] }[] };
    };
    expect(shape.code).toBe(-32600);
    expect(shape.data.code).toBe('BAD_REQUEST');
    expect(shape.data.httpStatus).toBe(400);
    expect(shape.data.issues[0]?.path).toEqual(['lastEventId']);
  });

  it('answers unparseable input with PARSE_ERROR, and no session with UNAUTHORIZED', async () => {
    const garbled = await openRaw('?input=%7Bnot-json');
    await garbled.until(() => garbled.ended());
    expect(garbled.text()).toContain('"code":"PARSE_ERROR"');

    const anonymous = await openRaw('', { authorization: '' });
    await anonymous.until(() => anonymous.ended());
    expect(anonymous.text()).toMatch(
      /^event: connected\n.*\n\n\nevent: serialized-error\ndata: .*"code":"UNAUTHORIZED","httpStatus":401/s,
    );
    expect(anonymous.text()).not.toContain('sync.reset');
  });

  it('releases the Redis subscription when the client goes away', async () => {
    const channel = userKeys(userId).channel;
    // Shard channels are counted by the node serving their slot (on a cluster, its master).
    const subscribers = async () => {
      const node = connectionFor(stack.redis, channel);
      if (!node) throw new Error(`no master serves ${channel}`);
      const reply = (await node.call('PUBSUB', 'SHARDNUMSUB', channel)) as [string, number];
      return reply[1];
    };
    const before = await subscribers();
    const stream = await openRaw();
    await stream.until((t) => t.includes('sync.reset'));
    expect(await subscribers()).toBe(before + 1);
    await stream.close();
    await vi.waitFor(async () => {
      expect(await subscribers()).toBe(before);
    });
  });
});
