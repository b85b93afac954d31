import { expect, test } from '@playwright/test';

test('a demo user signs in, sees their name, and signs out', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('sales1@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('banner')).toContainText('Sam Sales');
  await page.reload();
  await expect(page.getByRole('banner')).toContainText('Sam Sales'); // the session cookie persists

  await page.getByRole('button', { name: /Sam Sales/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password shows the server message and no session', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('sales1@demo.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong email or password')).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'acme_session')).toBeUndefined();
});
