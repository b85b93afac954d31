import { expect, openSection, recordRow, test, uniqueName } from '../support/domain-fixtures';

test('creating an approver group with members lists it with their names', async ({
  people,
  signIn,
}) => {
  const [manager, approver, rep] = await people('manager', 'approver', 'sales');
  const { page } = await signIn(manager);
  await openSection(page, 'Approver groups');
  const name = uniqueName('Finance approvers');

  await page.getByRole('button', { name: 'New approver group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New approver group' });
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();

  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Description (optional)').fill('Purchases over $5,000.');
  const picker = dialog.getByRole('group', { name: /Members/ });
  // Each person is offered with their role.
  await expect(picker.getByRole('listitem').filter({ hasText: approver.name })).toContainText(
    'Approver',
  );
  await picker.getByRole('checkbox', { name: approver.name }).check();
  await picker.getByRole('checkbox', { name: rep.name }).check();
  await expect(picker).toContainText('2 selected');
  await dialog.getByRole('button', { name: 'Create group' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText('Approver group created', { exact: true })).toBeVisible();
  const row = recordRow(page, name);
  await expect(row).toHaveAttribute('data-highlighted', 'true');
  await expect(row).toContainText('Purchases over $5,000.');
  const members = row.getByRole('list', { name: 'Members' });
  // Avatar initials come first in each item's text.
  await expect(members.getByRole('listitem')).toHaveText([
    new RegExp(`${approver.name}$`),
    new RegExp(`${rep.name}$`),
  ]);
  await expect(row).toContainText(manager.name);
});

test("a taken group name shows the server's refusal under the name", async ({
  people,
  signIn,
  apiAs,
}) => {
  const [manager, approver] = await people('manager', 'approver');
  const name = uniqueName('Legal review');
  await (await apiAs(approver)).mutate('approverGroups.create', { name, memberIds: [] });
  const { page } = await signIn(manager);
  await openSection(page, 'Approver groups');

  await page.getByRole('button', { name: 'New approver group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New approver group' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create group' }).click();

  await expect(dialog.getByText(`An approver group named "${name}" already exists`)).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  // Editing the name clears the refusal.
  await dialog.getByLabel('Name').fill(`${name} 2`);
  await expect(dialog.getByText(/already exists/)).toBeHidden();
});

test('a member added to a group can open it from its link', async ({ people, signIn, apiAs }) => {
  const [manager, approver] = await people('manager', 'approver');
  const name = uniqueName('Hiring panel');
  const group = await (
    await apiAs(manager)
  ).mutate<{ id: string }>('approverGroups.create', {
    name,
    memberIds: [approver.id],
  });

  const { page } = await signIn(approver);
  await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
  await page.goto(`/#/approver-groups/${group.id}`);
  const row = recordRow(page, name);
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toContainText(approver.name);
});
