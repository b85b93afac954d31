import { describe, expect, it, vi } from 'vitest';
import { parseStreamItem, type StreamItem } from './codec';
import { userKeys } from './keys';
import { LocalEvents } from './local-events';
import { streamIds, take, taskAssignment, useRedis, waitLive } from './test-support';

const env = useRedis();
const never = () => new AbortController().signal;
const members = ['ann', 'ben', 'cat', 'dan'];

describe('createMany with content shared by several recipients', () => {
  it('stores the same JSON as before and delivers live exactly what a replay reads', async () => {
    const service = env.service();
    // Three of them listen here; dan does not (his event is not kept for the bus).
    const live = members
      .slice(0, 3)
      .map((userId) => take(service.events(userId, { signal: never() }), 2));
    for (const userId of members.slice(0, 3)) {
      await waitLive(service, env.redis, userKeys(userId).channel, 3);
    }
    const taken = vi.spyOn(LocalEvents.prototype, 'take');
    const shared = taskAssignment(1);
    const created = await service.createMany(members.map((userId) => ({ userId, input: shared })));

    for (const { notification, eventId } of created) {
      const keys = userKeys(notification.userId);
      expect(await env.redis.hget(keys.notification(notification.id), 'data')).toBe(
        JSON.stringify(notification),
      );
      expect(await streamIds(env.redis, keys.events)).toEqual([eventId]);
    }
    for (const [i, items] of (await Promise.all(live)).entries()) {
      const item = items[1];
      const { notification, eventId } = created[i] ?? {};
      expect(item?.id).toBe(eventId);
      expect(item?.event).toEqual({ kind: 'notification.created', notification });
      // Same values and key order as parsing the stored event (what replay and other
      // processes deliver), so the wire format does not depend on who wrote the event.
      const [[, fields] = ['', []]] = await env.redis.xrange(
        userKeys(notification?.userId ?? '').events,
        '-',
        '+',
      );
      const parsed = parseStreamItem(`{"id":"${eventId ?? ''}","event":${fields[1] ?? ''}}`);
      expect(JSON.stringify(item)).toBe(JSON.stringify(parsed));
    }
    // The three live deliveries were the objects the store built, not parsed again.
    expect(taken.mock.results.filter((r) => r.value !== null)).toHaveLength(3);
    taken.mockRestore();
  });
});

describe('LocalEvents', () => {
  // The object is only carried along: LocalEvents matches on the JSON.
  const event = { kind: 'notifications.allRead', readAt: '2030-01-01T09:00:00.000Z' } as const;
  const created = (id: string) =>
    `{"kind":"notification.created","notification":{"title":"a,\\"id\\":\\"x","id":"${id}","userId":"bob"}}`;
  const json = created('n1');
  const message = (id: string, body = json) => `{"id":"${id}","event":${body}}`;

  it('takes a kept event once, for a well-formed envelope and the exact JSON only', () => {
    const local = new LocalEvents(() => true);
    local.add(json, event);
    for (const bad of [
      `{"id":"1-0","event":${json}`,
      `{"id":"x","event":${json}}`,
      message('1-0', '{}'),
      message('1-0', json.replace('"bob"', '"eve"')),
    ]) {
      expect(local.take(bad)).toBeNull();
    }
    const item: StreamItem | null = local.take(message('5-1'));
    expect(item).toEqual({ id: '5-1', event });
    expect(local.take(message('5-1'))).toBeNull();
    expect(local.size).toBe(0);
  });

  it('drops what never came back after one to two max ages, and what was discarded', () => {
    let now = 0;
    const local = new LocalEvents(
      () => true,
      () => now,
      1000,
    );
    local.add(json, event);
    local.add(created('n2'), event);
    local.discard(created('n2'));
    expect(local.size).toBe(1);
    now = 1000;
    local.add(created('n3'), event); // rotates: n1 is now in the older generation
    expect(local.size).toBe(2);
    now = 2000;
    local.add(created('n4'), event); // rotates again: n1 is gone
    expect(local.take(message('1-0'))).toBeNull();
    expect(local.size).toBe(2);
    expect(local.take(message('1-0', created('n3')))).toEqual({ id: '1-0', event });
  });
});
