import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { userKeys } from './keys';
import type { RecordEvent } from './store-record-events';
import { taskAssignment, useRedis } from './test-support';

const env = useRedis();

const fixture = taskAssignment(1);

describe('actor and record events (issue 15)', () => {
  it('stores the actor; an item stored before actor existed reads as actor null', async () => {
    const service = env.service();
    const actor = { id: 'maya', name: 'Maya' };
    const created = await service.create('bob', { ...taskAssignment(1), actor });
    expect(created.notification.actor).toEqual(actor);
    expect(await service.get('bob', created.notification.id)).toMatchObject({ actor });

    const old = await service.create('bob', taskAssignment(2));
    const key = userKeys('bob').notification(old.notification.id);
    const data = JSON.parse((await env.redis.hget(key, 'data')) ?? '{}') as Record<string, unknown>;
    delete data.actor;
    await env.redis.hset(key, 'data', JSON.stringify(data));
    expect(await service.get('bob', old.notification.id)).toMatchObject({ actor: null });
    expect((await service.list('bob', {})).items.map((n) => n.actor)).toEqual([null, actor]);
  });

  it('publishEvents appends to each stream, is never unread, and rejects bad input whole', async () => {
    const service = env.service();
    if (fixture.type !== 'task_assignment') throw new Error('fixture');
    const event = { kind: 'task.changed', task: fixture.task } as const;
    const ids = await service.publishEvents([
      { userId: 'ann', event },
      { userId: 'cid', event },
    ]);
    for (const [i, userId] of ['ann', 'cid'].entries()) {
      expect(await env.redis.xrange(userKeys(userId).events, '-', '+')).toEqual([
        [ids[i], ['e', JSON.stringify(event)]],
      ]);
      expect(await service.unreadCount(userId)).toBe(0);
    }
    // What an untyped caller could send.
    const bad: unknown = { kind: 'task.changed', task: { ...fixture.task, status: 'nope' } };
    await expect(
      service.publishEvents([
        { userId: 'dee', event },
        { userId: 'dee', event: bad as RecordEvent },
      ]),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await env.redis.exists(userKeys('dee').events)).toBe(0);
  });
});
