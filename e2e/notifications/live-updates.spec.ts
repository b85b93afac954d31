import {
  expect,
  expectUnread,
  inbox,
  openTab,
  saveScreenshot,
  signInAs,
  test,
  uniqueTitle,
} from '../support/notification-fixtures';

// Every test in this file is sales1's (sales2 only as the outsider): files run in parallel,
// and a count another file changed under us would make the badge assertions meaningless.
test.use({ demoUser: 'sales1@demo.test' });

test('a new notification arrives live: toast, badge 0 → 1, title, and the panel, without a reload', async ({
  signedInPage: page,
  account,
  store,
  notify,
}, testInfo) => {
  await store.markAllRead(account.id);
  await expect(inbox.status(page)).toHaveText('Live');
  await expectUnread(page, 0);
  await expect(inbox.badge(page)).toBeHidden();
  await expect(page).toHaveTitle('Acme Ops');
  // Marks this document: after a reload the marker would be gone.
  await page.evaluate(() => {
    document.documentElement.dataset.e2eLoaded = 'once';
  });

  // Empty Unread tab first (screenshot of the empty state).
  await inbox.bell(page).click();
  await inbox
    .panel(page)
    .getByRole('tab', { name: /Unread/ })
    .click();
  await expect(inbox.panel(page)).toContainText("You're all caught up");
  await saveScreenshot(page, testInfo, 'empty-unread');
  await inbox.panel(page).getByRole('tab', { name: 'All' }).click();
  await page.keyboard.press('Escape');
  await expect(inbox.panel(page)).toBeHidden();

  const title = uniqueTitle('Complete project assigned');
  await notify(account.id, { title, message: '"Complete project" has been assigned to you.' });

  await expect(inbox.toast(page, title)).toBeVisible();
  await expectUnread(page, 1);
  await expect(inbox.badge(page)).toHaveText('1');
  await expect(page).toHaveTitle('(1) Acme Ops');
  await expect(page.getByText(`New notification: ${title}`)).toBeAttached();
  await saveScreenshot(page, testInfo, 'toast');

  await inbox.bell(page).click();
  const item = inbox.item(page, title);
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('data-read', 'false');
  await expect(inbox.panel(page).getByRole('heading', { name: 'Today' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'panel-open');

  await expect(page.locator('html')).toHaveAttribute('data-e2e-loaded', 'once');
});

test('clicking a notification opens its record, marks it read and closes the panel', async ({
  signedInPage: page,
  account,
  notify,
}) => {
  await expect(inbox.status(page)).toHaveText('Live');
  const title = uniqueTitle('Lead assigned');
  const created = await notify(account.id, { type: 'lead_assignment', title });
  if (created.type !== 'lead_assignment') throw new Error('expected a lead notification');

  await expect(inbox.toast(page, title)).toBeVisible();
  await inbox.bell(page).click();
  // The panel is open: a notification arriving now goes to the list, not to a toast.
  const second = uniqueTitle('Second lead');
  await notify(account.id, { type: 'lead_assignment', title: second });
  await expect(inbox.item(page, second)).toBeVisible();
  await expect(inbox.toast(page, second)).toHaveCount(0);

  await inbox.item(page, title).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/leads/${created.lead.id}$`));
  await expect(inbox.panel(page)).toBeHidden();
  await inbox.bell(page).click();
  await expect(inbox.item(page, title)).toHaveAttribute('data-read', 'true');
});

test('reading in one tab updates the other tab at once', async ({
  signedInPage: first,
  account,
  context,
  notify,
}) => {
  const second = await openTab(context);
  await expect(inbox.status(first)).toHaveText('Live');
  await expect(inbox.status(second)).toHaveText('Live');

  // The second tab watches with its panel open.
  await inbox.bell(second).click();
  const title = uniqueTitle('Call supplier');
  await notify(account.id, { type: 'task_reminder', title });
  await expect(inbox.item(second, title)).toHaveAttribute('data-read', 'false');
  await expect(inbox.toast(first, title)).toBeVisible();
  const unreadInSecond = await inbox.bell(second).getAttribute('aria-label');

  await inbox.bell(first).click();
  const item = inbox.item(first, title);
  await item.hover();
  await item.getByRole('button', { name: 'Mark as read' }).click();
  await expect(item).toHaveAttribute('data-read', 'true');

  await expect(inbox.item(second, title)).toHaveAttribute('data-read', 'true');
  const before = Number(/(\d+) unread/.exec(unreadInSecond ?? '')?.[1]);
  await expectUnread(second, before - 1);

  // And back: unread again everywhere.
  await item.getByRole('button', { name: 'Mark as unread' }).click();
  await expect(inbox.item(second, title)).toHaveAttribute('data-read', 'false');
  await expectUnread(second, before);
});

test("sales2 never sees sales1's notification", async ({
  signedInPage: salesOne,
  account: sales1,
  browser,
  baseURL,
  notify,
}) => {
  const otherContext = await browser.newContext({ baseURL });
  const sales2 = await signInAs(otherContext, baseURL ?? '', 'sales2@demo.test');
  const salesTwo = await openTab(otherContext);
  await expect(inbox.status(salesTwo)).toHaveText('Live');
  await expect(inbox.status(salesOne)).toHaveText('Live');

  const secret = uniqueTitle('For sales1 only');
  await notify(sales1.id, { title: secret });
  const theirs = uniqueTitle('For sales2');
  await notify(sales2.id, { title: theirs });

  // sales2's own notification, created after sales1's, has arrived: so would sales1's have.
  await expect(inbox.toast(salesTwo, theirs)).toBeVisible();
  await expect(inbox.toast(salesOne, secret)).toBeVisible();
  await expect(inbox.toast(salesTwo, secret)).toHaveCount(0);
  await inbox.bell(salesTwo).click();
  await expect(inbox.item(salesTwo, theirs)).toBeVisible();
  await expect(inbox.item(salesTwo, secret)).toHaveCount(0);
  await expect(inbox.toast(salesOne, theirs)).toHaveCount(0);
  await otherContext.close();
});
