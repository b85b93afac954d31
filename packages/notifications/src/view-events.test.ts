import type { StreamEvent } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import type { StreamItem } from './codec';
import { userKeys } from './keys';
import type { NotificationService } from './service';
import { leadAssignment, take, taskAssignment, useRedis, waitLive } from './test-support';

const env = useRedis();
const keys = userKeys('bob');
const never = () => new AbortController().signal;

/** The first `count` items pushed by follow(). */
function followed(service: NotificationService, afterId: string, count: number) {
  return new Promise<StreamItem[]>((resolve, reject) => {
    const items: StreamItem[] = [];
    const following = service.follow('bob', afterId, {
      write(item) {
        items.push(item);
        if (items.length === count) {
          following.stop();
          resolve(items);
        }
        return true;
      },
      end: (error) => {
        reject(error ?? new Error('ended early'));
      },
    });
  });
}

const at = (value: string | null | undefined) => {
  if (!value) throw new Error('expected a time');
  return value;
};

describe('inbox events', () => {
  it('every new kind goes live and replays in order after a resume', async () => {
    const service = env.service();
    const a = (await service.create('bob', taskAssignment(1))).notification;
    const b = (await service.create('bob', leadAssignment(2))).notification;
    const c = await service.create('bob', taskAssignment(3));
    const start = c.eventId;
    const cId = c.notification.id;
    const until = Date.now() + 60_000;

    const get = async (id: string) => {
      const notification = await service.get('bob', id);
      if (!notification) throw new Error(`${id} missing`);
      return notification;
    };
    const expected: StreamEvent[] = [];
    const live = take(service.events('bob', { afterId: start, signal: never() }), 10);
    await waitLive(service, env.redis, keys.channel, 1);

    const archived = await service.archive('bob', a.id);
    expected.push({ kind: 'notification.archived', id: a.id, archivedAt: at(archived.archivedAt) });
    const unarchived = await service.unarchive('bob', a.id);
    expected.push({ kind: 'notification.unarchived', id: a.id, notification: unarchived });
    await service.markRead('bob', b.id);
    expected.push({ kind: 'notification.read', id: b.id, readAt: at((await get(b.id)).readAt) });
    await service.archiveAllRead('bob');
    const archivedAt = at((await get(a.id)).archivedAt);
    expected.push({ kind: 'notifications.allReadArchived', archivedAt });
    const snoozed = await service.snooze('bob', cId, new Date(until).toISOString());
    expected.push({ kind: 'notification.snoozed', id: cId, until: at(snoozed.snoozedUntil) });
    const manual = await service.unsnooze('bob', cId);
    expected.push({
      kind: 'notification.unsnoozed',
      id: cId,
      reason: 'manual',
      notification: manual,
    });
    const again = await service.snooze('bob', cId, new Date(until + 1000).toISOString());
    expected.push({ kind: 'notification.snoozed', id: cId, until: at(again.snoozedUntil) });
    expect(await service.wake('bob', cId, until + 1000)).toBe(true);
    const woken = await get(cId);
    expected.push({ kind: 'notification.unsnoozed', id: cId, reason: 'due', notification: woken });
    await service.unarchive('bob', b.id);
    expected.push({ kind: 'notification.unarchived', id: b.id, notification: await get(b.id) });
    await service.markAllRead('bob', { types: ['task_assignment'] });
    const readAt = at((await get(cId)).readAt);
    expected.push({ kind: 'notifications.allRead', readAt, types: ['task_assignment'] });

    const liveItems = await live;
    expect(liveItems.map((item) => item.event)).toEqual(expected);
    const replayed = await take(service.events('bob', { afterId: start, signal: never() }), 10);
    expect(replayed).toEqual(liveItems);
    expect(await followed(service, start, 10)).toEqual(liveItems);
    // Resuming in the middle gives exactly the rest.
    const middle = liveItems[4]?.id ?? '';
    expect(await take(service.events('bob', { afterId: middle, signal: never() }), 5)).toEqual(
      liveItems.slice(5),
    );
  });
});
