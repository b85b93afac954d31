import type { Notification, Reminder, Task, User } from '@acme/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { createReminderScheduler, type ReminderScheduler } from '@acme/domain';
import { inMs, untilPassed } from './assertions';
import { startHarness, type Harness } from './harness';
import { startProcessScheduler } from './process';
import { openInbox, type Inbox } from './inbox';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const h = await startHarness();
  cleanups.push(async () => {
    await h.close();
    expect(h.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
  const manager = await h.newUser('manager');
  const assignee = await h.newUser('member');
  const inbox = await openInbox(h, assignee);
  cleanups.push(() => inbox.close());
  return { h, manager, assignee, inbox };
}

/** One server process's scheduler: its own connections and its own notification service. */
const startProcess = (h: Harness): ReminderScheduler =>
  startProcessScheduler(h, createReminderScheduler, cleanups);

const isReminder =
  (reminder: Reminder) =>
  (n: Notification): boolean =>
    n.type === 'task_reminder' && n.reminder.id === reminder.id;

const firedReminderIds = (inbox: Inbox) =>
  inbox.received.flatMap((n) => (n.type === 'task_reminder' ? [n.reminder.id] : []));

async function schedule(h: Harness, user: User, task: Task, remindAt: string, note?: string) {
  return h.as(user).reminders.schedule({ taskId: task.id, remindAt, note });
}

describe('reminder scheduler', () => {
  it('fires once, on time, with two processes running; a cancelled one never fires', async () => {
    const { h, manager, assignee, inbox } = await setUp();
    await Promise.all([startProcess(h).start(), startProcess(h).start()]);
    const task = await h.as(manager).tasks.create({
      title: 'Call supplier',
      priority: 'high',
      dueDate: '2030-01-15',
      assigneeId: assignee.id,
    });
    const cancelled = await schedule(h, manager, task, inMs(1500), 'never');
    const due = await schedule(h, manager, task, inMs(2000), 'Bring the contract.');
    const later = await schedule(h, assignee, task, inMs(2600));
    await h.as(manager).reminders.cancel({ reminderId: cancelled.id });

    const fired = await inbox.waitFor(isReminder(due));
    const lateness = Date.parse(fired.createdAt) - Date.parse(due.remindAt);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(1000);
    expect(fired).toMatchObject({
      userId: assignee.id,
      title: 'Task Reminder: Call supplier',
      message: 'Reminder: "Call supplier" is due. Bring the contract.',
      metadata: {
        priority: 'high',
        due_date: '2030-01-15',
        due_time: null,
        status: 'to_do',
        remind_at: due.remindAt,
        note: 'Bring the contract.',
      },
      task,
      reminder: { ...due, status: 'fired' },
    });

    // Both earlier reminders were due before this one: had either fired (twice), it shows.
    await inbox.waitFor(isReminder(later));
    expect(firedReminderIds(inbox)).toEqual([due.id, later.id]);
    const listed = (await h.as(assignee).notifications.list({ types: ['task_reminder'] })).items;
    expect(listed.map((n) => n.id).sort()).toEqual(
      inbox.received
        .filter((n) => n.type === 'task_reminder')
        .map((n) => n.id)
        .sort(),
    );
    const stored = await h.as(manager).reminders.list({ taskId: task.id });
    const statusOf = (r: Reminder) => stored.items.find((s) => s.id === r.id)?.status;
    expect([cancelled, due, later].map(statusOf)).toEqual(['cancelled', 'fired', 'fired']);
    const { items } = await h.as(manager).notifications.list({});
    expect(items).toEqual([]); // the task's creator is not its assignee: nothing for them
  }, 20_000);

  it('fires a reminder that came due while no process ran, once one starts', async () => {
    const { h, manager, inbox, assignee } = await setUp();
    // Unassigned: the reminder goes to the task's creator.
    const task = await h.as(manager).tasks.create({ title: 'Renew licence' });
    const creatorInbox = await openInbox(h, manager);
    cleanups.push(() => creatorInbox.close());
    const reminder = await schedule(h, manager, task, inMs(500));
    await untilPassed(reminder.remindAt);
    const before = await h.as(manager).reminders.list({ taskId: task.id });
    expect(before.items.map((r) => r.status)).toEqual(['scheduled']);
    expect(await h.services.notifications.unreadCount(manager.id)).toBe(0);

    await startProcess(h).start();
    const fired = await creatorInbox.waitFor(isReminder(reminder));
    expect(fired).toMatchObject({
      userId: manager.id,
      message: 'Reminder: "Renew licence" is due.',
      reminder: { id: reminder.id, note: null, status: 'fired' },
    });
    expect(firedReminderIds(creatorInbox)).toEqual([reminder.id]);
    expect(await h.services.notifications.unreadCount(assignee.id)).toBe(0);
    expect(inbox.received).toEqual([]);
  }, 20_000);

  it('does not fire for a task marked done, and marks the reminder cancelled', async () => {
    const { h, manager, assignee, inbox } = await setUp();
    await startProcess(h).start();
    const finished = await h
      .as(manager)
      .tasks.create({ title: 'Finished', assigneeId: assignee.id });
    const open = await h.as(manager).tasks.create({ title: 'Still open', assigneeId: assignee.id });
    const skipped = await schedule(h, manager, finished, inMs(1000));
    const sentinel = await schedule(h, manager, open, inMs(1500));
    await h.as(assignee).tasks.updateStatus({ taskId: finished.id, status: 'done' });

    await inbox.waitFor(isReminder(sentinel));
    expect(firedReminderIds(inbox)).toEqual([sentinel.id]);
    const { items } = await h.as(manager).reminders.list({ taskId: finished.id });
    expect(items).toEqual([{ ...skipped, status: 'cancelled' }]);
  }, 20_000);
});
