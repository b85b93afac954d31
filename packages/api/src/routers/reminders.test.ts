import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainKeys, expectTRPCError, inMs } from '../../test/assertions';
import { startHarness, type Harness } from '../../test/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const reminderKeys = () => domainKeys(h.redis, '{domain}:reminder:*');
const jobKey = (reminderId: string) => `{bullmq}:task-reminders:${reminderId}`;

describe('reminders.schedule', () => {
  it('stores a scheduled reminder and its delayed job', async () => {
    const user = await h.newUser('member');
    const task = await h.as(user).tasks.create({ title: 'Renew licence' });
    const remindAt = new Date(Date.now() + 3_600_000);
    const offset = remindAt.toISOString().replace('Z', '+00:00');
    const reminder = await h.as(user).reminders.schedule({
      taskId: task.id,
      remindAt: offset,
      note: ' Call the vendor ',
    });
    expect(reminder).toMatchObject({
      taskId: task.id,
      remindAt: remindAt.toISOString(),
      note: 'Call the vendor',
      status: 'scheduled',
      createdById: user.id,
    });
    expect(await h.redis.exists(jobKey(reminder.id))).toBe(1);
    expect((await h.as(user).reminders.list({ taskId: task.id })).items).toEqual([reminder]);
    expect((await h.as(user).reminders.list({})).items).toEqual([reminder]);
  });

  it('refuses a past time, a done task, unknown and unseen tasks, storing nothing', async () => {
    const owner = await h.newUser('member');
    const outsider = await h.newUser('member');
    const task = await h.as(owner).tasks.create({ title: 'Ship' });
    const done = await h.as(owner).tasks.create({ title: 'Shipped' });
    await h.as(owner).tasks.updateStatus({ taskId: done.id, status: 'done' });
    const before = await reminderKeys();

    await expectTRPCError(
      h.as(owner).reminders.schedule({ taskId: task.id, remindAt: inMs(-1000) }),
      'BAD_REQUEST',
      'Pick a reminder time in the future',
    );
    await expectTRPCError(
      h.as(owner).reminders.schedule({ taskId: task.id, remindAt: 'tomorrow' }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      h.as(owner).reminders.schedule({ taskId: done.id, remindAt: inMs(60_000) }),
      'BAD_REQUEST',
      'This task is already done',
    );
    await expectTRPCError(
      h.as(owner).reminders.schedule({ taskId: 'no-such-task', remindAt: inMs(60_000) }),
      'NOT_FOUND',
      'Task not found',
    );
    await expectTRPCError(
      h.as(outsider).reminders.schedule({ taskId: task.id, remindAt: inMs(60_000) }),
      'NOT_FOUND',
    );
    await expectTRPCError(
      h
        .as(owner)
        .reminders.schedule({ taskId: task.id, remindAt: inMs(60_000), note: 'x'.repeat(10_240) }),
      'BAD_REQUEST',
    );
    expect(await reminderKeys()).toEqual(before);
    expect((await h.as(owner).reminders.list({})).items).toEqual([]);
  });
});

describe('reminders.cancel', () => {
  it('cancels, removes the job, is idempotent, and hides reminders from outsiders', async () => {
    const owner = await h.newUser('member');
    const outsider = await h.newUser('member');
    const task = await h.as(owner).tasks.create({ title: 'Pay invoice' });
    const reminder = await h
      .as(owner)
      .reminders.schedule({ taskId: task.id, remindAt: inMs(60_000) });

    await expectTRPCError(
      h.as(outsider).reminders.cancel({ reminderId: reminder.id }),
      'NOT_FOUND',
      'Reminder not found',
    );
    await expectTRPCError(
      h.as(outsider).reminders.list({ taskId: task.id }),
      'NOT_FOUND',
      'Task not found',
    );
    expect(await h.redis.exists(jobKey(reminder.id))).toBe(1);

    const cancelled = await h.as(owner).reminders.cancel({ reminderId: reminder.id });
    expect(cancelled).toEqual({ ...reminder, status: 'cancelled' });
    expect(await h.as(owner).reminders.cancel({ reminderId: reminder.id })).toEqual(cancelled);
    expect(await h.redis.exists(jobKey(reminder.id))).toBe(0);
    expect((await h.as(owner).reminders.list({ taskId: task.id })).items).toEqual([cancelled]);
    await expectTRPCError(
      h.as(owner).reminders.cancel({ reminderId: 'no-such-reminder' }),
      'NOT_FOUND',
    );
  });
});
