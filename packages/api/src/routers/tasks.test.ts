import type { Task, User } from '@acme/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainKeys, expectTRPCError } from '../../test/assertions';
import { startHarness, type Harness } from '../../test/harness';
import { openInbox } from '../../test/inbox';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const countKeys = async (pattern: string) => (await domainKeys(h.redis, pattern)).length;
const notificationsOf = async (user: User) => (await h.as(user).notifications.list({})).items;

function expectedAssignment(task: Task) {
  return {
    type: 'task_assignment',
    userId: task.assigneeId,
    title: `Task Assigned: ${task.title}`,
    message: `Task "${task.title}" has been assigned to you.`,
    metadata: {
      priority: task.priority,
      due_date: task.dueDate,
      due_time: task.dueTime,
      status: task.status,
    },
    task,
    isRead: false,
  };
}

describe('tasks.create', () => {
  it('notifies the assignee with the seed fields, in the list and live', async () => {
    const creator = await h.newUser('manager');
    const assignee = await h.newUser('member');
    const assigneeInbox = await openInbox(h, assignee);
    const task = await h.as(creator).tasks.create({
      title: 'Complete project',
      description: 'Finish the project documentation',
      priority: 'high',
      dueDate: '2024-01-15',
      dueTime: '17:00:00',
      assigneeId: assignee.id,
    });
    expect(task).toMatchObject({
      status: 'to_do',
      assigneeId: assignee.id,
      createdById: creator.id,
    });

    const live = await assigneeInbox.waitFor((n) => n.type === 'task_assignment');
    expect(live).toMatchObject(expectedAssignment(task));
    expect(await notificationsOf(assignee)).toEqual([live]);
    expect(await notificationsOf(creator)).toEqual([]);
    await assigneeInbox.close();
  });

  it('does not notify when creating a task for yourself, or with no assignee', async () => {
    const user = await h.newUser('member');
    await h.as(user).tasks.create({ title: 'Mine', assigneeId: user.id });
    await h.as(user).tasks.create({ title: 'Nobody' });
    expect(await notificationsOf(user)).toEqual([]);
  });

  it('refuses an empty or 10 KB title and an unknown assignee, storing nothing', async () => {
    const user = await h.newUser('member');
    const before = await countKeys('{domain}:task:*');
    await expectTRPCError(h.as(user).tasks.create({ title: '   ' }), 'BAD_REQUEST');
    await expectTRPCError(h.as(user).tasks.create({ title: 'x'.repeat(10_240) }), 'BAD_REQUEST');
    await expectTRPCError(
      h.as(user).tasks.create({ title: 'Ghost', assigneeId: 'no-such-user' }),
      'NOT_FOUND',
      'Assignee not found',
    );
    expect(await countKeys('{domain}:task:*')).toBe(before);
    expect((await h.as(user).tasks.list({})).items).toEqual([]);
  });
});

describe('tasks.assign', () => {
  it('notifies each new assignee once; self-assignment and repeats notify nobody', async () => {
    const creator = await h.newUser('member');
    const first = await h.newUser('member');
    const second = await h.newUser('sales');
    const task = await h.as(creator).tasks.create({ title: 'Call supplier', priority: 'low' });

    await h.as(creator).tasks.assign({ taskId: task.id, assigneeId: creator.id });
    expect(await notificationsOf(creator)).toEqual([]);

    const toFirst = await h.as(creator).tasks.assign({ taskId: task.id, assigneeId: first.id });
    await h.as(creator).tasks.assign({ taskId: task.id, assigneeId: first.id });
    const [firstNotice, ...extra] = await notificationsOf(first);
    expect(extra).toEqual([]);
    expect(firstNotice).toMatchObject(expectedAssignment(toFirst));

    // The current assignee hands it on: the next one hears about it, the first hears nothing.
    const secondInbox = await openInbox(h, second);
    const toSecond = await h.as(first).tasks.assign({ taskId: task.id, assigneeId: second.id });
    expect(await secondInbox.waitFor(() => true)).toMatchObject(expectedAssignment(toSecond));
    expect(await notificationsOf(first)).toHaveLength(1);
    expect(await notificationsOf(creator)).toEqual([]);
    await secondInbox.close();
  });

  it('is NOT_FOUND for unknown tasks, unknown assignees and tasks the caller cannot see', async () => {
    const owner = await h.newUser('member');
    const outsider = await h.newUser('member');
    const task = await h.as(owner).tasks.create({ title: 'Private' });
    await expectTRPCError(
      h.as(owner).tasks.assign({ taskId: 'no-such-task', assigneeId: owner.id }),
      'NOT_FOUND',
      'Task not found',
    );
    await expectTRPCError(
      h.as(owner).tasks.assign({ taskId: task.id, assigneeId: 'no-such-user' }),
      'NOT_FOUND',
      'Assignee not found',
    );
    await expectTRPCError(
      h.as(outsider).tasks.assign({ taskId: task.id, assigneeId: outsider.id }),
      'NOT_FOUND',
    );
    await expectTRPCError(
      h.as(outsider).tasks.updateStatus({ taskId: task.id, status: 'done' }),
      'NOT_FOUND',
    );
    expect((await h.as(owner).tasks.list({})).items).toEqual([task]);
    expect((await h.as(outsider).tasks.list({})).items).toEqual([]);
    expect(await notificationsOf(outsider)).toEqual([]);
  });
});

