import { expect, recordRow, test, uniqueName } from '../support/domain-fixtures';

test("a reminder set 3 s ahead reaches the assignee's open page as a toast", async ({
  people,
  signIn,
  apiAs,
}) => {
  const [manager, rep] = await people('manager', 'sales');
  const title = uniqueName('Renew insurance');
  await (await apiAs(manager)).mutate('tasks.create', { title, assigneeId: rep.id });

  const repSession = await signIn(rep);
  const { page } = await signIn(manager);
  await recordRow(page, title)
    .getByRole('button', { name: /^Reminders for/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Reminders' });
  await expect(dialog).toContainText(`${rep.name} will get a notification at this time.`);

  await dialog.getByLabel('Note (optional)').fill('Policy lapses on Friday');
  // Typed as a person would, in the browser's local time, 3 s from now (the case);
  // the field has whole seconds, so it goes off 2–3 s after this.
  const remindAt = await page.evaluate(() => {
    const at = new Date(Date.now() + 3_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
    return `${day}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  });
  await dialog.getByLabel('Remind at').fill(remindAt);
  await dialog.getByRole('button', { name: 'Set reminder' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Reminder set for \d{1,2}:\d{2}/)).toBeVisible();

  // The notification center's toast (its screen-reader announcement repeats the title,
  // hence exact).
  await expect(repSession.page.getByText(`Task Reminder: ${title}`, { exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await expect(repSession.page.getByText(/Policy lapses on Friday/).first()).toBeVisible();

  // It went out through the scheduler: the task's reminder now reads as sent.
  await recordRow(page, title)
    .getByRole('button', { name: /^Reminders for/ })
    .click();
  await expect(dialog.getByRole('list', { name: 'Reminders on this task' })).toContainText('Sent');
});

test('quick times fill the field; a reminder can be listed and cancelled', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [rep] = await people('sales');
  const title = uniqueName('Book venue');
  await (await apiAs(rep)).mutate('tasks.create', { title });
  const { page } = await signIn(rep);
  const row = recordRow(page, title);

  await row.getByRole('button', { name: /^Reminders for/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Reminders' });
  await expect(dialog.getByText('No reminders on this task yet.')).toBeVisible();
  await expect(dialog).toContainText('You will get a notification at this time.');

  // Nothing picked: the field says so.
  await dialog.getByRole('button', { name: 'Set reminder' }).click();
  await expect(dialog.getByText('Pick a date and time')).toBeVisible();
  await expect(dialog.getByLabel('Remind at')).toBeFocused();

  await dialog.getByRole('button', { name: 'In 1 hour' }).click();
  await expect(dialog.getByLabel('Remind at')).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Set reminder' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Reminder set for /)).toBeVisible();

  // The row now shows when the reminder goes off.
  const trigger = row.getByRole('button', { name: /^Reminders for .*, next at / });
  await expect(trigger).toBeVisible();
  await trigger.click();
  const list = dialog.getByRole('list', { name: 'Reminders on this task' });
  await expect(list).toContainText('Scheduled');
  await dialog.getByRole('button', { name: /^Cancel the reminder at/ }).click();
  await expect(page.getByText('Reminder cancelled')).toBeVisible();
  await expect(list).toContainText('Cancelled');
  await page.keyboard.press('Escape');
  await expect(trigger).toHaveCount(0);
});

test('a reminder time in the past is refused before it reaches the server', async ({
  people,
  signIn,
  apiAs,
}) => {
  const [rep] = await people('sales');
  const title = uniqueName('File expenses');
  await (await apiAs(rep)).mutate('tasks.create', { title });
  const { page } = await signIn(rep);
  await recordRow(page, title)
    .getByRole('button', { name: /^Reminders for/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Reminders' });
  await dialog.getByLabel('Remind at').fill('2020-01-01T09:00');
  await dialog.getByRole('button', { name: 'Set reminder' }).click();
  await expect(dialog.getByText('Pick a reminder time in the future')).toBeVisible();
});
