import { notificationTypeSchema, type Preferences } from '@acme/contracts';
import { userKeys } from '@acme/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { expectTRPCError } from '../../test/assertions';
import { startHarness, type Harness } from '../../test/harness';
import { openInbox } from '../../test/inbox';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const on = { inApp: true, toast: true, desktop: true };

describe('preferences.get / preferences.update', () => {
  it('start all on, merge updates and return the whole set', async () => {
    const user = await h.newUser('member');
    const types = notificationTypeSchema.options.map((type) => [type, on] as const);
    const defaults = { types: Object.fromEntries(types) } as Preferences;
    expect(await h.as(user).preferences.get()).toEqual(defaults);
    await h.as(user).preferences.update({ types: { task_reminder: { toast: false } } });
    const updated = await h.as(user).preferences.update({
      types: { lead_assignment: { inApp: false, desktop: false } },
    });
    const expected: Preferences = {
      types: {
        ...defaults.types,
        task_reminder: { inApp: true, toast: false, desktop: true },
        lead_assignment: { inApp: false, toast: true, desktop: false },
      },
    };
    expect(updated).toEqual(expected);
    expect(await h.as(user).preferences.get()).toEqual(expected);
  });

  it('refuse an unknown type or muting reminders with BAD_REQUEST and zod issues, writing nothing', async () => {
    const user = await h.newUser('member');
    const keys = userKeys(user.id);
    await h.as(user).preferences.update({ types: { task_assignment: { desktop: false } } });
    const before = await h.as(user).preferences.get();
    const eventsBefore = await h.redis.xlen(keys.events);

    const reminder = await expectTRPCError(
      h.as(user).preferences.update({ types: { task_reminder: { inApp: false } } }),
      'BAD_REQUEST',
    );
    expect(reminder.cause).toBeInstanceOf(ZodError);
    expect((reminder.cause as ZodError).issues).toMatchObject([
      { path: ['types', 'task_reminder', 'inApp'] },
    ]);
    const unknown = await expectTRPCError(
      // @ts-expect-error: not a notification type
      h.as(user).preferences.update({ types: { email_digest: { inApp: false } } }),
      'BAD_REQUEST',
    );
    expect(unknown.cause).toBeInstanceOf(ZodError);
    expect((unknown.cause as ZodError).issues).toMatchObject([
      { code: 'unrecognized_keys', keys: ['email_digest'], path: ['types'] },
    ]);

    expect(await h.as(user).preferences.get()).toEqual(before);
    expect(await h.redis.xlen(keys.events)).toBe(eventsBefore);
  });
});

describe('a type muted in-app', () => {
  it('the domain action still succeeds; the assignee gets no notification of it, but others', async () => {
    const creator = await h.newUser('manager');
    const assignee = await h.newUser('member');
    await h.as(assignee).preferences.update({ types: { task_assignment: { inApp: false } } });
    const inbox = await openInbox(h, assignee);

    const task = await h.as(creator).tasks.create({ title: 'Muted', assigneeId: assignee.id });
    const group = await h.as(creator).approverGroups.create({
      name: `Board ${task.id}`,
      memberIds: [assignee.id],
    });

    expect(task.assigneeId).toBe(assignee.id);
    expect((await h.as(assignee).tasks.list({})).items.map((t) => t.id)).toContain(task.id);
    // Stream order: had the task's notification been written, it would have come first.
    await inbox.waitFor((n) => n.type === 'approver_group_created');
    expect(inbox.received.map((n) => n.type)).toEqual(['approver_group_created']);
    const listed = (await h.as(assignee).notifications.list({})).items;
    expect(
      listed.map((n) => (n.type === 'approver_group_created' ? n.approverGroup.id : n.type)),
    ).toEqual([group.id]);
    expect(await h.as(assignee).notifications.unreadCount()).toEqual({ count: 1 });
    await inbox.close();
  });
});
