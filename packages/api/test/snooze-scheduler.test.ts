import type { StreamEvent } from '@acme/contracts';
import { createSnoozeJobs, createSnoozeScheduler } from '@acme/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { inMs, untilPassed } from './assertions';
import { startHarness, type Harness } from './harness';
import { startProcessScheduler } from './process';
import { openInbox, type Inbox } from './inbox';
import { inboxState, seedInbox } from './seed-inbox';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(tasks: number) {
  const h = await startHarness();
  cleanups.push(async () => {
    await h.close();
    expect(h.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
  const seeded = await seedInbox(h, { tasks });
  const inbox = await openInbox(h, seeded.user);
  cleanups.push(() => inbox.close());
  return { h, inbox, ...seeded };
}

/** One server process's snooze worker, started. */
const startProcess = (h: Harness) =>
  startProcessScheduler(h, createSnoozeScheduler, cleanups).start();

const woke = (id: string) => (e: StreamEvent) =>
  e.kind === 'notification.unsnoozed' && e.id === id && e.reason === 'due';

/** The ids of the due wake-ups received so far, in stream order. */
const wakeUps = (inbox: Inbox) =>
  inbox.events.flatMap(({ event }) =>
    event.kind === 'notification.unsnoozed' && event.reason === 'due' ? [event.id] : [],
  );

describe('snooze wake-ups', () => {
  it('wake each item once, on time, with two workers; moved and cancelled snoozes do not', async () => {
    const { h, inbox, user, items } = await setUp(4);
    const [a, b, moved, cancelled] = items.map((n) => n.id);
    if (!a || !b || !moved || !cancelled) throw new Error('seeded four');
    await Promise.all([startProcess(h), startProcess(h)]);
    const me = h.as(user).notifications;

    const untilA = inMs(1500);
    await me.snooze({ id: a, until: untilA });
    await me.snooze({ id: moved, until: inMs(1200) });
    await me.snooze({ id: cancelled, until: inMs(1300) });
    await me.snooze({ id: moved, until: inMs(2200) });
    await me.unsnooze({ id: cancelled });
    // A stale job left behind (as a crash between queueing and retiring would): harmless.
    await createSnoozeJobs(h.redis, h.logger).add({
      userId: user.id,
      notificationId: b,
      untilMs: Date.parse(inMs(1000)),
    });
    const untilB = inMs(2500);
    await me.snooze({ id: b, until: untilB });

    const first = await inbox.waitForEvent(woke(a));
    expect(first.at - Date.parse(untilA)).toBeGreaterThanOrEqual(0);
    expect(first.at - Date.parse(untilA)).toBeLessThan(1000);
    expect(first.event).toMatchObject({
      notification: { id: a, isRead: false, snoozedUntil: null },
    });
    const last = await inbox.waitForEvent(woke(b));
    expect(last.at - Date.parse(untilB)).toBeGreaterThanOrEqual(0);
    expect(last.at - Date.parse(untilB)).toBeLessThan(1000);

    // Everything due has come due by now: had anything woken twice or early, it shows.
    expect(wakeUps(inbox)).toEqual([a, moved, b]);
    const state = await inboxState(h, user);
    expect(state.snoozed).toEqual([]);
    expect(state.inbox.slice(0, 3)).toEqual([b, moved, a]); // back at the top, latest first
    expect(state.count).toBe(state.unread.length);
  }, 20_000);

  it('wakes a snooze that came due while no worker ran, once one starts', async () => {
    const { h, inbox, user, items } = await setUp(1);
    const id = items[0]?.id ?? '';
    const until = inMs(500);
    await h.as(user).notifications.snooze({ id, until });
    await untilPassed(until);
    expect((await inboxState(h, user)).snoozed).toEqual([id]);
    expect(wakeUps(inbox)).toEqual([]);

    await startProcess(h);
    await inbox.waitForEvent(woke(id));
    expect(wakeUps(inbox)).toEqual([id]);
    expect(await inboxState(h, user)).toMatchObject({ inbox: [id], snoozed: [], count: 1 });
  }, 20_000);
});
