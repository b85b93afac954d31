import {
  assignLead,
  assignTask,
  channelSwitch,
  expect,
  expectUnread,
  inbox,
  openPanel,
  openSettings,
  secondTab,
  test,
  uniqueTitle,
} from '../support/inbox-fixtures';

test('a type muted in-app never arrives while another type does', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [rep, manager] = await people('sales', 'manager');
  const { page } = await signIn(rep);
  await openSettings(page, rep);
  const leadsInApp = channelSwitch(page, 'Leads', 'In-app');
  await leadsInApp.click();
  await expect(leadsInApp).toHaveAttribute('aria-checked', 'false');

  const api = await apiAs(manager);
  const lead = uniqueTitle('Muted Corp');
  const task = uniqueTitle('Heard task');
  // The lead first: by the time the task is on screen, the lead would have been too.
  await assignLead(api, rep, lead);
  await assignTask(api, rep, task);
  await expect(inbox.toast(page, task)).toBeVisible();
  await expectUnread(page, 1);
  expect(await inbox.toast(page, lead).count()).toBe(0);
  await openPanel(page);
  await expect(inbox.item(page, task)).toBeVisible();
  await expect(inbox.item(page, lead)).toHaveCount(0);
});

test('toast off: the type still reaches the inbox, without a toast', async ({
  rep,
  repPage: page,
  notify,
}) => {
  await openSettings(page, rep);
  const tasksToast = channelSwitch(page, 'Tasks', 'Toast');
  await tasksToast.click();
  await expect(tasksToast).toHaveAttribute('aria-checked', 'false');

  const quiet = uniqueTitle('Quiet task');
  const loud = uniqueTitle('Loud group');
  await notify(rep.id, { type: 'task_assignment', title: quiet });
  // Counted means announced: its toast, had there been one, is ahead of the next one's.
  await expectUnread(page, 1);
  await notify(rep.id, { type: 'approver_group_created', title: loud });
  await expect(inbox.toast(page, loud)).toBeVisible();
  // Checked once, not retried: a toast that was there would be gone after its 5 s anyway.
  expect(await inbox.toast(page, quiet).count()).toBe(0);
  await expectUnread(page, 2);
  await openPanel(page);
  await expect(inbox.item(page, quiet)).toBeVisible();
});

test('a settings change in one tab shows in the other at once; reminders stay in-app', async ({
  rep,
  repPage: first,
}) => {
  const second = await secondTab(first, rep);
  await openSettings(first, rep);
  await openSettings(second, rep);

  const reminderInApp = channelSwitch(first, 'Reminders', 'In-app');
  await expect(reminderInApp).toBeDisabled();
  await expect(reminderInApp).toHaveAttribute('aria-checked', 'true');
  await expect(reminderInApp).toHaveAccessibleDescription(/always reach your inbox/);

  for (const [type, channel] of [
    ['Approver groups', 'Desktop'],
    ['Leads', 'Toast'],
  ] as const) {
    await channelSwitch(first, type, channel).click();
    await expect(channelSwitch(second, type, channel)).toHaveAttribute('aria-checked', 'false');
  }
  await channelSwitch(second, 'Leads', 'Toast').click();
  await expect(channelSwitch(first, 'Leads', 'Toast')).toHaveAttribute('aria-checked', 'true');

  // And it is the server's: a fresh load shows the same.
  await first.reload();
  await expect(channelSwitch(first, 'Approver groups', 'Desktop')).toHaveAttribute(
    'aria-checked',
    'false',
  );
  await expect(channelSwitch(first, 'Leads', 'Toast')).toHaveAttribute('aria-checked', 'true');
});
