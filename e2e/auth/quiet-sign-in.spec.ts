import type { Page } from '@playwright/test';
import { expect, test } from '../support/domain-fixtures';

/** Console errors, uncaught exceptions and 4xx/5xx responses the page sees from now on. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    problems.push(`uncaught: ${error.message}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${String(response.status())} ${response.url()}`);
  });
  return problems;
}

test('the sign-in page probes the session without a 401 or a console error, before and after signing in', async ({
  page,
  people,
}) => {
  const [rep] = await people('sales');
  const problems = collectProblems(page);

  const probe = page.waitForResponse((response) => response.url().includes('/trpc/auth.session'));
  await page.goto('/');
  expect((await probe).status()).toBe(200);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(problems).toEqual([]);

  await page.getByLabel('Email').fill(rep.email);
  await page.getByLabel('Password').fill(rep.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(rep.name);
  // The signed-in shell's first requests have answered: the inbox and the stream.
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(page.getByText(/No notifications yet/)).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  expect(problems).toEqual([]);

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: new RegExp(rep.name) }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(problems).toEqual([]);
});
