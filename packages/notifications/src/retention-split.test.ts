import { describe, expect, it } from 'vitest';
import { userKeys } from './keys';
import { eventually, take, taskAssignment, useRedis } from './test-support';
import { idsOf, listAll } from './view-support';

const env = useRedis();
const keys = userKeys('bob');
const never = () => new AbortController().signal;
const hour = 3600_000;
const day = 24 * hour;

describe('history ttl and event replay window', () => {
  it('trims the stream at the replay window (24 h by default) while the history stays', async () => {
    let now = Date.now();
    const service = env.service({ ttlSeconds: 30 * 86_400, now: () => now });
    const created = await service.createMany(
      Array.from({ length: 250 }, (_, i) => ({ userId: 'bob', input: taskAssignment(i) })),
    );
    now += 23 * hour;
    await service.create('bob', taskAssignment(250));
    expect(await env.redis.xlen(keys.events)).toBe(251);

    now += 2 * hour;
    const late = await service.create('bob', taskAssignment(251));
    expect(await env.redis.xlen(keys.events)).toBeLessThan(252);
    expect(await service.unreadCount('bob')).toBe(252);
    expect(await listAll(service, 'bob', 'inbox')).toHaveLength(252);
    const replay = await take(
      service.events('bob', { afterId: created[10]?.eventId, signal: never() }),
      1,
    );
    expect(replay).toEqual([
      { id: late.eventId, event: { kind: 'sync.reset', reason: 'expired' } },
    ]);
  });

  it('takes eventReplaySeconds, capped at the history ttl', async () => {
    let now = Date.now();
    const reset = (id: string) => [{ id, event: { kind: 'sync.reset', reason: 'expired' } }];
    const service = env.service({ ttlSeconds: 3600, eventReplaySeconds: 10, now: () => now });
    const first = await service.create('bob', taskAssignment(1));
    const mid = await service.create('bob', taskAssignment(2));
    now += 11_000;
    const second = await service.create('bob', taskAssignment(3));
    const replay = await take(
      service.events('bob', { afterId: first.eventId, signal: never() }),
      1,
    );
    expect(replay).toEqual(reset(second.eventId));
    expect(await service.unreadCount('bob')).toBe(3);

    // A replay window longer than the history is cut to it: events of notifications gone.
    const capped = env.service({ ttlSeconds: 10, eventReplaySeconds: 86_400, now: () => now });
    now += 11_000;
    const third = await capped.create('bob', taskAssignment(4));
    const after = await take(capped.events('bob', { afterId: mid.eventId, signal: never() }), 1);
    expect(after).toEqual(reset(third.eventId));
  });
});

describe('snoozed items and the ttl', () => {
  it('keeps a 90-day snooze, and its set, past a 30-day ttl', async () => {
    const service = env.service({ ttlSeconds: 30 * 86_400 });
    const { notification } = await service.create('bob', taskAssignment(1));
    await service.snooze('bob', notification.id, new Date(Date.now() + 90 * day).toISOString());
    for (const key of [keys.notification(notification.id), keys.snoozed]) {
      expect(await env.redis.pttl(key)).toBeGreaterThan(119 * day);
    }
  });

  it('a snoozed item outlives its ttl and wakes into the inbox', async () => {
    const service = env.service({ ttlSeconds: 1 });
    const { notification } = await service.create('bob', taskAssignment(1));
    const until = Date.now() + 60_000;
    await service.snooze('bob', notification.id, new Date(until).toISOString());
    // The ttl passes: the stream, which nothing extends, expires.
    await eventually(async () => {
      expect(await env.redis.exists(keys.events)).toBe(0);
    });
    expect(idsOf(await listAll(service, 'bob', 'snoozed'))).toEqual([notification.id]);
    expect(await service.wake('bob', notification.id, until)).toBe(true);
    expect(idsOf(await listAll(service, 'bob', 'inbox'))).toEqual([notification.id]);
    expect(await service.unreadCount('bob')).toBe(1);
  });
});
