import { SNOOZE_MAX_DAYS, type User } from '@acme/contracts';
import { snoozeJobId } from '@acme/domain';
import { connectionFor } from '@acme/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTRPCError, inMs, userSnapshot } from '../../test/assertions';
import { startHarness, type Harness } from '../../test/harness';
import { inboxState, seedInbox, viewIds } from '../../test/seed-inbox';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const DAY = 24 * 3_600_000;
const jobKey = (userId: string, notificationId: string, until: string) =>
  `{bullmq}:notification-snoozes:${snoozeJobId({ userId, notificationId, untilMs: Date.parse(until) })}`;

/** The wake-up jobs queued for one user (every BullMQ key lives in the `{bullmq}` slot). */
async function jobsOf(user: User): Promise<string[]> {
  const connection = connectionFor(h.redis, '{bullmq}');
  if (!connection) throw new Error('no master serves the slot of {bullmq}');
  const keys = await connection.keys(`{bullmq}:notification-snoozes:${user.id}.*`);
  return keys.filter((k) => !k.endsWith(':lock') && !k.endsWith(':logs')).sort();
}

describe('notifications.snooze', () => {
  it('takes the item out of the inbox and the count until `until`, with its wake-up job', async () => {
    const { user, items } = await seedInbox(h, { tasks: 2 });
    const [newest, oldest] = items.map((n) => n.id);
    const until = inMs(3_600_000).replace('Z', '+00:00');
    const snoozed = await h.as(user).notifications.snooze({ id: oldest ?? '', until });
    expect(snoozed).toMatchObject({ id: oldest, snoozedUntil: new Date(until).toISOString() });
    expect(await inboxState(h, user)).toEqual({
      inbox: [newest],
      archived: [],
      snoozed: [oldest],
      unread: [newest],
      count: 1,
    });
    expect(await jobsOf(user)).toEqual([jobKey(user.id, oldest ?? '', until)]);
  });

  it('re-snoozing moves the wake-up: the old job is gone, the new one waits', async () => {
    const { user, items } = await seedInbox(h, { tasks: 1 });
    const id = items[0]?.id ?? '';
    const first = inMs(3_600_000);
    const second = inMs(2 * 3_600_000);
    await h.as(user).notifications.snooze({ id, until: first });
    const moved = await h.as(user).notifications.snooze({ id, until: second });
    expect(moved.snoozedUntil).toBe(second);
    expect(await jobsOf(user)).toEqual([jobKey(user.id, id, second)]);
    expect(await viewIds(h, user, 'snoozed')).toEqual([id]);
  });

  it('refuses a past, a too distant or a malformed time as BAD_REQUEST, changing nothing', async () => {
    const { user, items } = await seedInbox(h, { tasks: 1 });
    const id = items[0]?.id ?? '';
    const before = await userSnapshot(h.redis, user.id);
    const refused = [
      { until: inMs(-1000), message: 'until must be in the future' },
      { until: inMs((SNOOZE_MAX_DAYS + 1) * DAY), message: /at most 90 days ahead/ },
      { until: 'tomorrow', message: 'Invalid ISO datetime' },
    ];
    for (const { until, message } of refused) {
      const error = await expectTRPCError(
        h.as(user).notifications.snooze({ id, until }),
        'BAD_REQUEST',
      );
      // One issue each: a malformed time is not also reported as past and too far ahead.
      expect(error.cause).toMatchObject({
        issues: [{ path: ['until'], message: expect.stringMatching(message) as unknown }],
      });
    }
    await expectTRPCError(
      h.as(user).notifications.snooze({ id: 'bad id!', until: inMs(60_000) }),
      'BAD_REQUEST',
    );
    expect(await userSnapshot(h.redis, user.id)).toEqual(before);
    expect(await jobsOf(user)).toEqual([]);
    expect(await inboxState(h, user)).toMatchObject({ inbox: [id], snoozed: [], count: 1 });
  });

  it("refuses another user's id and an unknown one as NOT_FOUND, queueing nothing", async () => {
    const owner = await seedInbox(h, { tasks: 1 });
    const other = await seedInbox(h, { tasks: 1 });
    const id = owner.items[0]?.id ?? '';
    const before = await Promise.all(
      [owner.user, other.user].map((u) => userSnapshot(h.redis, u.id)),
    );
    await expectTRPCError(
      h.as(other.user).notifications.snooze({ id, until: inMs(60_000) }),
      'NOT_FOUND',
      'Notification not found',
    );
    await expectTRPCError(
      h.as(owner.user).notifications.snooze({ id: 'no-such-notification', until: inMs(60_000) }),
      'NOT_FOUND',
    );
    const after = await Promise.all(
      [owner.user, other.user].map((u) => userSnapshot(h.redis, u.id)),
    );
    expect(after).toEqual(before);
    expect([...(await jobsOf(owner.user)), ...(await jobsOf(other.user))]).toEqual([]);
  });
});

describe('notifications.unsnooze', () => {
  it('brings the item back at once and removes its job', async () => {
    const { user, items } = await seedInbox(h, { tasks: 2 });
    const [newest, oldest] = items.map((n) => n.id);
    await h.as(user).notifications.snooze({ id: oldest ?? '', until: inMs(3_600_000) });
    const back = await h.as(user).notifications.unsnooze({ id: oldest ?? '' });
    expect(back).toMatchObject({ id: oldest, snoozedUntil: null });
    expect(await jobsOf(user)).toEqual([]);
    const state = await inboxState(h, user);
    expect(state).toMatchObject({ snoozed: [], archived: [] });
    expect([...state.inbox].sort()).toEqual([newest, oldest].sort());
    expect(state.count).toBe(state.unread.length);
  });

  it("refuses another user's id as NOT_FOUND, leaving the snooze and its job", async () => {
    const owner = await seedInbox(h, { tasks: 1 });
    const other = await seedInbox(h, { tasks: 1 });
    const id = owner.items[0]?.id ?? '';
    const until = inMs(3_600_000);
    await h.as(owner.user).notifications.snooze({ id, until });
    const before = await userSnapshot(h.redis, owner.user.id);
    await expectTRPCError(h.as(other.user).notifications.unsnooze({ id }), 'NOT_FOUND');
    expect(await userSnapshot(h.redis, owner.user.id)).toEqual(before);
    expect(await jobsOf(owner.user)).toEqual([jobKey(owner.user.id, id, until)]);
  });
});
