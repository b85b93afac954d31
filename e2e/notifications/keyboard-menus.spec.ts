import type { Page } from '@playwright/test';
import { expect, expectUnread, inbox, test, uniqueTitle } from '../support/inbox-fixtures';

async function tabUntilFocused(page: Page, name: string | RegExp, max = 20) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    if (focused && (typeof name === 'string' ? focused === name : name.test(focused))) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

test('keyboard only: the snooze menu, the custom-time dialog and the view menu', async ({
  rep,
  repPage: page,
  notify,
}) => {
  const older = uniqueTitle('Snoozed by keyboard');
  const newer = uniqueTitle('Archived by keyboard');
  await notify(rep.id, { title: older });
  await notify(rep.id, { title: newer });
  await expectUnread(page, 2);
  await expect(inbox.status(page)).toHaveText('Live');

  await tabUntilFocused(page, /^Notifications/);
  await page.keyboard.press('Enter');
  const newerLink = inbox.item(page, newer).getByRole('link');
  await expect(newerLink).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inbox.item(page, older).getByRole('link')).toBeFocused();

  // Row link → read toggle → snooze menu.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const snooze = inbox.item(page, older).getByRole('button', { name: 'Snooze' });
  await expect(snooze).toBeFocused();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /^1 hour/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /^Tomorrow/ })).toBeFocused();
  // Escape closes only the menu, and focus goes back to its button.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(inbox.panel(page)).toBeVisible();
  await expect(snooze).toBeFocused();

  // The custom time dialog: Escape closes it and returns to the snooze button.
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Custom date and time…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Snooze until' });
  await expect(dialog.getByLabel('Date and time')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(inbox.panel(page)).toBeVisible();
  await expect(snooze).toBeFocused();

  // A preset snoozes it; focus stays in the list, on the row that is left.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(inbox.item(page, older)).toHaveCount(0);
  await expectUnread(page, 1);
  await expect(newerLink).toBeFocused();

  // Row → toggle → snooze → archive.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(inbox.item(page, newer).getByRole('button', { name: 'Archive' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inbox.item(page, newer)).toHaveCount(0);
  await expectUnread(page, 0);

  // The view menu: roving focus over its radio items.
  await tabUntilFocused(page, 'View: Inbox');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: 'Inbox' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemradio', { name: 'Archived' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemradio', { name: 'Snoozed' })).toBeFocused();
  await page.keyboard.press('Enter');
  const viewButton = inbox.panel(page).getByRole('button', { name: 'View: Snoozed' });
  await expect(viewButton).toBeFocused();
  await expect(inbox.item(page, older)).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(inbox.panel(page)).toBeHidden();
  await expect(inbox.bell(page)).toBeFocused();
});
