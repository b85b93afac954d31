import type { User } from '@acme/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTRPCError, userSnapshot } from '../../test/assertions';
import { startHarness, type Harness } from '../../test/harness';
import { inboxState, seedInbox, unreadIds, viewIds } from '../../test/seed-inbox';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** What a refused call must leave as it was: both users' keys, every one. */
const snapshotOf = (...users: User[]) => Promise.all(users.map((u) => userSnapshot(h.redis, u.id)));

/** The unread count agrees with the inbox's unread list, and every unread item is in the inbox. */
async function consistentState(user: User) {
  const state = await inboxState(h, user);
  expect(state.count).toBe(state.unread.length);
  expect(state.inbox).toEqual(expect.arrayContaining(state.unread));
  return state;
}

describe('notifications.archive / unarchive', () => {
  it('moves an item to the archived view, read, and back; counts agree in every view', async () => {
    const { user, items } = await seedInbox(h, { tasks: 3 });
    const [newest, middle, oldest] = items.map((n) => n.id);
    expect(await consistentState(user)).toMatchObject({ count: 3, archived: [], snoozed: [] });

    const archived = await h.as(user).notifications.archive({ id: middle ?? '' });
    expect(archived).toMatchObject({ id: middle, isRead: true });
    expect(archived.archivedAt).not.toBeNull();
    expect(await consistentState(user)).toEqual({
      inbox: [newest, oldest],
      archived: [middle],
      snoozed: [],
      unread: [newest, oldest],
      count: 2,
    });
    // Again: idempotent.
    await h.as(user).notifications.archive({ id: middle ?? '' });
    expect(await viewIds(h, user, 'archived')).toEqual([middle]);

    const back = await h.as(user).notifications.unarchive({ id: middle ?? '' });
    expect(back).toMatchObject({ id: middle, archivedAt: null, isRead: true });
    expect(await consistentState(user)).toMatchObject({
      inbox: [newest, middle, oldest],
      archived: [],
      count: 2,
    });
  });

  it("refuses another user's id and an unknown id as NOT_FOUND, changing nothing", async () => {
    const owner = await seedInbox(h, { tasks: 1 });
    const other = await seedInbox(h, { tasks: 1 });
    const id = owner.items[0]?.id ?? '';
    await h.as(owner.user).notifications.archive({ id });
    const before = await snapshotOf(owner.user, other.user);
    // Thunks, called one at a time: promises made up front would reject unobserved while the
    // first is awaited (an unhandled rejection fails the run).
    for (const call of [
      () => h.as(other.user).notifications.archive({ id }),
      () => h.as(other.user).notifications.unarchive({ id }),
      () => h.as(owner.user).notifications.archive({ id: 'no-such-notification' }),
      () => h.as(owner.user).notifications.unarchive({ id: 'no-such-notification' }),
    ]) {
      await expectTRPCError(call(), 'NOT_FOUND', 'Notification not found');
    }
    expect(await snapshotOf(owner.user, other.user)).toEqual(before);
  });

  it('refuses an invalid id as BAD_REQUEST with the zod issues', async () => {
    const { user } = await seedInbox(h, { tasks: 1 });
    const before = await snapshotOf(user);
    const error = await expectTRPCError(
      h.as(user).notifications.archive({ id: 'not an id!' }),
      'BAD_REQUEST',
    );
    expect(error.cause).toMatchObject({ issues: [expect.objectContaining({ path: ['id'] })] });
    expect(await snapshotOf(user)).toEqual(before);
  });
});

describe('notifications.archiveAllRead', () => {
  it('archives the read inbox items only, and says which', async () => {
    const { user, items } = await seedInbox(h, { tasks: 4 });
    const [a, b, c, d] = items.map((n) => n.id);
    await h.as(user).notifications.markRead({ id: b ?? '' });
    await h.as(user).notifications.markRead({ id: d ?? '' });
    const result = await h.as(user).notifications.archiveAllRead();
    expect(result.count).toBe(2);
    expect([...result.ids].sort()).toEqual([b, d].sort());
    expect(await consistentState(user)).toEqual({
      inbox: [a, c],
      archived: expect.arrayContaining([b, d]) as unknown,
      snoozed: [],
      unread: [a, c],
      count: 2,
    });
    expect(await h.as(user).notifications.archiveAllRead()).toEqual({ count: 0, ids: [] });
  });
});

describe('notifications.markAllRead', () => {
  it('marks only the given types; without input, everything', async () => {
    const { user, items } = await seedInbox(h, { tasks: 2, leads: 2 });
    const ofType = (type: string) => items.filter((n) => n.type === type).map((n) => n.id);
    const tasks = ofType('task_assignment');
    const leads = ofType('lead_assignment');

    const leadsRead = await h.as(user).notifications.markAllRead({ types: ['lead_assignment'] });
    expect(leadsRead.count).toBe(2);
    expect([...leadsRead.ids].sort()).toEqual([...leads].sort());
    expect(await unreadIds(h, user)).toEqual(tasks);
    expect((await consistentState(user)).count).toBe(2);

    const rest = await h.as(user).notifications.markAllRead();
    expect([...rest.ids].sort()).toEqual([...tasks].sort());
    expect(await consistentState(user)).toMatchObject({ unread: [], count: 0 });
  });

  it('refuses unknown or empty types as BAD_REQUEST, marking nothing', async () => {
    const { user } = await seedInbox(h, { tasks: 2 });
    const before = await snapshotOf(user);
    const bogus = { types: ['no_such_type'] } as unknown as { types: ['task_assignment'] };
    const empty = { types: [] } as unknown as { types: ['task_assignment'] };
    for (const input of [bogus, empty]) {
      const error = await expectTRPCError(
        h.as(user).notifications.markAllRead(input),
        'BAD_REQUEST',
      );
      expect(error.cause).toMatchObject({
        issues: [expect.objectContaining({ path: expect.arrayContaining(['types']) as unknown })],
      });
    }
    expect(await snapshotOf(user)).toEqual(before);
    expect((await consistentState(user)).count).toBe(2);
  });
});

describe('notifications.list views', () => {
  it('defaults to the inbox and refuses an unknown view', async () => {
    const { user, items } = await seedInbox(h, { tasks: 2 });
    expect(await viewIds(h, user, 'inbox')).toEqual(items.map((n) => n.id));
    const view = 'trash' as unknown as 'inbox';
    await expectTRPCError(h.as(user).notifications.list({ view }), 'BAD_REQUEST');
  });
});
