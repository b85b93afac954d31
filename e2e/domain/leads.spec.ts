import { expect, personOption, recordRow, test, uniqueName } from '../support/domain-fixtures';

test('a manager adds a lead through the form and assigns it, picking from sales staff only', async ({
  people,
  signIn,
}) => {
  const [manager, rep, approver] = await people('manager', 'sales', 'approver');
  const repSession = await signIn(rep);
  await repSession.page.getByRole('link', { name: 'Leads', exact: true }).click();
  const { page } = await signIn(manager);
  await page.getByRole('link', { name: 'Leads', exact: true }).click();
  const name = uniqueName('Globex Corporation');

  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Company').fill('Globex');
  await dialog.getByLabel('Email').fill('hank@globex');
  await dialog.getByLabel('Value').fill('-5');
  await dialog.getByRole('button', { name: 'Create lead' }).click();

  // The shared schema's messages, under each field; focus goes to the first.
  await expect(dialog.getByText('Enter a valid email address')).toBeVisible();
  await expect(dialog.getByText('Value cannot be negative')).toBeVisible();
  await expect(dialog.getByLabel('Email')).toBeFocused();

  await dialog.getByLabel('Email').fill('hank@globex.test');
  await dialog.getByLabel('Phone').fill('+1 555 0100');
  await dialog.getByLabel('Value').fill('12,000');
  await dialog.getByLabel('Source').fill('Referral');
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Lead created')).toBeVisible();

  const row = recordRow(page, name);
  await expect(row).toHaveAttribute('data-highlighted', 'true');
  await expect(row).toContainText('$12,000');
  await expect(row).toContainText('hank@globex.test');

  const assign = row.getByRole('combobox', { name: /^Assign “/ });
  await expect(assign).toHaveText('Assign');
  await assign.click();
  await expect(page.getByRole('option', { name: personOption(rep.name, 'Sales') })).toBeVisible();
  // Every option is someone in sales; the manager and approvers are not offered.
  for (const option of await page.getByRole('option').all()) {
    await expect(option).toHaveAccessibleName(/\W+Sales$/);
  }
  await expect(page.getByRole('option', { name: new RegExp(approver.name) })).toHaveCount(0);
  await expect(page.getByRole('option', { name: new RegExp(manager.name) })).toHaveCount(0);
  await page.getByRole('option', { name: personOption(rep.name, 'Sales') }).click();

  await expect(page.getByText(`Assigned to ${rep.name}`)).toBeVisible();
  await expect(assign).toContainText(rep.name);

  // The rep's open page lists the lead as soon as the assignment notification arrives.
  await expect(recordRow(repSession.page, name)).toContainText(rep.name);
  await expect(
    repSession.page.getByRole('button', { name: 'Notifications, 1 unread' }),
  ).toBeVisible();
});

test('sales staff see who a lead is assigned to, but no Assign action', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [manager, rep] = await people('manager', 'sales');
  const managerApi = await apiAs(manager);
  const name = uniqueName('Initech');
  const lead = await managerApi.mutate<{ id: string }>('leads.create', { name, value: 5000 });
  await managerApi.mutate('leads.assign', { leadId: lead.id, assigneeId: rep.id });

  const { page } = await signIn(rep);
  await page.goto(`/#/leads/${lead.id}`);
  const row = recordRow(page, name);
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toContainText(rep.name);
  await expect(row).toContainText('$5,000');
  await expect(page.getByRole('combobox', { name: /^Assign/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Assign/ })).toHaveCount(0);

  // The server agrees: sales staff cannot assign leads.
  const repApi = await apiAs(rep);
  const refusal = repApi.mutate('leads.assign', { leadId: lead.id, assigneeId: rep.id });
  await expect(refusal).rejects.toThrow('Only managers can assign leads');
  await expect(refusal).rejects.toThrow('"FORBIDDEN"');
});
