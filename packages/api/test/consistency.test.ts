import type { User } from '@acme/contracts';
import { createNotificationService } from '@acme/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDomainServices,
  createRecordStore,
  createReminderJobs,
  createReminderService,
  fireReminder,
  NOTIFY_FAILED,
  SCHEDULE_FAILED,
  type Services,
} from '@acme/domain';
import { domainSnapshot, expectTRPCError, inMs } from './assertions';
import { callerFor, startHarness, type Harness } from './harness';

let h: Harness;
/** The same app, except that its notification store and job queue have lost Redis. */
let broken: Services;

beforeAll(async () => {
  h = await startHarness();
  const lost = await h.connectLost();
  const notifications = createNotificationService({
    redis: lost,
    subscriber: h.connectSubscriber(),
    ttlSeconds: 60,
    logger: h.logger,
  });
  const { users, logger } = h.services;
  const { redis } = h;
  const store = createRecordStore(redis, logger);
  broken = {
    ...h.services,
    notifications,
    ...createDomainServices({ redis, logger, users, notifications }),
    reminders: createReminderService({
      store,
      users,
      notifications,
      jobs: createReminderJobs(lost, logger),
      logger,
    }),
  };
});
afterAll(async () => {
  await broken.notifications.close();
  await h.close();
});

const failing = (user: User) => callerFor(broken, user);
/** A closed connection is storage being unavailable: a 503 that names the failed step. */
const unavailable = (failed: string) =>
  new RegExp(
    `^${failed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: storage is unavailable right now \\(Connection is closed`,
  );
const notificationsOf = async (user: User) => (await h.as(user).notifications.list({})).items;

describe('when the notification cannot be stored, the action changes nothing', () => {
  it('tasks.create and tasks.assign', async () => {
    const creator = await h.newUser('manager');
    const first = await h.newUser('member');
    const second = await h.newUser('member');
    const before = await domainSnapshot(h.redis);
    await expectTRPCError(
      failing(creator).tasks.create({ title: 'Doomed', assigneeId: first.id }),
      'SERVICE_UNAVAILABLE',
      unavailable(NOTIFY_FAILED),
    );
    expect(await domainSnapshot(h.redis)).toEqual(before);

    const task = await h.as(creator).tasks.create({ title: 'Kept', assigneeId: first.id });
    const assigned = await domainSnapshot(h.redis);
    await expectTRPCError(
      failing(creator).tasks.assign({ taskId: task.id, assigneeId: second.id }),
      'SERVICE_UNAVAILABLE',
      unavailable(NOTIFY_FAILED),
    );
    expect(await domainSnapshot(h.redis)).toEqual(assigned);
    expect((await h.as(first).tasks.list({ assignedToMe: true })).items).toEqual([task]);
    expect((await h.as(second).tasks.list({})).items).toEqual([]);

    // With the store back, the same action goes through and notifies exactly once.
    await h.as(creator).tasks.assign({ taskId: task.id, assigneeId: second.id });
    expect(await notificationsOf(second)).toHaveLength(1);
    // Assigned, then told (once) that the task went to someone else.
    expect((await notificationsOf(first)).map((n) => n.type)).toEqual([
      'task_unassigned',
      'task_assignment',
    ]);
  });

  it('leads.assign', async () => {
    const manager = await h.newUser('manager');
    const sales = await h.newUser('sales');
    const lead = await h.as(manager).leads.create({ name: 'Stark Industries' });
    const before = await domainSnapshot(h.redis);
    await expectTRPCError(
      failing(manager).leads.assign({ leadId: lead.id, assigneeId: sales.id }),
      'SERVICE_UNAVAILABLE',
      unavailable(NOTIFY_FAILED),
    );
    expect(await domainSnapshot(h.redis)).toEqual(before);
    expect((await h.as(sales).leads.list({})).items).toEqual([]);
    expect(await notificationsOf(sales)).toEqual([]);
  });

  it('approverGroups.create, releasing the name', async () => {
    const creator = await h.newUser('manager');
    const member = await h.newUser('approver');
    const before = await domainSnapshot(h.redis);
    await expectTRPCError(
      failing(creator).approverGroups.create({ name: 'Board', memberIds: [member.id] }),
      'SERVICE_UNAVAILABLE',
      unavailable(NOTIFY_FAILED),
    );
    expect(await domainSnapshot(h.redis)).toEqual(before);
    await h.as(creator).approverGroups.create({ name: 'Board', memberIds: [member.id] });
    expect(await notificationsOf(member)).toHaveLength(1);
  });

  it('reminders.schedule when the job cannot be queued', async () => {
    const user = await h.newUser('member');
    const task = await h.as(user).tasks.create({ title: 'Remind me' });
    const before = await domainSnapshot(h.redis);
    await expectTRPCError(
      failing(user).reminders.schedule({ taskId: task.id, remindAt: inMs(60_000) }),
      'SERVICE_UNAVAILABLE',
      unavailable(SCHEDULE_FAILED),
    );
    expect(await domainSnapshot(h.redis)).toEqual(before);
  });
});

describe('firing a reminder', () => {
  it('stays scheduled when the notification fails, then fires exactly once', async () => {
    const user = await h.newUser('member');
    const task = await h.as(user).tasks.create({ title: 'Water plants' });
    const reminder = await h
      .as(user)
      .reminders.schedule({ taskId: task.id, remindAt: inMs(600_000) });
    const store = createRecordStore(h.redis, h.logger);

    await expect(
      fireReminder({ store, notifications: broken.notifications }, reminder.id),
    ).rejects.toThrow(NOTIFY_FAILED);
    expect((await h.as(user).reminders.list({})).items).toEqual([reminder]);

    // A retried job racing a duplicate delivery: the scheduled → fired transition lets one through.
    const deps = { store, notifications: h.services.notifications };
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => fireReminder(deps, reminder.id)),
    );
    expect(outcomes.sort()).toEqual(['fired', 'skipped', 'skipped', 'skipped', 'skipped']);
    const reminders = (await notificationsOf(user)).filter((n) => n.type === 'task_reminder');
    expect(reminders).toHaveLength(1);
    expect((await h.as(user).reminders.list({})).items).toEqual([{ ...reminder, status: 'fired' }]);
  });
});

describe('when the notification store fails for another reason', () => {
  it('is a 500 with the same message, and nothing changed', async () => {
    const bug = () => Promise.reject(new Error('a bug, not an outage'));
    const notifications = { ...h.services.notifications, create: bug, createMany: bug };
    const { redis, logger } = h;
    const buggy: Services = {
      ...h.services,
      ...createDomainServices({ redis, logger, users: h.services.users, notifications }),
    };
    const creator = await h.newUser('manager');
    const assignee = await h.newUser('member');
    const before = await domainSnapshot(h.redis);
    await expectTRPCError(
      callerFor(buggy, creator).tasks.create({ title: 'Bug', assigneeId: assignee.id }),
      'INTERNAL_SERVER_ERROR',
      NOTIFY_FAILED,
    );
    expect(await domainSnapshot(h.redis)).toEqual(before);
  });
});
