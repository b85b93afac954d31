import type { Locator } from '@playwright/test';
import { expect, openSection, test } from '../support/domain-fixtures';

/** Types `typed` characters into `field` (limited to `max`) and checks what the form shows. */
async function typePastTheLimit(dialog: Locator, label: string, max: number, typed: number) {
  const field = dialog.getByLabel(label, { exact: true });
  const count = (n: number) => dialog.getByText(`${String(n)} / ${String(max)}`, { exact: true });
  const below = Math.ceil(max * 0.8) - 1;

  await field.pressSequentially('a'.repeat(below));
  await expect(field).toHaveValue('a'.repeat(below));
  await expect(dialog.getByText(new RegExp(` / ${String(max)}$`))).toHaveCount(0); // no count yet

  await field.pressSequentially('b'.repeat(typed - below));
  await expect(field).toHaveValue('a'.repeat(below) + 'b'.repeat(max - below));
  await expect(count(max)).toBeVisible();
  const note = dialog.getByText(`That's the limit: ${String(max)} characters`);
  await expect(note).toBeVisible();
  await expect(field).toHaveAccessibleDescription(
    new RegExp(`No characters left of ${String(max)}.*That's the limit`),
  );
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  // Announced once typing pauses, politely.
  await expect(
    dialog.getByRole('status').filter({ hasText: `No characters left of ${String(max)}` }),
  ).toBeAttached();

  await field.press('Backspace');
  await expect(count(max - 1)).toBeVisible();
  await expect(note).toBeHidden();
  await expect(
    dialog.getByRole('status').filter({ hasText: `1 character left of ${String(max)}` }),
  ).toBeAttached();
  await field.press('End');
  await field.pressSequentially('cc');
  await expect(field).toHaveValue('a'.repeat(below) + 'b'.repeat(max - below - 1) + 'c');
  await expect(count(max)).toBeVisible();
}

test('the task title takes 200 characters, counting near the limit, and the task saves', async ({
  people,
  signIn,
}) => {
  const [rep] = await people('sales');
  const { page } = await signIn(rep);
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await typePastTheLimit(dialog, 'Title', 200, 250);

  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Task created')).toBeVisible();
});

test('the lead name and the approver group name stop at their limits, with the count and the note', async ({
  people,
  signIn,
}) => {
  const [manager] = await people('manager');
  const { page } = await signIn(manager);

  await openSection(page, 'Leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  const lead = page.getByRole('dialog', { name: 'New lead' });
  await typePastTheLimit(lead, 'Name', 200, 250);
  await lead.getByRole('button', { name: 'Create lead' }).click();
  await expect(lead).toBeHidden();
  await expect(page.getByText('Lead created')).toBeVisible();

  await openSection(page, 'Approver groups');
  await page.getByRole('button', { name: 'New approver group' }).click();
  const group = page.getByRole('dialog', { name: 'New approver group' });
  await typePastTheLimit(group, 'Name', 120, 150);
});
