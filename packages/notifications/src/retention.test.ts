import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotificationNotFoundError } from './errors';
import { detectGap } from './events';
import { userKeys } from './keys';
import { eventually, stepper, streamIds, take, taskAssignment, useRedis } from './test-support';

const env = useRedis();
const keys = userKeys('bob');
const never = () => new AbortController().signal;
const reset = (id: string, reason: 'expired' | 'unknown_id') => ({
  id,
  event: { kind: 'sync.reset', reason },
});

async function streamField(field: string): Promise<string> {
  const info = z.array(z.unknown()).parse(await env.redis.xinfo('STREAM', keys.events));
  return z.string().parse(info[info.indexOf(field) + 1]);
}

describe('retention (injected clock)', () => {
  it('drops expired notifications from list, counts and replay', async () => {
    let now = Date.now();
    const service = env.service({ ttlSeconds: 1, now: () => now });
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await service.create('bob', taskAssignment(i)));
    const first = created[0]?.notification.id ?? '';
    await service.markRead('bob', first);
    expect((await service.list('bob', {})).items).toHaveLength(3);

    now += 60_000;
    expect(await service.list('bob', {})).toEqual({ items: [], nextCursor: null });
    expect(await service.list('bob', { unreadOnly: true })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await service.unreadCount('bob')).toBe(0);
    expect(await service.get('bob', first)).toBeNull();
    await expect(service.markUnread('bob', first)).rejects.toBeInstanceOf(
      NotificationNotFoundError,
    );
    expect(await service.markAllRead('bob')).toEqual({ count: 0, ids: [] });

    const lastId = await streamField('last-generated-id');
    const replay = await take(
      service.events('bob', { afterId: created[0]?.eventId, signal: never() }),
      1,
    );
    expect(replay).toEqual([reset(lastId, 'expired')]);
  });

  it('trims the stream on write and records what it deleted', async () => {
    let now = Date.now();
    const service = env.service({ ttlSeconds: 1, now: () => now });
    const created = await service.createMany(
      Array.from({ length: 250 }, (_, i) => ({ userId: 'bob', input: taskAssignment(i) })),
    );
    expect(await streamField('max-deleted-entry-id')).toBe('0-0');

    now += 60_000;
    const late = await service.create('bob', taskAssignment(250));
    // Whole stream nodes (100 entries) are dropped; the entry just added never is.
    expect(await env.redis.xlen(keys.events)).toBeLessThan(251);
    expect((await streamIds(env.redis, keys.events)).at(-1)).toBe(late.eventId);
    expect(await streamField('max-deleted-entry-id')).not.toBe('0-0');

    const replay = await take(
      service.events('bob', { afterId: created[10]?.eventId, signal: never() }),
      1,
    );
    expect(replay).toEqual([reset(late.eventId, 'expired')]);

    // Even with the clock back where nothing looks old, the trimmed entries stay a gap.
    now = Date.now();
    const again = await take(
      service.events('bob', { afterId: created[10]?.eventId, signal: never() }),
      1,
    );
    expect(again).toEqual([reset(late.eventId, 'expired')]);
  });
});

describe('retention (real expiry)', () => {
  it('resets a reader whose stream expired, once, then continues live', async () => {
    const service = env.service({ ttlSeconds: 3 });
    const first = await service.create('bob', taskAssignment(1));
    await eventually(async () => {
      expect(await env.redis.exists(keys.events)).toBe(0);
    });
    expect(await env.keys()).toEqual([]);
    expect((await service.list('bob', {})).items).toEqual([]);
    expect(await service.unreadCount('bob')).toBe(0);

    const reader = stepper(service.events('bob', { afterId: first.eventId, signal: never() }));
    expect(await reader.next()).toEqual(reset('0-0', 'expired'));
    const next = reader.next();
    const second = await service.create('bob', taskAssignment(2));
    expect((await next)?.id).toBe(second.eventId);
    await reader.return();

    // The reset's id '0-0' resumes without another reset, as does the newest id.
    const fromReset = await take(service.events('bob', { afterId: '0-0', signal: never() }), 1);
    expect(fromReset.map((item) => item.id)).toEqual([second.eventId]);
    const fromLast = take(service.events('bob', { afterId: second.eventId, signal: never() }), 1);
    const third = await service.create('bob', taskAssignment(3));
    expect((await fromLast).map((item) => item.id)).toEqual([third.eventId]);
  });
});

describe('unknown ids', () => {
  it('resets readers whose id this stream never produced', async () => {
    const service = env.service();
    const { eventId } = await service.create('bob', taskAssignment(1));
    for (const afterId of ['99999999999999-0', 'garbage', '1-2-3', '']) {
      const replay = await take(service.events('bob', { afterId, signal: never() }), 1);
      expect(replay).toEqual([reset(eventId, 'unknown_id')]);
    }
    // Redis lost everything (flush): a recent id is unknown, not expired.
    await env.flush();
    const replay = await take(service.events('bob', { afterId: eventId, signal: never() }), 1);
    expect(replay).toEqual([reset('0-0', 'unknown_id')]);
  });
});

describe('detectGap', () => {
  const info = (lastId: string, maxDeletedId = '0-0', newestExpiredId: string | null = null) => ({
    lastId,
    maxDeletedId,
    newestExpiredId,
  });

  it.each([
    ['up to date', '10-1', info('10-1'), null],
    ['behind, nothing deleted', '5-0', info('10-1'), null],
    ['right at the last deleted id', '5-0', info('10-1', '5-0'), null],
    ['before a deleted id', '4-9', info('10-1', '5-0'), 'expired'],
    ['before an expired, untrimmed entry', '4-0', info('10-1', '0-0', '6-0'), 'expired'],
    ['numeric, not string, comparison', '9-0', info('10-1', '10-0'), 'expired'],
    ['everything trimmed, up to date', '10-1', info('10-1', '10-1'), null],
    ['everything trimmed, from 0-0', '0-0', info('10-1', '10-1'), 'expired'],
    ['ahead of the stream', '11-0', info('10-1'), 'unknown_id'],
    ['malformed', '10', info('10-1'), 'unknown_id'],
    ['no stream, from 0-0', '0-0', null, null],
    ['no stream, old id', '500-0', null, 'expired'],
    ['no stream, id within retention', '2000-0', null, 'unknown_id'],
    ['no stream, malformed', 'x', null, 'unknown_id'],
  ] as const)('%s', (_, afterId, streamInfo, expected) => {
    expect(detectGap(afterId, streamInfo, 1000)).toBe(expected);
  });
});
