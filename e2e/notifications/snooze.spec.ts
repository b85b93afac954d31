import {
  expect,
  expectUnread,
  inbox,
  openPanel,
  rowButton,
  showView,
  test,
  uniqueTitle,
} from '../support/inbox-fixtures';

test('snoozed for 3 s with a custom time, it wakes while the page is open, with its toast', async ({
  rep,
  repPage: page,
  notify,
}) => {
  const title = uniqueTitle('Snooze me');
  await notify(rep.id, { title });
  await expectUnread(page, 1);

  await openPanel(page);
  await (await rowButton(page, title, 'Snooze')).click();
  await page.getByRole('menuitem', { name: 'Custom date and time…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Snooze until' });
  await expect(dialog).toBeVisible();
  // The browser's local time, 5 s ahead, as the datetime-local input takes it. The item must
  // wake with the panel closed (toasts are for a closed panel), so little happens meanwhile;
  // the Snoozed view is checked in the next test.
  const soon = await page.evaluate(() => {
    const at = new Date(Date.now() + 5_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return (
      `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
      `T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
    );
  });
  await dialog.getByLabel('Date and time').fill(soon);
  await dialog.getByRole('button', { name: 'Snooze' }).click();
  await expect(dialog).toBeHidden();

  await expect(inbox.item(page, title)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(inbox.panel(page)).toBeHidden();
  await expectUnread(page, 0);

  await expect(inbox.toast(page, title)).toBeVisible({ timeout: 8_000 });
  await expectUnread(page, 1);
  await openPanel(page);
  await expect(inbox.item(page, title)).toHaveAttribute('data-read', 'false');
  await expect(inbox.item(page, title)).toHaveCount(1);
});

test('a preset snooze leaves the inbox; Unsnooze brings it straight back', async ({
  rep,
  repPage: page,
  notify,
}) => {
  const title = uniqueTitle('Until tomorrow');
  await notify(rep.id, { title });
  await openPanel(page);
  await (await rowButton(page, title, 'Snooze')).click();
  await page.getByRole('menuitem', { name: /^Tomorrow/ }).click();
  await expect(inbox.item(page, title)).toHaveCount(0);
  await expectUnread(page, 0);

  await showView(page, 'Snoozed');
  await expect(inbox.item(page, title)).toContainText('Returns tomorrow');
  await (await rowButton(page, title, 'Snoozed: change or unsnooze')).click();
  await page.getByRole('menuitem', { name: 'Unsnooze' }).click();
  await expect(inbox.item(page, title)).toHaveCount(0);
  await showView(page, 'Inbox');
  await expect(inbox.item(page, title)).toBeVisible();
  await expectUnread(page, 1);
});
