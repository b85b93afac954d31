import type { StreamEvent } from '@acme/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/harness';
import { openInbox, type Inbox } from '../../test/inbox';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const taskChanged =
  (id: string, match: (e: StreamEvent) => boolean = () => true) =>
  (e: StreamEvent) =>
    e.kind === 'task.changed' && e.task.id === id && match(e);

/** Whether `inbox` got any task.changed of `taskId` before a marker written after it. */
async function gotNoTaskChanged(inbox: Inbox, taskId: string, marker: () => Promise<string>) {
  const markerId = await marker();
  await inbox.waitForEvent((e) => e.kind === 'task.changed' && e.task.id === markerId);
  return !inbox.events.some(
    ({ event }) => event.kind === 'task.changed' && event.task.id === taskId,
  );
}

describe('issue 15: who hears of a task change', () => {
  it('reassigning tells the previous assignee, with actor, and task.changed reaches exactly the four', async () => {
    const manager = await h.newUser('manager', 'Maya');
    const creator = await h.newUser('member', 'Cleo');
    const first = await h.newUser('sales', 'Sam');
    const second = await h.newUser('sales', 'Tess');
    const outsider = await h.newUser('manager', 'Otto');
    const inboxes = await Promise.all(
      [manager, creator, first, second, outsider].map((u) => openInbox(h, u)),
    );
    const [mInbox, cInbox, fInbox, sInbox, oInbox] = inboxes;
    const task = await h.as(creator).tasks.create({ title: 'Call ACME', assigneeId: first.id });
    const moved = await h.as(manager).tasks.assign({ taskId: task.id, assigneeId: second.id });

    const unassigned = await fInbox?.waitFor((n) => n.type === 'task_unassigned');
    expect(unassigned).toMatchObject({
      type: 'task_unassigned',
      actor: { id: manager.id, name: 'Maya' },
      title: 'Task Reassigned: Call ACME',
      message: 'Task "Call ACME" has been reassigned to Tess.',
      metadata: { assignee_name: 'Tess', status: 'to_do' },
      task: moved,
    });
    const assigned = await sInbox?.waitFor((n) => n.type === 'task_assignment');
    expect(assigned?.actor).toEqual({ id: manager.id, name: 'Maya' });
    expect(assigned?.title).toBe('Task Assigned: Call ACME');
    const firstAssigned = await fInbox?.waitFor((n) => n.type === 'task_assignment');
    expect(firstAssigned?.actor).toEqual({ id: creator.id, name: 'Cleo' });

    const isMoved = taskChanged(
      task.id,
      (e) => e.kind === 'task.changed' && e.task.assigneeId === second.id,
    );
    for (const inbox of [mInbox, cInbox, fInbox, sInbox]) await inbox?.waitForEvent(isMoved);
    expect(await h.as(second).notifications.unreadCount()).toEqual({ count: 1 });
    if (!oInbox) throw new Error('no inbox');
    const marker = async () =>
      (await h.as(creator).tasks.create({ title: 'M', assigneeId: outsider.id })).id;
    expect(await gotNoTaskChanged(oInbox, task.id, marker)).toBe(true);
    for (const inbox of inboxes) await inbox.close();
  });

  it('completion tells the creator, not a self-completer; nobody hears of a self-reassign', async () => {
    const creator = await h.newUser('member', 'Cleo');
    const doer = await h.newUser('member', 'Dana');
    const task = await h.as(creator).tasks.create({ title: 'Ship it', assigneeId: doer.id });
    const inbox = await openInbox(h, creator);
    await h.as(doer).tasks.updateStatus({ taskId: task.id, status: 'done' });
    const done = await inbox.waitFor((n) => n.type === 'task_completed');
    expect(done).toMatchObject({
      actor: { id: doer.id, name: 'Dana' },
      title: 'Task Completed: Ship it',
      message: 'Dana completed "Ship it".',
      metadata: { status: 'done' },
    });

    const own = await h.as(creator).tasks.create({ title: 'Mine' });
    await h.as(creator).tasks.updateStatus({ taskId: own.id, status: 'done' });
    // The assignee hands it to the creator (who hears of that, the doer of nothing), then the
    // creator assigns it to the same person again: no new notification.
    await h.as(doer).tasks.assign({ taskId: task.id, assigneeId: creator.id });
    await h.as(creator).tasks.assign({ taskId: task.id, assigneeId: creator.id });
    await inbox.waitForEvent(
      taskChanged(task.id, (e) => e.kind === 'task.changed' && e.task.assigneeId === creator.id),
    );
    const types = (await h.as(creator).notifications.list({})).items.map((n) => n.type);
    expect(types).toEqual(['task_assignment', 'task_completed']);
    expect((await h.as(doer).notifications.list({})).items.map((n) => n.type)).toEqual([
      'task_assignment',
    ]);
    await inbox.close();
  });

  it('task.changed replays on resume after an event id, and is never unread', async () => {
    const user = await h.newUser('member');
    const other = await h.newUser('member');
    const inbox = await openInbox(h, user);
    const task = await h.as(user).tasks.create({ title: 'Replay me', assigneeId: other.id });
    await inbox.waitForEvent(taskChanged(task.id));
    await inbox.close();
    const seen = inbox.events.length;
    await h.as(user).tasks.updateStatus({ taskId: task.id, status: 'in_progress' });
    const again = await openInbox(h, user);
    const replayed = await again.waitForEvent(
      taskChanged(task.id, (e) => e.kind === 'task.changed' && e.task.status === 'in_progress'),
    );
    expect(again.events.indexOf(replayed)).toBe(seen);
    expect(await h.as(user).notifications.unreadCount()).toEqual({ count: 0 });
    await again.close();
  });

  it('lead.changed reaches creator, assignee and manager; the assignee hears who assigned', async () => {
    const manager = await h.newUser('manager', 'Maya');
    const sales = await h.newUser('sales', 'Sam');
    const creator = await h.newUser('sales', 'Cleo');
    const inboxes = await Promise.all([manager, sales, creator].map((u) => openInbox(h, u)));
    const lead = await h.as(creator).leads.create({ name: 'ACME' });
    await h.as(manager).leads.assign({ leadId: lead.id, assigneeId: sales.id });
    for (const inbox of inboxes) {
      await inbox.waitForEvent((e) => e.kind === 'lead.changed' && e.lead.assigneeId === sales.id);
    }
    const note = await inboxes[1]?.waitFor((n) => n.type === 'lead_assignment');
    expect(note?.actor).toEqual({ id: manager.id, name: 'Maya' });
    for (const inbox of inboxes) await inbox.close();
  });
});