describe('tasks.updateStatus', () => {
  it('lets the creator and the assignee move the task along, without notifications', async () => {
    const creator = await h.newUser('member');
    const assignee = await h.newUser('member');
    const task = await h.as(creator).tasks.create({ title: 'Ship it', assigneeId: assignee.id });
    const started = await h
      .as(assignee)
      .tasks.updateStatus({ taskId: task.id, status: 'in_progress' });
    expect(started).toMatchObject({ id: task.id, status: 'in_progress' });
    const done = await h.as(creator).tasks.updateStatus({ taskId: task.id, status: 'done' });
    expect(done.status).toBe('done');
    expect((await h.as(assignee).tasks.list({ assignedToMe: true })).items).toEqual([done]);
    expect(await notificationsOf(assignee)).toHaveLength(1); // the assignment only
  });
});

describe('tasks.list', () => {
  it('shows members their own tasks, managers all, with the filters', async () => {
    const manager = await h.newUser('manager');
    const ana = await h.newUser('member');
    const ben = await h.newUser('member');
    const anasOwn = await h.as(ana).tasks.create({ title: 'Ana for Ana', assigneeId: ana.id });
    const anaToBen = await h.as(ana).tasks.create({ title: 'Ana for Ben', assigneeId: ben.id });
    const bensOwn = await h.as(ben).tasks.create({ title: 'Ben alone' });
    const ids = async (user: User, filters: { assignedToMe?: boolean; createdByMe?: boolean }) =>
      (await h.as(user).tasks.list({ ...filters, limit: 100 })).items.map((t) => t.id).sort();
    const sorted = (...tasks: Task[]) => tasks.map((t) => t.id).sort();

    expect(await ids(ana, {})).toEqual(sorted(anaToBen, anasOwn));
    expect(await ids(ana, { assignedToMe: true })).toEqual(sorted(anasOwn));
    expect(await ids(ana, { createdByMe: true })).toEqual(sorted(anaToBen, anasOwn));
    expect(await ids(ana, { createdByMe: true, assignedToMe: true })).toEqual(sorted(anasOwn));
    expect(await ids(ben, {})).toEqual(sorted(bensOwn, anaToBen));
    expect(await ids(ben, { createdByMe: true })).toEqual(sorted(bensOwn));
    expect(await ids(manager, {})).toEqual(
      expect.arrayContaining(sorted(anasOwn, anaToBen, bensOwn)),
    );
    expect(await ids(manager, { createdByMe: true })).toEqual([]);
  });

  it('pages newest first with an opaque cursor', async () => {
    const user = await h.newUser('member');
    const created: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      created.push((await h.as(user).tasks.create({ title: `Task ${i}` })).id);
    }
    const seen: Task[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await h.as(user).tasks.list({ limit: 10, cursor });
      pageSizes.push(page.items.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pageSizes).toEqual([10, 10, 5]);
    expect(seen.map((t) => t.id).sort()).toEqual([...created].sort());
    const times = seen.map((t) => Date.parse(t.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await h.as(user).tasks.list({})).items).toHaveLength(20);
    await expectTRPCError(
      h.as(user).tasks.list({ cursor: 'bogus' }),
      'BAD_REQUEST',
      'Invalid cursor',
    );
    await expectTRPCError(h.as(user).tasks.list({ limit: 101 }), 'BAD_REQUEST');
  });
});
