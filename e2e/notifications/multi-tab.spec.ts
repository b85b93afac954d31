import type { BrowserContext, Page } from '@playwright/test';
import {
  expect,
  expectUnread,
  inbox,
  openTab,
  saveScreenshot,
  test,
  uniqueTitle,
} from '../support/notification-fixtures';

// The manager's notifications belong to this file alone (see live-updates.spec.ts).
test.use({ demoUser: 'manager@demo.test' });

/** Counts the notification streams (EventSource requests) the browser context opens. */
function countStreams(context: BrowserContext): () => number {
  let streams = 0;
  context.on('request', (req) => {
    if (req.url().includes('/trpc/notifications.onEvent')) streams += 1;
  });
  return () => streams;
}

async function leaderOf(pages: Page[]): Promise<Page> {
  const roles = await Promise.all(
    pages.map((page) => inbox.status(page).getAttribute('data-stream-role')),
  );
  const leaders = pages.filter((_, i) => roles[i] === 'leader');
  expect(leaders).toHaveLength(1);
  const [leader] = leaders;
  if (!leader) throw new Error('no leader');
  return leader;
}

test('eight tabs share one stream: all load, all show Live, all receive a notification', async ({
  context,
  account,
  store,
  notify,
}) => {
  test.setTimeout(90_000);
  const streams = countStreams(context);
  await store.markAllRead(account.id);
  const pages: Page[] = [];
  for (let i = 0; i < 8; i++) pages.push(await openTab(context));

  // Eight EventSources would hold every one of the six connections per origin, and the
  // later tabs could not even load their session: each tab rendering the shell proves not.
  for (const page of pages) {
    await expect(page.getByRole('banner')).toContainText(account.name);
    await expect(inbox.status(page)).toHaveText('Live');
    await expectUnread(page, 0);
  }
  await leaderOf(pages);

  const title = uniqueTitle('Quarterly review assigned');
  await notify(account.id, { title });
  // All tabs at once: the toasts last 5 s, and eight tabs checked one after another on a
  // loaded machine took longer than that.
  await Promise.all(
    pages.map(async (page) => {
      await expect(inbox.toast(page, title)).toHaveCount(1);
      await expectUnread(page, 1);
      await expect(page).toHaveTitle('(1) Acme Ops');
    }),
  );
  expect(streams()).toBe(1);
});

test('closing the leader tab hands the stream to another tab, which misses nothing', async ({
  context,
  account,
  store,
  notify,
}) => {
  const streams = countStreams(context);
  await store.markAllRead(account.id);
  const pages = [await openTab(context), await openTab(context), await openTab(context)];
  for (const page of pages) await expect(inbox.status(page)).toHaveText('Live');
  const before = uniqueTitle('Before hand-over');
  await notify(account.id, { title: before });
  for (const page of pages) await expectUnread(page, 1);

  const leader = await leaderOf(pages);
  await leader.close();
  const rest = pages.filter((page) => page !== leader);

  // Created right away, possibly before the next leader has its stream: the server replays it
  // because the new stream resumes from the last event id the tab saw.
  const after = uniqueTitle('After hand-over');
  await notify(account.id, { title: after });
  for (const page of rest) {
    await expectUnread(page, 2);
    await expect(inbox.status(page)).toHaveText('Live');
  }
  await leaderOf(rest);
  await inbox.bell(rest[0] as Page).click();
  await expect(inbox.item(rest[0] as Page, after)).toBeVisible();
  await expect(inbox.item(rest[0] as Page, before)).toHaveCount(1);
  expect(streams()).toBe(2);

  // And once more with the new leader in place.
  const again = uniqueTitle('With the new leader');
  await notify(account.id, { title: again });
  for (const page of rest) await expectUnread(page, 3);
});

test('offline shows Offline with "Retry now"; what arrived meanwhile comes in on reconnect', async ({
  context,
  account,
  notify,
}, testInfo) => {
  const first = await openTab(context);
  const second = await openTab(context);
  for (const page of [first, second]) await expect(inbox.status(page)).toHaveText('Live');

  await context.setOffline(true);
  for (const page of [first, second]) {
    await expect(inbox.status(page)).toHaveText('Offline');
    await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();
  }
  await inbox.status(first).hover();
  await expect(first.getByRole('tooltip')).toContainText('Offline since');
  await saveScreenshot(first, testInfo, 'offline');
  const missed = uniqueTitle('Sent while offline');
  await notify(account.id, { title: missed });

  await context.setOffline(false);
  for (const page of [first, second]) {
    await expect(inbox.status(page)).toHaveText('Live');
    await expect(page.getByRole('button', { name: 'Retry now' })).toHaveCount(0);
    await expect(inbox.toast(page, missed)).toBeVisible();
  }
  await inbox.bell(first).click();
  await expect(inbox.item(first, missed)).toHaveCount(1);
});

test('signing out in one tab signs out every tab and stops the stream', async ({
  context,
  account,
}) => {
  const first = await openTab(context);
  const second = await openTab(context);
  await expect(inbox.status(first)).toHaveText('Live');
  await expect(inbox.status(second)).toHaveText('Live');

  await first.getByRole('button', { name: new RegExp(account.name) }).click();
  await first.getByRole('menuitem', { name: 'Sign out' }).click();

  for (const page of [first, second]) {
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(inbox.status(page)).toHaveCount(0);
  }
  // No tab is left holding a stream.
  const holders = await first.evaluate(async () => {
    const state = await navigator.locks.query();
    return (state.held ?? []).filter((lock) => lock.name === 'acme-notifications-stream').length;
  });
  expect(holders).toBe(0);

  // Signing back in in one tab brings the other along, with one stream again.
  await first.getByLabel('Email').fill(account.email);
  await first.getByLabel('Password').fill('demo-password');
  await first.getByRole('button', { name: 'Sign in' }).click();
  for (const page of [first, second]) await expect(inbox.status(page)).toHaveText('Live');
});
