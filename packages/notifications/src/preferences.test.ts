import type { NewNotification, Preferences, UpdatePreferencesInput } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { userKeys } from './keys';
import {
  leadAssignment,
  stepper,
  streamIds,
  take,
  taskAssignment,
  useRedis,
  waitLive,
} from './test-support';

const env = useRedis();
const never = () => new AbortController().signal;
const bob = userKeys('bob');
const on = { inApp: true, toast: true, desktop: true };
const defaults: Preferences = {
  types: {
    task_assignment: on,
    lead_assignment: on,
    task_reminder: on,
    approver_group_created: on,
    task_unassigned: on,
    task_completed: on,
  },
};
const clock = '2030-01-01T09:00:00.000Z';

function taskReminder(): NewNotification {
  const { task } = taskAssignment(1) as Extract<NewNotification, { type: 'task_assignment' }>;
  return {
    type: 'task_reminder',
    title: 'Reminder',
    message: '',
    task,
    reminder: {
      id: 'r1',
      taskId: task.id,
      remindAt: clock,
      note: null,
      status: 'fired',
      createdById: 'bob',
      createdAt: clock,
    },
  };
}

const groupCreated = (memberIds: string[]): NewNotification => ({
  type: 'approver_group_created',
  title: 'Approver group created',
  message: '',
  approverGroup: {
    id: 'g1',
    name: 'Board',
    description: null,
    memberIds,
    createdById: 'alice',
    createdAt: clock,
  },
});

describe('preferences', () => {
  it('are all on for a user who never set any, without writing anything', async () => {
    const service = env.service();
    expect(await service.getPreferences('bob')).toEqual(defaults);
    expect(await service.updatePreferences('bob', { types: {} })).toEqual(defaults);
    expect(await env.keys()).toEqual([]);
  });

  it('merge a partial update into the set and return the whole set', async () => {
    const service = env.service();
    const first = await service.updatePreferences('bob', {
      types: { task_assignment: { toast: false } },
    });
    const second = await service.updatePreferences('bob', {
      types: { task_assignment: { desktop: false }, lead_assignment: { inApp: false } },
    });
    const expected: Preferences = {
      types: {
        ...defaults.types,
        task_assignment: { inApp: true, toast: false, desktop: false },
        lead_assignment: { inApp: false, toast: true, desktop: true },
      },
    };
    expect(first.types.task_assignment).toEqual({ inApp: true, toast: false, desktop: true });
    expect(second).toEqual(expected);
    expect(await service.getPreferences('bob')).toEqual(expected);
    expect(await service.getPreferences('alice')).toEqual(defaults);
    const back = await service.updatePreferences('bob', {
      types: { task_assignment: { toast: true } },
    });
    expect(back.types.task_assignment).toEqual({ inApp: true, toast: true, desktop: false });
  });

  it('append one preferences.updated event per change, none when nothing changed', async () => {
    const service = env.service();
    const muted = await service.updatePreferences('bob', {
      types: { lead_assignment: { inApp: false } },
    });
    await service.updatePreferences('bob', { types: { lead_assignment: { inApp: false } } });
    const entries = await env.redis.xrange(bob.events, '-', '+');
    expect(entries.map(([, fields]) => fields)).toEqual([
      ['e', JSON.stringify({ kind: 'preferences.updated', preferences: muted })],
    ]);
    expect(await env.redis.pttl(bob.events)).toBeGreaterThan(0);
    expect(await env.redis.pttl(bob.prefs)).toBe(-1);
  });

  it('replay the event in stream order after a resume, and push it live to every tab', async () => {
    const service = env.service();
    const tabs = [1, 2].map(() => take(service.events('bob', { signal: never() }), 3));
    await waitLive(service, env.redis, bob.channel, 2);
    const before = await service.create('bob', taskAssignment(1));
    const update: UpdatePreferencesInput = { types: { task_assignment: { desktop: false } } };
    const preferences = await service.updatePreferences('bob', update);
    const after = await service.create('bob', taskAssignment(2));
    const ids = await streamIds(env.redis, bob.events, before.eventId);
    expect(ids).toHaveLength(2);

    const updated = { kind: 'preferences.updated', preferences };
    for (const tab of await Promise.all(tabs)) {
      expect(tab.slice(1).map((item) => item.id)).toEqual([before.eventId, ids[0]]);
      expect(tab[2]?.event).toEqual(updated);
    }
    const resumed = await take(
      service.events('bob', { afterId: before.eventId, signal: never() }),
      2,
    );
    expect(resumed).toEqual([
      { id: ids[0], event: updated },
      {
        id: after.eventId,
        event: { kind: 'notification.created', notification: after.notification },
      },
    ]);
  });

  it('refuse bad input with a ZodError and change nothing', async () => {
    const service = env.service();
    await service.updatePreferences('bob', { types: { task_assignment: { toast: false } } });
    const before = await env.redis.hgetall(bob.prefs);
    const bad: unknown[] = [
      { types: { task_reminder: { inApp: false } } },
      { types: { no_such_type: { inApp: false } } },
      { types: { task_assignment: { inApp: 'no' } } },
      { types: { task_assignment: { email: false } } },
      { types: { task_reminder: { toast: false, inApp: false } } },
    ];
    for (const input of bad) {
      await expect(
        service.updatePreferences('bob', input as UpdatePreferencesInput),
      ).rejects.toBeInstanceOf(ZodError);
    }
    expect(await env.redis.hgetall(bob.prefs)).toEqual(before);
    expect(await streamIds(env.redis, bob.events)).toHaveLength(1);
  });
});

