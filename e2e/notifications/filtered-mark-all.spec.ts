import {
  expect,
  expectUnread,
  inbox,
  openPanel,
  test,
  undoToast,
  uniqueTitle,
} from '../support/inbox-fixtures';

test('mark all read under a type filter marks only that type; Undo brings them back', async ({
  rep,
  repPage: page,
  notify,
}) => {
  const lead = uniqueTitle('Lead stays unread');
  const reminders = [uniqueTitle('Reminder one'), uniqueTitle('Reminder two')];
  await notify(rep.id, { type: 'lead_assignment', title: lead });
  for (const title of reminders) await notify(rep.id, { type: 'task_reminder', title });
  await expectUnread(page, 3);

  const panel = await openPanel(page);
  await panel.getByRole('button', { name: /^Filter by type/ }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Reminders' }).click();
  await page.keyboard.press('Escape');
  await expect(inbox.item(page, lead)).toHaveCount(0);

  await panel.getByRole('button', { name: 'Mark 2 as read' }).click();
  for (const title of reminders) {
    await expect(inbox.item(page, title)).toHaveAttribute('data-read', 'true');
  }
  await expectUnread(page, 1);
  await expect(panel.getByRole('button', { name: 'Mark 0 as read' })).toBeDisabled();

  await panel.getByRole('button', { name: /^Filter by type/ }).click();
  await page.getByRole('menuitem', { name: 'Show all types' }).click();
  await expect(inbox.item(page, lead)).toHaveAttribute('data-read', 'false');
  await expect(panel.getByRole('button', { name: 'Mark 1 as read' })).toBeVisible();

  await undoToast(page, 'Marked 2 notifications as read')
    .getByRole('button', { name: 'Undo' })
    .click();
  await expectUnread(page, 3);
  for (const title of reminders) {
    await expect(inbox.item(page, title)).toHaveAttribute('data-read', 'false');
  }
});
