import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  expect,
  request,
  type APIRequestContext,
  type BrowserContext,
  type Page,
  type TestInfo,
} from '@playwright/test';

/** An API context signed in through `auth.login` (not the form); the caller disposes it. */
export async function apiSignIn(
  baseURL: string,
  email: string,
  password: string,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/trpc/auth.login', {
    headers: { 'content-type': 'application/json' },
    data: { email, password },
  });
  expect(login.ok(), await login.text()).toBe(true);
  return api;
}

/** Puts a session cookie into `context`, so pages opened in it are signed in. */
export async function signInContext(
  context: BrowserContext,
  baseURL: string,
  email: string,
  password: string,
): Promise<void> {
  const api = await apiSignIn(baseURL, email, password);
  try {
    await context.addCookies((await api.storageState()).cookies);
  } finally {
    await api.dispose();
  }
}

const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Saves a screenshot into the test's output and into e2e/screenshots/<prefix>-<name>.png. */
export async function saveReviewScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { prefix, fullPage }: { prefix: string; fullPage?: boolean },
): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage });
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${prefix}-${name}.png`, fullPage });
}
