import { describe, expect, it } from 'vitest';
import type { StreamItem } from './codec';
import { userKeys } from './keys';
import {
  shardSubscribers,
  stepper,
  streamIds,
  take,
  taskAssignment,
  useRedis,
  waitLive,
} from './test-support';

const env = useRedis();
const never = () => new AbortController().signal;
const eventIds = (items: StreamItem[]) => items.map((item) => item.id);
const initial = (id: string) => ({ id, event: { kind: 'sync.reset', reason: 'initial' } });

describe('live events', () => {
  it('starts a fresh iterator with an initial sync.reset, then delivers creates live', async () => {
    const service = env.service();
    const reader = stepper(service.events('bob', { signal: never() }));
    // No stream yet: the snapshot point is 0-0.
    expect(await reader.next()).toEqual(initial('0-0'));
    expect(await shardSubscribers(env.redis, userKeys('bob').channel)).toBe(1);
    const { notification, eventId } = await service.create('bob', taskAssignment(1));
    expect(await reader.next()).toEqual({
      id: eventId,
      event: { kind: 'notification.created', notification },
    });
    await reader.return();

    // With a stream, the initial id is its last id.
    const again = await take(service.events('bob', { signal: never() }), 1);
    expect(again).toEqual([initial(eventId)]);
  });

  it("fans out to every iterator of the user and to no one else's", async () => {
    const service = env.service();
    const bobs = [1, 2, 3].map(() => take(service.events('bob', { signal: never() }), 2));
    const alices = take(service.events('alice', { signal: never() }), 2);
    await waitLive(service, env.redis, userKeys('bob').channel, 4);
    await waitLive(service, env.redis, userKeys('alice').channel, 4);
    expect(service.stats()).toEqual({ subscribedUsers: 2, listeners: 4 });

    const forBob = await service.create('bob', taskAssignment(1));
    for (const items of await Promise.all(bobs)) {
      expect(eventIds(items)).toEqual(['0-0', forBob.eventId]);
    }
    // Alice's iterator is still open; the next thing it sees must be her own notification.
    const forAlice = await service.create('alice', taskAssignment(2, 'alice'));
    expect(eventIds(await alices)).toEqual(['0-0', forAlice.eventId]);
  });
});

describe('resume', () => {
  it('resumes after the last id with exactly what happened since, in order', async () => {
    const service = env.service();
    await service.create('bob', taskAssignment(0));
    const seen = await take(service.events('bob', { afterId: '0-0', signal: never() }), 1);
    const last = seen[0]?.id ?? '';
    expect(service.stats()).toEqual({ subscribedUsers: 0, listeners: 0 });

    const created = [];
    for (let i = 1; i <= 5; i++) created.push(await service.create('bob', taskAssignment(i)));
    const resumed = take(service.events('bob', { afterId: last, signal: never() }), 6);
    await waitLive(service, env.redis, userKeys('bob').channel, 1);
    const sixth = await service.create('bob', taskAssignment(6));
    expect(eventIds(await resumed)).toEqual([...created, sixth].map((c) => c.eventId));
  });

  it('loses and repeats nothing when creates race with the replay phase', async () => {
    const service = env.service();
    const { eventId: afterId } = await service.create('bob', taskAssignment(0));
    const total = 500;
    const readers: Promise<StreamItem[]>[] = [];
    // Waves of parallel creates; readers start between waves without waiting, so their
    // subscribe and replay run while the next waves are being written.
    for (let wave = 0; wave < 20; wave++) {
      if (wave % 6 === 2)
        readers.push(take(service.events('bob', { afterId, signal: never() }), total));
      await Promise.all(
        Array.from({ length: total / 20 }, (_, i) =>
          service.create('bob', taskAssignment(wave * 100 + i)),
        ),
      );
    }
    const expected = await streamIds(env.redis, userKeys('bob').events, afterId);
    expect(expected).toHaveLength(total);
    expect(readers).toHaveLength(3);
    for (const items of await Promise.all(readers)) expect(eventIds(items)).toEqual(expected);
  });

  it('delivers a burst of 1,000 creates to 3 listeners exactly once, in stream order', async () => {
    const service = env.service();
    const total = 1000;
    const readers = [1, 2, 3].map(() =>
      take(service.events('bob', { signal: never() }), total + 1),
    );
    await waitLive(service, env.redis, userKeys('bob').channel, 3);
    await Promise.all(
      Array.from({ length: total }, (_, i) => service.create('bob', taskAssignment(i))),
    );
    const expected = await streamIds(env.redis, userKeys('bob').events);
    expect(expected).toHaveLength(total);
    for (const [first, ...items] of await Promise.all(readers)) {
      expect(first).toEqual(initial('0-0'));
      expect(eventIds(items)).toEqual(expected);
      expect(items.every((item) => item.event.kind === 'notification.created')).toBe(true);
    }
  });
});
