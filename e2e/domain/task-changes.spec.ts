import {
  choose,
  expect,
  openSection,
  recordRow,
  test,
  uniqueName,
  type TrpcCaller,
} from '../support/domain-fixtures';
import { inbox } from '../support/notification-fixtures';

interface Created {
  id: string;
}

const unread = async (api: TrpcCaller) =>
  (await api.query<{ count: number }>('notifications.unreadCount')).count;

test('a reassignment takes the row off the previous assignee’s open Tasks page and tells them', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [manager, rep, otherRep] = await people('manager', 'sales', 'sales');
  const managerApi = await apiAs(manager);
  const title = uniqueName('Call ACME');
  const task = await managerApi.mutate<Created>('tasks.create', { title, assigneeId: rep.id });

  const { page } = await signIn(rep);
  await openSection(page, 'Tasks');
  const row = recordRow(page, title);
  await expect(row).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();

  await managerApi.mutate('tasks.assign', { taskId: task.id, assigneeId: otherRep.id });

  // No reload: the task.changed event removes the row the rep can no longer see.
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Notifications, 2 unread' })).toBeVisible();
  await inbox.bell(page).click();
  // One card for the task: the reassignment on top of the assignment.
  const card = inbox.item(page, title);
  await expect(card).toContainText(`2 updates on ${title}`);
  await card.getByRole('button', { name: 'Show all 2' }).click();
  const updates = card.getByRole('group', { name: 'Updates' }).locator('[data-sub-item]');
  await expect(updates.nth(0)).toContainText(
    `${manager.name} reassigned ${title} to ${otherRep.name}`,
  );
  await expect(updates.nth(1)).toContainText(`${manager.name} assigned you ${title}`);
  // The new assignee has it, and was told.
  const otherApi = await apiAs(otherRep);
  expect(await unread(otherApi)).toBe(1);
});

test('completing a task notifies its creator, and nobody about their own action', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [manager, rep] = await people('manager', 'sales');
  const managerApi = await apiAs(manager);
  const repApi = await apiAs(rep);

  // The manager completes a task of their own: no notification for anyone.
  const own = await managerApi.mutate<Created>('tasks.create', {
    title: uniqueName('Own task'),
    assigneeId: manager.id,
  });
  await managerApi.mutate('tasks.updateStatus', { taskId: own.id, status: 'done' });
  // The self-assignment did not notify either: the manager's count is still nothing.
  expect(await unread(managerApi)).toBe(0);

  const title = uniqueName('Send the quote');
  await managerApi.mutate('tasks.create', { title, assigneeId: rep.id });
  const managerSession = await signIn(manager);
  await expect(inbox.status(managerSession.page)).toHaveText('Live');

  const { page } = await signIn(rep);
  await openSection(page, 'Tasks');
  await choose(recordRow(page, title), /^Status of/, 'Done');
  await expect(page.getByText('Moved to Done')).toBeVisible();

  // The creator hears of it live, with who did it.
  const managerPage = managerSession.page;
  await expect(managerPage.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
  await inbox.bell(managerPage).click();
  await expect(inbox.item(managerPage, title)).toContainText(`${rep.name} completed ${title}`);
  // The completer is not told about their own action: only the assignment counts.
  expect(await unread(repApi)).toBe(1);
  expect(await unread(managerApi)).toBe(1);
});

test('“Mark done” on a card changes the task for its creator too', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [manager, rep] = await people('manager', 'sales');
  const title = uniqueName('Renew the contract');
  await (await apiAs(manager)).mutate('tasks.create', { title, assigneeId: rep.id });

  const managerSession = await signIn(manager);
  const managerPage = managerSession.page;
  await openSection(managerPage, 'Tasks');
  const managerRow = recordRow(managerPage, title);
  await expect(managerRow.getByRole('combobox', { name: /^Status of/ })).toHaveText('To do');

  const { page } = await signIn(rep);
  await expect(inbox.status(page)).toHaveText('Live');
  await inbox.bell(page).click();
  const card = inbox.item(page, title);
  await card.hover();
  await card.getByRole('button', { name: 'Mark done' }).click();
  await expect(card.getByText('Done', { exact: true })).toBeVisible();

  // The creator's open page follows without a reload, and they are told who did it.
  await expect(managerRow.getByRole('combobox', { name: /^Status of/ })).toHaveText('Done');
  await expect(managerPage.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
  await inbox.bell(managerPage).click();
  await expect(inbox.item(managerPage, title)).toContainText(`${rep.name} completed ${title}`);

  // The rep's own Tasks page agrees.
  await openSection(page, 'Tasks');
  await expect(recordRow(page, title).getByRole('combobox', { name: /^Status of/ })).toHaveText(
    'Done',
  );
});
