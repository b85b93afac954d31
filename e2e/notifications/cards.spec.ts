import {
  expect,
  expectUnread,
  inbox,
  openPanel,
  saveScreenshot,
  test,
  uniqueTitle,
} from '../support/inbox-fixtures';

const maya = { id: 'user_maya_e2e', name: 'Maya Chen' };
const sam = { id: 'user_sam_e2e', name: 'Sam Ortiz' };

test('three notifications about one task show as one card that expands; read acts on all', async ({
  repPage: page,
  rep,
  notify,
}) => {
  const task = uniqueTitle('Call ACME');
  const recordId = `task_${crypto.randomUUID().slice(0, 8)}`;
  await notify(rep.id, { title: uniqueTitle('Assigned'), recordName: task, recordId, actor: maya });
  await notify(rep.id, {
    type: 'task_reminder',
    title: uniqueTitle('Due'),
    recordName: task,
    recordId,
  });
  await notify(rep.id, { title: uniqueTitle('Again'), recordName: task, recordId, actor: sam });
  await expectUnread(page, 3);

  const panel = await openPanel(page);
  const card = inbox.item(page, task);
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(`3 updates on ${task}`);
  const expand = card.getByRole('button', { name: 'Show all 3' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expand.click();
  await expect(card.getByRole('button', { name: 'Hide updates' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  const updates = card.getByRole('group', { name: 'Updates' }).locator('[data-sub-item]');
  await expect(updates).toHaveCount(3);
  // Newest first, each with its own line and time.
  await expect(updates.nth(0)).toContainText(`Sam Ortiz assigned you ${task}`);
  await expect(updates.nth(1)).toContainText(`Reminder: ${task} has no due date`);
  await expect(updates.nth(2)).toContainText(`Maya Chen assigned you ${task}`);
  await expect(updates.nth(2).locator('time')).toHaveText('Just now');

  await card.hover();
  await card.getByRole('button', { name: 'Mark as read' }).click();
  await expectUnread(page, 0);
  await expect(card).toHaveAttribute('data-read', 'true');
  await expect(panel.getByRole('listitem').filter({ hasText: task })).not.toHaveCount(0);
});

test('a run of assignments by one person is one card', async ({ repPage: page, rep, notify }) => {
  const batch = uniqueTitle('Batch');
  for (let i = 0; i < 5; i++) {
    await notify(rep.id, { title: `${batch} #${i}`, actor: maya });
  }
  await expectUnread(page, 5);
  const panel = await openPanel(page);
  const card = panel.getByRole('listitem').filter({ hasText: 'Maya Chen assigned you 5 tasks' });
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: 'Show all 5' }).click();
  await expect(card.getByRole('group', { name: 'Updates' }).locator('[data-sub-item]')).toHaveCount(
    5,
  );
  await expect(card).toContainText(`${batch} #0`);
});

test('a burst of 12 gives one summary toast, which opens the panel', async ({
  repPage: page,
  rep,
  store,
}) => {
  const burst = uniqueTitle('Burst');
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      store.create(rep.id, {
        type: 'task_assignment',
        title: `${burst} #${i}`,
        message: '',
        actor: maya,
        task: {
          id: `task_${crypto.randomUUID().slice(0, 8)}`,
          title: `${burst} #${i}`,
          description: null,
          priority: 'low',
          status: 'to_do',
          dueDate: null,
          dueTime: null,
          assigneeId: rep.id,
          createdById: maya.id,
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        },
      }),
    ),
  );
  await expectUnread(page, 12);
  const summary = page.getByTestId('notification-summary-toast');
  await expect(summary).toHaveCount(1);
  await expect(summary).toContainText('12 new notifications');
  await expect(page.getByTestId('notification-toast')).toHaveCount(0);
  await summary.getByRole('button', { name: /12 new notifications/ }).click();
  await expect(inbox.panel(page)).toBeVisible();
  await expect(summary).toHaveCount(0);
});

test('a single arrival keeps its own toast', async ({ repPage: page, rep, notify }) => {
  const title = uniqueTitle('Alone');
  await notify(rep.id, { title, actor: maya });
  await expect(inbox.toast(page, title)).toBeVisible();
  await expect(page.getByTestId('notification-summary-toast')).toHaveCount(0);
});

test('Tab from the last control of the open panel goes on to the control after the bell', async ({
  repPage: page,
  rep,
  notify,
}) => {
  const title = uniqueTitle('Tab order');
  await notify(rep.id, { title, actor: maya });
  await expectUnread(page, 1);
  await inbox.bell(page).click();
  const panel = inbox.panel(page);
  const first = inbox.item(page, title).getByRole('link');
  await expect(first).toBeFocused();
  // The focused first row shows its time.
  await expect(inbox.item(page, title).locator('time').first()).toBeVisible();
  await expect(inbox.item(page, title).locator('time').first()).toHaveText('Just now');

  const userMenu = page.getByRole('button', { name: new RegExp(rep.name) });
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (!(await panel.evaluate((el) => el.contains(document.activeElement)))) break;
  }
  await expect(userMenu).toBeFocused();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(inbox.bell(page)).toBeFocused();
});

const phone = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

test('at phone width the line and the actor show, and the record name is never cut off', async ({
  people,
  signIn,
  notify,
}, testInfo) => {
  const [rep] = await people('sales');
  const { page } = await signIn(rep, phone);
  await expect(inbox.status(page)).toHaveText('Live');
  const name = uniqueTitle('Follow up with the procurement team about the quarterly renewal');
  await notify(rep.id, { title: uniqueTitle('Task assigned'), recordName: name, actor: maya });
  const group = uniqueTitle('Finance approvers board');
  await notify(rep.id, {
    type: 'approver_group_created',
    title: uniqueTitle('Group'),
    recordName: group,
    actor: maya,
  });

  await openPanel(page);
  const card = inbox.item(page, name);
  await expect(card).toContainText(`Maya Chen assigned you ${name}`);
  await expect(card.getByRole('img', { name: 'Maya Chen' })).toBeVisible();
  await expect(inbox.item(page, group)).toContainText(
    `Maya Chen added you to ${group} · 0 members`,
  );
  const recordName = card.locator('[data-record-name]');
  await expect(recordName).toHaveText(name);
  // Wrapped, not clipped: the link does not overflow and every line of the name is inside it.
  const fits = await card.locator('[data-item-link]').evaluate((link) => {
    const box = link.getBoundingClientRect();
    const strong = link.querySelector('[data-record-name]');
    const lines = strong ? Array.from(strong.getClientRects()) : [];
    return (
      link.scrollWidth <= link.clientWidth &&
      lines.length > 1 &&
      lines.every((r) => r.left >= box.left && r.right <= box.right + 0.5)
    );
  });
  expect(fits).toBe(true);
  await saveScreenshot(page, testInfo, 'cards-phone');
});
