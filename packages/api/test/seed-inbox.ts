import type { Notification, NotificationType, NotificationView, User } from '@acme/contracts';
import type { Harness } from './harness';

export interface SeededInbox {
  manager: User;
  /** A sales user, so both tasks and leads can be assigned to them. */
  user: User;
  /** What was created for `user`, newest first, as the inbox lists it. */
  items: Notification[];
}

/**
 * A fresh user with `tasks` task assignments and `leads` lead assignments, made through the
 * domain actions that notify, tasks first.
 */
export async function seedInbox(h: Harness, counts: { tasks: number; leads?: number }) {
  const manager = await h.newUser('manager');
  const user = await h.newUser('sales');
  for (let i = 0; i < counts.tasks; i++) {
    await h.as(manager).tasks.create({ title: `Task ${i}`, assigneeId: user.id });
  }
  for (let i = 0; i < (counts.leads ?? 0); i++) {
    const lead = await h.as(manager).leads.create({ name: `Lead ${i}` });
    await h.as(manager).leads.assign({ leadId: lead.id, assigneeId: user.id });
  }
  const { items } = await h.as(user).notifications.list({ limit: 100 });
  return { manager, user, items } satisfies SeededInbox;
}

/** The ids listed in one view (all pages of up to 100), and the inbox's unread count. */
export async function viewIds(h: Harness, user: User, view: NotificationView) {
  const { items } = await h.as(user).notifications.list({ view, limit: 100 });
  return items.map((n) => n.id);
}

export async function unreadIds(h: Harness, user: User, types?: NotificationType[]) {
  const { items } = await h.as(user).notifications.list({ unreadOnly: true, limit: 100, types });
  return items.map((n) => n.id);
}

/** Every view's ids and the unread count, checked to agree with the inbox's unread list. */
export async function inboxState(h: Harness, user: User) {
  const [inbox, archived, snoozed, unread, count] = await Promise.all([
    viewIds(h, user, 'inbox'),
    viewIds(h, user, 'archived'),
    viewIds(h, user, 'snoozed'),
    unreadIds(h, user),
    h.as(user).notifications.unreadCount(),
  ]);
  return { inbox, archived, snoozed, unread, count: count.count };
}
