import { createNotificationService, type NotificationService } from '@acme/notifications';
import {
  expect,
  test as base,
  type BrowserContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { Redis } from 'ioredis';
import { apiSignIn, saveReviewScreenshot } from './session';

export const DEMO_PASSWORD = 'demo-password';
export type DemoEmail =
  'sales1@demo.test' | 'sales2@demo.test' | 'manager@demo.test' | 'approver@demo.test';

export type NewNotification = Parameters<NotificationService['create']>[1];
export type CreatedNotification = Awaited<
  ReturnType<NotificationService['create']>
>['notification'];
type NotificationType = NewNotification['type'];

export interface Account {
  id: string;
  email: string;
  name: string;
}

/**
 * Signs in through the API (not the form) and puts the session cookie in `context`, so pages
 * opened in it are signed in. Returns the user, as auth.me reports it.
 */
export async function signInAs(
  context: BrowserContext,
  baseURL: string,
  email: DemoEmail,
): Promise<Account> {
  const api = await apiSignIn(baseURL, email, DEMO_PASSWORD);
  try {
    const me = await api.get('/trpc/auth.me');
    expect(me.ok(), await me.text()).toBe(true);
    const body = (await me.json()) as { result: { data: Account } };
    await context.addCookies((await api.storageState()).cookies);
    return body.result.data;
  } finally {
    await api.dispose();
  }
}

let sequence = 0;

/** A title no other test (or worker, or run) will use, to assert on what this test made. */
export function uniqueTitle(prefix: string): string {
  sequence += 1;
  const suffix = `${Date.now().toString(36)}${sequence}${Math.random().toString(36).slice(2, 6)}`;
  return `${prefix} ${suffix}`;
}

function recordId(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 12)}`;
}

export interface BuildOptions {
  /** Who did it; null (the default) for a system notification. */
  actor?: { id: string; name: string } | null;
  /** The record's name (task title, lead or group name); the notification's title by default. */
  recordName?: string;
  /** The record's id, to make several notifications about one record. */
  recordId?: string;
  /** Fields of the embedded task. */
  task?: Partial<Task>;
}
type Task = Extract<NewNotification, { type: 'task_assignment' }>['task'];

/**
 * A valid notification of `type` for the store, with record snapshots filled in. The panel
 * shows the record's name, so it defaults to the (unique) title: specs find cards by it.
 */
export function buildNotification(
  type: NotificationType,
  title: string,
  message = 'Created by an end-to-end test.',
  opts: BuildOptions = {},
): NewNotification {
  const now = new Date().toISOString();
  const name = opts.recordName ?? title;
  const actor = opts.actor ?? null;
  const task: Task = {
    id: opts.recordId ?? recordId('task'),
    title: name,
    description: null,
    priority: 'high' as const,
    status: 'to_do' as const,
    dueDate: null,
    dueTime: null,
    assigneeId: null,
    createdById: 'e2e',
    createdAt: now,
    updatedAt: now,
    ...opts.task,
  };
  switch (type) {
    case 'task_assignment':
    case 'task_unassigned':
    case 'task_completed':
      return { type, actor, title, message, task };
    case 'task_reminder':
      return {
        type,
        actor,
        title,
        message,
        task,
        reminder: {
          id: recordId('reminder'),
          taskId: task.id,
          remindAt: now,
          note: null,
          status: 'fired',
          createdById: 'e2e',
          createdAt: now,
        },
      };
    case 'lead_assignment':
      return {
        type,
        actor,
        title,
        message,
        lead: {
          id: opts.recordId ?? recordId('lead'),
          name,
          company: 'Globex',
          email: null,
          phone: null,
          value: 12000,
          source: null,
          assigneeId: null,
          createdById: 'e2e',
          createdAt: now,
          updatedAt: now,
        },
      };
    case 'approver_group_created':
      return {
        type,
        actor,
        title,
        message,
        approverGroup: {
          id: opts.recordId ?? recordId('group'),
          name,
          description: null,
          memberIds: [],
          createdById: 'e2e',
          createdAt: now,
        },
      };
  }
}

interface WorkerFixtures {
  /** The notification store on the run's Redis, as domain actions use it. */
  store: NotificationService;
}

interface TestFixtures {
  /** Which demo user `account` and `signedInPage` are; set per file with test.use(). */
  demoUser: DemoEmail;
  account: Account;
  /** A page of the app, signed in as `demoUser`, with the shell on screen. */
  signedInPage: Page;
  notify: (
    userId: string,
    opts?: { type?: NotificationType; title?: string; message?: string } & BuildOptions,
  ) => Promise<CreatedNotification>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  store: [
    // Playwright reads a fixture's dependencies from this destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const url = process.env.E2E_REDIS_URL;
      if (!url) throw new Error('E2E_REDIS_URL is not set: run through the Playwright config');
      const redis = new Redis(url);
      const store = createNotificationService({
        redis,
        subscriber: new Redis(url),
        ttlSeconds: 86_400,
      });
      await use(store);
      await store.close();
      await redis.quit();
    },
    { scope: 'worker' },
  ],
  demoUser: ['sales1@demo.test', { option: true }],
  account: async ({ context, baseURL, demoUser }, use) => {
    if (!baseURL) throw new Error('baseURL is not configured');
    await use(await signInAs(context, baseURL, demoUser));
  },
  signedInPage: async ({ page, account }, use) => {
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(account.name);
    await use(page);
  },
  notify: async ({ store }, use) => {
    await use(async (userId, opts = {}) => {
      const input = buildNotification(
        opts.type ?? 'task_assignment',
        opts.title ?? uniqueTitle('Task assigned'),
        opts.message,
        opts,
      );
      return (await store.create(userId, input)).notification;
    });
  },
});

export { expect };

/** Locators for the notification center, by role and name as a user finds them. */
export const inbox = {
  bell: (page: Page): Locator =>
    page.getByRole('button', { name: /^Notifications(, \d+ unread)?$/ }),
  badge: (page: Page): Locator => page.getByTestId('notification-badge'),
  status: (page: Page): Locator => page.getByTestId('connection-status'),
  panel: (page: Page): Locator => page.getByRole('dialog', { name: 'Notifications' }),
  item: (page: Page, title: string): Locator =>
    inbox.panel(page).getByRole('listitem').filter({ hasText: title }),
  toast: (page: Page, title: string): Locator =>
    page.getByTestId('notification-toast').filter({ hasText: title }),
};

/** Waits until the page's unread count reads `count`. */
export async function expectUnread(page: Page, count: number): Promise<void> {
  await expect(inbox.bell(page)).toHaveAccessibleName(`Notifications, ${count} unread`);
}

/** Opens a signed-in tab in `context` (which already has the session cookie). */
export async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

/** Saves a screenshot into the test's output and into e2e/screenshots/ for review. */
export const saveScreenshot = (page: Page, testInfo: TestInfo, name: string) =>
  saveReviewScreenshot(page, testInfo, name, { prefix: 'notifications' });
