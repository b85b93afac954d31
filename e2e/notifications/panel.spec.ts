import {
  expect,
  expectUnread,
  inbox,
  saveScreenshot,
  test,
  uniqueTitle,
} from '../support/notification-fixtures';

// The approver's notifications belong to this file alone (see live-updates.spec.ts).
test.use({ demoUser: 'approver@demo.test' });

test('keyboard only: open the panel, move with arrow keys, mark one read, Escape back to the bell', async ({
  signedInPage: page,
  account,
  store,
  notify,
}) => {
  await store.markAllRead(account.id);
  await expect(inbox.status(page)).toHaveText('Live');
  const older = uniqueTitle('Older task');
  const newer = uniqueTitle('Newer task');
  await notify(account.id, { title: older });
  await notify(account.id, { title: newer });
  await expectUnread(page, 2);

  // Tab through the header to the bell, as a keyboard user would.
  const bell = inbox.bell(page);
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    if (await bell.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(bell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inbox.panel(page)).toBeVisible();

  const newerLink = inbox.item(page, newer).getByRole('link');
  const olderLink = inbox.item(page, older).getByRole('link');
  await expect(newerLink).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(olderLink).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(newerLink).toBeFocused();
  await page.keyboard.press('ArrowDown');

  // Tab reaches the focused row's read toggle.
  await page.keyboard.press('Tab');
  const toggle = inbox.item(page, older).getByRole('button', { name: 'Mark as read' });
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inbox.item(page, older)).toHaveAttribute('data-read', 'true');
  await expect(inbox.item(page, newer)).toHaveAttribute('data-read', 'false');
  await expectUnread(page, 1);
  await expect(
    inbox.item(page, older).getByRole('button', { name: 'Mark as unread' }),
  ).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(inbox.panel(page)).toBeHidden();
  await expect(bell).toBeFocused();

  // Enter on a row opens its record.
  await page.keyboard.press('Enter');
  await expect(newerLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/tasks\/task_/);
  await expect(inbox.panel(page)).toBeHidden();
  await expectUnread(page, 0);
});

test('long inboxes load more as you scroll, and the type filter narrows the list', async ({
  signedInPage: page,
  account,
  store,
}) => {
  await expect(inbox.status(page)).toHaveText('Live');
  const batch = uniqueTitle('Batch');
  for (let i = 0; i < 24; i++) {
    await store.create(account.id, {
      type: 'task_assignment',
      title: `${batch} #${String(i).padStart(2, '0')}`,
      message: 'One of many.',
      task: {
        id: `task_batch_${i}`,
        title: `${batch} #${String(i).padStart(2, '0')}`,
        description: null,
        priority: 'low',
        status: 'to_do',
        dueDate: null,
        dueTime: null,
        assigneeId: null,
        createdById: 'e2e',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      },
      metadata: {},
    });
  }
  const lead = uniqueTitle('Lead for the filter');
  await store.create(account.id, {
    type: 'lead_assignment',
    title: lead,
    message: 'Globex Corp, $12,000',
    lead: {
      id: 'lead_filter',
      name: lead,
      company: 'Globex',
      email: null,
      phone: null,
      value: 12000,
      source: null,
      assigneeId: null,
      createdById: 'e2e',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    },
    metadata: {},
  });

  await inbox.bell(page).click();
  const panel = inbox.panel(page);
  await expect(inbox.item(page, lead)).toBeVisible();
  // The first page holds 20; the oldest of the batch only arrives by scrolling.
  const oldest = inbox.item(page, `${batch} #00`);
  await expect(oldest).toHaveCount(0);
  await panel.getByRole('listitem').last().scrollIntoViewIfNeeded();
  await expect(oldest).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: batch })).toHaveCount(24);

  await panel.getByRole('button', { name: /Filter by type/ }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Leads' }).click();
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('button', { name: 'Filter by type: Leads' })).toBeVisible();
  await expect(inbox.item(page, lead)).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: batch })).toHaveCount(0);
});

test('at phone width the panel is a full-height sheet; it reads well in dark mode', async ({
  signedInPage: page,
  account,
  notify,
}, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(inbox.status(page)).toHaveText('Live');
  await notify(account.id, {
    type: 'approver_group_created',
    title: uniqueTitle('Added to Finance approvers'),
    message: 'You are now a member of the approver group "Finance approvers".',
  });
  await notify(account.id, {
    type: 'task_reminder',
    title: uniqueTitle('Reminder: call supplier'),
  });
  await notify(account.id, {
    type: 'lead_assignment',
    title: uniqueTitle('Lead assigned: Globex'),
  });
  await saveScreenshot(page, testInfo, 'phone-header');

  await inbox.bell(page).click();
  const sheet = inbox.panel(page);
  await expect(sheet).toBeVisible();
  // Once its slide-in has finished, the sheet covers the whole screen.
  await expect
    .poll(async () => {
      const box = await sheet.boundingBox();
      return box && [box.x, box.y, box.width, box.height].map(Math.round);
    })
    .toEqual([0, 0, 375, 812]);
  await saveScreenshot(page, testInfo, 'phone-sheet');
  await sheet.getByRole('button', { name: 'Close notifications' }).click();
  await expect(sheet).toBeHidden();
  await expect(inbox.bell(page)).toBeFocused();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await inbox.bell(page).click();
  await expect(inbox.panel(page)).toBeVisible();
  await inbox.panel(page).getByRole('listitem').first().hover();
  await saveScreenshot(page, testInfo, 'panel-dark');
});

test('loading shows skeleton rows; a failed load says so and retries', async ({
  signedInPage: page,
  account,
  notify,
}, testInfo) => {
  await expect(inbox.status(page)).toHaveText('Live');
  const title = uniqueTitle('Shown after the retry');
  await notify(account.id, { title });
  let failing = true;
  let releaseFirst: () => void = () => undefined;
  const firstHeld = new Promise<void>((resolve) => {
    releaseFirst = resolve;
  });
  let calls = 0;
  await page.route(/\/trpc\/[^?]*notifications\.list/, async (route) => {
    calls += 1;
    if (calls === 1) await firstHeld; // holds the first answer back: the loading state
    if (failing) await route.fulfill({ status: 503, body: 'Service Unavailable' });
    else await route.continue();
  });

  await inbox.bell(page).click();
  await expect(
    inbox.panel(page).getByRole('status', { name: 'Loading notifications' }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, 'loading');
  releaseFirst();

  const alert = inbox.panel(page).getByRole('alert');
  await expect(alert).toContainText("Couldn't load notifications");
  await saveScreenshot(page, testInfo, 'error');
  failing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(inbox.item(page, title)).toBeVisible();
  await expect(alert).toHaveCount(0);
  await page.unroute(/\/trpc\/[^?]*notifications\.list/);
});
