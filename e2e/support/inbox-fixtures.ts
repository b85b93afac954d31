import { mergeTests, type Locator, type Page } from '@playwright/test';
import { test as domainTest, type Person, type TrpcCaller } from './domain-fixtures';
import { expect, inbox, test as notificationTest } from './notification-fixtures';

/**
 * The inbox-state specs: people of their own (domain fixtures) plus the store and the
 * notification center's locators. Each test's badge numbers are its own person's.
 */
export const test = mergeTests(domainTest, notificationTest).extend<{
  /** A sales rep made for this test alone. */
  rep: Person;
  /** The rep, signed in, with the shell on screen (in a browser context of its own). */
  repPage: Page;
}>({
  rep: async ({ people }, use) => {
    const [rep] = await people('sales');
    await use(rep);
  },
  repPage: async ({ signIn, rep }, use) => {
    const { page } = await signIn(rep);
    // Notifications made from here on reach the page live (or in its first snapshot).
    await expect(inbox.status(page)).toHaveText('Live');
    await use(page);
  },
});
export { expect, inbox };
export { expectUnread, uniqueTitle, saveScreenshot } from './notification-fixtures';
export type { Person, TrpcCaller };

/** Another tab of the same browser (context), signed in already, with the shell on screen. */
export async function secondTab(page: Page, person: Person): Promise<Page> {
  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.getByRole('banner')).toContainText(person.name);
  return other;
}

export async function openPanel(page: Page): Promise<Locator> {
  await expect(inbox.status(page)).toHaveText('Live');
  await inbox.bell(page).click();
  const panel = inbox.panel(page);
  await expect(panel).toBeVisible();
  return panel;
}

/** Picks Inbox, Archived or Snoozed from the panel's view menu. */
export async function showView(page: Page, view: 'Inbox' | 'Archived' | 'Snoozed') {
  await inbox
    .panel(page)
    .getByRole('button', { name: /^View: / })
    .click();
  await page.getByRole('menuitemradio', { name: view }).click();
  await expect(inbox.panel(page).getByRole('button', { name: `View: ${view}` })).toBeVisible();
}

/** A row's own button, found by its name (the actions show on hover, so hover first). */
export async function rowButton(page: Page, title: string, name: string): Promise<Locator> {
  const row = inbox.item(page, title);
  await row.hover();
  // Exact: "Snooze" is the menu, "Snooze 1 h" a reminder card's own button.
  return row.getByRole('button', { name, exact: true });
}

/** The undo toast of an action ("Archived", "Marked 2 notifications as read"). */
export function undoToast(page: Page, text: string | RegExp): Locator {
  return page.locator('[data-sonner-toast]').filter({ hasText: text });
}

/** Opens the settings page from the user menu, as a user finds it. */
export async function openSettings(page: Page, person: Person): Promise<void> {
  await page.getByRole('button', { name: new RegExp(person.name) }).click();
  await page.getByRole('menuitem', { name: 'Notification settings' }).click();
  await expect(page.getByRole('heading', { name: 'Notification settings' })).toBeVisible();
}

export function channelSwitch(page: Page, type: string, channel: string): Locator {
  // Exact: "Tasks: Toast" is not "Reassigned tasks: Toast".
  return page.getByRole('switch', { name: `${type}: ${channel}`, exact: true });
}

/** A task assigned to `assignee` by `manager` (a task_assignment notification). */
export async function assignTask(manager: TrpcCaller, assignee: Person, title: string) {
  await manager.mutate('tasks.create', { title, assigneeId: assignee.id });
}

/** A lead assigned to `assignee` (sales) by `manager` (a lead_assignment notification). */
export async function assignLead(manager: TrpcCaller, assignee: Person, name: string) {
  const lead = await manager.mutate<{ id: string }>('leads.create', { name });
  await manager.mutate('leads.assign', { leadId: lead.id, assigneeId: assignee.id });
}
