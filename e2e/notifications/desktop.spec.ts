import { signInContext } from '../support/session';
import { createFreshUser } from '../support/fresh-user';
import {
  buildNotification,
  expect,
  inbox,
  test,
  uniqueTitle,
} from '../support/notification-fixtures';

interface Shown {
  title: string;
  body: string;
  tag: string;
}

declare global {
  interface Window {
    /** What the page handed to the Notification API, recorded by the init script below. */
    shownDesktop?: Shown[];
    clickDesktop?: (tag: string) => void;
  }
}

test('opt-in desktop notifications: only while the tab is hidden; clicking opens the item', async ({
  browser,
  baseURL,
  store,
}) => {
  const user = await createFreshUser('sales');
  const context = await browser.newContext({ baseURL });
  await context.grantPermissions(['notifications']);
  // Headless Chromium shows nothing on a desktop: record what the app asks for instead, and
  // let the test play the tab hidden (the app only notifies then) and click a notification.
  await context.addInitScript(() => {
    const shown: Shown[] = [];
    const byTag = new Map<string, { onclick: (() => void) | null }>();
    window.shownDesktop = shown;
    window.clickDesktop = (tag) => byTag.get(tag)?.onclick?.();
    class RecordingNotification extends EventTarget {
      static readonly permission: NotificationPermission = 'granted';
      static requestPermission = () => Promise.resolve<NotificationPermission>('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        super();
        shown.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
        byTag.set(options.tag ?? '', this);
      }
      close() {
        return undefined;
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
    let hidden = false;
    Object.defineProperty(document, 'hidden', { get: () => hidden });
    Object.defineProperty(document, 'visibilityState', {
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    Object.assign(window, {
      setTabHidden(value: boolean) {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
      },
    });
  });
  try {
    await signInContext(context, baseURL ?? '', user.email, user.password);

    const page = await context.newPage();
    await page.goto('/');
    await expect(inbox.status(page)).toHaveText('Live');
    const setHidden = (value: boolean) =>
      page.evaluate((v) => {
        (window as unknown as { setTabHidden(v: boolean): void }).setTabHidden(v);
      }, value);
    const shown = () => page.evaluate(() => window.shownDesktop?.map((s) => s.title) ?? []);

    // Not opted in: a hidden tab raises nothing.
    await setHidden(true);
    const beforeOptIn = uniqueTitle('Before opting in');
    await store.create(user.id, buildNotification('task_assignment', beforeOptIn));
    await expect(inbox.toast(page, beforeOptIn)).toBeAttached();
    expect(await shown()).toEqual([]);
    await setHidden(false);

    await page.getByRole('button', { name: new RegExp(user.name) }).click();
    await page.getByRole('menuitem', { name: 'Enable desktop notifications' }).click();
    await expect(page.getByText('Desktop notifications on')).toBeVisible();

    // Visible tab: the toast, no desktop notification.
    const whileVisible = uniqueTitle('While visible');
    await store.create(user.id, buildNotification('lead_assignment', whileVisible));
    await expect(inbox.toast(page, whileVisible)).toBeVisible();
    expect(await shown()).toEqual([]);

    // Hidden tab: exactly one desktop notification, with the title and message.
    await setHidden(true);
    const whileHidden = uniqueTitle('While hidden');
    const created = await store.create(
      user.id,
      buildNotification('task_assignment', whileHidden, 'Body of the hidden one'),
    );
    await expect.poll(shown).toEqual([whileHidden]);
    const [entry] = await page.evaluate(() => window.shownDesktop ?? []);
    expect(entry).toEqual({
      title: whileHidden,
      body: 'Body of the hidden one',
      tag: created.notification.id,
    });

    // Clicking it opens what it is about and marks it read.
    await setHidden(false);
    await page.evaluate((tag) => window.clickDesktop?.(tag), created.notification.id);
    const { notification } = created;
    if (notification.type !== 'task_assignment') throw new Error('expected a task notification');
    await expect(page).toHaveURL(new RegExp(`#/tasks/${notification.task.id}$`));
    const isRead = async () => {
      const page = await store.list(user.id, { limit: 10 });
      return page.items.find((n) => n.id === created.notification.id)?.isRead;
    };
    await expect.poll(isRead).toBe(true);

    // Desktop off for a type (the settings page): that type raises none, another still does.
    await page.getByRole('button', { name: new RegExp(user.name) }).click();
    await page.getByRole('menuitem', { name: 'Notification settings' }).click();
    const leadsDesktop = page.getByRole('switch', { name: 'Leads: Desktop' });
    await leadsDesktop.click();
    await expect(leadsDesktop).toHaveAttribute('aria-checked', 'false');
    await setHidden(true);
    const quietLead = uniqueTitle('Lead without a desktop one');
    const loudTask = uniqueTitle('Task with a desktop one');
    await store.create(user.id, buildNotification('lead_assignment', quietLead));
    await store.create(user.id, buildNotification('task_assignment', loudTask));
    await expect.poll(shown).toEqual([whileHidden, loudTask]);
  } finally {
    await context.close();
  }
});
