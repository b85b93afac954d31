import { randomUUID } from 'node:crypto';
import { createUserService } from '@acme/auth';
import type { Role } from '@acme/contracts';
import {
  expect,
  test as base,
  type APIRequestContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { Redis } from 'ioredis';
import { apiSignIn, saveReviewScreenshot } from './session';

export { expect };

/**
 * A user made for one test (or one showcase), straight in the run's Redis as `pnpm
 * users:add` does. The demo users' unread counts belong to the notification specs, which
 * assert exact badge numbers; every notification these specs cause goes to people of their
 * own instead.
 */
export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

const PASSWORD = 'domain-e2e-password';
const roleWords: Record<Role, [first: string, label: string]> = {
  manager: ['Maya', 'Manager'],
  sales: ['Sam', 'Sales'],
  approver: ['Avery', 'Approver'],
  member: ['Morgan', 'Member'],
};

/** Creates people; `name` defaults to a readable unique one ("Sam Sales 3f9a"). */
export async function createPeople<const S extends readonly { role: Role; name?: string }[]>(
  specs: S,
): Promise<{ [K in keyof S]: Person }> {
  const url = process.env.E2E_REDIS_URL;
  if (!url) throw new Error('E2E_REDIS_URL is not set: run through the Playwright config');
  const redis = new Redis(url);
  try {
    const users = createUserService(redis);
    const people: Person[] = [];
    for (const { role, name } of specs) {
      const id = randomUUID().slice(0, 8);
      const [first, label] = roleWords[role];
      const user = await users.create({
        email: `domain-${id}@e2e.test`,
        name: name ?? `${first} ${label} ${id.slice(0, 4)}`,
        role,
        password: PASSWORD,
      });
      people.push({ ...user, password: PASSWORD });
    }
    // One person per spec, in order: the tuple type says what the loop did.
    return people as { [K in keyof S]: Person };
  } finally {
    redis.disconnect();
  }
}

export interface Session {
  page: Page;
  person: Person;
}

export interface TrpcCaller {
  query<T>(path: string, input?: unknown): Promise<T>;
  mutate<T>(path: string, input: unknown): Promise<T>;
}

interface DomainFixtures {
  /** New people for this test, one per role asked for, in that order. */
  people: <const R extends readonly Role[]>(...roles: R) => Promise<{ [K in keyof R]: Person }>;
  /**
   * A signed-in page for `person` in a browser context of its own (so two people can be on
   * screen at once), signed in through the API. Contexts close when the test ends.
   */
  signIn: (person: Person, options?: BrowserContextOptions) => Promise<Session>;
  /** A tRPC caller with that person's session, to set up records or check the server. */
  apiAs: (person: Person) => Promise<TrpcCaller>;
}

function callerFor(api: APIRequestContext): TrpcCaller {
  const unwrap = async <T>(response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    const body = (await response.json()) as { result?: { data: T }; error?: unknown };
    if (!response.ok() || !body.result) throw new Error(JSON.stringify(body.error ?? body));
    return body.result.data;
  };
  return {
    query: async <T>(path: string, input?: unknown) =>
      unwrap<T>(
        await api.get(`/trpc/${path}`, {
          params: input === undefined ? {} : { input: JSON.stringify(input) },
        }),
      ),
    mutate: async <T>(path: string, input: unknown) =>
      unwrap<T>(
        await api.post(`/trpc/${path}`, {
          headers: { 'content-type': 'application/json' },
          data: input,
        }),
      ),
  };
}

const logIn = (baseURL: string, person: Person) =>
  apiSignIn(baseURL, person.email, person.password);

export const test = base.extend<DomainFixtures>({
  // Playwright reads a fixture's dependencies from this destructuring: none here.
  // eslint-disable-next-line no-empty-pattern
  people: async ({}, use) => {
    await use(
      <const R extends readonly Role[]>(...roles: R) =>
        createPeople(roles.map((role) => ({ role }))) as Promise<{ [K in keyof R]: Person }>,
    );
  },
  signIn: async ({ browser, baseURL }, use) => {
    const contexts: { close: () => Promise<void> }[] = [];
    await use(async (person, options = {}) => {
      if (!baseURL) throw new Error('baseURL is not configured');
      const context = await browser.newContext(options);
      contexts.push(context);
      const api = await logIn(baseURL, person);
      await context.addCookies((await api.storageState()).cookies);
      await api.dispose();
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('banner')).toContainText(person.name);
      return { page, person };
    });
    for (const context of contexts) await context.close();
  },
  apiAs: async ({ baseURL }, use) => {
    const contexts: APIRequestContext[] = [];
    await use(async (person) => {
      if (!baseURL) throw new Error('baseURL is not configured');
      const api = await logIn(baseURL, person);
      contexts.push(api);
      return callerFor(api);
    });
    for (const api of contexts) await api.dispose();
  },
});

/** A name no other test, worker or run will use. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${crypto.randomUUID().slice(0, 8)}`;
}

/** Opens a section through the header's links, as a user would. */
export async function openSection(page: Page, name: 'Tasks' | 'Leads' | 'Approver groups') {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The table row (wide screens) or card (phones) of the record titled exactly `title`. */
export function recordRow(page: Page, title: string): Locator {
  return page
    .locator('[data-record-id]')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** A person's option in a picker, whose name is the person's name and then their role. */
export function personOption(name: string, role: string): RegExp {
  return new RegExp(`^${name}\\W+${role}$`);
}

/** Picks `option` in the Radix Select labelled `name` inside `scope`. */
export async function choose(
  scope: Page | Locator,
  name: string | RegExp,
  option: string | RegExp,
) {
  await scope.getByRole('combobox', { name }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option }).click();
}

/** Saves a screenshot into the test's output and into e2e/screenshots/ as domain-<name>.png. */
export const saveScreenshot = (
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: { fullPage?: boolean } = {},
) => saveReviewScreenshot(page, testInfo, name, { prefix: 'domain', ...options });