describe('a type muted in-app', () => {
  const muteLeads = { types: { lead_assignment: { inApp: false } } };

  it('is not stored, counted or streamed, while another type is', async () => {
    const service = env.service();
    await service.updatePreferences('bob', muteLeads);
    const live = stepper(service.events('bob', { signal: never() }));
    expect((await live.next())?.event.kind).toBe('sync.reset');
    await waitLive(service, env.redis, bob.channel, 1);
    const eventsBefore = await streamIds(env.redis, bob.events);

    const lead = await service.create('bob', leadAssignment(1));
    const task = await service.create('bob', taskAssignment(2));

    expect(lead).toMatchObject({ skipped: true, reason: 'muted', eventId: '' });
    expect(task.skipped).toBe(false);
    expect(await live.next()).toEqual({
      id: task.eventId,
      event: { kind: 'notification.created', notification: task.notification },
    });
    await live.return();
    expect((await service.list('bob', {})).items).toEqual([task.notification]);
    expect(await service.unreadCount('bob')).toBe(1);
    expect(await service.get('bob', lead.notification.id)).toBeNull();
    expect(await streamIds(env.redis, bob.events)).toEqual([...eventsBefore, task.eventId]);
    expect(await env.redis.exists(bob.notification(lead.notification.id))).toBe(0);
  });

  it('is skipped per recipient in createMany, shared content included', async () => {
    const service = env.service();
    const members = ['ann', 'bob', 'cat'];
    await service.updatePreferences('bob', { types: { approver_group_created: { inApp: false } } });
    const tabs = members.map((m) => stepper(service.events(m, { signal: never() })));
    for (const tab of tabs) await tab.next();
    for (const m of members) await waitLive(service, env.redis, userKeys(m).channel, 3);

    const input = groupCreated(members);
    const created = await service.createMany(members.map((userId) => ({ userId, input })));
    expect(created.map((c) => c.skipped)).toEqual([false, true, false]);
    const [, bobTab] = tabs;
    // Bob's next event is the next notification he has not muted, not the group's.
    const next = bobTab?.next();
    const task = await service.create('bob', taskAssignment(3));
    expect(await next).toMatchObject({ id: task.eventId });
    for (const m of members) {
      expect(await service.unreadCount(m)).toBe(1);
      expect((await service.list(m, {})).items.map((n) => n.type)).toEqual([
        m === 'bob' ? 'task_assignment' : 'approver_group_created',
      ]);
    }
    await Promise.all(tabs.map((tab) => tab.return()));
  });

  it('never applies to reminders, even if the hash says so', async () => {
    const service = env.service();
    await env.redis.hset(bob.prefs, 'task_reminder:inApp', '0');
    const reminder = await service.create('bob', taskReminder());
    expect(reminder.skipped).toBe(false);
    expect(await service.unreadCount('bob')).toBe(1);
  });
});
