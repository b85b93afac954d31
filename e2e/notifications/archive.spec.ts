import {
  expect,
  expectUnread,
  inbox,
  openPanel,
  rowButton,
  secondTab,
  showView,
  test,
  undoToast,
  uniqueTitle,
} from '../support/inbox-fixtures';

test('archive and unarchive: the item leaves the inbox and comes back, in both tabs', async ({
  rep,
  repPage: first,
  notify,
}) => {
  const second = await secondTab(first, rep);
  const kept = uniqueTitle('Kept in the inbox');
  const title = uniqueTitle('To be archived');
  await notify(rep.id, { title: kept });
  await notify(rep.id, { title });
  for (const page of [first, second]) await expectUnread(page, 2);

  await openPanel(first);
  await openPanel(second);
  await (await rowButton(first, title, 'Archive')).click();

  // Archiving reads it: it leaves the inbox and the count, here and in the other tab at once.
  for (const page of [first, second]) {
    await expect(inbox.item(page, title)).toHaveCount(0);
    await expect(inbox.item(page, kept)).toBeVisible();
    await expectUnread(page, 1);
  }
  await expect(undoToast(first, 'Archived')).toBeVisible();

  await showView(second, 'Archived');
  await expect(inbox.item(second, title)).toHaveAttribute('data-read', 'true');
  await expect(inbox.item(second, kept)).toHaveCount(0);
  await (await rowButton(second, title, 'Move to inbox')).click();
  await expect(inbox.item(second, title)).toHaveCount(0);
  await expect(inbox.item(first, title)).toBeVisible();

  // Undo from the toast is unarchive.
  await (await rowButton(first, title, 'Archive')).click();
  await expect(inbox.item(first, title)).toHaveCount(0);
  await undoToast(first, 'Archived').getByRole('button', { name: 'Undo' }).click();
  await expect(inbox.item(first, title)).toBeVisible();
  await showView(second, 'Inbox');
  await expect(inbox.item(second, title)).toBeVisible();
  for (const page of [first, second]) await expectUnread(page, 1);
});

test('archive all read clears the read ones and keeps the unread', async ({
  rep,
  repPage: page,
  notify,
}) => {
  const unreadTitle = uniqueTitle('Still unread');
  const readTitle = uniqueTitle('Already read');
  await notify(rep.id, { title: readTitle });
  await notify(rep.id, { title: unreadTitle });
  const panel = await openPanel(page);
  await (await rowButton(page, readTitle, 'Mark as read')).click();
  await expectUnread(page, 1);

  await panel.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Archive all read' }).click();
  await expect(inbox.item(page, readTitle)).toHaveCount(0);
  await expect(inbox.item(page, unreadTitle)).toBeVisible();
  await expect(undoToast(page, 'Archived 1 notification')).toBeVisible();
  await showView(page, 'Archived');
  await expect(inbox.item(page, readTitle)).toBeVisible();
  await expectUnread(page, 1);
});
