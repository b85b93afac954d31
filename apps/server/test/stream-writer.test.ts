import type { ServerResponse } from 'node:http';
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import type { Notification } from '@acme/contracts';
import { SlowConsumerError, type StreamItem } from '@acme/notifications';
import { namedEvents, unnamedEvents } from '../src/sse/seed-dialects';
import { writeSseStream, type SseDialect } from '../src/sse/stream-writer';
import { taskAssigned } from './fixtures';
import { manualHeartbeat, pushFrom, serveStream, settle } from './sse-harness';

/** An item whose event is a notification.unread, standing for `text` in a test dialect. */
const textItem = (id: string, text: string): StreamItem => ({
  id,
  event: { kind: 'notification.unread', id: text },
});
const textOf = (item: StreamItem) =>
  item.event.kind === 'notification.unread' ? item.event.id : '';

describe('backpressure', () => {
  it('waits for drain before taking the next value, and skips a ping while the socket is full', async () => {
    const { heartbeat, beat } = manualHeartbeat();
    const dialect: SseDialect<null> = {
      headers: { 'content-type': 'text/event-stream' },
      heartbeat,
      connectsOnFirstEvent: false,
      connected: () => 'connected\n',
      ping: () => 'ping\n',
      value: (item) => `${textOf(item).length}:${textOf(item)}\n`,
      returned: () => 'return\n',
      failed: () => 'failed\n',
    };
    const big = 'x'.repeat(32 * 1024 * 1024);
    let res: ServerResponse | null = null;
    let fullWhenResumed: boolean | null = null;
    async function* source() {
      await settle();
      yield textItem('1-0', big);
      fullWhenResumed = res?.writableNeedDrain ?? null;
      yield textItem('1-1', 'small');
    }
    const stream = await serveStream((r) => {
      res = r;
      writeSseStream({ res: r, dialect, resumeId: null, call: null, open: pushFrom(source()) });
    });
    stream.response.pause();
    await vi.waitFor(() => {
      expect(res?.writableNeedDrain).toBe(true);
    });
    beat();
    stream.response.resume();
    await stream.ended;
    expect(fullWhenResumed).toBe(false);
    expect(stream.text()).toBe(`connected\n${big.length}:${big}\n5:small\nreturn\n`);
  });
});

const created = (id: string): StreamItem => {
  const n = taskAssigned('seed');
  if (n.type !== 'task_assignment') throw new Error('a task assignment');
  const now = new Date(0).toISOString();
  const notification: Notification = {
    ...n,
    actor: null,
    metadata: n.metadata ?? {},
    id: `n-${id}`,
    userId: 'u1',
    isRead: false,
    readAt: null,
    archivedAt: null,
    snoozedUntil: null,
    createdAt: now,
    updatedAt: now,
  };
  return { id, event: { kind: 'notification.created', notification } };
};

async function runSeed(
  dialect: typeof namedEvents,
  opts: { resumeId: string | null; values: StreamItem[]; end?: TRPCError },
) {
  const onError = vi.fn();
  async function* source() {
    for (const value of opts.values) {
      await settle();
      yield value;
    }
    if (opts.end) throw opts.end;
  }
  const stream = await serveStream((res) => {
    writeSseStream({
      res,
      dialect,
      resumeId: opts.resumeId,
      call: { onError },
      open: pushFrom(source()),
    });
  });
  await stream.ended;
  return { text: stream.text(), onError };
}

describe('the seed dialects', () => {
  const reset: StreamItem = { id: '5-0', event: { kind: 'sync.reset', reason: 'initial' } };

  it('a fresh stream connects on its first event, with that id; a resumed one at once', async () => {
    const fresh = await runSeed(namedEvents, { resumeId: null, values: [reset, created('5-1')] });
    const blocks = fresh.text.split('\n\n');
    expect(blocks[0]).toBe(
      'retry: 3000\nevent: connected\nid: 5-0\ndata: {"message":"Connected to notification stream"}',
    );
    expect(blocks[1]).toMatch(/^event: notification\nid: 5-1\ndata: \{"id":"n-5-1",/);

    const resumed = await runSeed(unnamedEvents, { resumeId: '4-0', values: [] });
    expect(resumed.text).toBe(
      'retry: 3000\nid: 4-0\ndata: {"message":"SSE connection established"}\n\n' +
        'id: 4-0\ndata: {"error":"Server is restarting"}\n\n',
    );
  });

  it.each([
    ['UNAUTHORIZED', undefined, 'Token expired'],
    ['SERVICE_UNAVAILABLE', undefined, 'Server is restarting'],
    ['SERVICE_UNAVAILABLE', new SlowConsumerError(1000), 'Stream interrupted'],
    ['INTERNAL_SERVER_ERROR', new Error('redis went away'), 'Stream interrupted'],
  ] as [TRPC_ERROR_CODE_KEY, Error | undefined, string][])(
    'the procedure ending with %s (caused by %s) is the `error` event "%s"',
    async (code, cause, message) => {
      const end = new TRPCError({ code, message: 'from the procedure', cause });
      const named = await runSeed(namedEvents, { resumeId: null, values: [reset], end });
      expect(named.text.endsWith(`event: error\nid: 5-0\ndata: {"error":"${message}"}\n\n`)).toBe(
        true,
      );
      // Every end reaches the server's one logging policy, which picks the level.
      expect(named.onError.mock.calls).toEqual([[end]]);
      const unnamed = await runSeed(unnamedEvents, { resumeId: null, values: [reset], end });
      expect(unnamed.text.endsWith(`id: 5-0\ndata: {"error":"${message}"}\n\n`)).toBe(true);
    },
  );
});
