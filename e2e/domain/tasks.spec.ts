import {
  choose,
  expect,
  openSection,
  personOption,
  recordRow,
  test,
  uniqueName,
} from '../support/domain-fixtures';

test('a manager creates a task for a sales rep through the form; it arrives in their list live', async ({
  people,
  signIn,
}) => {
  const [manager, rep] = await people('manager', 'sales');
  const repSession = await signIn(rep);
  const { page } = await signIn(manager);
  const title = uniqueName('Prepare Q3 forecast');

  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Description (optional)').fill('Numbers for the board meeting.');
  await dialog.getByRole('radio', { name: 'High' }).click();
  await dialog.getByLabel('Due date').fill('2030-05-04');
  await dialog.getByLabel('Due time').fill('14:30');
  await choose(dialog, 'Assignee', personOption(rep.name, 'Sales'));
  await dialog.getByRole('button', { name: 'Create task' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'New task' })).toBeFocused();
  await expect(page.getByText('Task created')).toBeVisible();
  const row = recordRow(page, title);
  await expect(row).toHaveAttribute('data-highlighted', 'true');
  await expect(row).toContainText('High');
  await expect(row).toContainText('Numbers for the board meeting.');
  await expect(row.getByRole('combobox', { name: /^Assignee of/ })).toContainText(rep.name);
  await expect(row.getByRole('combobox', { name: /^Status of/ })).toHaveText('To do');
  // The highlight is brief.
  await expect(row).not.toHaveAttribute('data-highlighted');

  // The rep's open page picks it up without a reload, in "All" and in "Assigned to me",
  // and the bell counts the assignment.
  const repRow = recordRow(repSession.page, title);
  await expect(repRow).toBeVisible();
  await expect(
    repSession.page.getByRole('button', { name: 'Notifications, 1 unread' }),
  ).toBeVisible();
  await repSession.page.getByRole('radio', { name: 'Assigned to me' }).click();
  await expect(repRow).toBeVisible();
  await expect(repRow.getByRole('combobox', { name: /^Assignee of/ })).toContainText(rep.name);
});

test('the task form explains what is missing and keeps focus on it', async ({ people, signIn }) => {
  const [rep] = await people('sales');
  const { page } = await signIn(rep);
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Due time').fill('09:00');
  await dialog.getByRole('button', { name: 'Create task' }).click();

  await expect(dialog.getByText('Title is required')).toBeVisible();
  await expect(dialog.getByText('Pick a date for the due time')).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');

  // Fixing a field clears its message at once.
  await dialog.getByLabel('Title').fill('Follow up with Globex');
  await expect(dialog.getByText('Title is required')).toBeHidden();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'New task' })).toBeFocused();
});

test('status and assignee change inline, with a confirmation, and stick', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [manager, rep, otherRep, approver] = await people('manager', 'sales', 'sales', 'approver');
  const title = uniqueName('Call supplier');
  await (
    await apiAs(manager)
  ).mutate('tasks.create', {
    title,
    priority: 'low',
    assigneeId: rep.id,
  });
  const { page } = await signIn(manager);
  const row = recordRow(page, title);
  await expect(row).toBeVisible();

  await choose(row, /^Status of/, 'In progress');
  await expect(page.getByText('Moved to In progress')).toBeVisible();
  await expect(row.getByRole('combobox', { name: /^Status of/ })).toHaveText('In progress');

  // The picker shows each person's role next to the name.
  await row.getByRole('combobox', { name: /^Assignee of/ }).click();
  await expect(
    page.getByRole('option', { name: personOption(approver.name, 'Approver') }),
  ).toBeVisible();
  await expect(
    page.getByRole('option', { name: personOption(manager.name, 'Manager') }),
  ).toBeVisible();
  await page.getByRole('option', { name: personOption(otherRep.name, 'Sales') }).click();
  await expect(page.getByText(`Assigned to ${otherRep.name}`)).toBeVisible();
  await expect(row.getByRole('combobox', { name: /^Assignee of/ })).toContainText(otherRep.name);

  await page.reload();
  await expect(row.getByRole('combobox', { name: /^Status of/ })).toHaveText('In progress');
  await expect(row.getByRole('combobox', { name: /^Assignee of/ })).toContainText(otherRep.name);
});

test('a link to a task (as notifications make) scrolls to it and marks it', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [rep] = await people('sales');
  const api = await apiAs(rep);
  const title = uniqueName('Send contract to Initech');
  const task = await api.mutate<{ id: string }>('tasks.create', { title });
  // Enough newer tasks that the linked one starts off screen.
  for (let i = 0; i < 12; i++) await api.mutate('tasks.create', { title: uniqueName('Filler') });
  const { page } = await signIn(rep, { viewport: { width: 1280, height: 600 } });
  const row = recordRow(page, title);
  await expect(row).not.toBeInViewport();

  await page.goto(`/#/tasks/${task.id}`);
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toBeInViewport();

  await openSection(page, 'Leads');
  await openSection(page, 'Tasks');
  await expect(row).not.toHaveAttribute('aria-current');
});
