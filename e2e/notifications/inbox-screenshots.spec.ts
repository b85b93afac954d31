import {
  expect,
  expectUnread,
  inbox,
  openPanel,
  openSettings,
  rowButton,
  saveScreenshot,
  showView,
  test,
  uniqueTitle,
} from '../support/inbox-fixtures';

/*
 * Screenshots of the inbox states for review (e2e/screenshots/notifications-inbox-*.png): the
 * cards (one expanded), the snooze menu, the Snoozed view, the custom-time dialog and the settings page, in light and
 * dark, on a desktop and a phone.
 */

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 820 } };

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, options] of Object.entries({ desktop, phone })) {
    test(`inbox states, ${colorScheme}, ${device}`, async ({
      people,
      signIn,
      notify,
    }, testInfo) => {
      const [rep] = await people('sales');
      const { page } = await signIn(rep, { ...options, colorScheme });
      // Live first, so the screenshots show settled cards (first-load.spec.ts covers creates
      // racing the first load).
      await expect(inbox.status(page)).toHaveText('Live');
      const snoozed = uniqueTitle('Call the supplier back');
      const review = uniqueTitle('Quarterly review');
      const recordId = `task_${crypto.randomUUID().slice(0, 8)}`;
      const maya = { id: 'user_maya_e2e', name: 'Maya Chen' };
      await notify(rep.id, {
        type: 'lead_assignment',
        title: uniqueTitle('Lead: Globex'),
        actor: maya,
      });
      await notify(rep.id, { type: 'task_reminder', title: snoozed });
      await notify(rep.id, {
        title: uniqueTitle('Assigned'),
        recordName: review,
        recordId,
        actor: maya,
      });
      await notify(rep.id, {
        type: 'task_completed',
        title: uniqueTitle('Completed'),
        recordName: review,
        recordId,
        actor: { id: 'user_sam_e2e', name: 'Sam Ortiz' },
      });
      const name = (shot: string) => `inbox-${shot}-${colorScheme}-${device}`;

      await expectUnread(page, 4);
      await openPanel(page);
      const card = inbox.item(page, review);
      await expect(card).toContainText(`2 updates on ${review}`);
      await card.getByRole('button', { name: 'Show all 2' }).click();
      await expect(card.getByRole('group', { name: 'Updates' })).toBeVisible();
      await saveScreenshot(page, testInfo, name('cards'));
      await (await rowButton(page, snoozed, 'Snooze')).click();
      await expect(page.getByRole('menuitem', { name: /^1 hour/ })).toBeVisible();
      await saveScreenshot(page, testInfo, name('snooze-menu'));
      await page.getByRole('menuitem', { name: 'Custom date and time…' }).click();
      await expect(page.getByRole('dialog', { name: 'Snooze until' })).toBeVisible();
      await saveScreenshot(page, testInfo, name('custom-time'));
      await page.keyboard.press('Escape');

      await (await rowButton(page, snoozed, 'Snooze')).click();
      await page.getByRole('menuitem', { name: /^Tomorrow/ }).click();
      await expect(inbox.item(page, snoozed)).toHaveCount(0);
      await showView(page, 'Snoozed');
      await expect(inbox.item(page, snoozed)).toContainText('Returns');
      await saveScreenshot(page, testInfo, name('snoozed-view'));
    });

    test(`settings page, ${colorScheme}, ${device}`, async ({ people, signIn }, testInfo) => {
      const [rep] = await people('sales');
      const { page } = await signIn(rep, { ...options, colorScheme });
      await openSettings(page, rep);
      await page.getByRole('switch', { name: 'Leads: Toast' }).click();
      await expect(page.getByRole('switch', { name: 'Leads: Toast' })).toHaveAttribute(
        'aria-checked',
        'false',
      );
      await saveScreenshot(page, testInfo, `settings-${colorScheme}-${device}`);
    });
  }
}
